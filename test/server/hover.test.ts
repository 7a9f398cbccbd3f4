import * as assert from 'node:assert/strict';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { parseMarkers } from '../support/markers';
import { offsetsOf, positionAt, startIndexedWorkspace, type IndexedWorkspace } from './languageHelpers';

const CONTRACT = [
  'apiVersion: v3.1.0', 'kind: DataContract', 'id: urn:test:customers', 'name: customers_contract', 'version: 2.0.0', 'status: active',
  'team:', '  name: CRM', '  members:', '    - name: Ann Owner', '      role: owner',
  'schema:', '  - name: customers', '    properties:', '      - name: customer_id', '        ‹logical‸Type›: string',
  '        description: Our customer number.', '      - name: referrer', '        relationships:', '          - to: ‹customers.custo‸mer_id›', '',
].join('\n');
const PRODUCT = [
  'apiVersion: v1.0.0', 'kind: DataProduct', 'id: p1', 'status: active', 'inputPorts:', '  - name: customers', '    version: 2.0.0',
  '    contractId: ‹urn:test:cust‸omers›', '',
].join('\n');

describe('server over stdio: hover', () => {
  let workspace: IndexedWorkspace;
  const contract = parseMarkers(CONTRACT);
  const product = parseMarkers(PRODUCT);
  before(async () => {
    workspace = await startIndexedWorkspace({ 'customers.odcs.yaml': contract.text, 'product.odps.yaml': product.text });
    await workspace.client.open(workspace.uriOf('customers.odcs.yaml'), contract.text);
    await workspace.client.open(workspace.uriOf('product.odps.yaml'), product.text);
  });
  after(async () => workspace?.dispose());

  const hover = (name: string, text: string, offset: number) =>
    workspace.client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: workspace.uriOf(name) }, position: positionAt(text, offset) });

  it('declares hover', () => {
    assert.equal(workspace.capabilities.hoverProvider, true);
  });

  it('on a key: its docs, type and allowed values, over the key', async () => {
    const result = await hover('customers.odcs.yaml', contract.text, contract.positions[0]!);
    assert.ok(result);
    assert.deepEqual(offsetsOf(contract.text, result.range!), contract.ranges[0]);
    const markdown = (result.contents as MarkupContent).value;
    assert.equal((result.contents as MarkupContent).kind, 'markdown');
    assert.match(markdown, /\*\*logicalType\*\* · `string`/);
    assert.match(markdown, /`integer`/);
  });

  it('on a contractId: the contract\'s name, version, owner, object count and file', async () => {
    const result = await hover('product.odps.yaml', product.text, product.positions[0]!);
    assert.ok(result);
    assert.deepEqual(offsetsOf(product.text, result.range!), product.ranges[0]);
    const markdown = (result.contents as MarkupContent).value;
    assert.match(markdown, /\*\*customers_contract\*\* — data contract/);
    assert.match(markdown, /version `2\.0\.0`.*owner Ann Owner/);
    assert.match(markdown, /1 object: `customers`/);
    assert.ok(markdown.includes(`(${workspace.uriOf('customers.odcs.yaml')})`));
  });

  it('on a relationship target: the target property', async () => {
    const result = await hover('customers.odcs.yaml', contract.text, contract.positions[1]!);
    assert.ok(result);
    assert.deepEqual(offsetsOf(contract.text, result.range!), contract.ranges[1]);
    assert.match((result.contents as MarkupContent).value, /\*\*customers\.customer_id\*\* · `string`\n\nOur customer number\./);
  });
});
