/**
 * Keeps the workspace index current: at start it indexes every descriptor under the workspace folders (with a
 * `window/workDoneProgress` report), then follows watched-file events, workspace folders added or removed, and
 * open documents, whose current text overrides the file on disk. When a change could alter another open
 * document's cross-file findings (a product whose contract changed, a duplicate id, a relationship into the
 * changed file), it tells its listeners which open documents to re-validate.
 *
 * Each file on disk is read and parsed once per content (and rules configuration): the one parse gives the
 * index summary and everything the marketplace and the contract-score lookup need (`IndexedDescriptor`), and is
 * then dropped. Reading it again when it was only closed, or when a folder holding it is added twice, is
 * avoided by its stamp (modification time and size). Open documents' facts are computed from the editor's
 * parse on demand, once per version, so typing never pays for scoring here.
 */
import { pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification, FileChangeType, type ClientCapabilities, type Connection, type FileEvent, type InitializeParams,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisContexts } from '../analysisContext';
import { indexDescriptor, type IndexedDescriptor } from '../core/workspace/indexedDescriptor';
import { finishScore, rulesConfigKey, type FinishedScore, type ScoreBasis } from '../core/workspace/scoreBasis';
import { summarize } from '../core/workspace/summarize';
import { crossFileFingerprint, WorkspaceIndex, type IndexChange } from '../core/workspace/workspaceIndex';
import { parseDescriptor } from '../core/yaml/parse';
import type { DocumentStore } from '../documents';
import { canonicalUri, filePath, fileStamp, insideFolders, isYamlPath, listYamlFiles, readCandidateWithStamp, type FileStamp } from './workspaceFiles';

/** Open documents are re-summarised after typing pauses this long (the parse is shared with diagnostics). */
const OPEN_DOCUMENT_DEBOUNCE_MS = 100;
/** Files read concurrently while indexing; between batches the server answers other requests. */
const SCAN_BATCH = 64;

/** Declared in the server capabilities so the editor sends `workspace/didChangeWorkspaceFolders` without a registration. */
export const WORKSPACE_FOLDERS_CAPABILITY = { supported: true, changeNotifications: true } as const;

type DependentsListener = (uris: readonly string[]) => void;

/** A file as last read from disk. */
interface DiskEntry {
  readonly stamp: FileStamp;
  /** The rules configuration its score basis was computed with (`rulesConfigKey`). */
  readonly configKey: string;
  readonly indexed: IndexedDescriptor;
}

export interface WorkspaceIndexFeature {
  readonly index: WorkspaceIndex;
  /**
   * The index as analyses should see it: undefined when the editor opened no folder, because "not found in
   * the workspace" would then be claimed of a workspace that does not exist (cross-file rules stay silent).
   */
  view(): WorkspaceIndex | undefined;
  /** Call from `onInitialize`: remembers the folders and what the client supports. */
  configure(params: InitializeParams): void;
  /**
   * Call from `onInitialized`: registers the file watcher and starts the initial scan. Scoring waits for
   * `rulesLoaded` (rules files and settings read), since scoring with the defaults first would parse every
   * file a second time as soon as they arrive.
   */
  start(rulesLoaded: Promise<unknown>): void;
  /** Listens for open documents whose cross-file findings may have changed. */
  onDependentsChanged(listener: DependentsListener): void;
  /**
   * Listens for changes the editor did not make: files changed, added or removed on disk or with a folder, or
   * rescored for a new configuration. Any of them can change the score of a contract an open product folds in,
   * even when no cross-file finding changes.
   */
  onFilesChanged(listener: () => void): void;
  /** Settles once the index has caught up with everything it was told: scans, file events, configuration changes. */
  settled(): Promise<void>;
  /** The descriptor at `uri` as the index knows it: from the editor's text when open, else from the file on disk. */
  indexed(uri: string): IndexedDescriptor | undefined;
  /**
   * The descriptor's final score without a product's fold, i.e. a contract's final score (what products fold
   * in). Remembered until the file's text, its rules or anything in the index changes.
   */
  unfoldedScore(uri: string): FinishedScore | undefined;
}

export function registerWorkspaceIndex(connection: Connection, store: DocumentStore, contexts: AnalysisContexts): WorkspaceIndexFeature {
  const index = new WorkspaceIndex();
  const disk = new Map<string, DiskEntry>();
  const openFacts = new Map<string, { version: number; configKey: string; indexed: IndexedDescriptor | undefined }>();
  /** Latest read started per URI: a slower, older read must not overwrite a newer one (nor a deletion). */
  const readTickets = new Map<string, number>();
  let lastTicket = 0;
  const unfolded = new Map<string, { basis: ScoreBasis; configKey: string; score: FinishedScore | undefined }>();
  let unfoldedGeneration = -1;
  const listeners: DependentsListener[] = [];
  const fileListeners: (() => void)[] = [];
  const pending = new Map<string, NodeJS.Timeout>();
  const inFlight = new Set<Promise<unknown>>();
  let folders: string[] = [];
  let capabilities: ClientCapabilities = {};
  let started: () => void = () => undefined;
  const startedPromise = new Promise<void>((resolve) => { started = resolve; });

  /** Registers background work synchronously, so a request that arrives after the event waits for its effect. */
  const track = (work: Promise<unknown>): void => {
    const done = (): void => { inFlight.delete(work); };
    inFlight.add(work);
    work.then(done, (error: unknown) => {
      done();
      connection.console.error(`datsis: indexing the workspace failed: ${String(error)}`);
    });
  };

  const tell = (uris: readonly string[]): void => {
    if (uris.length) for (const listener of listeners) listener(uris);
  };
  const filesChanged = (): void => {
    for (const listener of fileListeners) listener();
  };
  const allOpen = (): string[] => store.documents.all().map((document) => document.uri);

  /** After changes from disk; open documents' own edits are followed by their listeners directly. */
  const notify = (changes: readonly IndexChange[]): void => {
    if (changes.length) filesChanged();
    const relevant = changes.filter((change) => crossFileFingerprint(change.before) !== crossFileFingerprint(change.after));
    if (relevant.length) tell(dependentOpenDocuments(store.documents.all(), relevant));
  };

  const indexOpenDocument = (document: TextDocument): void => {
    const current = store.get(document.uri);
    if (!current) return;
    const changes: IndexChange[] = [];
    const diskUri = canonicalUri(current.uri);
    if (diskUri !== current.uri && index.byUri(diskUri)) changes.push(index.remove(diskUri));
    changes.push(index.update(current.uri, summarize(store.parsed(current), current.uri)));
    notify(changes);
  };

  /** `reuse`: keep the entry as it is when neither the file's stamp nor its rules configuration changed. */
  const indexFromDisk = async (uri: string, reuse: boolean): Promise<IndexChange | undefined> => {
    if (isOpen(store, uri)) return undefined; // the editor's text wins over the file
    const ticket = ++lastTicket;
    readTickets.set(uri, ticket);
    const path = filePath(uri);
    const cached = disk.get(uri);
    const unchanged = reuse && path !== undefined && cached?.configKey === rulesConfigKey(contexts.create(uri).rules) && cached.stamp === await fileStamp(path);
    const read = unchanged || !path ? undefined : await readCandidateWithStamp(path);
    const latest = readTickets.get(uri) === ticket;
    if (latest) readTickets.delete(uri);
    if (!latest || isOpen(store, uri)) return undefined; // superseded by a newer read, a deletion or the editor
    let entry = unchanged ? cached : undefined;
    if (read?.text !== undefined) {
      // The configuration is read after the file: one that changed during the read is the one that applies.
      const rules = contexts.create(uri).rules;
      const indexed = indexDescriptor(parseDescriptor(read.text), uri, rules);
      if (indexed) entry = { stamp: read.stamp, configKey: rulesConfigKey(rules), indexed };
    }
    if (!entry) {
      disk.delete(uri);
      return index.byUri(uri) ? index.remove(uri) : undefined;
    }
    disk.set(uri, entry);
    return index.byUri(uri) === entry.indexed.summary ? undefined : index.update(uri, entry.indexed.summary);
  };

  const indexFiles = async (uris: readonly string[], reuse: boolean, report?: (done: number) => void): Promise<IndexChange[]> => {
    const changes: IndexChange[] = [];
    for (let start = 0; start < uris.length; start += SCAN_BATCH) {
      const batch = await Promise.all(uris.slice(start, start + SCAN_BATCH).map((uri) => indexFromDisk(uri, reuse)));
      for (const change of batch) if (change) changes.push(change);
      report?.(Math.min(uris.length, start + SCAN_BATCH));
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return changes;
  };

  const scan = async (paths: readonly string[], before: Promise<unknown> = Promise.resolve()): Promise<void> => {
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin('Indexing data products and contracts', 0, 'Looking for descriptors…', false);
    try {
      const [files] = await Promise.all([Promise.all(paths.map((folder) => listYamlFiles(folder))), before.catch(() => undefined)]);
      const uris = files.flat().map((path) => pathToFileURL(path).href);
      await indexFiles(uris, true, (done) => progress.report(Math.round((done / uris.length) * 100), `${done}/${uris.length} files`));
    } finally {
      progress.done();
    }
    // Documents validated while the index was filling may have missed contracts that are now known.
    tell(allOpen());
    filesChanged();
  };

  const changeFolders = (event: WorkspaceFoldersChangeEvent): void => {
    const removed = event.removed.map((folder) => filePath(folder.uri)).filter((path): path is string => path !== undefined);
    const added = event.added.map((folder) => filePath(folder.uri)).filter((path): path is string => path !== undefined && !folders.includes(path));
    folders = [...folders.filter((folder) => !removed.includes(folder)), ...added];
    // Files of a removed folder leave the index unless another folder still holds them or they are open.
    const dropped = new Set([...disk.keys(), ...[...index.all()].map((summary) => summary.uri)]);
    for (const uri of dropped) {
      if (!insideFolders(uri, removed) || insideFolders(uri, folders) || isOpen(store, uri)) continue;
      disk.delete(uri);
      if (index.byUri(uri)) index.remove(uri);
    }
    if (added.length) {
      track(scan(added)); // re-validates the open documents when done
    } else {
      tell(allOpen());
      filesChanged();
    }
  };

  const applyFileEvents = async (events: readonly FileEvent[]): Promise<void> => {
    const changes: IndexChange[] = [];
    const changed: string[] = [];
    for (const { uri, type } of events) {
      if (!uri.startsWith('file:') || !isYamlPath(uri) || isOpen(store, uri)) continue;
      if (type !== FileChangeType.Deleted) {
        changed.push(uri);
        continue;
      }
      readTickets.delete(uri); // an unfinished read of the file is superseded
      disk.delete(uri);
      if (index.byUri(uri)) changes.push(index.remove(uri));
    }
    changes.push(...await indexFiles(changed, false));
    notify(changes);
  };

  /** Files whose score basis was computed under another rules configuration are read and scored again. */
  const rescoreChangedConfiguration = (): void => {
    const stale = [...disk].filter(([uri, entry]) => entry.configKey !== rulesConfigKey(contexts.create(uri).rules)).map(([uri]) => uri);
    if (stale.length) track(indexFiles(stale, true).then(filesChanged));
  };

  const indexed = (uri: string): IndexedDescriptor | undefined => {
    const document = store.get(uri);
    if (!document) return disk.get(uri)?.indexed;
    const rules = contexts.create(uri).rules;
    const configKey = rulesConfigKey(rules);
    const cached = openFacts.get(uri);
    if (cached?.version === document.version && cached.configKey === configKey) return cached.indexed;
    const result = indexDescriptor(store.parsed(document), uri, rules);
    openFacts.set(uri, { version: document.version, configKey, indexed: result });
    return result;
  };

  store.documents.onDidChangeContent((event) => {
    clearTimeout(pending.get(event.document.uri));
    pending.set(event.document.uri, setTimeout(() => {
      pending.delete(event.document.uri);
      indexOpenDocument(event.document);
    }, OPEN_DOCUMENT_DEBOUNCE_MS));
  });
  store.documents.onDidClose((event) => {
    const uri = event.document.uri;
    clearTimeout(pending.get(uri));
    pending.delete(uri);
    openFacts.delete(uri);
    // Closing without saving leaves the disk version: index that one (or nothing, for an unsaved new file).
    // Only inside the workspace folders: no watcher follows a file elsewhere, so its entry would go stale
    // (and a deleted temp file would go on claiming its id).
    const changes = [index.remove(uri)];
    const diskUri = canonicalUri(uri);
    if (!insideFolders(diskUri, folders)) {
      disk.delete(diskUri);
      notify(changes);
      return;
    }
    // The file as last read goes back at once, so no request in between finds it missing (it usually was
    // only closed); the check of its stamp then re-reads it if it was saved meanwhile.
    const known = disk.get(diskUri);
    if (known) changes.push(index.update(diskUri, known.indexed.summary));
    track(indexFromDisk(diskUri, true).then((change) => notify(change ? [...changes, change] : changes)));
  });
  connection.onDidChangeWatchedFiles((params) => track(applyFileEvents(params.changes)));
  contexts.onDidChange(rescoreChangedConfiguration);

  return {
    index,
    view: () => (folders.length ? index : undefined),
    configure(params) {
      capabilities = params.capabilities;
      const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
      folders = uris.map(filePath).filter((path): path is string => path !== undefined);
    },
    start(rulesLoaded) {
      if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] })
          .catch((error: unknown) => connection.console.warn(`datsis: could not watch YAML files: ${String(error)}`));
      }
      // The getter throws for a client that did not announce workspace folders.
      if (capabilities.workspace?.workspaceFolders) connection.workspace.onDidChangeWorkspaceFolders(changeFolders);
      track(scan(folders, rulesLoaded));
      started();
    },
    onDependentsChanged(listener) {
      listeners.push(listener);
    },
    onFilesChanged(listener) {
      fileListeners.push(listener);
    },
    async settled() {
      await startedPromise;
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
    indexed,
    unfoldedScore(uri) {
      const basis = indexed(uri)?.score;
      if (!basis) return undefined;
      if (index.generation !== unfoldedGeneration) {
        unfolded.clear();
        unfoldedGeneration = index.generation;
      }
      const context = contexts.create(uri);
      const configKey = rulesConfigKey(context.rules);
      const cached = unfolded.get(uri);
      if (cached?.basis === basis && cached.configKey === configKey) return cached.score;
      const score = finishScore(basis, { ...context, contractScores: undefined });
      unfolded.set(uri, { basis, configKey, score });
      return score;
    },
  };
}

/**
 * Open documents whose cross-file findings depend on the changed descriptors: the same id (duplicates), a
 * port or relationship naming a changed id, or a relationship naming the changed file. Decided from the open
 * text, not the index, because a document just opened may not be summarised yet. The text check is a
 * deliberate over-approximation: re-validating one document too many is cheap, missing one is a stale error.
 */
function dependentOpenDocuments(open: readonly TextDocument[], changes: readonly IndexChange[]): string[] {
  const needles = new Set<string>();
  const changedUris = new Set<string>();
  for (const { uri, before, after } of changes) {
    changedUris.add(uri);
    for (const summary of [before, after]) if (summary?.id) needles.add(summary.id);
    needles.add(`${uri.slice(uri.lastIndexOf('/') + 1)}#`);
  }
  return open.filter((document) => {
    if (changedUris.has(document.uri)) return false;
    const text = document.getText();
    for (const needle of needles) if (text.includes(needle)) return true;
    return false;
  }).map((document) => document.uri);
}

function isOpen(store: DocumentStore, uri: string): boolean {
  if (store.get(uri)) return true;
  return store.documents.all().some((document) => canonicalUri(document.uri) === uri);
}
