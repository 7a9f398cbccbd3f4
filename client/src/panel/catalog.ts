/**
 * The client's copy of the workspace summary (`datsis/workspaceSummary`), shared by the marketplace, the
 * lineage view, the product section of the score panel and the report. It is fetched on demand and marked
 * stale, not re-fetched, when scores or descriptor files change: a hidden view costs nothing, and a burst of
 * changes (a "Fix all", a git checkout) leads to one request when someone looks.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Methods, type WorkspaceSummary } from '../../../server/src/protocol';

/** Changes are collected for this long before listeners hear of them. */
const SETTLE_MS = 400;

export class WorkspaceCatalog implements vscode.Disposable {
  private current: Promise<WorkspaceSummary> | undefined;
  private latest: WorkspaceSummary | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fires (settled) when the summary may have changed; listeners call `get()` if they are visible. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: LanguageClient) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}');
    this.disposables.push(watcher, watcher.onDidCreate(() => this.invalidate()), watcher.onDidChange(() => this.invalidate()), watcher.onDidDelete(() => this.invalidate()));
  }

  /** The summary, fetched once per change; concurrent callers share one request. */
  get(): Promise<WorkspaceSummary> {
    if (!this.current) {
      const request = this.client.sendRequest<WorkspaceSummary>(Methods.workspaceSummary).then((summary) => {
        if (this.current === request) this.latest = summary;
        return summary;
      });
      this.current = request;
      request.catch(() => {
        if (this.current === request) this.current = undefined;
      });
    }
    return this.current;
  }

  /** The last summary received, if any: for synchronous checks such as "is this URI one we listed?". */
  peek(): WorkspaceSummary | undefined {
    return this.latest;
  }

  invalidate(): void {
    this.current = undefined;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(), SETTLE_MS);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}
