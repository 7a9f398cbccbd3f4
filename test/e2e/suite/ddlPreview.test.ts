/**
 * The DDL preview in real VS Code: "DATSIS: Preview DDL" opens a generated SQL document beside the contract with the
 * dialect in its title; editing the contract changes the preview; copy puts its text on the clipboard; switching the
 * dialect setting replaces the preview; an invalid physicalType is a diagnostic on the contract, not an error in
 * the preview.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, markedRanges, openInEditor, waitForDiagnostics, waitForEvent, writeTempDescriptor, type TempDescriptor } from './helpers';

const CONTRACT = `apiVersion: v3.1.0
kind: DataContract
id: urn:e2e:orders
name: orders
version: 1.0.0
status: active
servers:
  - server: dev
    type: postgres
    host: localhost
    port: 5432
    database: shop
    schema: sales
schema:
  - name: orders
    description: One row per order.
    properties:
      - name: order_id
        logicalType: string
        physicalType: varchar(36)
        primaryKey: true
${Array.from({ length: 40 }, (_, index) => `      - name: attribute_${index}\n        logicalType: string\n        description: Attribute ${index} of the order.\n`).join('')}      - name: amount
        logicalType: number
        physicalType: ‹float(3,2)›
        quality:
          - metric: nullValues
            mustBe: 0
`;

function previewOf(source: vscode.Uri, dialect: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((document) => document.uri.scheme === 'datsis-ddl'
    && new URLSearchParams(document.uri.query).get('source') === source.toString()
    && new URLSearchParams(document.uri.query).get('dialect') === dialect);
}

/** Waits until the contract's preview in `dialect` is open and its text satisfies `predicate`. */
function waitForPreview(source: vscode.Uri, dialect: string, predicate: (text: string) => boolean): Promise<vscode.TextDocument> {
  const changed = (listener: (event: unknown) => void) => vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(listener), vscode.workspace.onDidChangeTextDocument(listener),
  );
  return waitForEvent(changed, () => {
    const preview = previewOf(source, dialect);
    return preview && predicate(preview.getText()) ? preview : undefined;
  }, () => `the ${dialect} preview of ${source.toString()}; open: ${vscode.workspace.textDocuments.map((document) => document.uri.toString()).join(', ')}`);
}

describe('DDL preview in VS Code', function () {
  let contract: TempDescriptor;

  before(async () => {
    await activateExtension();
  });

  beforeEach(() => {
    contract = writeTempDescriptor('orders.odcs.yaml', CONTRACT);
  });

  afterEach(async () => {
    await vscode.workspace.getConfiguration('datsis').update('ddl.dialect', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
    contract.dispose();
  });

  it('opens beside the contract, titled with the dialect, and follows edits', async () => {
    const document = await openInEditor(contract.uri);
    await vscode.commands.executeCommand('datsis.previewDdl');
    const preview = await waitForPreview(contract.uri, 'postgres', (text) => text.includes('CREATE TABLE sales.orders ('));
    assert.ok(preview.uri.path.endsWith('/orders.odcs.yaml — postgres.sql'), preview.uri.path);
    assert.equal(preview.languageId, 'sql');
    for (const section of ['-- DDL', '-- Sample queries', '-- Quality checks']) assert.ok(preview.getText().includes(section), section);
    const previewEditor = vscode.window.visibleTextEditors.find((editor) => editor.document === preview);
    const contractEditor = vscode.window.visibleTextEditors.find((editor) => editor.document === document);
    assert.ok(previewEditor && contractEditor && previewEditor.viewColumn !== contractEditor.viewColumn, 'the preview is beside the contract');

    // Scroll the preview down, then type in the contract: a new column appears and the preview stays scrolled.
    const middle = Math.floor(preview.lineCount / 2);
    previewEditor!.revealRange(new vscode.Range(middle, 0, middle, 0), vscode.TextEditorRevealType.AtTop);
    await waitForEvent(vscode.window.onDidChangeTextEditorVisibleRanges, () => (previewEditor!.visibleRanges[0]!.start.line > 0 ? true : undefined), () => 'the preview to scroll');
    const edit = new vscode.WorkspaceEdit();
    const end = document.positionAt(document.getText().length);
    edit.insert(contract.uri, end, '      - name: discount_code\n        logicalType: string\n        logicalTypeOptions:\n          maxLength: 12\n');
    const started = Date.now();
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForPreview(contract.uri, 'postgres', (text) => text.includes('  discount_code VARCHAR(12)'));
    assert.ok(Date.now() - started < 5_000, `the preview followed the edit in ${Date.now() - started} ms`);
    assert.ok(previewEditor!.visibleRanges[0]!.start.line > 0, 'the preview kept its scroll position');

    // A generated document, not a file: VS Code shows content-provider documents read-only and never saves them.
    assert.equal(preview.uri.scheme, 'datsis-ddl');
    assert.equal(preview.isUntitled, false);
  });

  it('copies the preview and switches dialect with the setting', async () => {
    await openInEditor(contract.uri);
    await vscode.commands.executeCommand('datsis.previewDdl');
    const preview = await waitForPreview(contract.uri, 'postgres', (text) => text.includes('CREATE TABLE'));
    await vscode.window.showTextDocument(preview);
    await vscode.commands.executeCommand('datsis.copyDdl');
    assert.equal(await vscode.env.clipboard.readText(), preview.getText());

    await vscode.workspace.getConfiguration('datsis').update('ddl.dialect', 'exasol', vscode.ConfigurationTarget.Global);
    const exasol = await waitForPreview(contract.uri, 'exasol', (text) => text.includes('PRIMARY KEY (order_id) ENABLE'));
    assert.ok(exasol.uri.path.endsWith('/orders.odcs.yaml — exasol.sql'));
  });

  it('reports an invalid physicalType on the contract and still previews the DDL', async () => {
    const document = await openInEditor(contract.uri);
    const [range] = markedRanges(document, contract.fixture);
    const diagnostics = await waitForDiagnostics(contract.uri, (all) => all.some((diagnostic) => diagnostic.code === 'ddl/invalid-physical-type'));
    const invalid = diagnostics.find((diagnostic) => diagnostic.code === 'ddl/invalid-physical-type')!;
    assert.deepEqual(invalid.range, range);
    await vscode.commands.executeCommand('datsis.previewDdl');
    await waitForPreview(contract.uri, 'postgres', (text) => text.includes('amount NUMERIC(3,2)') && text.includes('physicalType "float(3,2)" is not valid for PostgreSQL'));
  });
});
