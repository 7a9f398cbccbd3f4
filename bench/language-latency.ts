/**
 * Quick latency check of the editing features on a generated 4 MB contract (1,000 objects x 20 properties):
 * the pure core (completion, hover, definition on an already parsed document) and the same requests through
 * `dist/server.js` over stdio once the document's parse is cached. Parsing is timed separately, because it is
 * the part that grows with the file; everything after it must stay within 20 ms.
 *   npx tsx bench/language-latency.ts            (run `node scripts/build.mjs` first for the server part)
 */
import { performance } from 'node:perf_hooks';
import { CompletionRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { completeAt } from '../server/src/core/language/completion';
import { definitionAt } from '../server/src/core/language/definition';
import { hoverAt } from '../server/src/core/language/hover';
import { parseDescriptor } from '../server/src/core/yaml/parse';
import { TestLspClient } from '../test/server/lspClient';

const OBJECTS = 1000;
const PROPERTIES = 20;
const RUNS = 25;
const TYPES = ['string', 'integer', 'date', 'number', 'boolean'];

function generate(): string {
  const lines = ['apiVersion: v3.1.0', 'kind: DataContract', 'id: urn:bench:contract', 'version: 1.0.0', 'status: active', 'schema:'];
  for (let o = 0; o < OBJECTS; o++) {
    lines.push(`  - name: table_${o}`, `    physicalName: table_${o}`, '    physicalType: table', `    description: Table number ${o} of the benchmark.`, '    properties:');
    for (let p = 0; p < PROPERTIES; p++) {
      lines.push(`      - name: col_${o}_${p}`, `        logicalType: ${TYPES[p % TYPES.length]}`, '        physicalType: varchar(120)',
        `        description: Column ${p} of table ${o}, generated for the latency benchmark of datsis.`, '        classification: internal');
      if (p === 1) lines.push('        relationships:', `          - to: table_${o}.col_${o}_0`);
    }
  }
  return lines.join('\n') + '\n';
}

/** Inserts `line` after the first line of the middle object's 10th property and returns the text and cursor. */
function withLine(text: string, line: string): { text: string; offset: number } {
  const anchor = text.indexOf(`      - name: col_${OBJECTS / 2}_10\n`);
  const at = text.indexOf('\n', anchor) + 1;
  const cursor = line.indexOf('‸');
  const inserted = line.replace('‸', '') + '\n';
  return { text: text.slice(0, at) + inserted + text.slice(at), offset: at + cursor };
}

/** The first call (cold caches, JIT) apart from the warm ones, whose median, 90th percentile and max follow. */
function stats(samples: number[]): string {
  const [first = 0, ...warm] = samples;
  const sorted = [...warm].sort((a, b) => a - b);
  const at = (fraction: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!.toFixed(2);
  return `first ${first.toFixed(2)} ms; then median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms`;
}

function time(run: () => unknown): number[] {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return samples;
}

async function main(): Promise<void> {
  const base = generate();
  console.log(`contract: ${(base.length / (1024 * 1024)).toFixed(2)} MB, ${OBJECTS} objects x ${PROPERTIES} properties`);
  const context = { uri: 'file:///bench/contract.odcs.yaml', workspace: undefined };

  const cases: { label: string; line: string; run: 'completion' | 'hover' | 'definition' }[] = [
    { label: 'completion, empty line in a property', line: '        ‸', run: 'completion' },
    { label: 'completion, after `- ` (new property)', line: '      - ‸', run: 'completion' },
    { label: 'completion, after `logicalType: `', line: '        logicalType: ‸', run: 'completion' },
    { label: 'completion, relationship target (two-step)', line: '        relationships:\n          - to: ‸', run: 'completion' },
    { label: 'hover on a key', line: '        physical‸Name: x', run: 'hover' },
    { label: 'hover on a relationship target', line: '        relationships:\n          - to: table_0.col_‸0_0', run: 'hover' },
    { label: 'definition of a relationship target', line: '        relationships:\n          - to: table_0.col_‸0_0', run: 'definition' },
  ];
  for (const { label, line, run } of cases) {
    const { text, offset } = withLine(base, line);
    const parseStart = performance.now();
    const parsed = parseDescriptor(text);
    const parseMs = performance.now() - parseStart;
    const call = run === 'completion' ? () => completeAt(parsed, offset, context)
      : run === 'hover' ? () => hoverAt(parsed, offset, context) : () => definitionAt(parsed, offset, context);
    const results = call();
    const count = Array.isArray(results) ? `${results.length} results` : results ? 'a result' : 'no result';
    console.log(`core  ${label}: ${stats(time(call))} (${count}; full parse of that text took ${parseMs.toFixed(0)} ms)`);
  }

  const client = new TestLspClient();
  try {
    await client.initialize({ textDocument: { completion: { completionItem: { snippetSupport: true } } } });
    const uri = 'file:///bench/contract.odcs.yaml';
    const { text, offset } = withLine(base, '        ‸');
    const openStart = performance.now();
    await client.open(uri, text);
    await client.diagnostics(uri);
    console.log(`server open -> first diagnostics: ${(performance.now() - openStart).toFixed(0)} ms (parse + validation, shared by all features)`);
    const document = TextDocument.create(uri, 'yaml', 1, text);
    const hoverOffset = text.indexOf('physicalName', offset);
    for (const [label, send] of [
      ['completion', () => client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: document.positionAt(offset) })],
      ['hover', () => client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: document.positionAt(hoverOffset) })],
    ] as const) {
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        await send();
        samples.push(performance.now() - start);
      }
      console.log(`server ${label} round trip (parse cached): ${stats(samples)}`);
    }
  } finally {
    await client.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
