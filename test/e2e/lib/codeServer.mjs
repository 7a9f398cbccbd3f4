/**
 * Starts and stops code-server (real VS Code served over HTTP) for the end-to-end tests and `npm start`.
 * Each run gets its own user-data and extensions folders with settings that keep VS Code quiet (no trust prompt,
 * no welcome page, no telemetry, no update checks), so what the tests see is only what the extension does.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { exited, spawnGroup, stopGroup } from './processes.mjs';

/** Settings that remove every prompt and page VS Code shows on a first start. */
export const QUIET_USER_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'window.commandCenter': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** A port the OS says is free right now (there is a small window before code-server binds it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** True when something already listens on 127.0.0.1:`port`. */
export function portInUse(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(true));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
  });
}

/**
 * Lays out a profile under `root`: user data with quiet settings, an extensions folder and a config file
 * (code-server otherwise reads and writes ~/.config/code-server/config.yaml). `settings` are added to the quiet
 * ones; with `overwriteSettings: false` an existing settings.json (a person's own choices) is left alone.
 */
export function prepareProfile(root, { settings = {}, overwriteSettings = true } = {}) {
  const userDataDir = join(root, 'user-data');
  const extensionsDir = join(root, 'extensions');
  const configFile = join(root, 'config.yaml');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const settingsFile = join(userDataDir, 'User', 'settings.json');
  if (overwriteSettings || !existsSync(settingsFile)) writeFileSync(settingsFile, JSON.stringify({ ...QUIET_USER_SETTINGS, ...settings }, null, 2));
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  return { root, userDataDir, extensionsDir, configFile };
}

function baseArgs(profile) {
  return [
    '--config', profile.configFile,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', profile.userDataDir,
    '--extensions-dir', profile.extensionsDir,
  ];
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Installs a .vsix into the profile's extensions folder with code-server's own installer. */
export async function installExtension(tools, profile, vsix) {
  const args = [tools.entry, ...baseArgs(profile), '--install-extension', vsix];
  const child = spawn(tools.node, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${code}):\n${output}`);
  }
  return output.trim();
}

/** Polls /healthz until code-server answers, failing fast (with its log) if the process dies first. */
async function waitUntilHealthy(url, child, logFile, timeoutMs) {
  let dead = false;
  void exited(child).then(() => (dead = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (dead) throw new Error(`code-server exited with ${child.exitCode ?? child.signalCode} before answering:\n${tail(logFile)}`);
    try {
      const response = await fetch(new URL('healthz', url), { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`code-server did not answer ${url}healthz within ${timeoutMs} ms:\n${tail(logFile)}`);
}

/**
 * Starts code-server in its own process group on 127.0.0.1:`port`, opened on `folder`, and waits until it is
 * healthy. `extraArgs` go after the standard flags (e.g. `--vscode-option enable-smoke-test-driver`); `echo` also
 * copies its output to this process's stdout/stderr (it always goes to `code-server.log` in the profile).
 * @returns {Promise<{ url: string, port: number, child: import('node:child_process').ChildProcess,
 *   logFile: string, startMs: number, stop: () => Promise<void> }>}
 */
export async function startCodeServer({ tools, profile, folder, port, extraArgs = [], env = {}, timeoutMs = 60_000, echo = false }) {
  const logFile = join(profile.root, 'code-server.log');
  const log = createWriteStream(logFile);
  const args = [tools.entry, ...baseArgs(profile), '--bind-addr', `127.0.0.1:${port}`, ...extraArgs];
  if (folder) args.push(folder);
  const started = Date.now();
  // code-server lets $PORT override --bind-addr; the port chosen here must win.
  const { PORT: _ignored, ...inherited } = process.env;
  const child = spawnGroup(tools.node, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...inherited, ...env } });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  if (echo) {
    child.stdout.pipe(process.stdout, { end: false });
    child.stderr.pipe(process.stderr, { end: false });
  }
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitUntilHealthy(url, child, logFile, timeoutMs);
  } catch (error) {
    await stopGroup(child);
    throw error;
  }
  return { url, port, child, logFile, startMs: Date.now() - started, stop: () => stopGroup(child) };
}
