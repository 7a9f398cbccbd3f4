import * as assert from 'node:assert/strict';
import {
  DocumentLinkRequest, DocumentSymbolRequest, FoldingRangeKind, FoldingRangeRequest, SymbolKind, type DocumentSymbol,
} from 'vscode-languageserver-protocol/node';
import { parseMarkers } from '../support/markers';
import { offsetsOf, startIndexedWorkspace, type IndexedWorkspace } from './languageHelpers';

// ‹ › mark: the schema entry, the `orders` object's name, the `id` property's name, the two links.
const CONTRACT = parseMarkers([
  '# Orders contract', '# maintained by the sales team', 'apiVersion: v3.1.0', 'kind: DataContract', 'id: urn:test:orders',
  '‹schema:', '  - name: ‹orders›', '    properties:', '      - name: ‹id›', '        logicalType: integer', '      - name: note', '        logicalType: string›',
  'support:', '  - channel: mail', '    url: ‹mailto:sales@example.com›',
  'authoritativeDefinitions:', '  - type: canonicalUrl', '    url: "‹https://catalog.example.com/orders›"', '',
].join('\n'));

// ‹ › mark every expected folding range (from its first to its last line).
const FOLDING = parseMarkers([
  '‹# Orders contract', '# maintained by the sales team›', 'kind: DataContract',
  '‹schema:', '  ‹- name: orders', '    ‹properties:', '      ‹- name: id', '        logicalType: integer›', '      - name: note›',
  '    ‹description: |', '      Line one', '      line two›››', 'tags: [a, b]', '',
].join('\n'));

describe('server over stdio: outline, folding and links', () => {
  let workspace: IndexedWorkspace;
  const uri = () => workspace.uriOf('orders.odcs.yaml');
  before(async () => {
    workspace = await startIndexedWorkspace({});
    await workspace.client.open(uri(), CONTRACT.text);
  });
  after(async () => workspace?.dispose());

  it('declares symbols, folding and links', () => {
    assert.equal(workspace.capabilities.documentSymbolProvider, true);
    assert.equal(workspace.capabilities.foldingRangeProvider, true);
    assert.ok(workspace.capabilities.documentLinkProvider);
  });

  it('outlines schema -> objects -> properties with their logicalType', async () => {
    const symbols = (await workspace.client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uri() } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['apiVersion', 'kind', 'id', 'schema', 'support', 'authoritativeDefinitions']);
    const schema = symbols.find((symbol) => symbol.name === 'schema')!;
    assert.deepEqual(offsetsOf(CONTRACT.text, schema.range), CONTRACT.ranges[0]);
    const orders = schema.children![0]!;
    assert.equal(orders.kind, SymbolKind.Class);
    assert.deepEqual(offsetsOf(CONTRACT.text, orders.selectionRange), CONTRACT.ranges[1]);
    assert.deepEqual(orders.children!.map((property) => [property.name, property.detail, property.kind]), [['id', 'integer', SymbolKind.Field], ['note', 'string', SymbolKind.Field]]);
    assert.deepEqual(offsetsOf(CONTRACT.text, orders.children![0]!.selectionRange), CONTRACT.ranges[2]);
  });

  it('folds every multi-line block and the comment header', async () => {
    const folding = workspace.uriOf('folding.odcs.yaml');
    await workspace.client.open(folding, FOLDING.text);
    const ranges = (await workspace.client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: folding } })) ?? [];
    const lineOf = (offset: number) => FOLDING.text.slice(0, offset).split('\n').length - 1;
    const expected = FOLDING.ranges.map((range) => [lineOf(range.start), lineOf(range.end)] as [number, number]);
    const actual = ranges.map((range) => [range.startLine, range.endLine] as [number, number]);
    assert.deepEqual(actual.sort((a, b) => a[0] - b[0] || a[1] - b[1]), expected.sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    assert.equal(ranges.find((range) => range.startLine === 0)?.kind, FoldingRangeKind.Comment);
  });

  it('links the URLs of support channels and authoritative definitions', async () => {
    const links = await workspace.client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: uri() } });
    assert.deepEqual(links?.map((link) => offsetsOf(CONTRACT.text, link.range)), CONTRACT.ranges.slice(3));
    assert.deepEqual(links?.map((link) => link.target), ['mailto:sales@example.com', 'https://catalog.example.com/orders']);
  });

  it('leaves plain YAML files that are not descriptors alone', async () => {
    const other = workspace.uriOf('workflow.yaml');
    await workspace.client.open(other, 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n');
    assert.equal(await workspace.client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: other } }), null);
  });
});
