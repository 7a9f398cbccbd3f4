import { expectFix, expectNoEdit } from './fixHelpers';

describe('edit engine: replaceValue', () => {
  it('replaces a plain scalar and keeps the inline comment', () => {
    expectFix(
      'status: ‹actve› # lifecycle\n',
      { kind: 'replaceValue', path: ['status'], value: 'active' },
      'status: active # lifecycle\n',
    );
  });

  it('keeps double quotes', () => {
    expectFix('status: ‹"actve"›\n', { kind: 'replaceValue', path: ['status'], value: 'active' }, 'status: "active"\n');
  });

  it('keeps single quotes', () => {
    expectFix("status: ‹'actve'›\n", { kind: 'replaceValue', path: ['status'], value: 'active' }, "status: 'active'\n");
  });

  it('quotes a replacement that needs it even where the old value was plain', () => {
    expectFix('version: ‹x›\n', { kind: 'replaceValue', path: ['version'], value: '1.0' }, 'version: "1.0"\n');
  });

  it('writes numbers and booleans as YAML scalars', () => {
    expectFix('a: ‹x›\nb: ‹y›\n', [
      { kind: 'replaceValue', path: ['a'], value: 5432 },
      { kind: 'replaceValue', path: ['b'], value: true },
    ], 'a: 5432\nb: true\n');
  });

  it('replaces an item of a block sequence', () => {
    expectFix(
      'tags:\n  - sales\n  - ‹slaes› # typo\n',
      { kind: 'replaceValue', path: ['tags', 1], value: 'sales-ops' },
      'tags:\n  - sales\n  - sales-ops # typo\n',
    );
  });

  it('replaces an item of a flow sequence in flow style', () => {
    expectFix(
      'tags: [a, ‹b›, c]\n',
      { kind: 'replaceValue', path: ['tags', 1], value: 'x, y' },
      'tags: [a, "x, y", c]\n',
    );
  });

  it('turns a scalar into a block mapping below the key, keeping the comment on the key line', () => {
    expectFix(
      'description:‹ TODO› # write me\n‸other: 1\n',
      { kind: 'replaceValue', path: ['description'], value: { purpose: 'Why', usage: 'How' } },
      'description: # write me\n  purpose: Why\n  usage: How\nother: 1\n',
    );
  });

  it('replaces a block mapping by another at the same indentation', () => {
    expectFix(
      'team:\n  ‹name: a\n  lead: b\n›other: 1\n',
      { kind: 'replaceValue', path: ['team'], value: { name: 'Pricing', members: [{ username: 'ana' }] } },
      'team:\n  name: Pricing\n  members:\n    - username: ana\nother: 1\n',
    );
  });

  it('replaces a block mapping by a scalar on the key line', () => {
    expectFix(
      'team:‹\n  name: a\n›other: 1\n',
      { kind: 'replaceValue', path: ['team'], value: 'Pricing' },
      'team: Pricing\nother: 1\n',
    );
  });

  it('turns a scalar sequence item into a mapping item', () => {
    expectFix(
      'servers:\n  - ‹TODO›\n',
      { kind: 'replaceValue', path: ['servers', 0], value: { server: 'prod', type: 'postgres' } },
      'servers:\n  - server: prod\n    type: postgres\n',
    );
  });

  it('replaces a literal block scalar and keeps the line after it', () => {
    expectFix(
      'description:\n  purpose: ‹|\n    old text\n›  usage: x\n',
      { kind: 'replaceValue', path: ['description', 'purpose'], value: 'New first line.\nNew second line.' },
      'description:\n  purpose: |-\n    New first line.\n    New second line.\n  usage: x\n',
    );
  });

  it('fills an empty value on the key line', () => {
    expectFix('domain:‸\nname: x\n', { kind: 'replaceValue', path: ['domain'], value: 'sales' }, 'domain: sales\nname: x\n');
  });

  it('inserts the key when the path does not exist yet', () => {
    expectFix(
      'description:\n  purpose: x\n‸',
      { kind: 'replaceValue', path: ['description', 'usage'], value: 'y' },
      'description:\n  purpose: x\n  usage: y\n',
    );
  });

  it('does nothing for an index past the end of a sequence', () => {
    expectNoEdit('tags:\n  - a\n', { kind: 'replaceValue', path: ['tags', 5], value: 'x' });
  });

  it('keeps Windows line endings when writing a block', () => {
    expectFix(
      'description:‹ TODO›\r\n‸name: x\r\n',
      { kind: 'replaceValue', path: ['description'], value: { purpose: 'Why' } },
      'description:\r\n  purpose: Why\r\nname: x\r\n',
    );
  });

  it('re-indents when a sequence written flush with its key becomes a mapping', () => {
    expectFix(
      'tags:\n‹- a\n- b\n›name: x\n',
      { kind: 'replaceValue', path: ['tags'], value: { first: 'a' } },
      'tags:\n  first: a\nname: x\n',
    );
  });

  it('turns a literal block scalar item into a mapping item and keeps the next item on its own line', () => {
    expectFix(
      'notes:\n  - ‹|-\n    one\n    two\n›  - three\n',
      { kind: 'replaceValue', path: ['notes', 0], value: { text: 'one' } },
      'notes:\n  - text: one\n  - three\n',
    );
  });

  it('counts positions in UTF-16 code units, as editors do, past emoji and accents', () => {
    expectFix(
      '# café ☕ 😀\nname: ‹x›\n',
      { kind: 'replaceValue', path: ['name'], value: 'prix 😀' },
      '# café ☕ 😀\nname: prix 😀\n',
    );
  });
});
