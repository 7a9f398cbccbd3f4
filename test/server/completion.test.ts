import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import {
  CompletionItemKind, CompletionRequest, InsertTextFormat, InsertTextMode, type CompletionItem, type CompletionList, type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { parseMarkers } from '../support/markers';
import { applyEdit, offsetsOf, positionAt, startIndexedWorkspace, type IndexedWorkspace } from './languageHelpers';

const CUSTOMERS = [
  'apiVersion: v3.1.0', 'kind: DataContract', 'id: urn:test:customers', 'name: customers_contract', 'version: 2.0.0', 'status: active',
  'team:', '  name: CRM', '  members:', '    - username: ann', '      name: Ann Owner', '      role: owner',
  'schema:', '  - id: customers_tbl', '    name: customers', '    properties:', '      - id: customer_id_col', '        name: customer_id', '',
].join('\n');

const HEADER = 'apiVersion: v3.1.0\nkind: DataContract\nid: urn:test:orders\nversion: 1.0.0\nstatus: active\n';

describe('server over stdio: completion', () => {
  let workspace: IndexedWorkspace;
  let documents = 0;
  before(async () => { workspace = await startIndexedWorkspace({ 'customers.odcs.yaml': CUSTOMERS }); });
  after(async () => workspace?.dispose());

  /** Opens the marked text as a new document and asks for completion at its `‸`. */
  async function completeIn(marked: string, extension = 'odcs.yaml') {
    const fixture = parseMarkers(marked);
    const uri = workspace.uriOf(`case-${++documents}.${extension}`);
    await workspace.client.open(uri, fixture.text);
    const result = await workspace.client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri }, position: positionAt(fixture.text, fixture.positions[0]!),
    });
    const items = Array.isArray(result) ? result : (result as CompletionList).items;
    const item = (label: string): CompletionItem => {
      const found = items.find((candidate) => candidate.label === label);
      assert.ok(found, `no "${label}" among ${items.map((candidate) => candidate.label).join(', ')}`);
      return found;
    };
    const applied = (label: string): string => {
      const chosen = item(label);
      return applyEdit(fixture.text, chosen.textEdit as TextEdit, chosen.insertTextFormat === InsertTextFormat.Snippet);
    };
    return { fixture, items, item, applied };
  }

  it('declares completion, triggered by a space (after `key:` and `- `) and inside flow lists', () => {
    const triggers = workspace.capabilities.completionProvider?.triggerCharacters ?? [];
    for (const trigger of [' ', '[', ',']) assert.ok(triggers.includes(trigger), trigger);
  });

  it('on an empty line: the missing top-level keys, as properties with docs, inserted as they are', async () => {
    const { item, applied, fixture } = await completeIn(`${HEADER}name: orders\n‸\n`);
    const schema = item('schema');
    assert.equal(schema.kind, CompletionItemKind.Property);
    assert.equal(schema.insertTextMode, InsertTextMode.asIs);
    assert.deepEqual(offsetsOf(fixture.text, (schema.textEdit as TextEdit).range), { start: fixture.positions[0], end: fixture.positions[0] });
    assert.match((schema.documentation as { value: string }).value, /\*\*schema\*\*/);
    assert.deepEqual(parse(applied('domain')).domain, null);
    assert.equal(parse(applied('domain')).name, 'orders');
  });

  it('after `- `: the keys of a new list item and the item snippets', async () => {
    const { item, applied } = await completeIn(`${HEADER}schema:\n  - name: orders\n    properties:\n      - name: id\n      - ‸\n`);
    assert.equal(item('logicalType').kind, CompletionItemKind.Property);
    const snippet = item('Property (column)');
    assert.equal(snippet.kind, CompletionItemKind.Snippet);
    assert.equal(snippet.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(parse(applied('Property (column)')).schema[0].properties[1].name, 'column_name');
  });

  it('after `key: `: enum members with their descriptions', async () => {
    const { item, applied } = await completeIn(`${HEADER}schema:\n  - name: orders\n    properties:\n      - name: id\n        logicalType: ‸\n`);
    const date = item('date');
    assert.equal(date.kind, CompletionItemKind.EnumMember);
    assert.ok(date.documentation, 'enum members carry their description');
    assert.equal(parse(applied('date')).schema[0].properties[0].logicalType, 'date');
  });

  it('inside a flow sequence: the object\'s property names not yet listed', async () => {
    const marked = `${HEADER}schema:\n  - name: orders\n    properties:\n      - name: order_id\n      - name: line_no\n    quality:\n      - metric: duplicateValues\n        mustBe: 0\n        arguments:\n          properties: [order_id, ‸]\n`;
    const { items, applied } = await completeIn(marked);
    assert.deepEqual(items.map((candidate) => [candidate.label, candidate.kind]), [['line_no', CompletionItemKind.Reference]]);
    assert.deepEqual(parse(applied('line_no')).schema[0].quality[0].arguments.properties, ['order_id', 'line_no']);
  });

  it('contractId in a product: the workspace\'s contracts with name, version and owner', async () => {
    const product = 'apiVersion: v1.0.0\nkind: DataProduct\nid: p1\nstatus: active\ninputPorts:\n  - name: customers\n    version: 2.0.0\n    contractId: ‸\n';
    const { item } = await completeIn(product, 'odps.yaml');
    const contract = item('urn:test:customers');
    assert.equal(contract.kind, CompletionItemKind.Reference);
    assert.equal(contract.detail, 'customers_contract · v2.0.0 · Ann Owner');
  });
});
