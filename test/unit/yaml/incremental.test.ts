import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isCollection, isMap, isPair, isSeq, visit, type Document, type Node } from 'yaml';
import { changedRegion, reparseDescriptor } from '../../../server/src/core/yaml/incremental';
import { parseDescriptor, type ParsedDescriptor } from '../../../server/src/core/yaml/parse';
import { readExamples } from '../../support/examples';
import { applyEdit, edit } from './yamlEdits';

/** Every range in the document, in document order, so two parses can be compared node by node. */
function allRanges(document: Document.Parsed | undefined): string[] {
  const ranges: string[] = [];
  if (!document) return ranges;
  visit(document, (_key, node) => {
    if (!node || isPair(node)) return;
    const range = (node as Node).range;
    // Collection ends depend on trailing blank lines and comments, which features never read; starts always matter.
    if (range) ranges.push(isCollection(node) ? `${range[0]}` : range.join(','));
  });
  return ranges;
}

function assertSameParse(incremental: ParsedDescriptor, full: ParsedDescriptor, context: string): void {
  assert.deepEqual(incremental.value, full.value, `value differs ${context}`);
  assert.deepEqual(incremental.syntaxFindings.map((f) => [f.code, f.span.start, f.span.end]), full.syntaxFindings.map((f) => [f.code, f.span.start, f.span.end]), `findings differ ${context}`);
  assert.deepEqual(allRanges(incremental.document), allRanges(full.document), `ranges differ ${context}`);
  // The parser's own errors too, not only the findings (one per line): the next incremental step relies on them.
  assert.deepEqual(parserErrors(incremental.document), parserErrors(full.document), `parser errors differ ${context}`);
  assert.equal(incremental.kind, full.kind);
}

/** The parser's errors and warnings, in position order (an incremental reparse appends the chunk's at the end). */
function parserErrors(document: Document.Parsed | undefined): string[] {
  if (!document) return [];
  return [...document.errors, ...document.warnings].map((error) => `${error.code}@${error.pos[0]}-${error.pos[1]}`).sort();
}

/** The documents of the two regression tests below. */
const PORT_WITH_CONTRACTS = 'kind: DataProduct\noutputPorts:\n  - name: orders\n    contractId: urn:sales:orders\n    inputContracts:\n      - id: c\n';
const CONTRACT_HEADER = 'apiVersion: v3.1.0\nkind: DataContract\nid: x\n';

/** A contract with `objects` schema objects of `properties` properties each, as authors lay them out. */
function largeContract(objects: number, properties: number): string {
  const schema = Array.from({ length: objects }, (_, o) => `  - name: table_${o}\n    physicalType: table\n    properties:\n${
    Array.from({ length: properties }, (_, p) => `      - name: col_${o}_${p}\n        logicalType: string\n        description: Column ${p}\n`).join('')}`).join('');
  return `apiVersion: v3.1.0\nkind: DataContract\nid: big\nschema:\n${schema}`;
}

describe('incremental reparse', () => {
  const texts = readExamples().map((example) => example.text);

  it('finds the changed region from the common prefix and suffix', () => {
    assert.deepEqual(changedRegion('abcdef', 'abXYef'), { start: 2, oldEnd: 4, delta: 0 });
    assert.deepEqual(changedRegion('aaa', 'aaaa'), { start: 3, oldEnd: 3, delta: 1 });
    assert.deepEqual(changedRegion('abc', 'ac'), { start: 1, oldEnd: 2, delta: -1 });
  });

  it('gives exactly the result of a full parse after random edit sequences, including ones that break the YAML', function () {
    this.timeout(120_000);
    // Structure, not size, is what trips an incremental parse, and small documents keep each step cheap: they are
    // drawn most of the time, so many edit sequences fit in the time. Among them the two regression documents
    // below and a contract saved with Windows line ends; the large examples add depth and variety.
    const small = texts.filter((text) => text.length <= 4000);
    const large = texts.filter((text) => text.length > 4000);
    const withProperties = small.find((text) => text.includes('properties:'))!;
    const document = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...small, PORT_WITH_CONTRACTS, CONTRACT_HEADER, withProperties.replace(/\n/g, '\r\n')) },
      { weight: 1, arbitrary: fc.constantFrom(...large) },
    );
    const steps = { all: 0, incremental: 0, incrementalWithErrors: 0 };
    fc.assert(fc.property(document, fc.array(edit, { minLength: 1, maxLength: 6 }), (original, edits) => {
      let text = original;
      let parsed = parseDescriptor(text);
      for (const change of edits) {
        const applied = applyEdit(text, change);
        text = applied.text;
        const previousDocument = parsed.document;
        parsed = reparseDescriptor(parsed, text, 0);
        const full = parseDescriptor(text);
        assertSameParse(parsed, full, `after inserting ${JSON.stringify(change.insert)} at ${applied.at} (deleting ${change.deleteCount})`);
        steps.all++;
        if (parsed.document !== previousDocument) continue;
        steps.incremental++;
        if (full.syntaxFindings.length) steps.incrementalWithErrors++;
      }
    }), { numRuns: 200, seed: 20261127 });
    // A test in which every step falls back to a full parse would prove nothing about the incremental one.
    assert.ok(steps.incremental >= steps.all / 10, `only ${steps.incremental} of ${steps.all} steps were incremental`);
    assert.ok(steps.incrementalWithErrors >= steps.all / 20, `only ${steps.incrementalWithErrors} incremental steps had syntax errors`);
  });

  it('does not let a mapping typed on its key\'s line keep the keys after the edited item (regression)', () => {
    // `contractId: urn:` opens a mapping indented like its line, so the full parse files `inputContracts` under it.
    const text = PORT_WITH_CONTRACTS.replace('sale', '\n    relationships:\n      - to: x');
    const reparsed = reparseDescriptor(parseDescriptor(PORT_WITH_CONTRACTS), text, 0);
    const full = parseDescriptor(text);
    assert.ok(full.syntaxFindings.length > 0, 'the edit breaks the YAML');
    assertSameParse(reparsed, full, 'after typing a block into contractId');
  });

  it('does not let a multi-line key typed before the first key keep the keys after it (regression)', () => {
    // `a` + `k: 2` in front of `apiVersion` makes the key `a k` whose mapping takes `kind` and `id` as well.
    const text = CONTRACT_HEADER.replace('apiVersion', 'a\n        k: 2piVersion');
    const reparsed = reparseDescriptor(parseDescriptor(CONTRACT_HEADER), text, 0);
    const full = parseDescriptor(text);
    assert.ok(full.syntaxFindings.length > 0, 'the edit breaks the YAML');
    assertSameParse(reparsed, full, 'after typing a key in front of apiVersion');
  });

  it('reparses incrementally on almost every keystroke while an author types a new property', () => {
    const objects = Array.from({ length: 30 }, (_, o) => `  - name: table_${o}\n    properties:\n${
      Array.from({ length: 10 }, (_, p) => `      - name: col_${o}_${p}\n        logicalType: string\n        description: Column ${p}\n`).join('')}`).join('');
    let text = `apiVersion: v3.1.0\nkind: DataContract\nid: typing\nschema:\n${objects}`;
    let parsed = parseDescriptor(text);
    // The author puts the cursor at the end of table_14's last line, presses Enter and types a new property.
    let at = text.indexOf('  - name: table_15') - 1;
    const typing = '\n      - name: customer_email\n        logicalType: string\n        description: Where we send receipts\n        classification: restricted';
    let reused = 0;
    const keystrokes: string[] = [...typing, '\b', '\b', '\b', 'c', 't', 'e', 'd'];
    keystrokes.forEach((key, index) => {
      if (key === '\b') {
        text = text.slice(0, at - 1) + text.slice(at);
        at--;
      } else {
        text = text.slice(0, at) + key + text.slice(at);
        at++;
      }
      const previousDocument = parsed.document;
      parsed = reparseDescriptor(parsed, text, 0);
      if (parsed.document === previousDocument) reused++;
      if (index % 10 === 0 || index === keystrokes.length - 1) assertSameParse(parsed, parseDescriptor(text), `after keystroke ${index}`);
    });
    assert.ok(reused / keystrokes.length >= 0.9, `only ${reused} of ${keystrokes.length} keystrokes were incremental`);
  });

  it('reuses the document for an edit inside one schema property of a large contract', () => {
    const properties = Array.from({ length: 400 }, (_, i) => `      - name: col_${i}\n        logicalType: string\n        description: Column ${i}\n`).join('');
    const text = `apiVersion: v3.1.0\nkind: DataContract\nid: big\nschema:\n  - name: t\n    properties:\n${properties}`;
    const parsed = parseDescriptor(text);
    const edited = text.replace('description: Column 200\n', 'description: Column two hundred\n');
    const reparsed = reparseDescriptor(parsed, edited, 0);
    assert.equal(reparsed.document, parsed.document, 'the previous document was updated in place');
    assertSameParse(reparsed, parseDescriptor(edited), 'after editing one description');
  });

  it('reparses a schema object on its own when its `- name:` line is edited', () => {
    const text = largeContract(40, 10);
    const parsed = parseDescriptor(text);
    const objects = schemaObjects(parsed);
    const [before, edited, after] = [objects[19], objects[20], objects[21]];
    const changed = text.replace('  - name: table_20\n', '  - name: table_twenty\n');
    const reparsed = reparseDescriptor(parsed, changed, 0);
    assert.equal(reparsed.document, parsed.document, 'the previous document was updated in place');
    const now = schemaObjects(reparsed);
    assert.equal(now[19], before, 'the object before was not reparsed');
    assert.equal(now[21], after, 'the object after was not reparsed');
    assert.notEqual(now[20], edited, 'the edited object was reparsed');
    assertSameParse(reparsed, parseDescriptor(changed), 'after renaming a schema object');
  });

  it('reparses a property on its own when its `- name:` line is edited', () => {
    const text = largeContract(4, 30);
    const parsed = parseDescriptor(text);
    const properties = propertiesOf(parsed, 2);
    const changed = text.replace('      - name: col_2_15\n', '      - name: col_2_fifteen\n');
    const reparsed = reparseDescriptor(parsed, changed, 0);
    assert.equal(reparsed.document, parsed.document, 'the previous document was updated in place');
    const now = propertiesOf(reparsed, 2);
    assert.equal(now[14], properties[14], 'the property before was not reparsed');
    assert.equal(now[16], properties[16], 'the property after was not reparsed');
    assert.notEqual(now[15], properties[15], 'the edited property was reparsed');
    assertSameParse(reparsed, parseDescriptor(changed), 'after renaming a property');
  });
});

/** The schema objects' nodes (a copy: the reparse splices the list in place), to tell which ones it replaced. */
function schemaObjects(parsed: ParsedDescriptor): unknown[] {
  const schema = parsed.document?.get('schema', true);
  assert.ok(isSeq(schema));
  return [...schema.items];
}

function propertiesOf(parsed: ParsedDescriptor, object: number): unknown[] {
  const node = schemaObjects(parsed)[object];
  assert.ok(isMap(node));
  const properties = node.get('properties', true);
  assert.ok(isSeq(properties));
  return [...properties.items];
}
