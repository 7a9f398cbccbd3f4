import * as assert from 'node:assert/strict';
import { hoverAt } from '../../../server/src/core/language/hover';
import type { WorkspaceView } from '../../../server/src/core/workspace/types';
import { CONTRACT_HEADER, fixture, workspaceOf } from './helpers';

function hover(marked: string, workspace?: WorkspaceView, uri = 'file:///ws/orders.odcs.yaml') {
  const f = fixture(marked);
  return { ...f, result: hoverAt(f.parsed, f.offset, { uri, workspace }) };
}

const CUSTOMERS = `apiVersion: v3.1.0\nkind: DataContract\nid: test-customers\nname: customers_contract\nversion: 2.0.0\nstatus: active\nteam:\n  members:\n    - name: Ann Owner\n      role: owner\nschema:\n  - name: customers\n    properties:\n      - name: customer_id\n        logicalType: string\n        description: Our customer number.\n  - name: addresses\n`;

describe('hover', () => {
  it('explains a key: docs, type, required marker and allowed values, over the key', () => {
    const { result, ranges } = hover(`${CONTRACT_HEADER}schema:\n  - name: orders\n    properties:\n      - name: id\n        ‹logical‸Type›: string\n`);
    assert.ok(result);
    assert.deepEqual(result.span, ranges[0]);
    assert.match(result.markdown, /^\*\*logicalType\*\* · `string`/);
    assert.match(result.markdown, /- `timestamp` — /);
  });

  it('marks required keys', () => {
    const { result } = hover(`${CONTRACT_HEADER}servers:\n  - ‹ser‸ver›: main\n    type: postgres\n`);
    assert.match(result?.markdown ?? '', /· required/);
  });

  it('adds the meaning of the chosen enum value when hovering a value', () => {
    const { result, ranges } = hover(`${CONTRACT_HEADER}servers:\n  - server: main\n    type: ‹snow‸flake›\n`);
    assert.deepEqual(result?.span, ranges[0]);
    assert.match(result?.markdown ?? '', /^`snowflake`: Snowflake account/);
  });

  it('summarises the contract a product port points at', () => {
    const workspace = workspaceOf({ 'file:///ws/customers.odcs.yaml': CUSTOMERS });
    const product = `apiVersion: v1.0.0\nkind: DataProduct\nid: p\nstatus: active\ninputPorts:\n  - name: in\n    version: 2.0.0\n    contractId: ‹test-‸customers›\n`;
    const { result, ranges } = hover(product, workspace, 'file:///ws/p.odps.yaml');
    assert.deepEqual(result?.span, ranges[0]);
    const markdown = result?.markdown ?? '';
    assert.match(markdown, /\*\*customers_contract\*\* — data contract/);
    assert.match(markdown, /version `2\.0\.0`/);
    assert.match(markdown, /owner Ann Owner/);
    assert.match(markdown, /2 objects: `customers`, `addresses`/);
    assert.match(markdown, /\(file:\/\/\/ws\/customers\.odcs\.yaml\)/);
  });

  it('says so when a contractId matches no contract of the workspace', () => {
    const workspace = workspaceOf({ 'file:///ws/customers.odcs.yaml': CUSTOMERS });
    const product = `apiVersion: v1.0.0\nkind: DataProduct\nid: p\nstatus: active\ninputPorts:\n  - name: in\n    contractId: urn:nope‸\n`;
    assert.match(hover(product, workspace, 'file:///ws/p.odps.yaml').result?.markdown ?? '', /No data contract with id `urn:nope`/);
  });

  it('describes the property a relationship points at, here and in another contract', () => {
    const local = hover(`${CONTRACT_HEADER}schema:\n  - name: orders\n    properties:\n      - name: id\n        logicalType: integer\n        description: Order number.\n      - name: parent\n        relationships:\n          - to: orders.‸id\n`).result;
    assert.match(local?.markdown ?? '', /\*\*orders\.id\*\* · `integer`\n\nOrder number\.\n\nProperty of `orders` in this contract/);
    const workspace = workspaceOf({ 'file:///ws/customers.odcs.yaml': CUSTOMERS });
    const remote = hover(`${CONTRACT_HEADER}schema:\n  - name: orders\n    properties:\n      - name: customer\n        relationships:\n          - to: test-customers.customers.customer‸_id\n`, workspace).result;
    assert.match(remote?.markdown ?? '', /\*\*customers\.customer_id\*\* · `string`\n\nOur customer number\./);
    assert.match(remote?.markdown ?? '', /\[customers_contract\]\(file:\/\/\/ws\/customers\.odcs\.yaml\)/);
  });

  it('describes a nested property named `object.parent.child`', () => {
    const nested = hover(`${CONTRACT_HEADER}schema:\n  - name: orders\n    properties:\n      - name: shipping\n        logicalType: object\n        properties:\n          - name: street\n            logicalType: string\n            description: Street and number.\n      - name: depot\n        relationships:\n          - to: orders.shipping.str‸eet\n`).result;
    assert.match(nested?.markdown ?? '', /\*\*orders\.shipping\.street\*\* · `string`\n\nStreet and number\.\n\nProperty of `orders` in this contract/);
  });

  it('says when a dotted name is neither a nested property here nor a property of a contract with that id', () => {
    const workspace = workspaceOf({ 'file:///ws/customers.odcs.yaml': CUSTOMERS });
    const unknown = hover(`${CONTRACT_HEADER}schema:\n  - name: orders\n    properties:\n      - name: customer\n        relationships:\n          - to: test-customers.customers.nu‸mber\n`, workspace).result;
    assert.match(unknown?.markdown ?? '', /^`test-customers\.customers\.number` does not name a known object or property\./);
  });

  it('returns nothing on blank space and outside descriptors', () => {
    assert.equal(hover(`${CONTRACT_HEADER}‸\n`).result, undefined);
    assert.equal(hover('kind: Other\nna‸me: x\n', undefined, 'file:///x.yaml').result, undefined);
  });
});
