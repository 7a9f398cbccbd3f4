/**
 * The `.datsis.yaml` of each workspace folder root: read at start, watched on disk, and taken from the editor
 * while it is open (unsaved edits count), merged with the `datsis.score.*` settings. Any change fires the
 * analysis contexts' change event, so every open document is rescored at once. The file is data only: reading
 * it executes nothing, which keeps the server safe in untrusted workspaces.
 */
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { InitializeParams, WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import type { AnalysisContexts } from '../analysisContext';
import { DEFAULT_RULES_CONFIG, withEditorSettings, type RulesConfig } from '../core/datsis/config';
import { configFromRulesFile, isRulesFileUri, RULES_FILE_NAMES } from '../core/datsis/rulesFile';
import type { DocumentStore } from '../documents';
import type { DatsisSettings } from '../protocol';
import type { SettingsStore } from '../settings';

interface FolderRules {
  /** Folder URI with a trailing slash, for prefix matching. */
  readonly folder: string;
  diskText: string | undefined;
  /** URI of the rules file open in the editor, and its current text. */
  open: { uri: string; text: string } | undefined;
  config: RulesConfig;
  watcher?: FSWatcher;
}

export class RulesFiles {
  private folders: FolderRules[] = [];
  private settings: DatsisSettings['score'] | undefined;
  /**
   * The merged configuration per folder configuration, for the settings it was merged with. The scorer memoises
   * its per-object results on the configuration's identity, so handing out a new (equal) object on every call
   * would make every keystroke rescore the whole document.
   */
  private readonly merged = new WeakMap<RulesConfig, { readonly settings: DatsisSettings['score'] | undefined; readonly config: RulesConfig }>();

  constructor(private readonly store: DocumentStore, private readonly settingsStore: SettingsStore, private readonly contexts: AnalysisContexts) {}

  /** Call from `onInitialize`: remembers the workspace folders (only `file:` folders have a rules file on disk). */
  configure(params: InitializeParams): void {
    const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders = uris.map(folderRules);
  }

  /** Folders added or removed at run time (`workspace/didChangeWorkspaceFolders`): their rules files come and go. */
  async changeFolders(event: WorkspaceFoldersChangeEvent): Promise<void> {
    const removed = new Set(event.removed.map((folder) => folderRules(folder.uri).folder));
    for (const folder of this.folders) if (removed.has(folder.folder)) folder.watcher?.close();
    const kept = this.folders.filter((folder) => !removed.has(folder.folder));
    const added = event.added.map((folder) => folderRules(folder.uri)).filter((folder) => !kept.some((other) => other.folder === folder.folder));
    this.folders = [...kept, ...added];
    await Promise.all(added.map((folder) => this.readDisk(folder, false)));
    for (const folder of added) this.watchFolder(folder);
    this.contexts.fireDidChange();
  }

  /** Call from `onInitialized`: reads the files and starts listening. */
  async start(): Promise<void> {
    this.contexts.provideRules((uri) => this.configFor(uri));
    this.settingsStore.onDidChange(() => void this.refreshSettings());
    this.store.documents.onDidChangeContent((event) => this.onEditorText(event.document.uri, event.document.getText()));
    this.store.documents.onDidClose((event) => this.onEditorText(event.document.uri, undefined));
    await Promise.all([this.refreshSettings(false), ...this.folders.map((folder) => this.readDisk(folder, false))]);
    for (const folder of this.folders) this.watchFolder(folder);
    this.contexts.fireDidChange();
  }

  dispose(): void {
    for (const folder of this.folders) folder.watcher?.close();
  }

  /** The effective configuration for a document: its folder's rules file (if any) plus the editor settings. */
  configFor(uri: string): RulesConfig {
    const base = this.folderOf(uri)?.config ?? DEFAULT_RULES_CONFIG;
    const cached = this.merged.get(base);
    if (cached && cached.settings === this.settings) return cached.config;
    const config = withEditorSettings(base, this.settings);
    this.merged.set(base, { settings: this.settings, config });
    return config;
  }

  private folderOf(uri: string): FolderRules | undefined {
    let best: FolderRules | undefined;
    for (const folder of this.folders) if (uri.startsWith(folder.folder) && (!best || folder.folder.length > best.folder.length)) best = folder;
    return best;
  }

  private onEditorText(uri: string, text: string | undefined): void {
    if (!isRulesFileUri(uri)) return;
    const folder = this.folders.find((candidate) => RULES_FILE_NAMES.some((name) => uri === candidate.folder + name));
    if (!folder) return;
    folder.open = text === undefined ? undefined : { uri, text };
    this.recompute(folder);
    if (text === undefined) void this.readDisk(folder); // closed without saving: the disk version applies again
  }

  private async readDisk(folder: FolderRules, notify = true): Promise<void> {
    folder.diskText = undefined;
    for (const name of RULES_FILE_NAMES) {
      try {
        folder.diskText = await readFile(fileURLToPath(folder.folder + name), 'utf8');
        break;
      } catch {
        // no such file (or not a file: URI): defaults apply
      }
    }
    this.recompute(folder, notify);
  }

  private recompute(folder: FolderRules, notify = true): void {
    folder.config = configFromRulesFile(folder.open?.text ?? folder.diskText);
    if (notify) this.contexts.fireDidChange();
  }

  private async refreshSettings(notify = true): Promise<void> {
    this.settings = (await this.settingsStore.get()).score;
    if (notify) this.contexts.fireDidChange();
  }

  /** Watches the folder itself (not recursively): only a rules file at the root counts. */
  private watchFolder(folder: FolderRules): void {
    let path: string;
    try {
      path = fileURLToPath(folder.folder);
    } catch {
      return; // virtual workspace: only the open document counts
    }
    try {
      const watcher = watch(path, { persistent: false }, (_event, name) => {
        if (name && RULES_FILE_NAMES.includes(String(name)) && !folder.open) void this.readDisk(folder);
      });
      watcher.on('error', () => watcher.close());
      folder.watcher = watcher;
    } catch {
      // the folder may not exist (yet); the open document still works
    }
  }
}


function folderRules(uri: string): FolderRules {
  return { folder: uri.endsWith('/') ? uri : `${uri}/`, diskText: undefined, open: undefined, config: DEFAULT_RULES_CONFIG };
}
