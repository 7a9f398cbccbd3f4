import * as assert from 'node:assert/strict';
import { checkRule } from '../../../server/src/core/semantic/rule';
import { relationshipsRule } from '../../../server/src/core/semantic/relationships';
import { checkMarked, CONTRACT_HEADER, expectFindingsAtMarkers, fixesOf, workspaceOf } from './harness';

const contract = (relationships: string, propertyRelationships = ''): string => `${CONTRACT_HEADER}schema:
  - id: orders_tbl
    name: orders
    properties:
      - id: order_id_col
        name: order_id
      - id: customer_id_col
        name: customer_id
${propertyRelationships}    relationships:
${relationships}  - id: customers_tbl
    name: customers
    properties:
      - id: customer_pk
        name: id
`;

const CUSTOMERS_URI = 'file:///workspace/crm/customers.odcs.yaml';
const CUSTOMERS = 'apiVersion: v3.1.0\nkind: DataContract\nid: urn:crm:customers\nversion: 2.0.0\nstatus: active\nschema:\n  - id: cust\n    name: customer\n    properties:\n      - id: cust_id\n        name: customer_id\n';

describe('semantic rule: relationship ends must exist', () => {
  it('accepts shorthand and fully qualified references that resolve in this contract', () => {
    expectFindingsAtMarkers(checkMarked(contract('      - from: orders.customer_id\n        to: customers.id\n      - from: [orders.customer_id]\n        to: [schema/customers_tbl/properties/customer_pk]\n'), 'semantic/'));
  });

  it('reports an unknown property of a known object as an error, with a did-you-mean fix', () => {
    const [finding] = expectFindingsAtMarkers(checkMarked(contract('      - from: orders.customer_id\n        to: ‹customers.idd›\n'), 'semantic/'));
    assert.equal(finding!.severity, 'error');
    assert.match(finding!.message, /`customers` in this contract has no property `idd` — did you mean `id`\?/);
    assert.deepEqual(fixesOf(finding!)[0]!.actions[0], { kind: 'replaceValue', path: ['schema', 0, 'relationships', 0, 'to'], value: 'customers.id' });
  });

  it('reports a `from` naming no object of this contract as an error, an unknown `to` object as a warning', () => {
    const findings = expectFindingsAtMarkers(checkMarked(contract('      - from: ‹invoices.customer_id›\n        to: ‹suppliers.id›\n'), 'semantic/'));
    assert.deepEqual(findings.map((f) => f.severity), ['error', 'warning']);
  });

  it('checks the `to` of property-level relationships and the ids of fully qualified references', () => {
    const propertyLevel = '        relationships:\n          - to: ‹schema/customers_tbl/properties/nope›\n';
    expectFindingsAtMarkers(checkMarked(contract('      - from: orders.customer_id\n        to: customers.id\n', propertyLevel), 'semantic/'));
  });

  it('reports composite keys whose from and to lists differ in length on `to`', () => {
    const [finding] = expectFindingsAtMarkers(checkMarked(contract('      - from: [orders.order_id, orders.customer_id]\n        ‹to›: [customers.id]\n'), 'semantic/'));
    assert.equal(finding!.code, 'semantic/relationship-arity');
  });

  it('resolves references into another contract of the workspace by file', () => {
    const workspace = workspaceOf([{ uri: CUSTOMERS_URI, text: CUSTOMERS }]);
    expectFindingsAtMarkers(checkMarked(contract('      - from: orders.customer_id\n        to: ../crm/customers.odcs.yaml#/schema/cust/properties/cust_id\n'), 'semantic/', workspace));
    const wrong = contract('      - from: orders.customer_id\n        to: ‹../crm/customers.odcs.yaml#/schema/cust/properties/nope›\n      - from: orders.customer_id\n        to: ‹../crm/missing.odcs.yaml#/schema/cust›\n');
    const findings = expectFindingsAtMarkers(checkMarked(wrong, 'semantic/', workspace));
    assert.match(findings[0]!.message, /`customer` in `customers.odcs.yaml` has no property `nope`/);
    assert.match(findings[1]!.message, /No data contract `..\/crm\/missing.odcs.yaml` was found/);
  });

  // The official reference pattern (and so our schema) rejects `<contract id>.object.property`; the rule
  // resolves it wherever the schema lets it through, so it is exercised here on the rule alone.
  it('resolves `<contract id>.object.property` against the contract with that id', () => {
    const workspace = workspaceOf([{ uri: CUSTOMERS_URI, text: CUSTOMERS }]);
    const value = { schema: [{ name: 'orders', relationships: [
      { from: 'orders.customer_id', to: 'urn:crm:customers.customer.customer_id' },
      { from: 'orders.customer_id', to: 'urn:crm:customers.customr.customer_id' },
      { from: 'orders.customer_id', to: 'urn:crm:nothing.customer.customer_id' },
    ], properties: [{ name: 'customer_id' }] }] };
    const problems = checkRule(relationshipsRule, { value, kind: 'DataContract', uri: 'file:///workspace/sales/o.odcs.yaml', workspace, schemaFlagged: () => false });
    assert.deepEqual(problems.map((p) => p.path), [['schema', 0, 'relationships', 1, 'to'], ['schema', 0, 'relationships', 2, 'to']]);
    assert.match(problems[0]!.message, /did you mean `customer`\?/);
    assert.match(problems[1]!.message, /No data contract with the id `urn:crm:nothing`/);
  });

  it('stays silent about other contracts without a workspace index', () => {
    expectFindingsAtMarkers(checkMarked(contract('      - from: orders.customer_id\n        to: ../crm/customers.odcs.yaml#/schema/cust/properties/nope\n'), 'semantic/'));
  });
});
