/**
 * Keeps the workspace index current: at start it indexes every descriptor under the workspace folders (with a
 * `window/workDoneProgress` report), then follows watched-file events and open documents, whose current text
 * overrides the file on disk. When a change could alter another open document's cross-file findings (a
 * product whose contract changed, a duplicate id, a relationship into the changed file), it tells its
 * listeners which open documents to re-validate.
 */
import { sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification, FileChangeType, type ClientCapabilities, type Connection, type InitializeParams,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { summarize, summarizeText } from '../core/workspace/summarize';
import { crossFileFingerprint, WorkspaceIndex, type IndexChange } from '../core/workspace/workspaceIndex';
import type { DocumentStore } from '../documents';
import { isYamlPath, listYamlFiles, readCandidate } from './workspaceFiles';

/** Open documents are re-summarised after typing pauses this long (the parse is shared with diagnostics). */
const OPEN_DOCUMENT_DEBOUNCE_MS = 100;
/** Files read concurrently during the initial scan; between batches the server answers other requests. */
const SCAN_BATCH = 64;

type DependentsListener = (uris: readonly string[]) => void;

export interface WorkspaceIndexFeature {
  readonly index: WorkspaceIndex;
  /**
   * The index as analyses should see it: undefined when the editor opened no folder, because "not found in
   * the workspace" would then be claimed of a workspace that does not exist (cross-file rules stay silent).
   */
  view(): WorkspaceIndex | undefined;
  /** Call from `onInitialize`: remembers the folders and what the client supports. */
  configure(params: InitializeParams): void;
  /** Call from `onInitialized`: registers the file watcher and starts the initial scan. */
  start(): void;
  /** Listens for open documents whose cross-file findings may have changed. */
  onDependentsChanged(listener: DependentsListener): void;
  /** Settles when the initial scan has finished. */
  readonly ready: Promise<void>;
}

export function registerWorkspaceIndex(connection: Connection, store: DocumentStore): WorkspaceIndexFeature {
  const index = new WorkspaceIndex();
  const listeners: DependentsListener[] = [];
  const pending = new Map<string, NodeJS.Timeout>();
  let folders: string[] = [];
  let capabilities: ClientCapabilities = {};
  let finishScan: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => { finishScan = resolve; });

  const notify = (changes: readonly IndexChange[]): void => {
    const relevant = changes.filter((change) => crossFileFingerprint(change.before) !== crossFileFingerprint(change.after));
    if (relevant.length === 0) return;
    const dependents = dependentOpenDocuments(store.documents.all(), relevant);
    if (dependents.length) for (const listener of listeners) listener(dependents);
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

  const indexFromDisk = async (uri: string): Promise<IndexChange | undefined> => {
    if (isOpen(store, uri)) return undefined; // the editor's text wins over the file
    const path = filePath(uri);
    const text = path ? await readCandidate(path) : undefined;
    if (text === undefined) return index.byUri(uri) ? index.remove(uri) : undefined;
    return index.update(uri, summarizeText(text, uri));
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
    // Closing without saving leaves the disk version: index that one (or nothing, for an unsaved new file).
    // Only inside the workspace folders: no watcher follows a file elsewhere, so its entry would go stale
    // (and a deleted temp file would go on claiming its id).
    const removed = index.remove(uri);
    const diskUri = canonicalUri(uri);
    if (!insideFolders(diskUri, folders)) {
      notify([removed]);
      return;
    }
    void indexFromDisk(diskUri).then((change) => notify(change ? [removed, change] : [removed]));
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    const changes: IndexChange[] = [];
    for (const { uri, type } of params.changes) {
      if (!uri.startsWith('file:') || !isYamlPath(uri) || isOpen(store, uri)) continue;
      if (type === FileChangeType.Deleted) {
        if (index.byUri(uri)) changes.push(index.remove(uri));
      } else {
        const change = await indexFromDisk(uri);
        if (change) changes.push(change);
      }
    }
    notify(changes);
  });

  const scan = async (): Promise<void> => {
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin('Indexing data products and contracts', 0, 'Looking for descriptors…', false);
    try {
      const files = (await Promise.all(folders.map((folder) => listYamlFiles(folder)))).flat();
      for (let start = 0; start < files.length; start += SCAN_BATCH) {
        const batch = files.slice(start, start + SCAN_BATCH);
        await Promise.all(batch.map((path) => indexFromDisk(pathToFileURL(path).href)));
        const done = Math.min(files.length, start + SCAN_BATCH);
        progress.report(Math.round((done / files.length) * 100), `${done}/${files.length} files`);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      progress.done();
    }
    // Documents validated while the index was filling may have missed contracts that are now known.
    const open = store.documents.all().map((document) => document.uri);
    if (open.length) for (const listener of listeners) listener(open);
  };

  return {
    index,
    ready,
    view: () => (folders.length ? index : undefined),
    configure(params) {
      capabilities = params.capabilities;
      const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
      folders = uris.map(filePath).filter((path): path is string => path !== undefined);
    },
    start() {
      if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }] })
          .catch((error: unknown) => connection.console.warn(`datsis: could not watch YAML files: ${String(error)}`));
      }
      scan().catch((error: unknown) => connection.console.error(`datsis: indexing the workspace failed: ${String(error)}`)).finally(finishScan);
    },
    onDependentsChanged(listener) {
      listeners.push(listener);
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

function insideFolders(uri: string, folders: readonly string[]): boolean {
  const path = filePath(uri);
  return path !== undefined && folders.some((folder) => path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep));
}

function isOpen(store: DocumentStore, uri: string): boolean {
  if (store.get(uri)) return true;
  return store.documents.all().some((document) => canonicalUri(document.uri) === uri);
}

function filePath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/** The URI Node writes for the same file, so an editor's differently encoded URI still matches the disk entry. */
function canonicalUri(uri: string): string {
  const path = filePath(uri);
  return path ? pathToFileURL(path).href : uri;
}
