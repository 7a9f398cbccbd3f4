/**
 * `<contract id>.<object>.<property>` relationship ends over stdio, as an editor sees them: with two contracts in
 * the workspace, the one that names a property of the other resolves (no diagnostic, definition jumps there,
 * completion offers the form) and the one that names a missing property is reported on its value. A nested
 * `object.parent.child` in the same file resolves too.
 */
import * as assert from 'node:assert/strict';
import { CompletionRequest, DefinitionRequest, type CompletionItem, type CompletionList, type Location } from 'vscode-languageserver-protocol/node';
import { parseMarkers } from '../support/markers';
import { offsetsOf, positionAt, startIndexedWorkspace, type IndexedWorkspace } from './languageHelpers';
import { rangeOffsets } from './lspClient';

// ‸ where requests are made, ‹ › what they must find.
const CUSTOMERS = parseMarkers([
  'apiVersion: v3.1.0', 'kind: DataContract', 'id: crm-customers', 'name: customers_contract', 'version: 2.0.0', 'status: active',
  'schema:', '  - name: customers', '    properties:', '      - name: ‹customer_id›', '        logicalType: string', '',
].join('\n'));
const ORDERS = parseMarkers([
  'apiVersion: v3.1.0', 'kind: DataContract', 'id: sales-orders', 'version: 1.0.0', 'status: active',
  'schema:', '  - name: orders', '    properties:',
  '      - name: shipping', '        logicalType: object', '        properties:', '          - name: street', '            logicalType: string',
  '      - name: customer_id', '        logicalType: string', '        relationships:',
  '          - to: crm-customers.customers.custo‸mer_id', '          - to: ‹crm-customers.customers.nope›',
  '      - name: depot_street', '        logicalType: string', '        relationships:', '          - to: orders.shipping.street', '',
].join('\n'));

describe('server over stdio: references into another contract by its id', () => {
  let workspace: IndexedWorkspace;
  before(async () => {
    workspace = await startIndexedWorkspace({ 'customers.odcs.yaml': CUSTOMERS.text, 'orders.odcs.yaml': ORDERS.text });
  });
  after(async () => workspace?.dispose());

  const ordersAt = (offset: number) => ({ textDocument: { uri: workspace.uriOf('orders.odcs.yaml') }, position: positionAt(ORDERS.text, offset) });

  it('reports only the reference whose property does not exist, and nothing from the schema', async () => {
    const uri = workspace.uriOf('orders.odcs.yaml');
    await workspace.client.open(uri, ORDERS.text);
    const diagnostics = await workspace.client.diagnosticsForVersion(uri, 1);
    const references = diagnostics.filter((diagnostic) => String(diagnostic.code).startsWith('semantic/') || String(diagnostic.code).startsWith('schema/'));
    assert.deepEqual(references.map((diagnostic) => [diagnostic.code, rangeOffsets(ORDERS.text, diagnostic)]), [['semantic/unresolved-reference', ORDERS.ranges[0]]]);
    assert.match(String(references[0]!.message), /\(`customers` in `customers_contract` has no property `nope`\)\.$/);
  });

  it('goes from the reference to the property name in the other contract', async () => {
    const result = (await workspace.client.connection.sendRequest(DefinitionRequest.type, ordersAt(ORDERS.positions[0]!))) as Location[] | null;
    assert.deepEqual((result ?? []).map((location) => [location.uri, offsetsOf(CUSTOMERS.text, location.range)]), [
      [workspace.uriOf('customers.odcs.yaml'), CUSTOMERS.ranges[0]],
    ]);
  });

  it('offers the other contract\'s properties in that form', async () => {
    const result = await workspace.client.connection.sendRequest(CompletionRequest.type, ordersAt(ORDERS.positions[0]!));
    const items: CompletionItem[] = Array.isArray(result) ? result : (result as CompletionList | null)?.items ?? [];
    assert.ok(items.some((item) => item.label === 'crm-customers.customers.customer_id'), items.map((item) => item.label).join(', '));
  });
});
