/**
 * Where does edit -> diagnostics time go? Runs the server's per-keystroke pipeline in process on a generated
 * contract and prints each stage: incremental parse, every analyzer, and the conversion to LSP diagnostics.
 *   npx tsx bench/profile-edit.ts [objects] [properties]
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { schemaAnalyzer } from '../server/src/core/validation/schemaAnalyzer';
import { semanticAnalyzer } from '../server/src/core/semantic/semanticAnalyzer';
import { datsisAnalyzer } from '../server/src/core/datsis/analyzer';
import { ddlAnalyzer } from '../server/src/core/ddl/analyzer';
import { analyze } from '../server/src/core/analyze';
import { reparseDescriptor } from '../server/src/core/yaml/incremental';
import { parseDescriptor } from '../server/src/core/yaml/parse';
import { findingToDiagnostic } from '../server/src/convert';
// @ts-expect-error plain JS module
import { generateContract } from './generate.mjs';

const objects = Number(process.argv[2] ?? 100);
const properties = Number(process.argv[3] ?? 20);
const contract = generateContract({ objects, properties }) as { text: string; editOffset: number };
const context = { uri: 'file:///bench.odcs.yaml', workspace: undefined };
const time = <T>(label: string, work: () => T): T => {
  const started = performance.now();
  const result = work();
  console.log(`${label.padEnd(28)} ${(performance.now() - started).toFixed(1).padStart(8)} ms`);
  return result;
};

let parsed = time('full parse', () => parseDescriptor(contract.text));
analyze(parsed, context); // warm caches and JIT as a running server would be
for (let round = 0; round < 3; round++) {
  console.log(`--- keystroke ${round + 1}`);
  const at = contract.editOffset;
  const text = contract.text.slice(0, at) + 'x'.repeat(round + 1) + contract.text.slice(at + 1);
  parsed = time('incremental parse', () => reparseDescriptor(parsed, text));
  const findingsFirst = time('analyze (all, the server path)', () => analyze(parsed, context));
  void findingsFirst;
  // Each analyzer on its own parse, so no analyzer profits from another's per-parse caches.
  for (const [name, analyzer] of [['schema', schemaAnalyzer], ['semantic', semanticAnalyzer], ['datsis', datsisAnalyzer], ['ddl', ddlAnalyzer]] as const) {
    const fresh = parseDescriptor(text);
    time(`  ${name} (fresh parse)`, () => analyzer(fresh, context));
  }
  const findings = time('analyze (all)', () => analyze(parsed, context));
  const document = TextDocument.create(context.uri, 'yaml', round + 2, text);
  const diagnostics = time(`convert ${findings.length} findings`, () => findings.map((finding) => findingToDiagnostic(document, finding)));
  time('serialise', () => JSON.stringify(diagnostics).length);
}
