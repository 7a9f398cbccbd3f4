/**
 * The "Marketplace" and "Lineage" webview views. Both show the workspace summary, so one provider class
 * serves both; the page decides how to draw it.
 *
 * Why the marketplace is a webview and not a tree view: it needs several simultaneous filters (free text,
 * tag, level, classification, kind), a sort order, domain groups and a score badge with owner, status and
 * version on every row. A tree view offers one label, one description and the find widget, so every filter
 * would become a command and a quick pick; in a webview they are ordinary form controls, filtering runs in
 * the page without a round trip per keystroke, and the lineage graph can share the same code and data.
 */
import * as vscode from 'vscode';
import type { WorkspaceCatalog } from './catalog';
import { openFile } from './editorActions';
import { authorizeWebviewMessage, type PanelView, type ToWebviewMessage } from './messages';
import { setupWebview } from './webviewShell';

export const MARKETPLACE_VIEW_ID = 'datsis.marketplace';
export const LINEAGE_VIEW_ID = 'datsis.lineage';

export class CatalogView implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private stale = true;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly catalog: WorkspaceCatalog,
    private readonly kind: Exclude<PanelView, 'score'>,
    private readonly title: string,
  ) {
    this.disposables.push(catalog.onDidChange(() => {
      this.stale = true;
      if (this.view?.visible) void this.refresh();
    }));
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    this.stale = true;
    setupWebview(view.webview, this.extensionUri, this.kind, this.title);
    view.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message), undefined, this.disposables);
    view.onDidChangeVisibility(() => {
      if (view.visible && this.stale) void this.refresh();
    }, undefined, this.disposables);
    view.onDidDispose(() => {
      if (this.view === view) this.view = undefined;
    }, undefined, this.disposables);
  }

  async refresh(): Promise<void> {
    const view = this.view;
    if (!view) return;
    this.stale = false;
    try {
      const summary = await this.catalog.get();
      this.post({ type: 'catalog', summary });
    } catch (error) {
      this.post({ type: 'catalogError', message: `The workspace could not be read: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  private post(message: ToWebviewMessage): void {
    void this.view?.webview.postMessage(message);
  }

  private async onMessage(raw: unknown): Promise<void> {
    const listed = new Set((this.catalog.peek()?.entries ?? []).map((entry) => entry.uri));
    const action = authorizeWebviewMessage(raw, { currentUri: undefined, gaps: [], openableUris: listed });
    if (action.kind === 'ready') return this.refresh();
    if (action.kind === 'open') return openFile(vscode.Uri.parse(action.uri, true));
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
