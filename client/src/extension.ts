/**
 * The datsis VS Code extension entry point: starts the language server and registers the client-side features.
 * Nothing here executes workspace content, so the extension runs in untrusted and virtual workspaces.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands } from '../../server/src/protocol';
import { registerContentDetection } from './contentDetection';
import { registerDdlPreview } from './ddlPreview';
import { registerDialectStatusBar } from './dialectStatusBar';
import { createLanguageClient } from './languageClient';
import { registerPanels } from './panel/register';
import { listenToScoreChanges } from './panel/scoreEvents';
import { registerScoreStatusBar } from './scoreStatusBar';

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
  // One handler for the notification, shared by every feature (the client allows one per method).
  const onScoresChanged = listenToScoreChanges(client, context.subscriptions);
  const panels = registerPanels(context, client, onScoresChanged);
  const ddlPreview = registerDdlPreview(context, client);
  await client.start();
  registerScoreStatusBar(context, client, onScoresChanged, (uri) => panels.revealScore(uri));
  registerDialectStatusBar(context, ddlPreview);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
