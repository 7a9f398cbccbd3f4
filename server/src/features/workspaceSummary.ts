/**
 * `datsis/workspaceSummary`: every product and contract in the workspace with its facts, DATSIS score and the
 * lineage edges between them, for the marketplace, the lineage graph and the workspace report.
 *
 * Descriptors come from the workspace index (all files) or, until there is one, from the open documents. An
 * open document is read from the editor (unsaved edits count); any other from disk. Per file, the facts and
 * score are cached against the file's version (open) or modification time (disk). A score can depend on other
 * files (a product folds in its contracts; ids must be unique), so when a file changes, the descriptors that
 * share its id or name it in a port are rescored too; a configuration change rescores everything.
 *
 * With thousands of descriptors the first computation takes seconds (read, parse and score every file), so it
 * starts in the background as soon as the index is complete, and yields to the event loop every few files so
 * the server keeps answering the editor meanwhile. Parses of files on disk are not kept: that would hold every
 * YAML tree in memory for a view that refreshes now and then.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import type { AnalysisContexts } from '../analysisContext';
import { scoreDescriptor } from '../core/datsis/score';
import { buildWorkspaceSummary, collectClassifications, descriptorPurpose, type DescriptorFacts } from '../core/marketplace/summary';
import type { ScoreSummary, WorkspaceSummary } from '../core/marketplace/types';
import { summarize } from '../core/workspace/summarize';
import type { DescriptorSummary } from '../core/workspace/types';
import { parseDescriptor, type ParsedDescriptor } from '../core/yaml/parse';
import type { DocumentStore } from '../documents';
import { Methods } from '../protocol';

/** Files computed between two yields to the event loop. */
const FILES_PER_SLICE = 16;

interface CachedFacts {
  /** `v<version>` for an open document, `m<mtime>` for a file on disk. */
  readonly stamp: string;
  /** The id the file had, to find its dependents when it changes or goes. */
  readonly id: string | undefined;
  /** Undefined for a file that could not be read or is not a descriptor after all (cached too, so it is not re-read). */
  readonly facts: DescriptorFacts | undefined;
}

interface Current {
  readonly summary: DescriptorSummary;
  readonly stamp: string;
}

export class WorkspaceSummaries {
  private readonly cache = new Map<string, CachedFacts>();
  private everythingStale = true;
  private running: Promise<WorkspaceSummary> | undefined;
  /** The computation queued behind the running one; every caller that arrives meanwhile shares it. */
  private queued: Promise<WorkspaceSummary> | undefined;

  constructor(private readonly store: DocumentStore, private readonly contexts: AnalysisContexts) {}

  /** Something every score depends on changed (rules, settings): rescore everything on the next request. */
  invalidateAll(): void {
    this.everythingStale = true;
  }

  /** The current summary. Concurrent callers share one computation; a call during one waits for a fresh one. */
  summary(): Promise<WorkspaceSummary> {
    if (this.running) {
      // A change may have happened after the running computation looked: wait for one that starts later.
      this.queued ??= this.running.catch(() => undefined).then(() => {
        this.queued = undefined;
        return this.summary();
      });
      return this.queued;
    }
    const running = this.compute().finally(() => {
      if (this.running === running) this.running = undefined;
    });
    this.running = running;
    return running;
  }

  private async compute(): Promise<WorkspaceSummary> {
    const current: Current[] = [];
    for (const summary of this.descriptors()) {
      const stamp = this.stampOf(summary.uri);
      if (stamp !== undefined) current.push({ summary, stamp });
    }
    const stale = this.staleUris(current);
    this.everythingStale = false;
    let computed = 0;
    for (const { summary, stamp } of current) {
      if (!stale.has(summary.uri)) continue;
      this.cache.set(summary.uri, { stamp, id: summary.id, facts: this.computeFacts(summary) });
      if (++computed % FILES_PER_SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return buildWorkspaceSummary(current.flatMap(({ summary }) => {
      const facts = this.cache.get(summary.uri)?.facts;
      // Open documents' summaries change with every keystroke; the cached facts keep their other fields.
      return facts ? [{ ...facts, summary }] : [];
    }));
  }

  /** Files to (re)compute: new or changed ones, and those whose score depends on a changed or removed one. */
  private staleUris(current: readonly Current[]): Set<string> {
    if (this.everythingStale) return new Set(current.map(({ summary }) => summary.uri));
    const stale = new Set<string>();
    const changedIds = new Set<string>();
    const present = new Set(current.map(({ summary }) => summary.uri));
    for (const { summary, stamp } of current) {
      const cached = this.cache.get(summary.uri);
      if (cached?.stamp === stamp) continue;
      stale.add(summary.uri);
      if (cached?.id !== undefined) changedIds.add(cached.id);
      if (summary.id !== undefined) changedIds.add(summary.id);
    }
    for (const [uri, cached] of this.cache) {
      if (present.has(uri)) continue;
      this.cache.delete(uri);
      if (cached.id !== undefined) changedIds.add(cached.id);
    }
    if (!changedIds.size) return stale;
    for (const { summary } of current) {
      const ports = [...summary.inputPorts, ...summary.outputPorts];
      if ((summary.id !== undefined && changedIds.has(summary.id)) || ports.some((port) => port.contractId !== undefined && changedIds.has(port.contractId))) stale.add(summary.uri);
    }
    return stale;
  }

  private stampOf(uri: string): string | undefined {
    const document = this.store.get(uri);
    return document ? `v${document.version}` : diskStamp(uri);
  }

  /** The index's summaries, with open documents' current summaries taking precedence (unsaved edits). */
  private *descriptors(): Iterable<DescriptorSummary> {
    const open = new Map<string, DescriptorSummary>();
    for (const document of this.store.documents.all()) {
      const summary = summarize(this.store.parsed(document), document.uri);
      if (summary) open.set(document.uri, summary);
    }
    yield* open.values();
    const workspace = this.contexts.create('').workspace;
    if (!workspace) return;
    for (const summary of workspace.all()) if (!open.has(summary.uri) && !this.store.get(summary.uri)) yield summary;
  }

  private computeFacts(summary: DescriptorSummary): DescriptorFacts | undefined {
    const document = this.store.get(summary.uri);
    const parsed = document ? this.store.parsed(document) : readParsed(summary.uri);
    if (!parsed?.kind) return undefined;
    return {
      summary,
      classifications: collectClassifications(parsed.value),
      purpose: descriptorPurpose(parsed.value),
      score: this.score(parsed, summary.uri),
    };
  }

  private score(parsed: ParsedDescriptor, uri: string): ScoreSummary | undefined {
    const context = this.contexts.create(uri);
    if (context.rules && !context.rules.enabled) return undefined;
    try {
      const report = scoreDescriptor(parsed, context);
      return report && { overall: report.overall, level: report.level, dimensions: { ...report.dimensions } };
    } catch {
      return undefined; // one unscorable file must not take the whole marketplace down
    }
  }
}

function diskStamp(uri: string): string | undefined {
  try {
    return `m${statSync(fileURLToPath(uri)).mtimeMs}`;
  } catch {
    return undefined;
  }
}

function readParsed(uri: string): ParsedDescriptor | undefined {
  try {
    return parseDescriptor(readFileSync(fileURLToPath(uri), 'utf8'));
  } catch {
    return undefined;
  }
}

/** `indexReady` settles when the initial workspace scan is done: answering earlier would list half a workspace. */
export function registerWorkspaceSummary(connection: Connection, store: DocumentStore, contexts: AnalysisContexts, indexReady: Promise<void>): WorkspaceSummaries {
  const summaries = new WorkspaceSummaries(store, contexts);
  connection.onRequest(Methods.workspaceSummary, async (): Promise<WorkspaceSummary> => {
    await indexReady;
    return summaries.summary();
  });
  contexts.onDidChange(() => summaries.invalidateAll());
  // Warm the cache in the background once the index is complete, so the marketplace opens at once.
  void indexReady.then(() => summaries.summary()).catch((error: unknown) => connection.console.error(`datsis: workspace summary failed: ${String(error)}`));
  return summaries;
}
