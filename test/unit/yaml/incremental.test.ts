import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isCollection, isPair, visit, type Document, type Node } from 'yaml';
import { changedRegion, reparseDescriptor } from '../../../server/src/core/yaml/incremental';
import { parseDescriptor, type ParsedDescriptor } from '../../../server/src/core/yaml/parse';
import { readExamples } from '../../support/examples';

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
  assert.equal(incremental.kind, full.kind);
}

/** Characters an author types: letters, YAML structure, indentation, newlines, quotes, comments. */
const typed = fc.constantFrom('a', 'x', 'name', ' ', '  ', '\n', '\n  ', '\n    - ', ': ', '- ', '#', '"', "'", '[', ']', '{', '}', ',', 'description: text', '\n      - name: new_col\n        logicalType: string');

describe('incremental reparse', () => {
  const texts = readExamples().map((example) => example.text);

  it('finds the changed region from the common prefix and suffix', () => {
    assert.deepEqual(changedRegion('abcdef', 'abXYef'), { start: 2, oldEnd: 4, delta: 0 });
    assert.deepEqual(changedRegion('aaa', 'aaaa'), { start: 3, oldEnd: 3, delta: 1 });
    assert.deepEqual(changedRegion('abc', 'ac'), { start: 1, oldEnd: 2, delta: -1 });
  });

  it('gives exactly the result of a full parse after random edit sequences', function () {
    this.timeout(120_000);
    fc.assert(fc.property(
      fc.integer({ min: 0, max: texts.length - 1 }),
      fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 12 }), typed), { minLength: 1, maxLength: 8 }),
      (which, steps) => {
        let text = texts[which]!;
        let parsed = parseDescriptor(text);
        for (const [where, deleteCount, insert] of steps) {
          const at = Math.floor(where * text.length);
          text = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + deleteCount));
          parsed = reparseDescriptor(parsed, text, 0);
          assertSameParse(parsed, parseDescriptor(text), `after inserting ${JSON.stringify(insert)} at ${at}`);
        }
      },
    ), { numRuns: 80, seed: 20261126 });
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
});
