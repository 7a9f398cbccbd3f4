/**
 * What does the semantic layer cost per keystroke? Parses a generated contract, analyses it once (the previous
 * version, as in a running server), then types one character at a time inside one schema object through the
 * incremental reparse and times `semanticAnalyzer` alone. The schema layer runs first, untimed, because the
 * server runs it first and the semantic layer reuses its memoised result. After timing, the findings of the last
 * version are compared with those of a fresh full parse, so a fast but stale cache cannot pass unnoticed.
 *   npx tsx bench/semantic-edit.ts [objects] [properties] [--relationships]
 * `--relationships` gives every object a foreign key to the previous object, so relationship resolution is paid.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Analyzer } from '../server/src/core/analyze';
import { semanticAnalyzer } from '../server/src/core/semantic/semanticAnalyzer';
import { schemaValidation } from '../server/src/core/validation/schemaAnalyzer';
import { reparseDescriptor } from '../server/src/core/yaml/incremental';
import { parseDescriptor } from '../server/src/core/yaml/parse';
// @ts-expect-error plain JS module
import { generateContract } from './generate.mjs';

const KEYSTROKES = 30;

/** Adds `relationships` to every object after the first: `col_<o>_1` references the previous object's key. */
function withRelationships(text: string, objects: number): string {
  for (let o = 1; o < objects; o++) {
    const head = `  - name: table_${o}\n`;
    const relationship = `    relationships:\n      - type: foreignKey\n        from: table_${o}.col_${o}_1\n        to: table_${o - 1}.col_${o - 1}_0\n`;
    text = text.replace(head, head + relationship);
  }
  return text;
}

export interface SemanticEditTimings {
  readonly first: number;
  readonly median: number;
  readonly max: number;
  /** Median CPU time of the process: on a shared machine it leaves out the time other processes had the CPU. */
  readonly medianCpu: number;
  readonly findings: number;
  readonly matchesFullParse: boolean;
}

/** Times `analyzer` after each of KEYSTROKES one-character edits; exported so an older analyzer can be compared. */
export function timeSemanticEdits(analyzer: Analyzer, objects: number, properties: number, relationships: boolean): SemanticEditTimings {
  const generated = generateContract({ objects, properties }) as { text: string };
  const original = relationships ? withRelationships(generated.text, objects) : generated.text;
  // The character to type over: the logical type of the third property of the middle object.
  const middleObject = original.indexOf(`- name: table_${Math.floor(objects / 2)}\n`);
  const at = original.indexOf('logicalType: ', original.indexOf('- name: col_', original.indexOf('- name: col_', middleObject) + 1) + 1) + 'logicalType: '.length;
  const context = { uri: 'file:///bench.odcs.yaml', workspace: undefined };
  let parsed = parseDescriptor(original);
  schemaValidation(parsed);
  let findings = analyzer(parsed, context);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let text = original;
  for (let keystroke = 0; keystroke < KEYSTROKES; keystroke++) {
    text = text.slice(0, at) + 'abcdefghij'[keystroke % 10] + text.slice(at + 1);
    parsed = reparseDescriptor(parsed, text);
    schemaValidation(parsed);
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    findings = analyzer(parsed, context);
    const cpu = process.cpuUsage(cpuStarted);
    times.push(performance.now() - started);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  const fresh = parseDescriptor(text);
  const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return {
    first: times[0]!, median: median(times), max: Math.max(...times), medianCpu: median(cpuTimes),
    findings: findings.length, matchesFullParse: isDeepStrictEqual(findings, analyzer(fresh, context)),
  };
}

export function report(label: string, timings: SemanticEditTimings): string {
  const ms = (value: number): string => `${value.toFixed(2)} ms`;
  return `${label.padEnd(40)} first ${ms(timings.first).padStart(10)}  median ${ms(timings.median).padStart(10)}  max ${ms(timings.max).padStart(10)}  `
    + `median CPU ${ms(timings.medianCpu).padStart(10)}  `
    + `${timings.findings} findings${timings.matchesFullParse ? '' : '  DIFFERS FROM A FULL PARSE'}`;
}

if (process.argv[1]?.endsWith('semantic-edit.ts')) {
  const positional = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const objects = Number(positional[0] ?? 1000);
  const properties = Number(positional[1] ?? 20);
  const relationships = process.argv.includes('--relationships');
  const timings = timeSemanticEdits(semanticAnalyzer, objects, properties, relationships);
  console.log(report(`semantic, ${objects} x ${properties}${relationships ? ' + relationships' : ''}`, timings));
  if (!timings.matchesFullParse) process.exitCode = 1;
}
