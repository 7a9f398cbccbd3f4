/**
 * `datsis/workspaceSummary`: every product and contract in the workspace with its facts, DATSIS score and the
 * lineage edges between them, for the marketplace, the lineage graph and the workspace report.
 *
 * Answering is assembly only: the workspace index already holds, per file, the facts and the
 * workspace-independent part of the score, computed from the one parse it made of the file (open documents:
 * from the editor's parse of the current version, so unsaved edits count). What depends on other files (a
 * duplicate id, a port's contract, a product's fold of its contracts' scores) is finished here against the
 * current index, which costs no reading or parsing. The result is remembered until the index, an open
 * document or the configuration changes, so re-opening the marketplace is free; the first one is assembled as
 * soon as the initial scan is done.
 *
 * A request waits until the index has caught up (initial scan, changed files, added folders): answering
 * earlier would list half a workspace, or a file as it was before the change the client just reported.
 */
import type { Connection } from 'vscode-languageserver';
import type { AnalysisContexts } from '../analysisContext';
import { buildWorkspaceSummary, type DescriptorFacts } from '../core/marketplace/summary';
import type { WorkspaceSummary } from '../core/marketplace/types';
import type { IndexedDescriptor } from '../core/workspace/indexedDescriptor';
import { finishScore } from '../core/workspace/scoreBasis';
import type { DocumentStore } from '../documents';
import { Methods } from '../protocol';
import type { WorkspaceIndexFeature } from './workspaceIndex';

export class WorkspaceSummaries {
  private last: { readonly key: string; readonly summary: WorkspaceSummary } | undefined;

  constructor(private readonly store: DocumentStore, private readonly contexts: AnalysisContexts, private readonly workspace: WorkspaceIndexFeature) {}

  /** Something every score depends on changed (rules, settings): assemble afresh on the next request. */
  invalidateAll(): void {
    this.last = undefined;
  }

  /** The current summary, once the index has caught up with every change reported so far. */
  async summary(): Promise<WorkspaceSummary> {
    await this.workspace.settled();
    const key = this.stateKey();
    if (this.last?.key === key) return this.last.summary;
    const summary = buildWorkspaceSummary(this.descriptors().map((indexed) => this.facts(indexed)));
    this.last = { key, summary };
    return summary;
  }

  /** Changes whenever anything the summary is built from may have changed. */
  private stateKey(): string {
    const versions = this.store.documents.all().map((document) => `${document.uri}@${document.version}`).join('\n');
    return `${this.workspace.index.generation}\n${versions}`;
  }

  /** Open documents (their current text) first, then every other file the index holds. */
  private descriptors(): IndexedDescriptor[] {
    const result: IndexedDescriptor[] = [];
    const open = new Set<string>();
    for (const document of this.store.documents.all()) {
      open.add(document.uri);
      const indexed = this.workspace.indexed(document.uri);
      if (indexed) result.push(indexed);
    }
    for (const summary of this.workspace.view()?.all() ?? []) {
      if (open.has(summary.uri)) continue;
      const indexed = this.workspace.indexed(summary.uri);
      if (indexed) result.push(indexed);
    }
    return result;
  }

  /** Contracts' scores are shared with the products' folds; a product's own fold is finished here. */
  private facts(indexed: IndexedDescriptor): DescriptorFacts {
    const { summary } = indexed;
    const score = summary.kind === 'DataContract'
      ? this.workspace.unfoldedScore(summary.uri)
      : indexed.score && finishScore(indexed.score, this.contexts.create(summary.uri));
    return { summary, classifications: indexed.classifications, purpose: indexed.purpose, score };
  }
}

export function registerWorkspaceSummary(connection: Connection, store: DocumentStore, contexts: AnalysisContexts, workspace: WorkspaceIndexFeature): WorkspaceSummaries {
  const summaries = new WorkspaceSummaries(store, contexts, workspace);
  connection.onRequest(Methods.workspaceSummary, (): Promise<WorkspaceSummary> => summaries.summary());
  contexts.onDidChange(() => summaries.invalidateAll());
  // Assemble once as soon as the initial scan is done, so a marketplace opened later answers at once.
  summaries.summary().catch((error: unknown) => connection.console.error(`datsis: workspace summary failed: ${String(error)}`));
  return summaries;
}
