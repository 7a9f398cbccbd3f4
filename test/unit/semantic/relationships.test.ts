import * as assert from 'node:assert/strict';
import { validateMarked } from '../validation/harness';
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

/** Nested properties (an object-typed one, an array of objects) and a second object to point at. */
const nested = (relationships: string, propertyRelationships = ''): string => `${CONTRACT_HEADER}schema:
  - name: orders
    properties:
      - name: shipping
        logicalType: object
        properties:
          - name: street
          - name: zip
      - name: lines
        logicalType: array
        items:
          logicalType: object
          properties:
            - name: sku
    relationships:
${relationships}  - name: zones
    properties:
      - name: zip
      - name: sku
${propertyRelationships}`;

/** A fixture the rule is to judge must pass the schema: the rule stays silent where the schema already spoke. */
function assertSchemaAccepts(marked: string): void {
  assert.deepEqual(validateMarked(marked).findings.map((finding) => `${finding.code}: ${finding.message}`), []);
}

const CUSTOMERS_URI = 'file:///workspace/crm/customers.odcs.yaml';
const CUSTOMERS = 'apiVersion: v3.1.0\nkind: DataContract\nid: crm-customers\nversion: 2.0.0\nstatus: active\nschema:\n  - id: cust\n    name: customer\n    properties:\n      - id: cust_id\n        name: customer_id\n';

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

  it('resolves `object.property.nested` in this contract, through object properties and array items', () => {
    const marked = nested('      - from: orders.shipping.zip\n        to: zones.zip\n      - from: [orders.lines.sku, orders.shipping.zip]\n        to: [zones.sku, zones.zip]\n', '        relationships:\n          - to: orders.lines.sku\n');
    assertSchemaAccepts(marked);
    expectFindingsAtMarkers(checkMarked(marked, 'semantic/', workspaceOf([{ uri: CUSTOMERS_URI, text: CUSTOMERS }])));
  });

  it('reports a nested path that resolves nowhere, naming both readings, with the nested reading\'s did-you-mean', () => {
    const marked = nested('      - from: orders.shipping.zip\n        to: ‹orders.shipping.stret›\n');
    assertSchemaAccepts(marked);
    const [finding] = expectFindingsAtMarkers(checkMarked(marked, 'semantic/', workspaceOf([{ uri: CUSTOMERS_URI, text: CUSTOMERS }])));
    assert.equal(finding!.severity, 'error');
    assert.equal(finding!.message, '`orders.shipping.stret` resolves neither as a nested property of this contract (`orders.shipping` in this '
      + 'contract has no property `stret` — did you mean `street`?) nor as `<contract id>.<object>.<property>` (no data contract with the id '
      + '`orders` was found in the workspace).');
    assert.deepEqual(fixesOf(finding!)[0]!.actions[0], { kind: 'replaceValue', path: ['schema', 0, 'relationships', 0, 'to'], value: 'orders.shipping.street' });
  });

  it('resolves `<contract id>.<object>.<property>` against the workspace contract with that id', () => {
    const workspace = workspaceOf([{ uri: CUSTOMERS_URI, text: CUSTOMERS }]);
    const marked = contract('      - from: orders.customer_id\n        to: crm-customers.customer.customer_id\n', '        relationships:\n          - to: crm-customers.customer.customer_id\n');
    assertSchemaAccepts(marked);
    expectFindingsAtMarkers(checkMarked(marked, 'semantic/', workspace));
  });

  it('reports a `<contract id>.<object>.<property>` that does not resolve, naming both readings', () => {
    const workspace = workspaceOf([{ uri: CUSTOMERS_URI, text: CUSTOMERS }]);
    const marked = contract([
      '      - from: orders.customer_id', '        to: ‹crm-customers.customr.customer_id›',
      '      - from: orders.customer_id', '        to: ‹crm-customers.customer.nope›',
      '      - from: orders.customer_id', '        to: ‹crm-nothing.customer.customer_id›', '',
    ].join('\n'));
    assertSchemaAccepts(marked);
    const [misspeltObject, missingProperty, missingContract] = expectFindingsAtMarkers(checkMarked(marked, 'semantic/', workspace));
    assert.deepEqual([misspeltObject, missingProperty, missingContract].map((f) => f!.severity), ['error', 'error', 'warning']);
    assert.equal(misspeltObject!.message, '`crm-customers.customr.customer_id` resolves neither as a nested property of this contract '
      + '(`crm-customers` is not a schema object of this contract) nor as `<contract id>.<object>.<property>` (`customr` is not a schema '
      + 'object of `customers.odcs.yaml` — did you mean `customer`?).');
    assert.deepEqual(fixesOf(misspeltObject!)[0]!.actions[0], { kind: 'replaceValue', path: ['schema', 0, 'relationships', 0, 'to'], value: 'crm-customers.customer.customer_id' });
    assert.match(missingProperty!.message, /\(`customer` in `customers.odcs.yaml` has no property `nope`\)\.$/);
    assert.match(missingContract!.message, /nested property of this contract \(`crm-nothing` is not a schema object of this contract\) nor as `<contract id>\.<object>\.<property>` \(no data contract with the id `crm-nothing` was found in the workspace\)\.$/);
  });

  it('resolves a `urn:` contract id like any other, and reports a property missing behind it', () => {
    const workspace = workspaceOf([{ uri: CUSTOMERS_URI, text: CUSTOMERS.replace('crm-customers', 'urn:crm:customers') }]);
    const resolved = contract('      - from: orders.customer_id\n        to: urn:crm:customers.customer.customer_id\n');
    assert.deepEqual(validateMarked(resolved).findings.filter((finding) => finding.source === 'schema'), []);
    expectFindingsAtMarkers(checkMarked(resolved, 'semantic/', workspace));
    expectFindingsAtMarkers(checkMarked(contract('      - from: orders.customer_id\n        to: ‹urn:crm:customers.customer.nope›\n'), 'semantic/', workspace));
  });

  // A dotted name that is no nested property here may name another contract: like a file reference, unchecked.
  it('stays silent about other contracts without a workspace index', () => {
    expectFindingsAtMarkers(checkMarked(contract('      - from: orders.customer_id\n        to: ../crm/customers.odcs.yaml#/schema/cust/properties/nope\n'), 'semantic/'));
    expectFindingsAtMarkers(checkMarked(contract('      - from: orders.customer_id\n        to: crm-customers.customer.nope\n'), 'semantic/'));
    expectFindingsAtMarkers(checkMarked(nested('      - from: orders.shipping.zip\n        to: orders.shipping.stret\n'), 'semantic/'));
  });
});
