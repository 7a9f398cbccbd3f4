import * as assert from 'node:assert/strict';
import { DefinitionRequest, ReferencesRequest, type Location } from 'vscode-languageserver-protocol/node';
import { parseMarkers, type MarkedText } from '../support/markers';
import { offsetsOf, positionAt, startIndexedWorkspace, type IndexedWorkspace } from './languageHelpers';

// ‸ where the requests are made; ‹ › what they must find.
const CUSTOMERS = parseMarkers([
  'apiVersion: v3.1.0', 'kind: DataContract', 'id: ‹urn:test:cust‸omers›', 'name: customers_contract', 'version: 2.0.0', 'status: active',
  'schema:', '  - id: customers_tbl', '    name: customers', '    properties:', '      - id: customer_id_col', '        name: ‹customer_id›', '',
].join('\n'));
const ORDERS = parseMarkers([
  'apiVersion: v3.1.0', 'kind: DataContract', 'id: urn:test:orders', 'version: 1.0.0', 'status: active',
  'schema:', '  - name: orders', '    properties:', '      - name: customer_id', '        relationships:',
  '          - to: ‹customers.odcs.yaml#/schema/customers_tbl/properties/customer‸_id_col›', '',
].join('\n'));
const PRODUCT = parseMarkers([
  'apiVersion: v1.0.0', 'kind: DataProduct', 'id: p1', 'status: active', 'inputPorts:', '  - name: customers', '    version: 2.0.0',
  '    contractId: ‹urn:test:‸customers›', '',
].join('\n'));

describe('server over stdio: go to definition and find references across files', () => {
  let workspace: IndexedWorkspace;
  const files: Record<string, MarkedText> = { 'customers.odcs.yaml': CUSTOMERS, 'orders.odcs.yaml': ORDERS, 'product.odps.yaml': PRODUCT };
  before(async () => {
    workspace = await startIndexedWorkspace(Object.fromEntries(Object.entries(files).map(([name, fixture]) => [name, fixture.text])));
  });
  after(async () => workspace?.dispose());

  /** Locations as [file name, offsets], read against each target file's own text. */
  const readable = (locations: Location[] | null) => (locations ?? []).map((location) => {
    const name = Object.keys(files).find((candidate) => workspace.uriOf(candidate) === location.uri)!;
    return [name, offsetsOf(files[name]!.text, location.range)];
  });
  const at = (name: string, offset: number) => ({ textDocument: { uri: workspace.uriOf(name) }, position: positionAt(files[name]!.text, offset) });

  it('declares definition and references', () => {
    assert.equal(workspace.capabilities.definitionProvider, true);
    assert.equal(workspace.capabilities.referencesProvider, true);
  });

  it('goes from a product port\'s contractId to the id in the contract file (which is not open)', async () => {
    await workspace.client.open(workspace.uriOf('product.odps.yaml'), PRODUCT.text);
    const result = await workspace.client.connection.sendRequest(DefinitionRequest.type, at('product.odps.yaml', PRODUCT.positions[0]!));
    assert.deepEqual(readable(result as Location[]), [['customers.odcs.yaml', CUSTOMERS.ranges[0]]]);
  });

  it('goes from a relationship target in one contract to the property name in another', async () => {
    await workspace.client.open(workspace.uriOf('orders.odcs.yaml'), ORDERS.text);
    const result = await workspace.client.connection.sendRequest(DefinitionRequest.type, at('orders.odcs.yaml', ORDERS.positions[0]!));
    assert.deepEqual(readable(result as Location[]), [['customers.odcs.yaml', CUSTOMERS.ranges[1]]]);
  });

  it('finds the ports and relationships that use a contract, from its id', async () => {
    await workspace.client.open(workspace.uriOf('customers.odcs.yaml'), CUSTOMERS.text);
    const params = { ...at('customers.odcs.yaml', CUSTOMERS.positions[0]!), context: { includeDeclaration: true } };
    const result = await workspace.client.connection.sendRequest(ReferencesRequest.type, params);
    assert.deepEqual(readable(result), [
      ['customers.odcs.yaml', CUSTOMERS.ranges[0]],
      ['product.odps.yaml', PRODUCT.ranges[0]],
      ['orders.odcs.yaml', ORDERS.ranges[0]],
    ]);
  });
});
