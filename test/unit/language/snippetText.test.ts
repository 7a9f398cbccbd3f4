import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { bodyTextLines, escapeChoice, placeLines, snippetPreview, snippetScalar, yamlLines, yamlScalar } from '../../../server/src/core/language/snippetText';

describe('snippet text', () => {
  it('renders a snippet body as block YAML that parses back to the body', () => {
    const body = { name: 'orders', properties: [{ name: 'id', tags: ['pii', 'key'], required: true }], options: { maxLength: 36 } };
    assert.deepEqual(parse(yamlLines(body).join('\n')), body);
  });

  it('keeps placeholders and escapes other snippet metacharacters', () => {
    assert.equal(snippetScalar('${1:orders}'), '${1:orders}');
    assert.equal(snippetScalar('costs $ {a}'), 'costs \\$ {a\\}');
    assert.equal(snippetPreview('name: ${1:orders}\ntype: ${2|a,b|}\nx: $0 \\$5'), 'name: orders\ntype: a\nx:  $5');
    assert.equal(escapeChoice('a,b|c'), 'a\\,b\\|c');
  });

  it('quotes scalars YAML would read as another type or as structure', () => {
    for (const value of ['true', '1.5', 'null', '- a', 'a: b', '#x', '', ' lead']) assert.equal(parse(`k: ${yamlScalar(value)}`).k, value);
    assert.equal(yamlScalar('urn:hrg:contract'), 'urn:hrg:contract');
    assert.equal(yamlScalar('a,b', true), '"a,b"');
    assert.equal(yamlScalar(42), '42');
  });

  it('places continuation lines at the column and re-indents bodyText', () => {
    assert.equal(placeLines(['a: 1', 'b:', '  - c'], 4), 'a: 1\n    b:\n      - c');
    assert.deepEqual(bodyTextLines('    a: 1\n    b:\n      c: 2\n'), ['a: 1', 'b:', '  c: 2']);
  });
});
