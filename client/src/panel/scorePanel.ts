/**
 * The "Score" webview view: the DATSIS score of the descriptor in the active editor. It follows the active
 * editor, asks the server with `datsis/score`, and asks again only when `datsis/scoresChanged` names the
 * document (or the workspace summary behind a product's ports changes): no polling. A hidden view does
 * nothing and catches up when shown.
 */
import * as vscode from 'vscode';
import { parseDocument } from 'yaml';
import type { LanguageClient } from 'vscode-languageclient/node';
import { buildProductView } from '../../../server/src/core/marketplace/scoreView';
import { fileName } from '../../../server/src/core/marketplace/query';
import { Methods, type ScoreResult } from '../../../server/src/protocol';
import type { WorkspaceCatalog } from './catalog';
import { applyQuickFix, openFile, revealRange } from './editorActions';
import { authorizeWebviewMessage, type ScorePanelData, type ToWebviewMessage } from './messages';
import { setupWebview } from './webviewShell';

export const SCORE_VIEW_ID = 'datsis.score';

const NO_DESCRIPTOR = 'Open a data product (*.odps.yaml) or data contract (*.odcs.yaml) to see its DATSIS score.';
const NOT_A_DESCRIPTOR = 'This file is not a data product or data contract.';
const DESCRIPTOR_LANGUAGES = new Set(['odps', 'odcs', 'yaml']);

interface Shown {
  readonly uri: string;
  readonly score: ScoreResult;
  readonly data: ScorePanelData;
}

export class ScorePanel implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private documentUri: vscode.Uri | undefined;
  private shown: Shown | undefined;
  /** Incremented per refresh, so a slow answer for an older state never overwrites a newer one. */
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: LanguageClient,
    private readonly catalog: WorkspaceCatalog,
    onScoresChanged: vscode.Event<readonly string[]>,
  ) {
    this.follow(vscode.window.activeTextEditor);
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      onScoresChanged((uris) => {
        if (this.documentUri && uris.includes(this.documentUri.toString())) void this.refresh();
      }),
      catalog.onDidChange(() => {
        if (this.shown?.data.kind === 'DataProduct') void this.refresh();
      }),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    setupWebview(view.webview, this.extensionUri, 'score', 'DATSIS score');
    view.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message), undefined, this.disposables);
    view.onDidChangeVisibility(() => {
      if (view.visible) void this.refresh();
    }, undefined, this.disposables);
    view.onDidDispose(() => {
      if (this.view === view) this.view = undefined;
    }, undefined, this.disposables);
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    // Focus moving to the panel itself, the output or a terminal leaves no active editor: keep what is shown.
    if (!editor) return;
    const document = editor.document;
    const uri = DESCRIPTOR_LANGUAGES.has(document.languageId) ? document.uri : undefined;
    if (uri?.toString() === this.documentUri?.toString() && uri) return;
    this.documentUri = uri;
    void this.refresh();
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    if (!this.view?.visible) return;
    const uri = this.documentUri;
    if (!uri) return this.noScore(NO_DESCRIPTOR);
    let score: ScoreResult | null;
    try {
      score = await this.client.sendRequest<ScoreResult | null>(Methods.score, { textDocument: { uri: uri.toString() } });
    } catch {
      return; // server restarting: the next change notification brings us back
    }
    if (generation !== this.generation) return;
    if (!score) return this.noScore(NOT_A_DESCRIPTOR);
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
    const { kind, name } = document ? describeDocument(document) : { kind: undefined, name: undefined };
    const product = kind === 'DataProduct' ? await this.productView(uri.toString()) : undefined;
    if (generation !== this.generation) return;
    const data: ScorePanelData = {
      uri: uri.toString(),
      fileName: fileName(uri.toString()),
      kind,
      title: name ?? fileName(uri.toString()),
      score: { overall: score.overall, level: score.level, dimensions: score.dimensions, gaps: score.gaps.map(({ rule, dimension, message }) => ({ rule, dimension, message })) },
      fixes: score.gaps.map((gap) => gap.fixes?.[0] ?? null),
      product,
    };
    this.show({ uri: uri.toString(), score, data });
  }

  private async productView(uri: string): Promise<ScorePanelData['product']> {
    try {
      return buildProductView(await this.catalog.get(), uri);
    } catch {
      return undefined;
    }
  }

  private show(shown: Shown): void {
    this.shown = shown;
    this.post({ type: 'score', data: shown.data });
  }

  private noScore(reason: string): void {
    this.shown = undefined;
    this.post({ type: 'noScore', reason });
  }

  private post(message: ToWebviewMessage): void {
    void this.view?.webview.postMessage(message);
  }

  private async onMessage(raw: unknown): Promise<void> {
    const product = this.shown?.data.product;
    const openable = new Set([...(product?.inputs ?? []), ...(product?.outputs ?? [])].flatMap((port) => [...port.contracts, ...port.products].map((item) => item.uri)));
    const action = authorizeWebviewMessage(raw, { currentUri: this.shown?.uri, gaps: this.shown?.score.gaps ?? [], openableUris: openable });
    switch (action.kind) {
      case 'ready':
        return this.refresh();
      case 'open':
        return openFile(vscode.Uri.parse(action.uri, true));
      case 'reveal':
        return revealRange(vscode.Uri.parse(action.uri, true), this.shown!.score.gaps[action.gap]!.range);
      case 'fix': {
        const applied = await applyQuickFix(vscode.Uri.parse(action.uri, true), this.shown!.score.gaps[action.gap]!);
        if (!applied) this.post({ type: 'notice', message: 'This gap has no automatic fix any more; use "Go to" to edit it.' });
        return;
      }
      case 'refused':
        return; // a page can only ask for what it shows; anything else is dropped without a word
    }
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** Larger documents are not re-parsed here just for a title; the file name serves. */
const MAX_TITLE_PARSE_CHARS = 512 * 1024;

/** Kind and name of the descriptor, for the panel header: from the language id where it says, else from the YAML. */
function describeDocument(document: vscode.TextDocument): { kind: ScorePanelData['kind']; name: string | undefined } {
  const byLanguage = document.languageId === 'odps' ? 'DataProduct' : document.languageId === 'odcs' ? 'DataContract' : undefined;
  if (document.getText().length > MAX_TITLE_PARSE_CHARS) return { kind: byLanguage, name: undefined };
  const parsed = parseDocument(document.getText(), { uniqueKeys: false });
  const kind = parsed.get('kind');
  const name = parsed.get('name');
  return {
    kind: byLanguage ?? (kind === 'DataProduct' || kind === 'DataContract' ? kind : undefined),
    name: typeof name === 'string' && name.trim() ? name.trim() : undefined,
  };
}
