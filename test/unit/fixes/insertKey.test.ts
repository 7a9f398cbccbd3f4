import { expectFix, expectNoEdit } from './fixHelpers';

describe('edit engine: insertKey', () => {
  it('appends to a block mapping after its last key, keeping the inline comment of that line', () => {
    expectFix(
      'description:\n  purpose: Sales per store # why\n‸other: 1\n',
      { kind: 'insertKey', parentPath: ['description'], key: 'usage', value: 'Join on store_id' },
      'description:\n  purpose: Sales per store # why\n  usage: Join on store_id\nother: 1\n',
    );
  });

  it('puts a top-level key after its predecessor in the conventional order, not at the end', () => {
    expectFix(
      '# header\napiVersion: v3.1.0\nkind: DataContract\nid: abc\nversion: 1.0.0\nstatus: draft\n‸\ndescription:\n  purpose: x\n',
      { kind: 'insertKey', parentPath: [], key: 'domain', value: 'sales' },
      '# header\napiVersion: v3.1.0\nkind: DataContract\nid: abc\nversion: 1.0.0\nstatus: draft\ndomain: sales\n\ndescription:\n  purpose: x\n',
    );
  });

  it('puts a key before its first successor (and above that key\'s comment) when no predecessor exists', () => {
    expectFix(
      'description:\n  custom: 1\n‸  # how to use it\n  usage: x\n',
      { kind: 'insertKey', parentPath: ['description'], key: 'purpose', value: 'Why' },
      'description:\n  custom: 1\n  purpose: Why\n  # how to use it\n  usage: x\n',
    );
  });

  it('inserts into a mapping that is an item of a block sequence, at the item\'s key column', () => {
    expectFix(
      'schema:\n  - name: orders\n    properties:\n      - name: id\n‸      - name: total\n',
      { kind: 'insertKey', parentPath: ['schema', 0, 'properties', 0], key: 'description', value: 'Order number' },
      'schema:\n  - name: orders\n    properties:\n      - name: id\n        description: Order number\n      - name: total\n',
    );
  });

  it('writes nested values as blocks in the document\'s indentation (4 spaces here)', () => {
    expectFix(
      'team:\n    name: Pricing\n‸',
      { kind: 'insertKey', parentPath: ['team'], key: 'members', value: [{ username: 'ana', role: 'owner' }] },
      'team:\n    name: Pricing\n    members:\n        - username: ana\n          role: owner\n',
    );
  });

  it('follows a document that does not indent sequences under their key', () => {
    expectFix(
      'tags:\n- a\nteam:\n  name: Pricing\n‸',
      { kind: 'insertKey', parentPath: ['team'], key: 'members', value: ['ana'] },
      'tags:\n- a\nteam:\n  name: Pricing\n  members:\n  - ana\n',
    );
  });

  it('creates missing parent mappings', () => {
    expectFix(
      'kind: DataContract\nname: x\n‸',
      { kind: 'insertKey', parentPath: ['team', 'lead'], key: 'username', value: 'ana' },
      'kind: DataContract\nname: x\nteam:\n  lead:\n    username: ana\n',
    );
  });

  it('creates a missing sequence with its first item when the path goes through index 0', () => {
    expectFix(
      'kind: DataContract\nname: x\n‸',
      { kind: 'insertKey', parentPath: ['servers', 0], key: 'type', value: 'postgres' },
      'kind: DataContract\nname: x\nservers:\n  - type: postgres\n',
    );
  });

  it('fills a key whose value is empty, keeping the comment on its line', () => {
    expectFix(
      'description: # fill me\n‸other: 1\n',
      { kind: 'insertKey', parentPath: ['description'], key: 'purpose', value: 'Why it exists' },
      'description: # fill me\n  purpose: Why it exists\nother: 1\n',
    );
  });

  it('turns an explicit null into a block mapping', () => {
    expectFix(
      'description:‹ ~›\n‸other: 1\n',
      { kind: 'insertKey', parentPath: ['description'], key: 'purpose', value: 'Why it exists' },
      'description:\n  purpose: Why it exists\nother: 1\n',
    );
  });

  it('adds to a flow mapping in flow style', () => {
    expectFix(
      'team: {name: Pricing‸}\n',
      { kind: 'insertKey', parentPath: ['team'], key: 'description', value: 'Prices, promotions' },
      'team: {name: Pricing, description: "Prices, promotions"}\n',
    );
  });

  it('adds to an empty flow mapping', () => {
    expectFix(
      'team: {‸}\n',
      { kind: 'insertKey', parentPath: ['team'], key: 'name', value: 'Pricing' },
      'team: {name: Pricing}\n',
    );
  });

  it('adds a key to an empty document', () => {
    expectFix('‸', { kind: 'insertKey', parentPath: [], key: 'kind', value: 'DataContract' }, 'kind: DataContract\n');
  });

  it('adds a line break first when the file does not end with one', () => {
    expectFix(
      'kind: DataContract\nname: x‸',
      { kind: 'insertKey', parentPath: [], key: 'customProperties', value: [] },
      'kind: DataContract\nname: x\ncustomProperties: []\n',
    );
  });

  it('keeps Windows line endings', () => {
    expectFix(
      'description:\r\n  purpose: x # note\r\n‸other: "q"\r\n',
      { kind: 'insertKey', parentPath: ['description'], key: 'usage', value: { how: 'Join', when: 'daily' } },
      'description:\r\n  purpose: x # note\r\n  usage:\r\n    how: Join\r\n    when: daily\r\nother: "q"\r\n',
    );
  });

  it('sets a new block apart with a blank line where the mapping\'s blocks are', () => {
    expectFix(
      'kind: DataContract\n\ndescription:\n  purpose: x\n‸\nschema:\n  - name: a\n',
      { kind: 'insertKey', parentPath: [], key: 'servers', value: [{ server: 'prod', type: 'postgres' }] },
      'kind: DataContract\n\ndescription:\n  purpose: x\n\nservers:\n  - server: prod\n    type: postgres\n\nschema:\n  - name: a\n',
    );
  });

  it('leaves comments, blank lines and quoting around the insertion untouched', () => {
    expectFix(
      '# top\nkind: DataContract   # kind\n\n# before name\nname: \'single\'\nversion: "1.0.0"\n‸\n\n# trailing\n',
      { kind: 'insertKey', parentPath: [], key: 'status', value: 'draft' },
      '# top\nkind: DataContract   # kind\n\n# before name\nname: \'single\'\nversion: "1.0.0"\nstatus: draft\n\n\n# trailing\n',
    );
  });

  it('quotes a value only when YAML needs it', () => {
    expectFix(
      'kind: DataContract\n‸',
      { kind: 'insertKey', parentPath: [], key: 'customProperties', value: { a: '# not a comment', b: 'yes', c: '12', d: 'plain text' } },
      'kind: DataContract\ncustomProperties:\n  a: "# not a comment"\n  b: yes\n  c: "12"\n  d: plain text\n',
    );
  });

  it('writes multi-line text as a literal block scalar indented under its key', () => {
    expectFix(
      'description:\n  purpose: x\n‸',
      { kind: 'insertKey', parentPath: ['description'], key: 'limitations', value: 'First line.\nSecond line.' },
      'description:\n  purpose: x\n  limitations: |-\n    First line.\n    Second line.\n',
    );
  });

  it('inserts a key that comes first in the conventional order below the file\'s header comment', () => {
    expectFix(
      '# Orders contract\n# owned by sales\n‸kind: DataContract\nid: x\n',
      { kind: 'insertKey', parentPath: [], key: 'apiVersion', value: 'v3.1.0' },
      '# Orders contract\n# owned by sales\napiVersion: v3.1.0\nkind: DataContract\nid: x\n',
    );
  });

  it('does nothing when the key is already there with a value', () => {
    expectNoEdit('description:\n  purpose: x\n', { kind: 'insertKey', parentPath: ['description'], key: 'purpose', value: 'y' });
  });

  it('fills the key when it is there but empty', () => {
    expectFix(
      'description:\n  purpose:‸\n',
      { kind: 'insertKey', parentPath: ['description'], key: 'purpose', value: 'Why' },
      'description:\n  purpose: Why\n',
    );
  });

  it('does nothing when the parent is a scalar', () => {
    expectNoEdit('description: just text\n', { kind: 'insertKey', parentPath: ['description'], key: 'purpose', value: 'y' });
  });
});
