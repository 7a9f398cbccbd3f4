import * as assert from 'node:assert/strict';
import { escapeSnippetText, parseSnippetString, plainText } from '../../../server/src/core/fixes';
import { edit } from './fixHelpers';

describe('edit engine: snippet placeholders', () => {
  it('splits a fix string into literal text and placeholders, honouring escapes inside placeholders', () => {
    assert.deepEqual(parseSnippetString('cost ${1:10 \\} EUR} per ${2}'), [
      { kind: 'literal', text: 'cost ' },
      { kind: 'placeholder', id: 1, text: '10 } EUR' },
      { kind: 'literal', text: ' per ' },
      { kind: 'placeholder', id: 2, text: '' },
    ]);
    assert.equal(plainText('${1:Pricing} team'), 'Pricing team');
    assert.equal(plainText('price in $ ${unterminated'), 'price in $ ${unterminated');
  });

  it('escapes $, } and backslash in literal snippet text', () => {
    assert.equal(escapeSnippetText('a $1 } \\ b'), 'a \\$1 \\} \\\\ b');
  });

  it('emits a tab stop where the client takes snippets, and plain text where it does not', () => {
    const action = { kind: 'insertKey', parentPath: ['description'], key: 'usage', value: '${1:Join on store_id} daily' } as const;
    const plain = edit('description:\n  purpose: x\n', action);
    assert.equal(plain.edits[0]!.newText, '  usage: Join on store_id daily\n');
    assert.equal(plain.edits[0]!.snippet, undefined);
    const snippet = edit('description:\n  purpose: x\n', action, { snippets: true });
    assert.equal(snippet.edits[0]!.newText, '  usage: ${1:Join on store_id} daily\n');
    assert.equal(snippet.edits[0]!.snippet, true);
  });

  it('puts the tab stop inside the quotes when the text needs quoting', () => {
    const { edits } = edit('a: 1\n', { kind: 'insertKey', parentPath: [], key: 'b', value: '${1:key: value}' }, { snippets: true });
    assert.equal(edits[0]!.newText, 'b: "${1:key: value}"\n');
  });

  it('escapes literal dollar signs and braces of the surrounding text in snippet mode only', () => {
    const action = { kind: 'insertKey', parentPath: [], key: 'price', value: '${1:10} $ {per} month' } as const;
    assert.equal(edit('a: 1\n', action).edits[0]!.newText, 'price: 10 $ {per} month\n');
    assert.equal(edit('a: 1\n', action, { snippets: true }).edits[0]!.newText, 'price: ${1:10} \\$ {per\\} month\n');
  });

  it('numbers placeholders of several actions in document order, keeping equal ids of one action linked', () => {
    const { edits } = edit('name: x\nstatus: draft\n', [
      { kind: 'insertKey', parentPath: [], key: 'team', value: { name: '${1:Pricing}', lead: '${1:Pricing}' } },
      { kind: 'insertKey', parentPath: [], key: 'domain', value: '${1:sales}' },
    ], { snippets: true });
    assert.equal(edits.length, 1, 'one snippet edit for the whole fix');
    assert.equal(edits[0]!.newText, 'team:\n  name: ${1:Pricing}\n  lead: ${1:Pricing}\ndomain: ${2:sales}\n');
  });

  it('merges the edits of one fix into one snippet edit, carrying the text between them escaped', () => {
    const { text, edits } = edit('a: 1\nprice: 5 $\nz: 2\n', [
      { kind: 'replaceValue', path: ['a'], value: '${1:2}' },
      { kind: 'replaceValue', path: ['z'], value: '${1:3}' },
    ], { snippets: true });
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0]!.span, { start: text.indexOf('1'), end: text.lastIndexOf('2') + 1 });
    assert.equal(edits[0]!.newText, '"${1:2}"\nprice: 5 \\$\nz: "${2:3}"');
  });
});
