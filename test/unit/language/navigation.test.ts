import * as assert from 'node:assert/strict';
import { definitionAt } from '../../../server/src/core/language/definition';
import { referencesAt, type DescriptorSource } from '../../../server/src/core/language/references';
import { fixture, workspaceOf, type Fixture } from './helpers';

const CUSTOMERS_URI = 'file:///ws/crm/customers.odcs.yaml';
const ORDERS_URI = 'file:///ws/sales/orders.odcs.yaml';
const PRODUCT_URI = 'file:///ws/sales/orders.odps.yaml';
const SHIPMENTS_URI = 'file:///ws/logistics/shipments.odcs.yaml';

// Each fixture marks what the tests look for: ‸ where the cursor goes, ‹ › what must be found.
const customers = fixture([
  'apiVersion: v3.1.0', 'kind: DataContract', 'id: ‹test-cust‸omers›', 'name: customers_contract', 'version: 2.0.0', 'status: active',
  'schema:', '  - id: customers_tbl', '    name: customers', '    properties:',
  '      - id: customer_id_col', '        name: ‹customer_‸id›', '        logicalType: string', '',
].join('\n'));
const orders = fixture([
  'apiVersion: v3.1.0', 'kind: DataContract', 'id: urn:test:orders', 'version: 1.0.0', 'status: active',
  'schema:', '  - name: orders', '    properties:', '      - name: ‹order_id›', '      - name: customer_id', '        relationships:',
  '          - to: ‹../crm/customers.odcs.yaml#/schema/customers_tbl/properties/customer‸_id_col›',
  '      - name: buyer', '        relationships:', '          - to: ‹test-customers.customers.customer_id›',
  '    relationships:', '      - from: orders.customer_id', '        to: ‹orders.order‸_id›',
  'slaProperties:', '  - property: latency', '    element: ‹orders.order_id›, customers.custo‸mer_id', '',
].join('\n'));
const product = fixture([
  'apiVersion: v1.0.0', 'kind: DataProduct', 'id: p1', 'status: active', 'inputPorts:', '  - name: customers', '    version: 2.0.0',
  '    contractId: ‹test-‸customers›', 'outputPorts:', '  - name: orders', '    version: 1.0.0', '    contractId: urn:test:orders', '',
].join('\n'));
// Nested properties, and references by contract id and by nested name.
const shipments = fixture([
  'apiVersion: v3.1.0', 'kind: DataContract', 'id: test-shipments', 'version: 1.0.0', 'status: active',
  'schema:', '  - name: shipments', '    properties:', '      - name: destination', '        logicalType: object', '        properties:',
  '          - name: ‹street›', '      - name: customer', '        relationships:',
  '          - to: ‹test-customers.customers.custo‸mer_id›', '          - to: shipments.destination.str‸eet', '          - to: test-customers.customers.nop‸e', '',
].join('\n'));

const files: Record<string, Fixture> = { [CUSTOMERS_URI]: customers, [ORDERS_URI]: orders, [PRODUCT_URI]: product, [SHIPMENTS_URI]: shipments };
const workspace = workspaceOf(Object.fromEntries(Object.entries(files).map(([uri, f]) => [uri, f.text])));
const source: DescriptorSource = { read: (uri) => files[uri]?.text };

describe('go to definition', () => {
  it('goes from a port contractId to the contract file\'s id', () => {
    assert.deepEqual(definitionAt(product.parsed, product.offset, { uri: PRODUCT_URI, workspace }), [{ uri: CUSTOMERS_URI, span: customers.ranges[0] }]);
  });

  it('goes from a relationship id path into another file to the property name there', () => {
    assert.deepEqual(definitionAt(orders.parsed, orders.positions[0]!, { uri: ORDERS_URI, workspace }), [{ uri: CUSTOMERS_URI, span: customers.ranges[1] }]);
  });

  it('goes from an `object.property` shorthand to the property in this file', () => {
    assert.deepEqual(definitionAt(orders.parsed, orders.positions[1]!, { uri: ORDERS_URI, workspace }), [{ uri: ORDERS_URI, span: orders.ranges[0] }]);
  });

  it('picks the reference under the cursor in a comma-separated SLA element', () => {
    // `customers.customer_id` is not an object of this contract: no definition rather than a wrong one.
    assert.deepEqual(definitionAt(orders.parsed, orders.positions[2]!, { uri: ORDERS_URI, workspace }), []);
    assert.deepEqual(definitionAt(orders.parsed, orders.ranges[4]!.start + 1, { uri: ORDERS_URI, workspace }), [{ uri: ORDERS_URI, span: orders.ranges[0] }]);
  });

  it('goes from `<contract id>.<object>.<property>` to the property name in the contract with that id', () => {
    assert.deepEqual(definitionAt(shipments.parsed, shipments.positions[0]!, { uri: SHIPMENTS_URI, workspace }), [{ uri: CUSTOMERS_URI, span: customers.ranges[1] }]);
    assert.deepEqual(definitionAt(shipments.parsed, shipments.positions[2]!, { uri: SHIPMENTS_URI, workspace }), []);
    assert.deepEqual(definitionAt(shipments.parsed, shipments.positions[0]!, { uri: SHIPMENTS_URI, workspace: undefined }), []);
  });

  it('goes from a nested `object.parent.child` to the nested property\'s name', () => {
    assert.deepEqual(definitionAt(shipments.parsed, shipments.positions[1]!, { uri: SHIPMENTS_URI, workspace }), [{ uri: SHIPMENTS_URI, span: shipments.ranges[0] }]);
  });

  it('finds nothing without a workspace or on a key', () => {
    assert.deepEqual(definitionAt(product.parsed, product.offset, { uri: PRODUCT_URI, workspace: undefined }), []);
    assert.deepEqual(definitionAt(product.parsed, product.text.indexOf('contractId'), { uri: PRODUCT_URI, workspace }), []);
  });
});

describe('find references', () => {
  it('on a contract id: the ports using it and the relationships of other contracts pointing into it', () => {
    const found = referencesAt(customers.parsed, customers.offset, { uri: CUSTOMERS_URI, workspace }, source, false);
    assert.deepEqual(found, [
      { uri: PRODUCT_URI, span: product.ranges[0] },
      { uri: ORDERS_URI, span: orders.ranges[1] },
      { uri: ORDERS_URI, span: orders.ranges[2] },
      { uri: SHIPMENTS_URI, span: shipments.ranges[1] },
    ]);
  });

  it('includes the declaration when asked', () => {
    const found = referencesAt(customers.parsed, customers.offset, { uri: CUSTOMERS_URI, workspace }, source, true);
    assert.deepEqual(found[0], { uri: CUSTOMERS_URI, span: customers.ranges[0] });
  });

  it('on a property name: the relationships and SLA elements pointing at that property, here and in other files', () => {
    const onName = customers.positions[1]!;
    assert.deepEqual(referencesAt(customers.parsed, onName, { uri: CUSTOMERS_URI, workspace }, source, false).map((l) => l.span), [orders.ranges[1], orders.ranges[2], shipments.ranges[1]]);
    const orderId = orders.ranges[0]!.start + 1;
    assert.deepEqual(referencesAt(orders.parsed, orderId, { uri: ORDERS_URI, workspace }, source, false), [
      { uri: ORDERS_URI, span: orders.ranges[3] },
      { uri: ORDERS_URI, span: orders.ranges[4] },
    ]);
  });
});
