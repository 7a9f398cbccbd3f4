import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { completeAt } from '../../../server/src/core/language/completion';
import { MAX_FLAT_TARGETS } from '../../../server/src/core/language/referenceCompletion';
import { semanticAnalyzer } from '../../../server/src/core/semantic/semanticAnalyzer';
import { schemaAnalyzer } from '../../../server/src/core/validation/schemaAnalyzer';
import { parseDescriptor } from '../../../server/src/core/yaml/parse';
import type { WorkspaceView } from '../../../server/src/core/workspace/types';
import { applyCompletion, CONTRACT_HEADER, find, fixture, labels, workspaceOf } from './helpers';

const CONTRACT_URI = 'file:///ws/sales/orders.odcs.yaml';

function complete(marked: string, workspace?: WorkspaceView, uri = CONTRACT_URI) {
  const f = fixture(marked);
  return { ...f, items: completeAt(f.parsed, f.offset, { uri, workspace }) };
}

describe('completion: keys', () => {
  it('offers the missing top-level keys on an empty line, required ones first, with docs', () => {
    const { items } = complete(`apiVersion: v3.1.0\nkind: DataContract\nname: orders\n‸\n`);
    const keys = labels(items.filter((item) => item.kind === 'property'));
    assert.ok(!keys.includes('kind') && !keys.includes('apiVersion') && !keys.includes('name'), 'present keys are not offered');
    for (const key of ['id', 'version', 'status', 'schema', 'servers']) assert.ok(keys.includes(key), key);
    const sorted = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((item) => item.label);
    assert.ok(sorted.indexOf('id') < sorted.indexOf('domain'), 'required `id` sorts before optional `domain`');
    assert.match(find(items, 'schema').documentation ?? '', /\*\*schema\*\*/);
    assert.equal(find(items, 'id').detail, 'string · required');
  });

  it('inserts a key with a value skeleton that matches its type, at the right indentation', () => {
    const marked = `${CONTRACT_HEADER}schema:\n  - name: orders\n    properties:\n      - name: id\n        logicalType: string\n        ‸\n`;
    const { text, items } = complete(marked);
    assert.ok(!labels(items).includes('logicalType') && !labels(items).includes('name'));
    const options = applyCompletion(text, find(items, 'logicalTypeOptions'));
    assert.deepEqual(parse(options).schema[0].properties[0], { name: 'id', logicalType: 'string', logicalTypeOptions: null });
    assert.equal(find(items, 'required').insertText, 'required: ${1|true,false|}');
    assert.equal(find(items, 'tags').insertText, 'tags:\n          - $0');
  });

  it('completes keys after `- ` as the first key of a new item, and the item snippets', () => {
    const marked = `${CONTRACT_HEADER}schema:\n  - name: orders\n    properties:\n      - name: id\n      - ‸\n`;
    const { text, items } = complete(marked);
    assert.equal(find(items, 'name').sortText.startsWith('0'), true, 'name is required for a property');
    assert.equal(find(items, 'Property (column)').kind, 'snippet');
    const applied = parse(applyCompletion(text, find(items, 'Property (column)')));
    assert.equal(applied.schema[0].properties[1].name, 'column_name');
    assert.equal(applied.schema[0].properties[1].logicalType, 'string');
  });

  it('replaces only the partial key, and only the name when the key already has its colon', () => {
    const { items, ranges } = complete(`${CONTRACT_HEADER}schema:\n  - name: orders\n    ‹physi‸calNa›: x\n`);
    const item = find(items, 'physicalName');
    assert.deepEqual(item.replace, ranges[0]);
    assert.equal(item.insertText, 'physicalName');
  });

  it('follows if/then: a `type: sql` rule offers `query`, a library rule `metric`', () => {
    const sql = complete(`${CONTRACT_HEADER}schema:\n  - name: orders\n    quality:\n      - type: sql\n        ‸\n`).items;
    assert.ok(labels(sql).includes('query') && !labels(sql).includes('metric'));
    const library = complete(`${CONTRACT_HEADER}schema:\n  - name: orders\n    quality:\n      - type: library\n        ‸\n`).items;
    assert.ok(labels(library).includes('metric') && labels(library).includes('mustBe'));
  });

  it('offers nothing inside a block scalar, a comment or prose', () => {
    assert.deepEqual(complete(`${CONTRACT_HEADER}description:\n  purpose: |\n    Some text\n    ‸\n`).items, []);
    assert.deepEqual(complete(`${CONTRACT_HEADER}# a comment ‸\n`).items, []);
    assert.deepEqual(complete(`${CONTRACT_HEADER}schema:\n  - name: orders\n    quality:\n      - businessImpact: costs a ‸\n`).items, [], 'no values while typing prose');
  });
});

describe('completion: values and snippets', () => {
  it('offers enum members with their descriptions after `key: `, replacing the partial value', () => {
    const { items, ranges } = complete(`${CONTRACT_HEADER}servers:\n  - server: main\n    type: ‹post‸›\n`);
    const postgres = find(items, 'postgres');
    assert.equal(postgres.kind, 'enumMember');
    assert.deepEqual(postgres.replace, ranges[0]);
    assert.match(postgres.documentation ?? '', /PostgreSQL/);
  });

  it('offers the schema\'s examples as values', () => {
    const { items } = complete(`${CONTRACT_HEADER}schema:\n  - name: orders\n    quality:\n      - businessImpact: ‸\n`);
    const regulatory = find(items, 'regulatory');
    assert.equal(regulatory.kind, 'value');
    assert.equal(regulatory.detail, 'example');
  });

  it('offers true and false for booleans', () => {
    const { items } = complete(`${CONTRACT_HEADER}schema:\n  - name: orders\n    properties:\n      - name: id\n        unique: ‸\n`);
    assert.deepEqual(labels(items.filter((item) => item.kind === 'value')), ['true', 'false']);
  });

  it('starts the first item of an array on the line under its key, with `- ` and item snippets', () => {
    const { text, items } = complete(`${CONTRACT_HEADER}servers:\n  ‸\n`);
    const snippet = find(items, 'Server: PostgreSQL');
    const applied = parse(applyCompletion(text, snippet));
    assert.equal(applied.servers[0].type, 'postgres');
    assert.equal(typeof applied.servers[0].host, 'string');
    assert.equal(find(items, 'server').insertText, '- server: $0');
  });

  it('offers whole array items after `servers: ` as a block below the key', () => {
    const { text, items } = complete(`${CONTRACT_HEADER}servers: ‸\n`);
    const applied = parse(applyCompletion(text, find(items, 'Server: Snowflake')));
    assert.equal(applied.servers[0].type, 'snowflake');
  });

  it('offers the skeletons of both kinds in an empty file of unknown kind', () => {
    const f = fixture('‸');
    const items = completeAt(f.parsed, f.offset, { uri: 'untitled:Untitled-1', workspace: undefined });
    const snippets = items.filter((item) => item.kind === 'snippet');
    assert.equal(snippets.length, 2);
    for (const snippet of snippets) assert.ok(['DataContract', 'DataProduct'].includes(parse(applyCompletion('', snippet)).kind));
  });
});

describe('completion: references', () => {
  const customers = `apiVersion: v3.1.0\nkind: DataContract\nid: urn:test:customers\nname: customers_contract\nversion: 2.0.0\nstatus: active\nteam:\n  name: CRM\n  members:\n    - username: ann\n      name: Ann Owner\n      role: owner\nschema:\n  - id: customers_tbl\n    name: customers\n    properties:\n      - id: customer_id_col\n        name: customer_id\n        logicalType: string\n`;
  const workspace = workspaceOf({ 'file:///ws/crm/customers.odcs.yaml': customers });

  it('offers the workspace contracts for an ODPS port contractId, with name, version and owner', () => {
    const product = `apiVersion: v1.0.0\nkind: DataProduct\nid: p1\nstatus: active\noutputPorts:\n  - name: out\n    version: 1.0.0\n    contractId: ‸\n`;
    const { items } = complete(product, workspace, 'file:///ws/p.odps.yaml');
    const item = find(items, 'urn:test:customers');
    assert.equal(item.kind, 'reference');
    assert.equal(item.detail, 'customers_contract · v2.0.0 · Ann Owner');
    assert.match(item.documentation ?? '', /1 object/);
  });

  it('offers `object.property` of this contract and id paths into other contracts for relationships.to', () => {
    const marked = `${CONTRACT_HEADER}schema:\n  - name: orders\n    properties:\n      - name: order_id\n      - name: customer_id\n        relationships:\n          - to: ‸\n`;
    const { items } = complete(marked, workspace);
    assert.ok(labels(items).includes('orders.order_id'));
    const remote = find(items, '../crm/customers.odcs.yaml#/schema/customers_tbl/properties/customer_id_col');
    assert.equal(remote.detail, 'customers_contract: customers.customer_id');
  });

  // A `*.odcs.yml` file cannot be written in the `file.yaml#/...` form; `urn:` ids start dotted names like any other id.
  it('offers `<contract id>.<object>.<property>` where the id allows it, and no reference form the schema rejects', () => {
    const accounts = `apiVersion: v3.1.0\nkind: DataContract\nid: crm-accounts\nname: accounts_contract\nversion: 1.0.0\nstatus: active\nschema:\n  - id: accounts_tbl\n    name: accounts\n    properties:\n      - id: account_id_col\n        name: account_id\n        logicalType: string\n`;
    const both = workspaceOf({ 'file:///ws/crm/customers.odcs.yaml': customers, 'file:///ws/crm/accounts.odcs.yml': accounts });
    const marked = `${CONTRACT_HEADER}schema:\n  - name: orders\n    properties:\n      - name: account_id\n        relationships:\n          - to: ‸\n`;
    const { text, items } = complete(marked, both);
    const remote = labels(items).filter((label) => !label.startsWith('orders.'));
    assert.deepEqual(remote.sort(), ['../crm/customers.odcs.yaml#/schema/customers_tbl/properties/customer_id_col', 'crm-accounts.accounts.account_id', 'urn:test:customers.customers.customer_id']);
    assert.equal(find(items, 'crm-accounts.accounts.account_id').detail, 'accounts_contract: accounts.account_id');

    // Accepted, it passes the schema and the relationship rule resolves it.
    const accepted = parseDescriptor(applyCompletion(text, find(items, 'crm-accounts.accounts.account_id')));
    assert.deepEqual(schemaAnalyzer(accepted, { uri: CONTRACT_URI, workspace: both }).map((finding) => finding.message), []);
    assert.deepEqual(semanticAnalyzer(accepted, { uri: CONTRACT_URI, workspace: both }).map((finding) => finding.message), []);
  });

  it('leaves the id form out when an object here is named like the contract id: the name would be read as nested', () => {
    const ledger = `apiVersion: v3.1.0\nkind: DataContract\nid: ledger\nversion: 1.0.0\nstatus: active\nschema:\n  - name: entries\n    properties:\n      - name: entry_id\n`;
    const workspace = workspaceOf({ 'file:///ws/finance/ledger.odcs.yaml': ledger });
    const withObject = (name: string) => `${CONTRACT_HEADER}schema:\n  - name: ${name}\n    properties:\n      - name: entry_id\n        relationships:\n          - to: ‸\n`;
    assert.ok(labels(complete(withObject('payments'), workspace).items).includes('ledger.entries.entry_id'));
    assert.ok(!labels(complete(withObject('ledger'), workspace).items).includes('ledger.entries.entry_id'));
  });

  it('offers property names inside a quality rule\'s flow list, without the ones already listed', () => {
    const marked = `${CONTRACT_HEADER}schema:\n  - name: orders\n    properties:\n      - name: order_id\n      - name: line_no\n      - name: amount\n    quality:\n      - metric: duplicateValues\n        arguments:\n          properties: [order_id, ‸]\n`;
    const { items } = complete(marked);
    assert.deepEqual(labels(items), ['line_no', 'amount']);
  });

  it('asks for the object first when a contract has very many properties', () => {
    const properties = Array.from({ length: MAX_FLAT_TARGETS + 1 }, (_, i) => `      - name: p${i}\n`).join('');
    const big = `${CONTRACT_HEADER}schema:\n  - name: wide\n    properties:\n${properties}  - name: narrow\n    properties:\n      - name: id\n        relationships:\n          - to: `;
    const first = complete(`${big}‸\n`).items;
    assert.deepEqual(labels(first), ['wide.', 'narrow.']);
    assert.equal(first[0]!.retrigger, true);
    const second = complete(`${big}narrow.‸\n`).items;
    assert.deepEqual(labels(second), ['narrow.id']);
  });
});
