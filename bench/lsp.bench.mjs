/**
 * Side-by-side benchmark of datsis's language server and yaml-language-server (with the official ODCS schema,
 * schema store off) on the same generated contracts, both driven over stdio exactly as an editor would.
 * For each size and server: medians of N fresh server processes of
 *   open -> first diagnostics, one-character edit -> diagnostics, completion, hover, peak RSS.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification,
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DidChangeConfigurationNotification,
  PublishDiagnosticsNotification, CompletionRequest, HoverRequest, ShutdownRequest, ExitNotification, ConfigurationRequest,
} from 'vscode-languageserver-protocol/node';
import { generateContract, SIZES } from './generate.mjs';
import { referenceDir } from './reference.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TIMEOUT_MS = 120_000;

export const SERVERS = {
  datsis: { command: [process.execPath, join(root, 'dist/server.js'), '--stdio'], settings: () => ({ datsis: {} }) },
  /** The same server with DATSIS scoring switched off: the difference is what scoring costs. */
  'datsis without scoring': { command: [process.execPath, join(root, 'dist/server.js'), '--stdio'], settings: () => ({ datsis: { score: { enable: false } } }) },
  'yaml-language-server': {
    command: [process.execPath, join(root, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'],
    settings: () => ({
      yaml: {
        schemas: { [pathToFileURL(join(referenceDir(), 'odcs/odcs-json-schema-v3.1.0.json')).href]: ['*.odcs.yaml'] },
        schemaStore: { enable: false }, validate: true, completion: true, hover: true, format: { enable: false },
      },
      http: { proxy: '', proxyStrictSSL: false },
    }),
  },
};

class Session {
  constructor(server) {
    const [command, ...args] = server.command;
    this.settings = server.settings();
    this.process = spawn(command, args, { stdio: ['pipe', 'pipe', 'ignore'] });
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.waiters = [];
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.waiters = this.waiters.filter((waiter) => !(waiter.predicate(params) && (waiter.resolve(), true)));
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => this.section(item.section)));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  section(name) {
    if (!name) return this.settings;
    return name.split('.').reduce((value, key) => (value == null ? undefined : value[key]), this.settings) ?? null;
  }

  async initialize() {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: null, workspaceFolders: null,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } }, textDocument: { completion: { completionItem: { snippetSupport: true } }, hover: { contentFormat: ['markdown'] } } },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: this.settings });
  }

  diagnosticsOn(uri, line) {
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostic on line ${line} within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      this.waiters.push({
        predicate: (params) => params.uri === uri && params.diagnostics.some((d) => d.range.start.line === line),
        resolve: () => { clearTimeout(timer); resolvePromise(); },
      });
    });
  }

  peakRssMb() {
    const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  }

  async dispose() {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch { /* already gone */ }
    this.connection.dispose();
    this.process.kill('SIGKILL');
  }
}

function lineOf(text, offset) {
  let line = 0;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function position(text, offset) {
  const line = lineOf(text, offset);
  return { line, character: offset - (text.lastIndexOf('\n', offset - 1) + 1) };
}

async function timed(action) {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

/** One fresh server process: every measurement once, plus a few completion and hover requests (median). */
async function measureOnce(serverName, contract, size) {
  const session = new Session(SERVERS[serverName]);
  const uri = pathToFileURL(join(root, `bench/output/bench-${size.label.replace(' ', '')}.odcs.yaml`)).href;
  try {
    await session.initialize();
    const errorLine = lineOf(contract.text, contract.text.indexOf('strnig'));
    const open = await timed(async () => {
      const waiting = session.diagnosticsOn(uri, errorLine);
      await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: contract.text } });
      await waiting;
    });
    const editPosition = position(contract.text, contract.editOffset);
    const edit = await timed(async () => {
      const waiting = session.diagnosticsOn(uri, editPosition.line);
      await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: editPosition, end: { line: editPosition.line, character: editPosition.character + 1 } }, text: 'x' }],
      });
      await waiting;
    });
    const completions = [];
    const hovers = [];
    for (let i = 0; i < 5; i++) {
      completions.push(await timed(() => session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: position(contract.text, contract.completionOffset) })));
      hovers.push(await timed(() => session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: position(contract.text, contract.hoverOffset) })));
    }
    return { open, edit, completion: median(completions), hover: median(hovers), rss: session.peakRssMb() };
  } finally {
    await session.dispose();
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Runs every size against both servers; returns rows of medians. */
export async function runLspBench({ runs = 5, sizes = SIZES, servers = ['datsis', 'yaml-language-server'], log = console.error } = {}) {
  const rows = [];
  for (const size of sizes) {
    const contract = generateContract(size);
    const kb = Buffer.byteLength(contract.text) / 1024;
    for (const serverName of servers) {
      const samples = [];
      for (let run = 0; run < runs; run++) {
        log(`  ${size.label} ${serverName} run ${run + 1}/${runs}`);
        samples.push(await measureOnce(serverName, contract, size));
      }
      const pick = (key) => median(samples.map((sample) => sample[key]));
      rows.push({ size: size.label, kb, server: serverName, open: pick('open'), edit: pick('edit'), completion: pick('completion'), hover: pick('hover'), rss: pick('rss') });
    }
  }
  return rows;
}
