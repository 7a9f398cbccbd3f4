/**
 * Property tests of the edit engine over generated documents: whatever the shape, indentation, collection style
 * or line endings, inserting keys and items only inserts text (every original byte stays, in order) and the
 * document then holds exactly the old value plus the new entry.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { Document, isCollection, visit } from 'yaml';
import { applyEdits, fixToEdits, type FixAction, type FixValue } from '../../../server/src/core/fixes';
import type { RawEdit } from '../../../server/src/core/fixes/actions';
import { EditComposer } from '../../../server/src/core/fixes/compose';
import { TrackedText } from '../../../server/src/core/fixes/trackedText';
import type { ValuePath } from '../../../server/src/core/types';
import { parseDescriptor } from '../../../server/src/core/yaml/parse';

type Json = FixValue;

const key = fc.stringMatching(/^[a-z][a-zA-Z_]{0,7}$/);
const scalar: fc.Arbitrary<Json> = fc.oneof(
  fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null),
  fc.constantFrom('yes', '12', '# not a comment', 'a: b', '${literal}', 'ünïcødé 😀', 'line one\nline two'),
);
const tree = fc.letrec<{ node: Json; map: Json }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('map'), fc.array(tie('node'), { maxLength: 3 })),
  map: fc.dictionary(key, tie('node'), { minKeys: 1, maxKeys: 4, noNullPrototype: true }),
})).map as fc.Arbitrary<Record<string, Json>>;

const layout = fc.record({
  indent: fc.constantFrom(2, 4),
  indentSeq: fc.boolean(),
  crlf: fc.boolean(),
  flowLevel: fc.constantFrom(0, 2, 3),
});

/** Every path to a mapping (or to a sequence) inside `value`. */
function paths(value: Json, wanted: 'map' | 'seq' | 'any', path: ValuePath = []): ValuePath[] {
  const found: ValuePath[] = [];
  if (wanted === 'any' && path.length) found.push(path);
  if (Array.isArray(value)) {
    if (wanted === 'seq') found.push(path);
    value.forEach((item, index) => found.push(...paths(item, wanted, [...path, index])));
  } else if (value !== null && typeof value === 'object') {
    if (wanted === 'map') found.push(path);
    for (const [name, item] of Object.entries(value)) found.push(...paths(item, wanted, [...path, name]));
  }
  return found;
}

function at(value: Json, path: ValuePath): Json {
  return path.reduce<Json>((current, segment) => (current as Record<string, Json>)[segment as string] as Json, value);
}

/** Writes the value in the given style; collections nested `flowLevel` deep or more become flow collections. */
function render(value: Json, options: { indent: number; indentSeq: boolean; crlf: boolean; flowLevel: number }): string {
  const document = new Document(value);
  if (options.flowLevel) {
    visit(document, {
      Collection(_key, node, ancestry) {
        if (ancestry.filter((ancestor) => isCollection(ancestor)).length + 1 >= options.flowLevel) node.flow = true;
      },
    });
  }
  const text = document.toString({ indent: options.indent, indentSeq: options.indentSeq, lineWidth: 0 });
  return options.crlf ? text.replace(/\n/g, '\r\n') : text;
}

/** Applies one action and checks the expected value; for insertions also that every original byte stays, in order. */
function check(text: string, action: FixAction, expected: Json, insertsOnly = true): void {
  const parsed = parseDescriptor(text);
  const edits = fixToEdits(parsed, { title: 'property', fixAll: true, actions: [action] });
  assert.ok(edits.length > 0, 'the action applies');
  const result = applyEdits(text, edits);
  if (insertsOnly) {
    for (const edit of edits) assert.equal(edit.span.start, edit.span.end, 'only insertions');
    let cursor = 0;
    for (const char of text) {
      cursor = result.indexOf(char, cursor);
      assert.ok(cursor >= 0, 'every original character is still there, in order');
      cursor += char.length;
    }
  }
  if (text.includes('\r\n')) assert.doesNotMatch(result.replace(/\r\n/g, ''), /\n/, 'line endings stay CRLF');
  const after = parseDescriptor(result);
  assert.deepEqual(after.document?.errors.map((error) => error.message), []);
  assert.deepEqual(after.value, expected);
}

describe('edit engine: properties over generated documents', function () {
  this.timeout(120_000);
  it('insertKey adds exactly the new entry to any mapping', () => {
    fc.assert(fc.property(tree, layout, fc.nat(), key, scalar, (value, style, pick, newKey, newValue) => {
      const maps = paths(value, 'map').filter((path) => !(newKey in (at(value, path) as Record<string, Json>)));
      fc.pre(maps.length > 0);
      const parentPath = maps[pick % maps.length]!;
      const expected = structuredClone(value) as Record<string, Json>;
      (at(expected, parentPath) as Record<string, Json>)[newKey] = newValue;
      check(render(value, style), { kind: 'insertKey', parentPath, key: newKey, value: newValue }, expected);
    }), { numRuns: 300 });
  });

  it('appendItem adds exactly the new item to any non-empty sequence', () => {
    fc.assert(fc.property(tree, layout, fc.nat(), fc.oneof(scalar, fc.dictionary(key, scalar, { minKeys: 1, maxKeys: 3, noNullPrototype: true })), (value, style, pick, item) => {
      const sequences = paths(value, 'seq').filter((path) => (at(value, path) as Json[]).length > 0);
      fc.pre(sequences.length > 0);
      const path = sequences[pick % sequences.length]!;
      const expected = structuredClone(value) as Record<string, Json>;
      (at(expected, path) as Json[]).push(item);
      check(render(value, style), { kind: 'appendItem', path, value: item }, expected);
    }), { numRuns: 300 });
  });

  it('replaceValue puts any value in place of any value', () => {
    const replacement = fc.oneof(scalar, fc.dictionary(key, scalar, { minKeys: 1, maxKeys: 3, noNullPrototype: true }), fc.array(scalar, { minLength: 1, maxLength: 3 }));
    fc.assert(fc.property(tree, layout, fc.nat(), replacement, (value, style, pick, newValue) => {
      const all = paths(value, 'any');
      fc.pre(all.length > 0);
      const path = all[pick % all.length]!;
      const expected = structuredClone(value) as Record<string, Json>;
      (at(expected, path.slice(0, -1)) as Record<string | number, Json>)[path[path.length - 1]!] = newValue;
      fc.pre(JSON.stringify(expected) !== JSON.stringify(value));
      check(render(value, style), { kind: 'replaceValue', path, value: newValue }, expected, false);
    }), { numRuns: 300 });
  });

  it('renameKey renames any key and keeps its value', () => {
    fc.assert(fc.property(tree, layout, fc.nat(), fc.nat(), key, (value, style, pickMap, pickKey, newKey) => {
      const maps = paths(value, 'map').filter((path) => !(newKey in (at(value, path) as Record<string, Json>)));
      fc.pre(maps.length > 0);
      const parentPath = maps[pickMap % maps.length]!;
      const parent = at(value, parentPath) as Record<string, Json>;
      const oldKey = Object.keys(parent)[pickKey % Object.keys(parent).length]!;
      const expected = structuredClone(value) as Record<string, Json>;
      const target = at(expected, parentPath) as Record<string, Json>;
      target[newKey] = target[oldKey]!;
      delete target[oldKey];
      check(render(value, style), { kind: 'renameKey', path: [...parentPath, oldKey], newKey }, expected, false);
    }), { numRuns: 300 });
  });

  it('the composer turns any sequence of edit batches into non-overlapping edits on the original text', () => {
    const batch = fc.array(fc.record({ at: fc.nat(), length: fc.nat({ max: 4 }), text: fc.string({ maxLength: 5 }) }), { maxLength: 5 });
    fc.assert(fc.property(fc.string({ maxLength: 40 }), fc.array(batch, { minLength: 1, maxLength: 6 }), (original, batches) => {
      const composer = new EditComposer(original);
      for (const wanted of batches) {
        // make the batch valid for the current text: sorted, inside it, not overlapping
        const edits: RawEdit[] = [];
        let floor = 0;
        for (const { at, length, text } of [...wanted].sort((a, b) => a.at - b.at)) {
          const start = Math.max(floor, at % (composer.text.length + 1));
          const end = Math.min(composer.text.length, start + length);
          if (start > composer.text.length) break;
          edits.push({ span: { start, end }, text: new TrackedText(text) });
          floor = end + 1;
        }
        composer.apply(edits);
      }
      const result = composer.result();
      for (let i = 1; i < result.length; i++) assert.ok(result[i]!.span.start > result[i - 1]!.span.end, 'separate edits do not touch');
      assert.equal(applyEdits(original, result.map((edit) => ({ span: edit.span, newText: edit.text.text }))), composer.text);
    }), { numRuns: 2000 });
  });
});
