/**
 * Shared assertions for edit-engine tests. A fixture is the text before the fix with the expected edit places
 * marked (`‸` for an insertion point, `‹…›` for a replaced range); the test states the whole text after the fix,
 * so every byte outside the edits is checked, and the marks check that the edits are minimal.
 */
import * as assert from 'node:assert/strict';
import { Lexer, parseDocument } from 'yaml';
import { applyEdits, fixToEdits, type FixAction, type TextEdit } from '../../../server/src/core/fixes';
import { parseDescriptor } from '../../../server/src/core/yaml/parse';
import { parseMarkers } from '../../support/markers';

export function edit(marked: string, actions: FixAction | FixAction[], options = { snippets: false }): { text: string; edits: TextEdit[]; result: string } {
  const { text } = parseMarkers(marked);
  const edits = fixToEdits(parseDescriptor(text), { title: 'test fix', fixAll: true, actions: Array.isArray(actions) ? actions : [actions] }, options);
  return { text, edits, result: applyEdits(text, edits) };
}

/** Applies the actions to the marked text and checks the exact result, the edit places and that the YAML still parses. */
export function expectFix(marked: string, actions: FixAction | FixAction[], expected: string): TextEdit[] {
  const fixture = parseMarkers(marked);
  const { edits, result } = edit(marked, actions);
  assert.equal(result, expected);
  const expectedSpans = [
    ...fixture.positions.map((offset) => ({ start: offset, end: offset })),
    ...fixture.ranges,
  ].sort((a, b) => a.start - b.start);
  assert.deepEqual(edits.map((e) => e.span), expectedSpans, 'edit places');
  assert.deepEqual(parseDocument(result).errors.map((error) => error.message), [], 'result parses');
  return edits;
}

/** The fix changes nothing. */
export function expectNoEdit(text: string, actions: FixAction | FixAction[]): void {
  assert.deepEqual(edit(text, actions).edits, []);
}

/** Every comment of the text (as the YAML lexer sees them, so a `#` inside a string is not one), sorted. */
export function commentLines(text: string): string[] {
  return [...new Lexer().lex(text)].filter((token) => token.startsWith('#')).map((token) => token.trimEnd()).sort();
}
