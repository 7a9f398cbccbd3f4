/**
 * Scoring on the keystroke path reuses per-object results from the previous version (checks/objectCoverage.ts),
 * so what it must never do is differ from scoring the same text from scratch. These tests type random edits into
 * a rule-rich contract and the example descriptors, each edit through the incremental reparse, and compare the
 * score report and the findings with those of a fresh full parse, under several rules configurations that change
 * between two scorings of the same parse.
 */
import * as assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type { AnalysisContext } from '../../../server/src/core/context';
import { datsisAnalyzer } from '../../../server/src/core/datsis/analyzer';
import { MAX_GAPS_PER_RULE, scoreDescriptor } from '../../../server/src/core/datsis/score';
import type { DimensionScores } from '../../../server/src/core/datsis/types';
import { reparseDescriptor } from '../../../server/src/core/yaml/incremental';
import { parseDescriptor, type ParsedDescriptor } from '../../../server/src/core/yaml/parse';
import { readExamples } from '../../support/examples';
import { contextFor, fakeWorkspace } from './harness';
import { ruleRichContract } from './incrementalFixture';

const CONTRACT_SCORES: DimensionScores = { discoverable: 70, addressable: 90, trustworthy: 40, selfDescribing: 60, interoperable: 80, secure: 30 };

/**
 * Built once, as a server holds its configuration between keystrokes: per-object results are reused while the
 * naming convention and the personal-data matcher stay the same, and must be recomputed when they change.
 */
const CONTEXTS: readonly AnalysisContext[] = [
  contextFor({}),
  contextFor({ rules: { naming: { convention: 'camelCase' }, personalDataPatterns: ['^note', 'amount'], requiredTags: ['sales', 'orders'] } }),
  contextFor({ rules: { rules: { 'S-examples': { enabled: false }, 'SEC-classification': { weight: 5, severity: 'warning' } }, minScore: 95 } }),
  contextFor({
    rules: { naming: { convention: 'any' } },
    workspace: fakeWorkspace([{ uri: 'file:///ws/sales/copy.odcs.yaml', id: 'urn:test:contract:sales:orders', kind: 'DataContract', version: '1.0.0' }]),
    contractScores: () => CONTRACT_SCORES,
  }),
];

/** What an author types at the end of a line. */
const APPENDED = ['x', 'Email', '_id', 'X', ' TODO', '0', ' of the day'];
/** Values an author types over the value of a `key: value` line. */
const VALUES = ['restricted', 'public', 'TODO', 'int', 'string', 'object', 'customerEmail', 'birth_date', 'What the value means to the business.', 'true', ''];
/**
 * What an author types on a new line, indented like the line above: keys most properties and objects lack, so
 * the new line rarely duplicates a key (a duplicate key makes every later edit a full parse).
 */
const NEW_LINES = [
  'examples: [1]', 'primaryKey: true', 'criticalDataElement: true', 'businessName: Order line', 'dataGranularityDescription: One row per line.',
  'quality: [{type: library, metric: rowCount}]', 'authoritativeDefinitions: [{type: businessDefinition, url: x}]', 'unique: true',
];
/** Anything, anywhere: structure characters that may force a full parse. */
const ANYWHERE = ['a', ' ', '\n', '- ', ': ', '#', '"', '[', '- name: x\n', '  '];

type EditKind = 'append' | 'value' | 'newline' | 'delete' | 'anywhere' | 'object';
type Edit = readonly [EditKind, number, number, number];

const edit: fc.Arbitrary<Edit> = fc.tuple(
  fc.constantFrom<EditKind>('append', 'append', 'value', 'value', 'value', 'newline', 'delete', 'anywhere', 'object'),
  // Where, in millionths of the text (fast-check's doubles cluster at 0, which would edit the first line only).
  fc.nat({ max: 999_999 }),
  fc.integer({ min: 0, max: 4 }),
  fc.nat(),
);

/** Applies one edit at the line picked by `where` (in millionths of the text). */
function applyEdit(text: string, [kind, where, count, pick]: Edit): string {
  const offset = Math.floor((where / 1_000_000) * text.length);
  if (kind === 'object') {
    // A new item before the next list item at the schema's indentation: every object after it moves one index down.
    // (The reparse parses such an edit in full today; the test of moved objects below covers reuse at a new index.)
    const next = text.indexOf('\n  - name: ', offset) + 1;
    const item = `  - name: inserted_${pick % 100}\n    properties:\n      - name: customer_email_${count}\n        logicalType: str\n`;
    return next > 0 ? text.slice(0, next) + item + text.slice(next) : text;
  }
  if (kind === 'anywhere') return text.slice(0, offset) + ANYWHERE[pick % ANYWHERE.length]! + text.slice(Math.min(text.length, offset + count));
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const found = text.indexOf('\n', offset);
  const lineEnd = found < 0 ? text.length : found;
  const line = text.slice(lineStart, lineEnd);
  switch (kind) {
    case 'delete': return text.slice(0, Math.max(lineStart, lineEnd - count - 1)) + text.slice(lineEnd);
    case 'append': return text.slice(0, lineEnd) + APPENDED[pick % APPENDED.length]! + text.slice(lineEnd);
    case 'value': {
      const colon = line.indexOf(': ');
      const at = colon < 0 ? lineEnd : lineStart + colon + 2;
      return text.slice(0, at) + VALUES[pick % VALUES.length]! + text.slice(lineEnd);
    }
    case 'newline': {
      const indent = /^[ -]*/.exec(line)![0].length;
      return `${text.slice(0, lineEnd)}\n${' '.repeat(indent)}${NEW_LINES[pick % NEW_LINES.length]!}${text.slice(lineEnd)}`;
    }
  }
}

/** The incremental parse scores exactly like the fresh one: outcomes first, so a failure names the rule. */
function assertScoresLikeFreshParse(incremental: ParsedDescriptor, fresh: ParsedDescriptor, context: AnalysisContext, label: string): void {
  const findings = datsisAnalyzer(incremental, context);
  const expectedFindings = datsisAnalyzer(fresh, context);
  const report = scoreDescriptor(incremental, context);
  const expected = scoreDescriptor(fresh, context);
  assert.deepEqual(report?.outcomes, expected?.outcomes, `outcomes ${label}`);
  assert.deepEqual(report?.gaps.map((gap) => `${gap.rule} ${gap.span.start}-${gap.span.end} ${gap.message}`),
    expected?.gaps.map((gap) => `${gap.rule} ${gap.span.start}-${gap.span.end} ${gap.message}`), `gaps ${label}`);
  assert.deepEqual(report, expected, `report ${label}`);
  assert.deepEqual(findings, expectedFindings, `findings ${label}`);
}

describe('DATSIS incremental scoring', () => {
  const bases = [ruleRichContract(), ...readExamples().map((example) => example.text)];

  it('uses a fixture that trips the per-object rules and the gap limit', () => {
    const report = scoreDescriptor(parseDescriptor(bases[0]!), CONTEXTS[0]!)!;
    const failing = new Set(report.outcomes.filter((outcome) => outcome.gapCount > 0).map((outcome) => outcome.rule));
    for (const rule of ['D-object-business-name', 'D-object-description', 'A-physical-name', 'T-quality-coverage', 'T-cde-quality', 'T-primary-key',
      'S-property-description', 'S-logical-type', 'S-physical-type', 'S-examples', 'S-business-name', 'S-granularity', 'I-logical-types',
      'I-naming', 'I-semantic-links', 'SEC-classification', 'SEC-personal-data', 'SEC-roles', 'SEC-retention']) {
      assert.ok(failing.has(rule), `the fixture should fail ${rule}`);
    }
    const limited = report.outcomes.find((outcome) => outcome.gapCount > MAX_GAPS_PER_RULE);
    assert.ok(limited, 'one rule has more gaps than are listed');
    assert.equal(report.gaps.filter((gap) => gap.rule === limited.rule).length, MAX_GAPS_PER_RULE);
    assert.ok(report.gaps.some((gap) => gap.message.includes(`more gaps of ${limited.rule} are not listed`)));
  });

  it('scores like a fresh parse when the configuration changes between two scorings of one parse', () => {
    let text = bases[0]!;
    let parsed = parseDescriptor(text);
    for (const context of CONTEXTS) scoreDescriptor(parsed, context);
    // One character in a property of the third object: the incremental reparse keeps every other object.
    const at = text.indexOf('\n', text.indexOf('name: note_', text.indexOf('name: orders_2')));
    text = `${text.slice(0, at)}x${text.slice(at)}`;
    const previousDocument = parsed.document;
    parsed = reparseDescriptor(parsed, text, 0);
    assert.ok(parsed.document === previousDocument, 'the edit took the incremental path');
    const fresh = parseDescriptor(text);
    for (const index of [1, 0, 2, 1, 3, 0]) assertScoresLikeFreshParse(parsed, fresh, CONTEXTS[index]!, `with configuration ${index}`);
  });

  it('scores objects that moved to another index like a fresh parse, though their values are the same objects', () => {
    const text = bases[0]!;
    const before = parseDescriptor(text);
    const context = CONTEXTS[1]!;
    scoreDescriptor(before, context);
    const third = text.indexOf('  - name: orders_3');
    const fourth = text.indexOf('  - name: orderLines5');
    const edits: [string, string][] = [
      ['a schema object inserted', `${text.slice(0, third)}  - name: inserted\n    properties:\n      - name: customerEmail\n${text.slice(third)}`],
      ['a list item that is not an object inserted', `${text.slice(0, third)}  - just text\n${text.slice(third)}`],
      ['a schema object removed', text.slice(0, third) + text.slice(text.indexOf('  - name: ', third + 1))],
      ['two objects swapped', text.slice(0, third) + text.slice(fourth) + text.slice(third, fourth)],
    ];
    const previousObjects = (before.value as { schema: unknown[] }).schema;
    for (const [label, edited] of edits) {
      const fresh = parseDescriptor(edited);
      const value = fresh.value as { schema: unknown[] };
      // What a copy-on-write reparse keeps: an object equal to one of the previous version is that very object.
      const schema = value.schema.map((object) => previousObjects.find((previous) => isDeepStrictEqual(previous, object)) ?? object);
      assert.ok(schema.filter((object) => previousObjects.includes(object)).length >= 4, `${label}: objects are reused`);
      assertScoresLikeFreshParse({ ...fresh, value: { ...value, schema } }, fresh, context, label);
    }
  });

  it('scores exactly like a fresh parse after random edit sequences', function () {
    this.timeout(120_000);
    let steps = 0;
    let incremental = 0;
    fc.assert(fc.property(
      fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 0, max: bases.length - 1 }) }),
      fc.array(fc.tuple(edit, fc.integer({ min: 0, max: CONTEXTS.length - 1 }), fc.integer({ min: 0, max: CONTEXTS.length - 1 })), { minLength: 1, maxLength: 5 }),
      (base, edits) => {
        let text = bases[base]!;
        let parsed = parseDescriptor(text);
        scoreDescriptor(parsed, CONTEXTS[0]!);
        for (const [change, first, second] of edits) {
          text = applyEdit(text, change);
          const previousDocument = parsed.document;
          parsed = reparseDescriptor(parsed, text, 0);
          steps++;
          if (parsed.document === previousDocument) incremental++;
          const fresh = parseDescriptor(text);
          const label = `after ${JSON.stringify(change)} in base ${base}`;
          assertScoresLikeFreshParse(parsed, fresh, CONTEXTS[first]!, `${label}, configuration ${first}`);
          assertScoresLikeFreshParse(parsed, fresh, CONTEXTS[second]!, `${label}, then configuration ${second}`);
        }
      },
    ), { numRuns: 20, seed: 20260315 });
    // Equality is only interesting if most edits really reused the previous version's objects.
    assert.ok(incremental > steps / 2, `${incremental} of ${steps} edits were reparsed incrementally`);
  });
});
