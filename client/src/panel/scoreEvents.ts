/**
 * One listener for `datsis/scoresChanged`, re-broadcast as a VS Code event. The language client keeps a
 * single handler per notification method (a second `onNotification` replaces the first), so every client
 * feature that cares about score changes (the panel, the status bar, the marketplace) subscribes here instead.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Methods, type ScoresChangedParams } from '../../../server/src/protocol';

export function listenToScoreChanges(client: LanguageClient, disposables: vscode.Disposable[]): vscode.Event<readonly string[]> {
  const emitter = new vscode.EventEmitter<readonly string[]>();
  disposables.push(emitter, client.onNotification(Methods.scoresChanged, (params: ScoresChangedParams) => emitter.fire(params.uris)));
  return emitter.event;
}
