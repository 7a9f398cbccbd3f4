import { expectFix, expectNoEdit } from './fixHelpers';

describe('edit engine: appendItem', () => {
  it('appends a scalar to a block sequence after its last item and that item\'s comment', () => {
    expectFix(
      'tags:\n  - sales # main\n‸\nname: x\n',
      { kind: 'appendItem', path: ['tags'], value: 'pos' },
      'tags:\n  - sales # main\n  - pos\n\nname: x\n',
    );
  });

  it('appends a mapping item aligned with the existing items', () => {
    expectFix(
      'roles:\n  - role: reader\n    access: read\n‸',
      { kind: 'appendItem', path: ['roles'], value: { role: 'pii_reader', access: 'read', firstLevelApprovers: 'Data Protection Office' } },
      'roles:\n  - role: reader\n    access: read\n  - role: pii_reader\n    access: read\n    firstLevelApprovers: Data Protection Office\n',
    );
  });

  it('appends to a sequence that is not indented under its key', () => {
    expectFix(
      'tags:\n- a\n‸name: x\n',
      { kind: 'appendItem', path: ['tags'], value: 'b' },
      'tags:\n- a\n- b\nname: x\n',
    );
  });

  it('appends to a flow sequence', () => {
    expectFix('tags: [a, b‸] # flow\n', { kind: 'appendItem', path: ['tags'], value: 'c' }, 'tags: [a, b, c] # flow\n');
  });

  it('appends to an empty flow sequence', () => {
    expectFix('tags: [‸]\n', { kind: 'appendItem', path: ['tags'], value: 'c' }, 'tags: [c]\n');
  });

  it('creates the sequence when the key is missing', () => {
    expectFix(
      'schema:\n  - name: orders\n‸',
      { kind: 'appendItem', path: ['schema', 0, 'tags'], value: 'orders' },
      'schema:\n  - name: orders\n    tags:\n      - orders\n',
    );
  });

  it('fills an empty key with a sequence', () => {
    expectFix('tags:\n‸name: x\n', { kind: 'appendItem', path: ['tags'], value: 'a' }, 'tags:\n  - a\nname: x\n');
  });

  it('appends to a sequence at the end of a file without a final line break', () => {
    expectFix('tags:\n  - a‸', { kind: 'appendItem', path: ['tags'], value: 'b' }, 'tags:\n  - a\n  - b\n');
  });

  it('keeps Windows line endings and comments between items', () => {
    expectFix(
      'tags:\r\n  - a\r\n  # b is next\r\n  - b # last\r\n‸',
      { kind: 'appendItem', path: ['tags'], value: { name: 'c', note: 'x' } },
      'tags:\r\n  - a\r\n  # b is next\r\n  - b # last\r\n  - name: c\r\n    note: x\r\n',
    );
  });

  it('does nothing when the path holds a mapping', () => {
    expectNoEdit('tags:\n  a: 1\n', { kind: 'appendItem', path: ['tags'], value: 'b' });
  });
});

describe('edit engine: renameKey', () => {
  it('renames a misspelt key and keeps its value and comment', () => {
    expectFix(
      'schema:\n  - name: orders\n    ‹physicalname›: orders_v1 # table\n',
      { kind: 'renameKey', path: ['schema', 0, 'physicalname'], newKey: 'physicalName' },
      'schema:\n  - name: orders\n    physicalName: orders_v1 # table\n',
    );
  });

  it('keeps the quotes of a quoted key', () => {
    expectFix('‹"descripton"›: x\n', { kind: 'renameKey', path: ['descripton'], newKey: 'description' }, '"description": x\n');
  });

  it('renames a key in a flow mapping', () => {
    expectFix('team: {‹nmae›: x}\n', { kind: 'renameKey', path: ['team', 'nmae'], newKey: 'name' }, 'team: {name: x}\n');
  });

  it('renames a key in a Windows-line-ending file', () => {
    expectFix('a: 1\r\n‹nmae›: x\r\nb: 2\r\n', { kind: 'renameKey', path: ['nmae'], newKey: 'name' }, 'a: 1\r\nname: x\r\nb: 2\r\n');
  });

  it('does nothing when the new key already exists (no duplicate keys)', () => {
    expectNoEdit('name: a\nnmae: b\n', { kind: 'renameKey', path: ['nmae'], newKey: 'name' });
  });

  it('does nothing when the key is gone', () => {
    expectNoEdit('name: a\n', { kind: 'renameKey', path: ['nmae'], newKey: 'name' });
  });
});
