/**
 * Runs the bundled extension-host suite inside code-server's real extension host, driven from Chromium.
 *
 * code-server honours VS Code's web "payload" (extensionDevelopmentPath + extensionTestsPath) only with the
 * smoke-test driver enabled; the workbench then calls `window.codeAutomationLog(level, message)` for its log and
 * `window.codeAutomationExit(code)` when the test run ends, which we expose from Playwright.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from './browser.mjs';
import { freePort, prepareProfile, startCodeServer } from './codeServer.mjs';
import { createUiBridge } from './uiBridge.mjs';
import { exited, onCleanup } from './processes.mjs';

/** The workbench URL that opens `folder` and runs `suiteIndex` against the extension at `extensionPath`. */
export function suiteUrl(port, { folder, extensionPath, suiteIndex }) {
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(suiteIndex)],
  ];
  const query = new URLSearchParams({ folder, payload: JSON.stringify(payload) });
  return `http://127.0.0.1:${port}/?${query.toString()}`;
}

/**
 * @param {{ tools: { node: string, entry: string }, extensionPath: string, suiteIndex: string, folder: string,
 *   onLine?: (line: string, level: string) => void, timeoutMs?: number, env?: Record<string, string>,
 *   extraArgs?: string[] }} options
 * @returns {Promise<{ exitCode: number, result?: { passed: number, failed: number, pending: number,
 *   tests: { title: string, state: string, ms?: number, error?: string }[] }, startMs: number, suiteMs: number,
 *   logFile: string }>}
 */
export async function runExtensionHostSuite({ tools, extensionPath, suiteIndex, folder, onLine = () => {}, timeoutMs = 300_000, env = {}, extraArgs = [] }) {
  const root = mkdtempSync(join(tmpdir(), 'datsis-e2e-host-'));
  const resultsFile = join(root, 'results.json');
  const profile = prepareProfile(root);
  const port = await freePort();
  const server = await startCodeServer({
    tools,
    profile,
    port,
    extraArgs: ['--vscode-option', 'enable-smoke-test-driver', '--ignore-last-opened', ...extraArgs],
    // The extension host inherits code-server's environment: this is how the suite learns where to report.
    // DATSIS_E2E_UI_BRIDGE: the suite may ask for clicks in webviews and screenshots (see uiBridge.mjs).
    env: { ...env, DATSIS_E2E_RESULTS: resultsFile, DATSIS_E2E_UI_BRIDGE: '1' },
  });
  let browser;
  const unregister = onCleanup(async () => {
    await browser?.close();
    await server.stop();
    rmSync(root, { recursive: true, force: true }); // interrupted: nothing worth keeping
  });
  let succeeded = false;
  try {
    browser = await launchChromium();
    const { page } = browser;
    let resolveExit;
    const exitCode = new Promise((resolve) => (resolveExit = resolve));
    const bridge = createUiBridge(page);
    await page.exposeFunction('codeAutomationLog', (level, message) => {
      for (const line of String(message).split('\n')) if (!bridge.handle(line)) onLine(line, level);
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
    const started = Date.now();
    await page.goto(suiteUrl(port, { folder, extensionPath, suiteIndex }));
    let timer;
    const outcome = await Promise.race([
      exitCode,
      exited(server.child).then(() => {
        throw new Error(`code-server exited during the suite (log: ${server.logFile})`);
      }),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the extension-host suite did not finish within ${timeoutMs} ms (log: ${server.logFile})`)), timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
    const suiteMs = Date.now() - started;
    const result = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : undefined;
    succeeded = outcome === 0;
    return { exitCode: outcome, result, startMs: server.startMs, suiteMs, logFile: server.logFile };
  } finally {
    unregister();
    await browser?.close();
    await server.stop();
    // A failed run keeps its profile and code-server log for inspection.
    if (succeeded && !process.env.DATSIS_E2E_KEEP) rmSync(root, { recursive: true, force: true });
    else process.stderr.write(`extension-host suite files kept in ${root}\n`);
  }
}
