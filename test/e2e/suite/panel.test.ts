/**
 * The DATSIS side bar in real VS Code, clicked and read in the browser like a user would (through the UI
 * bridge): the score panel shows the open example's score, "Fix" in the panel changes the descriptor and
 * the score rises, the marketplace lists every example product, a lineage node opens its file, the workspace
 * report and the "new data product" walkthrough command write their files, and screenshots of the panel in
 * light and dark themes land in test/e2e/output/.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { activateExtension, closeAllEditors, openInEditor, waitForDiagnostics, waitForEvent, workspaceFile } from './helpers';
import { ui, uiBridgeAvailable } from './ui';

const POOR_PRODUCT = 'supply-chain/demand-forecast.odps.yaml';
const AVERAGE_PRODUCT = 'pricing/dynamic-price-recommendations.odps.yaml';
const LINEAGE_TARGET = 'supply-chain/inventory-positions.odps.yaml';
const OUTPUT_DIR = join(__dirname, '..', '..', 'test', 'e2e', 'output');

/** Every descriptor of the examples workspace, read from disk so the test follows the examples. */
function exampleDescriptors(): { path: string; kind: string; name: string | undefined }[] {
  const root = workspaceFile('').fsPath;
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.od[cp]s\.yaml$/.test(path))
    .map((path) => {
      const value = parse(readFileSync(join(root, path), 'utf8')) as { kind: string; name?: string };
      return { path, kind: value.kind, name: value.name };
    });
}

/** The overall score the code lens shows (`DATSIS 31 · ...`): the same server, asked another way. */
async function lensScore(uri: vscode.Uri): Promise<number> {
  // Once the DATSIS diagnostics are in, the server has scored the document.
  await waitForDiagnostics(uri, (all) => all.some((diagnostic) => diagnostic.source === 'DATSIS'));
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
  const title = lenses.map((lens) => lens.command?.title ?? '').find((text) => text.startsWith('DATSIS '));
  const match = title && /^DATSIS (\d+)/.exec(title);
  if (!match) throw new Error(`no DATSIS code lens on ${uri.toString()}: ${JSON.stringify(lenses.map((lens) => lens.command?.title))}`);
  return Number(match[1]);
}

const numbers = (texts: readonly string[]) => texts.map(Number);
const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe('DATSIS side bar in VS Code', function () {
  before(async function () {
    if (!uiBridgeAvailable) this.skip(); // the desktop launcher has no browser to click in
    await activateExtension();
  });
  afterEach(async () => {
    // Leave the examples as they are on disk: revert what a test changed, then close everything.
    for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await closeAllEditors();
  });

  it('shows the score of the example in the active editor', async () => {
    const uri = workspaceFile(POOR_PRODUCT);
    await openInEditor(uri);
    const expected = await lensScore(uri);
    await vscode.commands.executeCommand('datsis.showScore');
    assert.equal(await ui({ action: 'waitFor', view: 'score', selector: '.overall-value', text: String(expected) }), String(expected));
    const title = await ui<string>({ action: 'waitFor', view: 'score', selector: 'h1.title' });
    assert.equal(title, exampleDescriptors().find((descriptor) => descriptor.path.endsWith(POOR_PRODUCT.split('/')[1]!))?.name);
    const bars = await ui<string[]>({ action: 'texts', view: 'score', selector: '.bar-label' });
    assert.deepEqual(bars, ['Discoverable', 'Addressable', 'Trustworthy', 'Self-describing', 'Interoperable', 'Secure']);
  });

  it('"Go to" selects the gap in the editor', async () => {
    const uri = workspaceFile(POOR_PRODUCT);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('datsis.showScore');
    await ui({ action: 'waitFor', view: 'score', selector: 'button[data-action="reveal"]' });
    const moved = waitForEvent(vscode.window.onDidChangeTextEditorSelection, () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.toString() === uri.toString() && !active.selection.isEmpty ? active.selection : undefined;
    }, () => 'the editor selection to move to the gap');
    await ui({ action: 'click', view: 'score', selector: 'button[data-action="reveal"]' });
    const selection = await moved;
    assert.ok(selection.start.line > 0 || selection.start.character > 0 || !selection.isEmpty);
  });

  it('applies "Fix" from the panel: the descriptor changes and the score rises', async () => {
    const uri = workspaceFile(POOR_PRODUCT);
    const document = await openInEditor(uri);
    await vscode.commands.executeCommand('datsis.showScore');
    await ui({ action: 'waitFor', view: 'score', selector: 'button[data-action="fix"]' });
    const heading = await ui<string>({ action: 'waitFor', view: 'score', selector: '#gaps-heading' });
    const overallBefore = Number(await ui<string>({ action: 'waitFor', view: 'score', selector: '.overall-value' }));
    const dimensionsBefore = numbers(await ui<string[]>({ action: 'texts', view: 'score', selector: '.bar-value' }));
    const textBefore = document.getText();

    const changed = waitForEvent(vscode.workspace.onDidChangeTextDocument, () => (document.getText() !== textBefore ? true : undefined), () => 'the fix to change the descriptor');
    await ui({ action: 'click', view: 'score', selector: 'button[data-action="fix"]' });
    await changed;

    // The panel updates on its own (datsis/scoresChanged): one gap fewer, and higher numbers.
    await ui({ action: 'waitFor', view: 'score', selector: '#gaps-heading', notText: heading });
    const overallAfter = Number(await ui<string>({ action: 'waitFor', view: 'score', selector: '.overall-value' }));
    const dimensionsAfter = numbers(await ui<string[]>({ action: 'texts', view: 'score', selector: '.bar-value' }));
    assert.ok(sum(dimensionsAfter) > sum(dimensionsBefore), `dimensions ${dimensionsBefore} -> ${dimensionsAfter}`);
    assert.ok(overallAfter > overallBefore, `overall ${overallBefore} -> ${overallAfter}`);
    assert.equal(overallAfter, await lensScore(uri), 'the panel shows the same score as the code lens');
  });

  it('lists every example product and contract in the marketplace', async () => {
    await vscode.commands.executeCommand('datsis.marketplace.focus');
    const descriptors = exampleDescriptors();
    // At least: descriptors other tests opened from temp folders are open documents, and open documents count.
    await ui({ action: 'waitFor', view: 'marketplace', selector: '.entry-title', atLeast: descriptors.length });
    const titles = await ui<string[]>({ action: 'texts', view: 'marketplace', selector: '.entry-title' });
    const products = descriptors.filter((descriptor) => descriptor.kind === 'DataProduct');
    assert.equal(products.length, 4);
    for (const product of products) assert.ok(titles.includes(product.name ?? ''), `${product.name} missing from ${JSON.stringify(titles)}`);
    const groups = await ui<string[]>({ action: 'texts', view: 'marketplace', selector: '.group-title' });
    assert.ok(groups.some((group) => group.startsWith('pricing')), `domain groups: ${groups}`);
  });

  it('opens a product from the lineage graph', async () => {
    await closeAllEditors();
    await vscode.commands.executeCommand('datsis.lineage.focus');
    const target = workspaceFile(LINEAGE_TARGET);
    const name = exampleDescriptors().find((descriptor) => descriptor.path.endsWith(LINEAGE_TARGET.split('/')[1]!))!.name!;
    await ui({ action: 'waitFor', view: 'lineage', selector: 'g.node.product', hasText: name });
    const opened = waitForEvent(vscode.window.onDidChangeActiveTextEditor,
      () => (vscode.window.activeTextEditor?.document.uri.toString() === target.toString() ? true : undefined),
      () => `${LINEAGE_TARGET} to open; active: ${vscode.window.activeTextEditor?.document.uri.toString()}`);
    await ui({ action: 'click', view: 'lineage', selector: 'g.node.product', hasText: name });
    await opened;
  });

  it('writes the workspace report as Markdown and HTML', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'datsis-report-'));
    try {
      const target = vscode.Uri.file(join(dir, 'report.md'));
      await vscode.commands.executeCommand('datsis.workspaceReport', target);
      const markdown = readFileSync(join(dir, 'report.md'), 'utf8');
      const html = readFileSync(join(dir, 'report.html'), 'utf8');
      for (const descriptor of exampleDescriptors().filter((candidate) => candidate.kind === 'DataProduct')) {
        assert.ok(markdown.includes(descriptor.name!.replace(/[_*]/g, (char) => `\\${char}`)), `${descriptor.name} in the Markdown report`);
        assert.ok(html.includes(descriptor.name!), `${descriptor.name} in the HTML report`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('scaffolds a new data product (the walkthrough\'s first step) and scores it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'datsis-new-'));
    try {
      const created = await vscode.commands.executeCommand<vscode.Uri>('datsis.newProduct', { name: 'Store Footfall', domain: '', folder: vscode.Uri.file(dir) });
      assert.equal(created.fsPath, join(dir, 'store-footfall.odps.yaml'));
      assert.ok(existsSync(join(dir, 'store-footfall.odcs.yaml')), 'the contract of its output port is created too');
      assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, created.fsPath);
      await vscode.commands.executeCommand('datsis.showScore');
      assert.equal(await ui({ action: 'waitFor', view: 'score', selector: 'h1.title', text: 'Store Footfall' }), 'Store Footfall');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes screenshots of the panel in the light and dark themes', async () => {
    const settings = vscode.workspace.getConfiguration('workbench');
    const original = settings.inspect<string>('colorTheme')?.globalValue;
    try {
      await openInEditor(workspaceFile(AVERAGE_PRODUCT));
      await vscode.commands.executeCommand('datsis.showScore');
      await ui({ action: 'waitFor', view: 'score', selector: 'button[data-action="fix"]' });
      for (const [theme, bodyClass, name] of [['Default Light Modern', 'vscode-light', 'panel-light'], ['Default Dark Modern', 'vscode-dark', 'panel-dark']] as const) {
        await settings.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
        await ui({ action: 'waitFor', view: 'score', selector: `body.${bodyClass} .overall-value` });
        const path = await ui<string>({ action: 'screenshot', name, part: 'sidebar' });
        assert.equal(path, join(OUTPUT_DIR, `${name}.png`));
        assert.ok(statSync(path).size > 10_000, `${path} looks empty`);
      }
      // The whole window, for the README: the panel beside the descriptor it scores (dark theme still on).
      const workbench = await ui<string>({ action: 'screenshot', name: 'workbench-dark', part: 'page' });
      assert.ok(statSync(workbench).size > 10_000, `${workbench} looks empty`);
    } finally {
      await settings.update('colorTheme', original, vscode.ConfigurationTarget.Global);
    }
  });
});
