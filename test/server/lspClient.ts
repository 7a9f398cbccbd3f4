/**
 * A minimal LSP client for server tests: spawns the built `dist/server.js --stdio` exactly as another editor
 * would and speaks JSON-RPC to it. Tests wait for the server's own notifications, never for time to pass.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import {
  createProtocolConnection, InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification, PublishDiagnosticsNotification, ShutdownRequest, ExitNotification,
  StreamMessageReader, StreamMessageWriter, DidCloseTextDocumentNotification, DidChangeWatchedFilesNotification, DidChangeWorkspaceFoldersNotification, RegistrationRequest,
  type Diagnostic, type FileEvent, type Registration, type InitializeResult, type ProtocolConnection, type PublishDiagnosticsParams, type ClientCapabilities,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const SERVER_PATH = resolve(__dirname, '../../dist/server.js');

type DiagnosticsWaiter = { uri: string; predicate: (diagnostics: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void };

export class TestLspClient {
  readonly connection: ProtocolConnection;
  private readonly process: ChildProcess;
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private waiters: DiagnosticsWaiter[] = [];
  private readonly versions = new Map<string, number>();
  /** Capabilities the server registered dynamically (`client/registerCapability`), in order. */
  readonly registrations: Registration[] = [];
  stderr = '';

  /** `serverPath`: another build of the server (benchmarks compare one against another); the current build by default. */
  constructor(serverPath = SERVER_PATH) {
    this.process = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk: Buffer) => { this.stderr += chunk.toString(); });
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.latest.set(params.uri, params);
      this.waiters = this.waiters.filter((waiter) => {
        if (waiter.uri !== params.uri || !waiter.predicate(params.diagnostics)) return true;
        waiter.resolve(params.diagnostics);
        return false;
      });
    });
    // Answer dynamic registrations as an editor would, and remember them for tests to inspect.
    this.connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
    });
    this.connection.listen();
  }

  /** `workspaceFolders`: folder URIs the server should treat as workspace roots (none by default). */
  async initialize(capabilities: ClientCapabilities = {}, workspaceFolders: readonly string[] = []): Promise<InitializeResult> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: null, capabilities,
      workspaceFolders: workspaceFolders.length ? workspaceFolders.map((uri) => ({ uri, name: uri.split('/').pop() ?? uri })) : null,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  async open(uri: string, text: string, languageId = 'yaml'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text (a full-document change); returns the new version. */
  async replace(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The server's process id, for measurements of its CPU time and memory. */
  get pid(): number | undefined {
    return this.process.pid;
  }

  /** Tells the server that workspace folders were added or removed (`workspace/didChangeWorkspaceFolders`). */
  async changeWorkspaceFolders(added: readonly string[], removed: readonly string[] = []): Promise<void> {
    const folders = (uris: readonly string[]) => uris.map((uri) => ({ uri, name: uri.split('/').pop() ?? uri }));
    await this.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: folders(added), removed: folders(removed) } });
  }

  /** Tells the server that files changed on disk (`workspace/didChangeWatchedFiles`). */
  async changeWatchedFiles(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** Resolves with the first published diagnostics for `uri` that satisfy `predicate` (including ones already received). */
  diagnostics(uri: string, predicate: (diagnostics: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
    const latest = this.latest.get(uri);
    if (latest && predicate(latest.diagnostics)) return Promise.resolve(latest.diagnostics);
    return new Promise((resolvePromise) => this.waiters.push({ uri, predicate, resolve: resolvePromise }));
  }

  /** Resolves with the diagnostics published for exactly this document version. */
  diagnosticsForVersion(uri: string, version: number): Promise<Diagnostic[]> {
    const latest = this.latest.get(uri);
    if (latest?.version === version) return Promise.resolve(latest.diagnostics);
    return new Promise((resolvePromise) => this.waiters.push({
      uri, predicate: () => this.latest.get(uri)?.version === version, resolve: resolvePromise,
    }));
  }

  /** Forgets diagnostics received so far, so the next `diagnostics()` waits for a fresh publication. */
  forgetDiagnostics(uri: string): void {
    this.latest.delete(uri);
  }

  async dispose(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // the server may already be gone; the kill below covers it
    }
    this.connection.dispose();
    this.process.kill();
  }
}

/** Converts a diagnostic's range to offsets in `text`, so tests compare against fixture markers. */
export function rangeOffsets(text: string, diagnostic: Diagnostic): { start: number; end: number } {
  const document = TextDocument.create('file:///x', 'yaml', 1, text);
  return { start: document.offsetAt(diagnostic.range.start), end: document.offsetAt(diagnostic.range.end) };
}
