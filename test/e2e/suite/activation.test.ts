/**
 * The extension as a user meets it: opening a descriptor from the examples workspace activates the extension
 * and gives the file the right language, so highlighting, validation and commands apply.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, EXTENSION_ID, openInEditor, workspaceFile } from './helpers';

describe('activation in the examples workspace', () => {
  afterEach(closeAllEditors);

  it('activates the extension when a data contract is opened', async () => {
    await openInEditor(workspaceFile('sales/pos-transactions.odcs.yaml'));
    const extension = await activateExtension();
    assert.equal(extension.id, EXTENSION_ID);
    assert.ok(extension.isActive, 'extension reports itself active');
  });

  it('gives *.odcs.yaml files the odcs language id', async () => {
    const document = await openInEditor(workspaceFile('sales/pos-transactions.odcs.yaml'));
    assert.equal(document.languageId, 'odcs');
  });

  it('gives *.odps.yaml files the odps language id', async () => {
    const document = await openInEditor(workspaceFile('sales/pos-transactions.odps.yaml'));
    assert.equal(document.languageId, 'odps');
  });

  it('registers its commands with VS Code', async () => {
    await activateExtension();
    const commands = await vscode.commands.getCommands(true);
    const declared = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes?: { commands?: { command: string }[] } })
      .contributes?.commands?.map((c) => c.command) ?? [];
    assert.ok(declared.length > 0, 'package.json declares commands');
    const missing = declared.filter((command) => !commands.includes(command));
    assert.deepEqual(missing, [], 'every declared command is registered after activation');
  });
});
