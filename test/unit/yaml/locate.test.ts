import * as assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/core/yaml/lineIndex';
import { locate, pathAtOffset } from '../../../server/src/core/yaml/locate';
import { parseDescriptor } from '../../../server/src/core/yaml/parse';
import { parseMarkers } from '../../support/markers';

describe('locate', () => {
  const { text, ranges } = parseMarkers([
    'kind: DataContract',
    'schema:',
    '  - name: orders',
    '    properties:',
    '      - name: id',
    '      - ‹name›: ‹email›',
    '        ‹description›:',
  ].join('\n'));
  const { document } = parseDescriptor(text);

  it('finds the key and value of a nested path', () => {
    const found = locate(document, ['schema', 0, 'properties', 1, 'name']);
    assert.equal(found.depth, 5);
    assert.deepEqual(found.keySpan, ranges[0]);
    assert.deepEqual(found.valueSpan, ranges[1]);
  });

  it('gives an empty value an empty span right after its key', () => {
    const found = locate(document, ['schema', 0, 'properties', 1, 'description']);
    assert.deepEqual(found.keySpan, ranges[2]);
    assert.equal(found.valueSpan?.start, found.valueSpan?.end);
  });

  it('stops at the deepest existing node for a missing path', () => {
    const found = locate(document, ['schema', 0, 'quality', 0]);
    assert.equal(found.depth, 2);
  });
});

describe('pathAtOffset', () => {
  it('returns the path of the innermost node and whether the offset is on a key', () => {
    const { text, positions } = parseMarkers('kind: DataContract\nschema:\n  - name: orders\n    prop‸erties:\n      - name: i‸d\n');
    const { document } = parseDescriptor(text);
    assert.deepEqual(pathAtOffset(document, positions[0]!), { path: ['schema', 0, 'properties'], onKey: true, node: pathAtOffset(document, positions[0]!).node });
    const onValue = pathAtOffset(document, positions[1]!);
    assert.deepEqual(onValue.path, ['schema', 0, 'properties', 0, 'name']);
    assert.equal(onValue.onKey, false);
  });
});

describe('LineIndex', () => {
  it('maps offsets to line/character and back, for LF, CRLF and CR', () => {
    for (const newline of ['\n', '\r\n', '\r']) {
      const text = ['ab', 'cde', '', 'f'].join(newline);
      const index = new LineIndex(text);
      assert.equal(index.lineCount, 4);
      const f = text.indexOf('f');
      assert.deepEqual(index.positionAt(f), { line: 3, character: 0 });
      assert.equal(index.offsetAt({ line: 3, character: 0 }), f);
      assert.deepEqual(index.positionAt(text.indexOf('d')), { line: 1, character: 1 });
      assert.equal(index.offsetAt({ line: 99, character: 0 }), text.length);
    }
  });
});
