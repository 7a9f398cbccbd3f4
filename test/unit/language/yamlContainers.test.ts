import * as assert from 'node:assert/strict';
import { containerAtColumn } from '../../../server/src/core/language/yamlContainers';
import { fixture } from './helpers';

/** The container a line starting at the `‸` column belongs to, judged from the lines above. */
function containerAt(marked: string) {
  const { parsed, offset, text } = fixture(marked);
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const container = containerAtColumn(parsed.document, text, lineStart, offset - lineStart);
  return container && { path: container.path, shape: container.shape };
}

describe('containerAtColumn', () => {
  it('finds the mapping whose keys sit at the column, however deep', () => {
    assert.deepEqual(containerAt('a: 1\n‸\n'), { path: [], shape: 'map' });
    assert.deepEqual(containerAt('s:\n  - name: x\n    props:\n      - name: y\n        ‸\n'), { path: ['s', 0, 'props', 0], shape: 'map' });
    assert.deepEqual(containerAt('s:\n  - name: x\n    props:\n      - name: y\n    ‸\n'), { path: ['s', 0], shape: 'map' });
  });

  it('finds a sequence at its dash column and an empty value under its key', () => {
    assert.deepEqual(containerAt('tags:\n  - a\n  ‸\n'), { path: ['tags'], shape: 'seq' });
    assert.deepEqual(containerAt('team:\n  ‸\nother: 1\n'), { path: ['team'], shape: 'empty' });
    assert.deepEqual(containerAt('team:\n  na‸\n'), { path: ['team'], shape: 'empty' });
  });

  it('ignores what the incomplete cursor line did to the parse', () => {
    assert.deepEqual(containerAt('s:\n  - name: x\n    ‸logi\n  - name: z\n'), { path: ['s', 0], shape: 'map' });
  });

  it('refuses columns inside scalars and between structures', () => {
    assert.equal(containerAt('q: |\n  select 1\n  ‸\n'), undefined);
    assert.equal(containerAt('a:\n    b: 1\n  ‸\n'), undefined);
  });

  it('uses binary search over a long sequence and still lands on the last item above', () => {
    const items = Array.from({ length: 2000 }, (_, i) => `  - name: n${i}\n`).join('');
    assert.deepEqual(containerAt(`list:\n${items}    ‸\n`), { path: ['list', 1999], shape: 'map' });
  });
});
