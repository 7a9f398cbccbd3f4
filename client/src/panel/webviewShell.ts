/**
 * Puts our page into a VS Code webview: scripts on, resources only from `dist/webview`, no command URIs, and
 * the HTML from `renderWebviewHtml` with a fresh nonce from the CSPRNG for every page load.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { renderWebviewHtml } from './html';
import type { PanelView } from './messages';

export function createNonce(): string {
  return randomBytes(18).toString('base64');
}

export function setupWebview(webview: vscode.Webview, extensionUri: vscode.Uri, view: PanelView, title: string): void {
  const root = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
  webview.options = { enableScripts: true, enableCommandUris: false, enableForms: false, localResourceRoots: [root] };
  webview.html = renderWebviewHtml({
    cspSource: webview.cspSource,
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'panel.js')).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'panel.css')).toString(),
    nonce: createNonce(),
    view,
    title,
  });
}
