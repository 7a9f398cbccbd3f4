/**
 * The editing features a user meets first, through the real language client in real VS Code: completion of
 * the keys a schema property still lacks and of logicalType's values, hover docs on a key, a schema mistake as a
 * diagnostic on exactly the mistaken value, and go to definition from a product's port to its contract.
 * Positions and expected ranges are marked in the fixtures (`‸`, `‹…›`).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension, closeAllEditors, datsisDiagnostics, describeDiagnostics, formatRange, hoverTextAt, markedPositions, markedRanges,
  openInEditor, waitForDiagnostics, waitForEvent, writeTempDescriptor, writeTempFolder, type TempDescriptor, type TempFolder,
} from './helpers';

/** A contract's first lines; each fixture has its own id, so no fixture is a duplicate of another. */
const header = (id: string): string => `apiVersion: v3.1.0\nkind: DataContract\nid: urn:e2e:${id}\nname: orders\nversion: 1.0.0\nstatus: active\n`;

/** The logical types ODCS v3.1 allows. */
const LOGICAL_TYPES = ['array', 'boolean', 'date', 'integer', 'number', 'object', 'string', 'time', 'timestamp'];

const codeOf = (diagnostic: vscode.Diagnostic): string =>
  String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);

const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

const documentationOf = (item: vscode.CompletionItem): string =>
  (typeof item.documentation === 'string' ? item.documentation : item.documentation?.value ?? '');

/** Every completion item VS Code would show at `position` (all providers, as the editor asks them). */
async function completionItemsAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items;
}

/** A definition result as `uri + range`, whichever of Location and LocationLink the provider returned. */
function targetOf(definition: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in definition
    ? { uri: definition.targetUri, range: definition.targetSelectionRange ?? definition.targetRange }
    : { uri: definition.uri, range: definition.range };
}

describe('completion, hover, diagnostics and navigation in VS Code', () => {
  let temp: TempDescriptor | TempFolder | undefined;

  before(activateExtension);
  afterEach(async () => {
    await closeAllEditors();
    temp?.dispose();
    temp = undefined;
  });

  it('completes the keys a schema property lacks, with their docs, on an empty line', async () => {
    const descriptor = writeTempDescriptor('complete-keys.odcs.yaml', `${header('complete-keys')}schema:
  - name: orders
    properties:
      - name: order_id
        physicalType: varchar(36)
        ‸
`);
    temp = descriptor;
    const document = await openInEditor(descriptor.uri);
    const [position] = markedPositions(document, descriptor.fixture);
    const items = await completionItemsAt(descriptor.uri, position!);
    const keys = items.filter((item) => item.kind === vscode.CompletionItemKind.Property);
    const labels = keys.map(labelOf);
    for (const missing of ['logicalType', 'description', 'primaryKey']) assert.ok(labels.includes(missing), `${missing} is offered among ${labels.join(', ')}`);
    for (const present of ['name', 'physicalType']) assert.ok(!labels.includes(present), `${present} is already there but offered: ${labels.join(', ')}`);
    const logicalType = keys.find((item) => labelOf(item) === 'logicalType')!;
    assert.match(documentationOf(logicalType), /\*\*logicalType\*\*/, 'the key comes with its markdown docs');
    assert.ok(keys.every((item) => documentationOf(item).length > 0), `every key is documented: ${keys.filter((item) => !documentationOf(item)).map(labelOf).join(', ')}`);
  });

  it('completes the logical types after `logicalType: `, each with its description', async () => {
    const descriptor = writeTempDescriptor('complete-values.odcs.yaml', `${header('complete-values')}schema:
  - name: orders
    properties:
      - name: placed_at
        logicalType: ‸
`);
    temp = descriptor;
    const document = await openInEditor(descriptor.uri);
    const [position] = markedPositions(document, descriptor.fixture);
    const values = (await completionItemsAt(descriptor.uri, position!)).filter((item) => item.kind === vscode.CompletionItemKind.EnumMember);
    assert.deepEqual(values.map(labelOf).sort(), LOGICAL_TYPES);
    const undocumented = values.filter((item) => documentationOf(item).length === 0).map(labelOf);
    assert.deepEqual(undocumented, [], 'every logical type carries a description');
  });

  it('shows the markdown docs of a key on hover, over the whole key', async () => {
    const descriptor = writeTempDescriptor('hover.odcs.yaml', `${header('hover')}schema:
  - name: orders
    properties:
      - name: placed_at
        ‹logical‸Type›: timestamp
`);
    temp = descriptor;
    const document = await openInEditor(descriptor.uri);
    const [position] = markedPositions(document, descriptor.fixture);
    const [keyRange] = markedRanges(document, descriptor.fixture);
    const markdown = await hoverTextAt(descriptor.uri, position!);
    assert.match(markdown, /\*\*logicalType\*\* · `string`/, markdown);
    for (const value of ['timestamp', 'integer']) assert.ok(markdown.includes(`\`${value}\``), `the allowed value ${value} is listed: ${markdown}`);
    const [hover] = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', descriptor.uri, position);
    assert.equal(formatRange(hover!.range!), formatRange(keyRange!), 'the hover covers the key');
  });

  it('reports a misspelt logicalType on the value, with a human message that suggests the fix', async () => {
    const descriptor = writeTempDescriptor('enum.odcs.yaml', `${header('enum')}schema:
  - name: orders
    properties:
      - name: placed_at
        logicalType: ‹timestmp›
`);
    temp = descriptor;
    const document = await openInEditor(descriptor.uri);
    const [valueRange] = markedRanges(document, descriptor.fixture);
    const isEnumProblem = (diagnostic: vscode.Diagnostic) => codeOf(diagnostic) === 'schema/enum';
    const diagnostics = await waitForDiagnostics(descriptor.uri, (all) => datsisDiagnostics(all).some(isEnumProblem));
    const problems = datsisDiagnostics(diagnostics).filter(isEnumProblem);
    assert.equal(problems.length, 1, describeDiagnostics(diagnostics));
    const [problem] = problems;
    assert.equal(problem!.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(formatRange(problem!.range), formatRange(valueRange!), describeDiagnostics(diagnostics));
    assert.match(problem!.message, /`logicalType` must be one of .*timestamp/);
    assert.match(problem!.message, /did you mean `timestamp`\?/);
    assert.doesNotMatch(problem!.message, /\/schema\/|must be equal to one of the allowed values/, 'no raw JSON-Schema wording');
  });

  it('goes from a product port\'s contractId to the id of the contract in another file', async () => {
    const folder = writeTempFolder({
      'customers.odcs.yaml': `apiVersion: v3.1.0
kind: DataContract
id: ‹urn:e2e:customers›
name: customers
version: 2.0.0
status: active
schema:
  - name: customers
    properties:
      - name: customer_id
        logicalType: string
`,
      'customer-360.odps.yaml': `apiVersion: v1.0.0
kind: DataProduct
id: urn:e2e:customer-360
name: customer 360
status: active
inputPorts:
  - name: customers
    version: 2.0.0
    contractId: urn:e2e:cust‸omers
`,
    });
    temp = folder;
    const contractUri = folder.uri('customers.odcs.yaml');
    const productUri = folder.uri('customer-360.odps.yaml');
    // Opened, not shown: the server indexes open documents, also outside the workspace folder.
    const contract = await vscode.workspace.openTextDocument(contractUri);
    const [idRange] = markedRanges(contract, folder.fixture('customers.odcs.yaml'));
    const product = await openInEditor(productUri);
    const [position] = markedPositions(product, folder.fixture('customer-360.odps.yaml'));
    // The port's contract counts as found once the product is validated without an unknown-contract warning.
    await waitForDiagnostics(productUri, (all) => all.length > 0 && !all.some((diagnostic) => codeOf(diagnostic) === 'semantic/unknown-contract'));

    const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', productUri, position);
    const targets = definitions.map(targetOf).map(({ uri, range }) => `${uri.fsPath} ${formatRange(range)}`);
    assert.deepEqual(targets, [`${contractUri.fsPath} ${formatRange(idRange!)}`]);

    // And as the user does it (F12): the contract opens with the cursor on its id.
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(position!, position!);
    const opened = waitForEvent(vscode.window.onDidChangeActiveTextEditor, () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.fsPath === contractUri.fsPath ? active : undefined;
    }, () => `the contract to open; active: ${vscode.window.activeTextEditor?.document.uri.fsPath ?? '(none)'}`);
    await vscode.commands.executeCommand('editor.action.revealDefinition');
    const contractEditor = await opened;
    assert.equal(formatRange(contractEditor.selection), formatRange(new vscode.Range(idRange!.start, idRange!.start)));
  });
});
