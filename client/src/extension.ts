/**
 * The datsis VS Code extension entry point: starts the language server and registers the client-side features.
 * Nothing here executes workspace content, so the extension runs in untrusted and virtual workspaces.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands } from '../../server/src/protocol';
import { registerContentDetection } from './contentDetection';
import { createLanguageClient } from './languageClient';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('DATSIS', { log: true });
  context.subscriptions.push(output);
  client = createLanguageClient(context, output);

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      await client?.restart();
      output.info('Language server restarted on request.');
    }),
  );
  registerContentDetection(context);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
