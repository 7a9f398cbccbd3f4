import * as assert from 'node:assert/strict';
import { CONTRACT_HEADER, expectFindingsAtMarkers, fixesOf, PRODUCT_HEADER, validateMarked } from './harness';

describe('schema validation: each error on the exact node', () => {
  it('puts an unknown key on the key, suggests the allowed key and offers a rename', () => {
    const [finding] = expectFindingsAtMarkers(validateMarked(`${CONTRACT_HEADER}schema:\n  - name: orders\n    ‹logicalTyp›: object\n`));
    assert.equal(finding!.code, 'schema/unknown-key');
    assert.match(finding!.message, /`logicalTyp` is not a known key in a schema object\. Did you mean `logicalType`\?/);
    assert.deepEqual(fixesOf(finding!)[0]!.actions, [{ kind: 'renameKey', path: ['schema', 0, 'logicalTyp'], newKey: 'logicalType' }]);
  });

  it('lists the known keys when no key is close to the unknown one', () => {
    const [finding] = expectFindingsAtMarkers(validateMarked(`${CONTRACT_HEADER}price:\n  priceAmount: 1\n  ‹zzz›: 2\n`));
    assert.match(finding!.message, /Known keys here: id, priceAmount, priceCurrency, priceUnit/);
    assert.deepEqual(fixesOf(finding!), []);
  });

  it('puts a bad enum value on the value, lists the allowed values and suggests the closest', () => {
    const [finding] = expectFindingsAtMarkers(validateMarked(`${CONTRACT_HEADER}schema:\n  - name: orders\n    properties:\n      - name: placed_on\n        logicalType: ‹dat›\n`));
    assert.equal(finding!.code, 'schema/enum');
    assert.equal(finding!.message, '`logicalType` must be one of string, date, timestamp, time, number, integer, object, array, boolean — did you mean `date`?');
    assert.deepEqual(fixesOf(finding!)[0]!.actions, [{ kind: 'replaceValue', path: ['schema', 0, 'properties', 0, 'logicalType'], value: 'date' }]);
  });

  it('puts a wrong type on the value, says what was found, and fixes a quoted boolean', () => {
    const [finding] = expectFindingsAtMarkers(validateMarked(`${CONTRACT_HEADER}schema:\n  - name: orders\n    properties:\n      - name: id\n        primaryKey: ‹"true"›\n`));
    assert.equal(finding!.code, 'schema/type');
    assert.match(finding!.message, /`primaryKey` must be true or false, not the text "true"/);
    assert.deepEqual(fixesOf(finding!)[0]!.actions, [{ kind: 'replaceValue', path: ['schema', 0, 'properties', 0, 'primaryKey'], value: true }]);
  });

  it('offers to quote a number that must be text, keeping the digits as written', () => {
    const [finding] = expectFindingsAtMarkers(validateMarked('apiVersion: v3.1.0\nkind: DataContract\nid: c\nstatus: active\nversion: ‹1.10›\n'));
    assert.deepEqual(fixesOf(finding!)[0]!.actions, [{ kind: 'replaceValue', path: ['version'], value: '1.10' }]);
  });

  it('reports missing top-level keys once, on the `kind` key', () => {
    const [finding] = expectFindingsAtMarkers(validateMarked('apiVersion: v3.1.0\n‹kind›: DataContract\nid: c\n'));
    assert.equal(finding!.code, 'schema/required');
    assert.match(finding!.message, /missing the required keys `version` and `status`/);
  });

  it('reports a missing key of a list item on the first key of that item', () => {
    const [finding] = expectFindingsAtMarkers(validateMarked(`${CONTRACT_HEADER}schema:\n  - name: orders\n    properties:\n      - ‹logicalType›: string\n`));
    assert.match(finding!.message, /schema property is missing the required key `name`/);
  });

  it('reports a missing key of an item nested in a mapping on the first key of the item', () => {
    const [finding] = expectFindingsAtMarkers(validateMarked(`${PRODUCT_HEADER}team:\n  name: sales\n  members:\n    - ‹name›: Jo\n      role: owner\n`));
    assert.match(finding!.message, /team member is missing the required key `username`/);
  });

  it('does not report a wrong value twice: a type error hides the enum error on the same value', () => {
    const [finding] = expectFindingsAtMarkers(validateMarked(`${CONTRACT_HEADER}schema:\n  - name: orders\n    properties:\n      - name: a\n        logicalType: ‹5›\n`));
    assert.equal(finding!.code, 'schema/type');
  });

  it('treats a misspelt required key as one mistake, not an unknown key plus a missing key', () => {
    const [finding] = expectFindingsAtMarkers(validateMarked(`${CONTRACT_HEADER}team:\n  members:\n    - ‹usernme›: jo\n`));
    assert.equal(finding!.code, 'schema/unknown-key');
    assert.match(finding!.message, /Did you mean `username`\?/);
  });

  it('validates products with the product schema', () => {
    const [finding] = expectFindingsAtMarkers(validateMarked(`${PRODUCT_HEADER}outputPorts:\n  - name: orders\n    version: 1.0.0\n    ‹contractID›: c-1\n`));
    assert.match(finding!.message, /Did you mean `contractId`\?/);
  });

  it('reports nothing for a valid contract', () => {
    const run = validateMarked(`${CONTRACT_HEADER}schema:\n  - name: orders\n    properties:\n      - name: id\n        logicalType: integer\n        logicalTypeOptions:\n          minimum: 1\n`);
    assert.deepEqual(run.findings, []);
  });
});

describe('schema validation: conditions and alternatives', () => {
  it('names the condition of an if/then failure and reports it once', () => {
    const [finding] = expectFindingsAtMarkers(validateMarked(`${CONTRACT_HEADER}schema:\n  - name: orders\n    properties:\n      - name: total\n        logicalType: number\n        logicalTypeOptions:\n          ‹minLength›: 3\n`));
    assert.match(finding!.message, /^Because `logicalType` is `number`, `logicalTypeOptions` may only contain multipleOf, .*minimum.*; `minLength` is not one of them\.$/);
  });

  it('names the condition of a required key that only a condition demands', () => {
    const [finding] = expectFindingsAtMarkers(validateMarked(`${CONTRACT_HEADER}servers:\n  - ‹server›: warehouse\n    type: postgres\n    host: db\n    database: sales\n    schema: public\n`));
    assert.match(finding!.message, /^Because `type` is `postgres`, this server needs `port`\.$/);
  });

  it('keeps only the meant branch of a oneOf: the deprecated team list gets its own error, not "must be an object"', () => {
    const [finding] = expectFindingsAtMarkers(validateMarked(`${CONTRACT_HEADER}team:\n  - username: jo\n    ‹rol›: owner\n`));
    assert.equal(finding!.code, 'schema/unknown-key');
    assert.match(finding!.message, /Did you mean `role`\?/);
  });

  it('gives one type message when no branch of a oneOf fits the value', () => {
    const [finding] = expectFindingsAtMarkers(validateMarked(`${CONTRACT_HEADER}team: ‹data team›\n`));
    assert.equal(finding!.code, 'schema/type');
    assert.match(finding!.message, /`team` must be a mapping of keys to values or a list, not the text "data team"/);
  });

  it('collapses "one of these keys is required" branches into one message on the item', () => {
    const [finding] = expectFindingsAtMarkers(validateMarked(`${CONTRACT_HEADER}schema:\n  - name: orders\n    quality:\n      - ‹metric›: rowCount\n`));
    assert.match(finding!.message, /needs exactly one of `mustBe`, `mustNotBe`, `mustBeGreaterThan`/);
  });

  it('puts "use only one operator" on the second operator', () => {
    const [finding] = expectFindingsAtMarkers(validateMarked(`${CONTRACT_HEADER}schema:\n  - name: orders\n    quality:\n      - metric: rowCount\n        mustBe: 1\n        ‹mustBeGreaterThan›: 0\n`));
    assert.match(finding!.message, /use only one of `mustBe` and `mustBeGreaterThan`/);
  });

  it('explains the accepted reference forms once instead of one pattern error per branch', () => {
    const [finding] = expectFindingsAtMarkers(validateMarked(`${CONTRACT_HEADER}schema:\n  - name: orders\n    relationships:\n      - from: ‹customer id›\n        to: customers.id\n`));
    assert.equal(finding!.code, 'schema/pattern');
    assert.match(finding!.message, /`from` must have the form `object\.property` or `schema\/<object id>\/properties\/<property id>`/);
  });

  // `<contract id>.object.property` and the nested `object.parent.child` are our schema's extensions; a `+` in an id
  // or a `-` in a later name fits neither.
  it('says which characters a dotted reference may use, and how to reach a contract whose id has others', () => {
    const run = validateMarked(`${CONTRACT_HEADER}schema:\n  - name: orders\n    properties:\n      - name: customer_id\n        relationships:\n          - to: ‹crm+customers.customers.id›\n          - to: urn:crm:customers.customers.id\n          - to: crm_contract.customers.id\n    relationships:\n      - from: [‹orders.ship-to.city›, orders.address.city]\n        to: [customers.city, customers.zip]\n`);
    for (const finding of expectFindingsAtMarkers(run)) {
      assert.equal(finding.code, 'schema/pattern');
      assert.match(finding.message, /must have the form `object\.property` or `schema\/<object id>\/properties\/<property id>` \(optionally prefixed with `other-file\.yaml#`\) or `<contract id>\.<object>\.<property>` or a nested `object\.parent\.child`\./);
      assert.match(finding.message, /In a dotted reference the first name \(a contract id or an object\) may use letters, digits, `_`, `:` and `-`, the other names letters, digits and `_` only; for a contract whose id has other characters write its file, `#` and the id path/);
    }
  });

  it('puts a malformed reference of a composite key on the item, not "must be a text value" on the list', () => {
    const [finding] = expectFindingsAtMarkers(validateMarked(`${CONTRACT_HEADER}schema:\n  - name: orders\n    relationships:\n      - from: [orders.id, ‹order line›]\n        to: [lines.order_id, lines.line]\n`));
    assert.equal(finding!.code, 'schema/pattern');
    assert.match(finding!.message, /^`from\[1\]` must have the form `object\.property` or `schema\/<object id>\/properties\/<property id>`/);
  });

  it('keeps the plain form message for a malformed reference that is not dotted', () => {
    const [finding] = expectFindingsAtMarkers(validateMarked(`${CONTRACT_HEADER}schema:\n  - name: orders\n    properties:\n      - name: customer_id\n        relationships:\n          - to: ‹customers›\n`));
    assert.doesNotMatch(finding!.message, /In a dotted reference/);
  });

  it('says that from and to must match in shape instead of blaming one of them', () => {
    const [finding] = expectFindingsAtMarkers(validateMarked(`${CONTRACT_HEADER}schema:\n  - name: orders\n    relationships:\n      - ‹from›: [orders.customer_id]\n        to: customers.id\n`));
    assert.match(finding!.message, /`from` and `to` must both be text values or both be lists/);
  });
});
