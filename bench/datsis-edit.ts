/**
 * What DATSIS scoring costs per keystroke. Parses a generated contract, scores it once (a running server has
 * scored the previous version), then types characters into one property of the middle schema object through the
 * incremental reparse and times `datsisAnalyzer` on each new version, next to a cold scoring of a fresh parse.
 * The keystroke goal (issues #3/#4) is <= 10 ms on the 4 MB contract.
 *   npx tsx bench/datsis-edit.ts [objects ...]     (default: 100 1000, i.e. the 400 KB and 4 MB contracts)
 *   node --expose-gc --import tsx bench/datsis-edit.ts   (the same, the breakdown without garbage collection in it)
 */
import { datsisAnalyzer } from '../server/src/core/datsis/analyzer';
import { environmentFor } from '../server/src/core/datsis/environment';
import { buildModel } from '../server/src/core/datsis/model';
import { resolvePlace } from '../server/src/core/datsis/place';
import { RUBRIC } from '../server/src/core/datsis/rubric';
import type { CheckGap } from '../server/src/core/datsis/types';
import type { ParsedDescriptor } from '../server/src/core/yaml/parse';
import { reparseDescriptor } from '../server/src/core/yaml/incremental';
import { parseDescriptor } from '../server/src/core/yaml/parse';
// @ts-expect-error plain JS module
import { generateContract } from './generate.mjs';

const KEYSTROKES = 20;
const COLD_RUNS = 3;
const context = { uri: 'file:///bench/sales/bench.odcs.yaml', workspace: undefined };

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timed<T>(work: () => T): [T, number] {
  const started = performance.now();
  const result = work();
  return [result, performance.now() - started];
}

/**
 * Where a keystroke's scoring goes, on a version scored before (every result is memoised now, so this shows the
 * per-keystroke floor): building the model, running the rules, and resolving the spans of the listed gaps.
 */
function breakdown(parsed: ParsedDescriptor): string {
  (globalThis as { gc?: () => void }).gc?.(); // with --expose-gc: no collection of earlier garbage inside the timings
  const environment = environmentFor(context);
  const [model, modelTook] = timed(() => buildModel(parsed.kind!, parsed.value));
  const [gaps, rulesTook] = timed(() => RUBRIC.filter((rule) => rule.appliesTo !== 'DataProduct')
    .flatMap((rule): readonly CheckGap[] => rule.check(model, environment).gaps));
  const [, spansTook] = timed(() => gaps.forEach((gap) => resolvePlace(parsed.document, gap.at)));
  return `model ${modelTook.toFixed(2)} ms, rules ${rulesTook.toFixed(2)} ms, ${gaps.length} gap spans ${spansTook.toFixed(2)} ms`;
}

function bench(objects: number): void {
  const contract = generateContract({ objects, properties: 20 }) as { text: string; editOffset: number };
  let text = contract.text;
  let parsed = parseDescriptor(text);
  const [, first] = timed(() => datsisAnalyzer(parsed, context));
  datsisAnalyzer(parseDescriptor(text), context); // warm the JIT on a second full scoring
  const keystroke: number[] = [];
  let findings = 0;
  let incremental = 0;
  for (let index = 0; index < KEYSTROKES; index++) {
    const at = contract.editOffset + index;
    text = `${text.slice(0, at)}x${text.slice(at)}`;
    const previousDocument = parsed.document;
    parsed = reparseDescriptor(parsed, text);
    if (parsed.document === previousDocument) incremental++;
    const [result, took] = timed(() => datsisAnalyzer(parsed, context));
    keystroke.push(took);
    findings = result.length;
  }
  // Cold scoring for comparison: fresh parses of the last version share no object with the scored ones.
  const freshParses = Array.from({ length: COLD_RUNS }, () => parseDescriptor(text));
  const cold = freshParses.map((fresh) => timed(() => datsisAnalyzer(fresh, context))[1]);
  const same = JSON.stringify(datsisAnalyzer(freshParses[0]!, context)) === JSON.stringify(datsisAnalyzer(parsed, context));
  const size = `${(text.length / 1024).toFixed(0)} KB`;
  console.log(`${String(objects).padStart(5)} objects (${size}): first scoring ${first.toFixed(1)} ms, cold scoring of a fresh parse median ${median(cold).toFixed(1)} ms; `
    + `keystroke median ${median(keystroke).toFixed(2)} ms, max ${Math.max(...keystroke).toFixed(2)} ms `
    + `(${incremental}/${KEYSTROKES} incremental reparses, ${findings} findings, equal to a fresh parse: ${same}); ${breakdown(parsed)} | ${breakdown(parsed)} | ${breakdown(parsed)}`);
}

const sizes = process.argv.slice(2).map(Number).filter((value) => value > 0);
for (const objects of sizes.length ? sizes : [100, 1000]) bench(objects);
