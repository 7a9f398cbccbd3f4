/**
 * Registers the DATSIS side bar: the score panel, the marketplace and the lineage views, the workspace report
 * and the commands around them. `extension.ts` calls this once and keeps the returned handle for commands of
 * other features that want to show the panel (the status bar's "show score").
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands } from '../../../server/src/protocol';
import { WorkspaceCatalog } from './catalog';
import { CatalogView, LINEAGE_VIEW_ID, MARKETPLACE_VIEW_ID } from './catalogView';
import { newDataProduct, type NewProductArgs } from './newProduct';
import { writeWorkspaceReport } from './reportCommand';
import { SCORE_VIEW_ID, ScorePanel } from './scorePanel';

export interface Panels {
  /** Opens the DATSIS side bar on the score of `uri` (showing that document first if it is not the active one). */
  revealScore(uri?: vscode.Uri): Promise<void>;
}

export function registerPanels(context: vscode.ExtensionContext, client: LanguageClient, onScoresChanged: vscode.Event<readonly string[]>): Panels {
  const catalog = new WorkspaceCatalog(client);
  const score = new ScorePanel(context.extensionUri, client, catalog, onScoresChanged);
  const marketplace = new CatalogView(context.extensionUri, catalog, 'marketplace', 'DATSIS marketplace');
  const lineage = new CatalogView(context.extensionUri, catalog, 'lineage', 'DATSIS lineage');
  context.subscriptions.push(
    catalog, score, marketplace, lineage,
    onScoresChanged(() => catalog.invalidate()),
    vscode.window.registerWebviewViewProvider(SCORE_VIEW_ID, score),
    vscode.window.registerWebviewViewProvider(MARKETPLACE_VIEW_ID, marketplace),
    vscode.window.registerWebviewViewProvider(LINEAGE_VIEW_ID, lineage),
    vscode.commands.registerCommand(Commands.workspaceReport, (target?: unknown) => writeWorkspaceReport(catalog, target instanceof vscode.Uri ? target : undefined)),
    vscode.commands.registerCommand(Commands.refreshMarketplace, () => catalog.invalidate()),
    vscode.commands.registerCommand(Commands.newProduct, (args?: NewProductArgs) => newDataProduct(typeof args === 'object' && args ? args : {})),
  );
  return {
    async revealScore(uri) {
      if (uri && vscode.window.activeTextEditor?.document.uri.toString() !== uri.toString()) {
        await vscode.window.showTextDocument(uri, { preview: false });
      }
      await vscode.commands.executeCommand(`${SCORE_VIEW_ID}.focus`);
    },
  };
}
