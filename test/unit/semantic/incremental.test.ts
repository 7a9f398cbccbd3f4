/**
 * The semantic layer remembers each schema object's problems and reuses them while the incremental reparse keeps
 * the object identical. These tests edit the every-rule fixtures step by step, each step through the incremental
 * reparse, and demand after every step exactly the findings a fresh full parse gets: a remembered result that
 * should have been recomputed (an object renamed under a relationship that names it, a flag the schema lifted,
 * an object that moved to another index) shows up as a difference.
 */
import * as assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type { AnalysisContext } from '../../../server/src/core/context';
import { semanticAnalyzer } from '../../../server/src/core/semantic/semanticAnalyzer';
import type { Finding } from '../../../server/src/core/types';
import { reparseDescriptor } from '../../../server/src/core/yaml/incremental';
import { parseDescriptor, type ParsedDescriptor } from '../../../server/src/core/yaml/parse';
import { EVERY_RULE_CONTRACT, EVERY_RULE_PRODUCT, EXPECTED_CODES, everyRuleWorkspace } from './everyRule.fixture';
import { FIXTURE_URI } from './harness';

const FIXTURES = [
  { text: EVERY_RULE_CONTRACT, uri: FIXTURE_URI },
  { text: EVERY_RULE_PRODUCT, uri: 'file:///workspace/sales/orders.odps.yaml' },
];

/** Words of the fixtures and what they may become: renames of objects, properties, ids, types, positions, servers. */
const WORDS = [
  'orders', 'customers', 'clients', 'suppliers', 'customer_id', 'order_id', 'id', 'idd', 'email', 'street', 'zip', 'total',
  'cust_pk', 'customers_tbl', 'orders_tbl', 'q1', 'q2', '1', '2', '3', '-1', 'integer', 'string', 'number', 'boolean', 'object', 'date',
  'varchar', 'bigint', 'text', 'timestamp', 'sql', 'prod', 'dev', 'postgres', 'snowflak', 'true', 'false', 'minLength', 'maxLength',
  'urn:crm:customers', 'urn:crm:customerz', '2.0.0', 'v3.1.0', 'v3.0.2', 'v2.2.0', 'address', 'crm-accounts', 'crm-accountz',
];

/** What an author types anywhere: characters, YAML structure, whole new lines of properties, objects, relationships. */
const TYPED = [
  'a', 'x', ' ', '  ', '\n', ': ', '- ', '"', '#', '[', ']', '""',
  '\n        primaryKeyPosition: 2',
  '\n        logicalType: integer\n        physicalType: text',
  '\n      - name: customer_id\n        logicalType: string',
  '\n    relationships:\n      - from: orders.total\n        to: clients.id',
  '\n  - name: clients\n    properties:\n      - name: id\n        primaryKeyPosition: 2',
];

/** One edit of the text, chosen by numbers that fast-check draws (and shrinks). */
type Edit =
  | { readonly kind: 'rename'; readonly word: number; readonly occurrence: number; readonly into: number }
  | { readonly kind: 'type'; readonly at: number; readonly remove: number; readonly insert: number }
  | { readonly kind: 'newObject'; readonly before: number }
  | { readonly kind: 'deleteLine'; readonly line: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('rename' as const), word: fc.nat(), occurrence: fc.nat(), into: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('type' as const), at: fc.nat(), remove: fc.integer({ min: 0, max: 8 }), insert: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('newObject' as const), before: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteLine' as const), line: fc.nat() }) },
);

function wordStarts(text: string, word: string): number[] {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...text.matchAll(new RegExp(`(?<![\\w.:-])${escaped}(?![\\w:-])`, 'g'))].map((match) => match.index);
}

function lineStarts(text: string, pattern?: RegExp): number[] {
  const starts = [0, ...[...text.matchAll(/\n/g)].map((match) => match.index + 1)].filter((start) => start < text.length);
  return pattern ? starts.filter((start) => pattern.test(text.slice(start, text.indexOf('\n', start)))) : starts;
}

function applyEdit(text: string, step: Edit): string {
  const splice = (at: number, remove: number, insert: string): string => text.slice(0, at) + insert + text.slice(at + remove);
  switch (step.kind) {
    case 'rename': {
      const present = WORDS.filter((word) => wordStarts(text, word).length > 0);
      if (present.length === 0) return text;
      const word = present[step.word % present.length]!;
      const starts = wordStarts(text, word);
      return splice(starts[step.occurrence % starts.length]!, word.length, WORDS[step.into % WORDS.length]!);
    }
    case 'type': {
      const at = step.at % (text.length + 1);
      return splice(at, Math.min(step.remove, text.length - at), TYPED[step.insert % TYPED.length]!);
    }
    case 'newObject': {
      // Typed at the start of a schema object's line, the new object joins the item before: later objects move up an index.
      const starts = lineStarts(text, /^ {2}- name: /);
      if (starts.length === 0) return text;
      return splice(starts[step.before % starts.length]!, 0, '  - name: clients\n    properties:\n      - name: id\n        primaryKeyPosition: 2\n');
    }
    case 'deleteLine': {
      const starts = lineStarts(text);
      const start = starts[step.line % starts.length]!;
      const end = text.indexOf('\n', start);
      return splice(start, (end < 0 ? text.length : end + 1) - start, '');
    }
  }
}

/**
 * Whether the reparse produced what a full parse does. test/unit/yaml/incremental.test.ts owns that property; a
 * step where it fails would make this test blame the semantic layer for a different value, so such a step
 * continues from the full parse instead and the sequence goes on testing the semantic layer.
 */
function sameParse(incremental: ParsedDescriptor, full: ParsedDescriptor): boolean {
  return incremental.kind === full.kind && isDeepStrictEqual(incremental.value, full.value);
}

function assertSameFindings(incremental: ParsedDescriptor, context: AnalysisContext, history: readonly string[], full = parseDescriptor(incremental.text)): Finding[] {
  // The incremental version first, so it cannot profit from anything the fresh analysis leaves behind.
  const findings = semanticAnalyzer(incremental, context);
  const fresh = semanticAnalyzer(full, context);
  assert.deepStrictEqual(findings, fresh, `findings differ from a full parse after: ${history.join(' | ')}`);
  return [...findings];
}

describe('incremental semantic analysis', () => {
  it('starts from fixtures on which every semantic rule reports something', () => {
    const workspace = everyRuleWorkspace();
    const codes = new Set(FIXTURES.flatMap(({ text, uri }) => semanticAnalyzer(parseDescriptor(text), { uri, workspace }).map((finding) => finding.code)));
    assert.deepEqual([...codes].sort(), EXPECTED_CODES);
  });

  it('gives exactly the findings of a fresh full parse after random edit sequences', function () {
    this.timeout(300_000);
    const workspace = everyRuleWorkspace();
    let steps = 0;
    let incrementalSteps = 0;
    let parseMismatches = 0;
    fc.assert(fc.property(
      fc.integer({ min: 0, max: FIXTURES.length - 1 }),
      fc.array(edit, { minLength: 1, maxLength: 10 }),
      (which, edits) => {
        const { uri } = FIXTURES[which]!;
        const context = { uri, workspace };
        let text = FIXTURES[which]!.text;
        let parsed = parseDescriptor(text);
        semanticAnalyzer(parsed, context);
        const history: string[] = [];
        for (const step of edits) {
          text = applyEdit(text, step);
          history.push(JSON.stringify(step));
          const previousDocument = parsed.document;
          parsed = reparseDescriptor(parsed, text, 0);
          const full = parseDescriptor(text);
          steps++;
          if (!sameParse(parsed, full)) {
            // The reparse itself disagrees with a full parse: that layer's bug, not this one's (see sameParse).
            parseMismatches++;
            parsed = parseDescriptor(text);
          } else if (parsed.document === previousDocument) incrementalSteps++;
          assertSameFindings(parsed, context, history, full);
        }
      },
    ), { numRuns: 60, seed: 20261126 });
    // Edits that always fell back to a full parse would never reuse a remembered object: the test would prove nothing.
    assert.ok(incrementalSteps / steps >= 0.5, `only ${incrementalSteps} of ${steps} edits were reparsed incrementally (${parseMismatches} disagreed with a full parse)`);
  });

  // Today's reparse never splices a new schema object in beside unchanged ones (a sequence item is only reparsed
  // with its parent), so this builds the value such a splice would give: every old object one index further on.
  it('does not reuse an object\'s results at another index: its paths would point at the wrong object', () => {
    const context = { uri: FIXTURE_URI, workspace: everyRuleWorkspace() };
    const original = parseDescriptor(EVERY_RULE_CONTRACT);
    semanticAnalyzer(original, context);
    const text = EVERY_RULE_CONTRACT.replace('\nschema:\n', '\nschema:\n  - name: clients\n    properties:\n      - name: id\n');
    const fresh = parseDescriptor(text);
    const schemaOf = (parsed: ParsedDescriptor): unknown[] => (parsed.value as { schema: unknown[] }).schema;
    const spliced: ParsedDescriptor = { ...fresh, value: { ...(fresh.value as object), schema: [schemaOf(fresh)[0], ...schemaOf(original)] } };
    assert.deepStrictEqual(spliced.value, fresh.value);
    assertSameFindings(spliced, context, ['insert a schema object before the others']);
  });

  it('reports a relationship as broken once the object it names is renamed, and as fine once it is renamed back', () => {
    const workspace = everyRuleWorkspace();
    const context = { uri: FIXTURE_URI, workspace };
    const nameLine = '    name: customers\n';
    const renamedLine = '    name: clients\n';
    const broken = (findings: readonly Finding[]): string[] => findings
      .filter((finding) => finding.code === 'semantic/unresolved-reference' && finding.message.startsWith('`customers` is not a schema object'))
      .map((finding) => finding.message);
    let parsed = parseDescriptor(EVERY_RULE_CONTRACT);
    assert.deepEqual(broken(semanticAnalyzer(parsed, context)), []);

    // Only `customers` changes; `orders`, whose relationships name it, stays the very same object.
    const ordersBefore = (parsed.value as { schema: unknown[] }).schema[0];
    const renamed = EVERY_RULE_CONTRACT.replace(nameLine, renamedLine);
    parsed = reparseDescriptor(parsed, renamed, 0);
    assert.equal((parsed.value as { schema: unknown[] }).schema[0], ordersBefore, 'the reparse kept the referencing object');
    const afterRename = broken(assertSameFindings(parsed, context, ['rename customers to clients']));
    // customers.id twice (scalar and list), customers.email, customers.idd: every shorthand reference to it.
    assert.equal(afterRename.length, 4, afterRename.join('\n'));

    parsed = reparseDescriptor(parsed, EVERY_RULE_CONTRACT, 0);
    assert.deepEqual(broken(assertSameFindings(parsed, context, ['rename clients back to customers'])), []);
  });

  it('reports a nested reference from another object once the nested property it names is renamed', () => {
    const context = { uri: FIXTURE_URI, workspace: everyRuleWorkspace() };
    const broken = (findings: readonly Finding[]): string[] => findings
      .filter((finding) => finding.code === 'semantic/unresolved-reference' && finding.message.startsWith('`orders.address.street`'))
      .map((finding) => finding.message);
    let parsed = parseDescriptor(EVERY_RULE_CONTRACT);
    assert.deepEqual(broken(semanticAnalyzer(parsed, context)), []);

    // Both `street` properties of `orders.address` become `streets`, one edit each; `customers`, which names it, stays the same object.
    const customersBefore = (parsed.value as { schema: unknown[] }).schema[1];
    const once = EVERY_RULE_CONTRACT.replace('name: street\n', 'name: streets\n');
    const renamed = once.replace('name: street\n', 'name: streets\n');
    parsed = reparseDescriptor(reparseDescriptor(parsed, once, 0), renamed, 0);
    assert.equal((parsed.value as { schema: unknown[] }).schema[1], customersBefore, 'the reparse kept the referencing object');
    assert.deepEqual(broken(assertSameFindings(parsed, context, ['rename both street properties to streets'])), [
      '`orders.address.street` resolves neither as a nested property of this contract (`orders.address` in this contract has no property '
        + '`street` — did you mean `streets`?) nor as `<contract id>.<object>.<property>` (no data contract with the id `orders` was found in the workspace).',
    ]);

    parsed = reparseDescriptor(parsed, EVERY_RULE_CONTRACT, 0);
    assert.deepEqual(broken(assertSameFindings(parsed, context, ['rename streets back to street'])), []);
  });
});
