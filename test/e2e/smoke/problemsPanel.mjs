/**
 * UI-level smoke test of the packaged extension, as a user would meet it: the .vsix is installed with
 * code-server's own installer, a workspace with a broken descriptor is opened in the browser, the file is opened
 * through Quick Open, and the Problems panel must list the datsis diagnostic on the exact line and column.
 * Everything is read from the DOM; a screenshot of the final state goes to test/e2e/output/.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { launchChromium } from '../lib/browser.mjs';
import { freePort, installExtension, prepareProfile, startCodeServer } from '../lib/codeServer.mjs';
import { onCleanup } from '../lib/processes.mjs';

const { parseMarkers } = await tsImport('../../support/markers.ts', import.meta.url);

/** The broken descriptor: `‹…›` marks where the diagnostic must point (the repeated key). */
const BROKEN_FILE = 'broken.odcs.yaml';
const BROKEN_DESCRIPTOR = 'apiVersion: v3.1.0\nkind: DataContract\nid: broken-contract\nname: orders\n‹name›: orders2\n';

/** 1-based line and column of `offset`, as VS Code prints them in the Problems panel. */
function lineAndColumn(text, offset) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1).length + 1 };
}

/** The name VS Code shows for a language: its first alias in the extension manifest. */
function languageDisplayName(vsixManifest, languageId) {
  const language = vsixManifest.contributes?.languages?.find((l) => l.id === languageId);
  return language?.aliases?.[0] ?? languageId;
}

/** Reads every problem row (not file rows) of the Problems panel. */
function readProblemRows(page) {
  return page.$$eval('.markers-panel .monaco-list-row[aria-level="2"]', (rows) =>
    rows.map((row) => ({
      message: row.querySelector('.marker-message')?.textContent ?? '',
      source: row.querySelector('.marker-source')?.textContent ?? '',
      code: row.querySelector('.marker-code')?.textContent ?? '',
      location: row.querySelector('.marker-line')?.textContent ?? '',
    })),
  );
}

/**
 * @param {{ tools: { node: string, entry: string }, vsix: string, repoRoot: string, outputDir: string,
 *   test: (title: string, fn: () => Promise<void>) => Promise<boolean> }} options
 *   `test` runs and reports one named check; it returns false when the check failed.
 */
export async function runProblemsPanelSmoke({ tools, vsix, repoRoot, outputDir, test }) {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const odcsName = languageDisplayName(manifest, 'odcs');
  const root = mkdtempSync(join(tmpdir(), 'datsis-e2e-smoke-'));
  const profile = prepareProfile(root);
  const workspace = join(root, 'workspace');
  cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
  const fixture = parseMarkers(BROKEN_DESCRIPTOR);
  writeFileSync(join(workspace, BROKEN_FILE), fixture.text);
  const expected = lineAndColumn(fixture.text, fixture.ranges[0].start);
  mkdirSync(outputDir, { recursive: true });

  let server;
  let browser;
  const stopAll = async () => {
    await browser?.close();
    await server?.stop();
  };
  const unregister = onCleanup(async () => {
    await stopAll();
    rmSync(root, { recursive: true, force: true }); // interrupted: nothing worth keeping
  });
  let allPassed = true;
  const check = async (title, fn) => (allPassed = (await test(title, fn)) && allPassed);
  try {
    const installed = await check('installs the packaged .vsix with code-server --install-extension', async () => {
      await installExtension(tools, profile, vsix);
    });
    if (!installed) return false;

    let page;
    const ready = await check('opens the workbench on a copy of the examples workspace', async () => {
      server = await startCodeServer({ tools, profile, port: await freePort(), folder: workspace, extraArgs: ['--ignore-last-opened'] });
      browser = await launchChromium();
      page = browser.page;
      await page.goto(server.url);
      await page.waitForSelector('.monaco-workbench .part.statusbar');
    });
    if (!ready) return false;

    await check(`shows the duplicate key of ${BROKEN_FILE} in the Problems panel at [Ln ${expected.line}, Col ${expected.column}]`, async () => {
      await page.keyboard.press('Control+P');
      await page.waitForSelector('.quick-input-widget input:focus');
      await page.keyboard.type(BROKEN_FILE);
      await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${BROKEN_FILE}"]`);
      await page.keyboard.press('Enter');
      await page.waitForSelector(`.tab.active[aria-label*="${BROKEN_FILE}"]`);
      await page.keyboard.press('Control+Shift+M');
      await page.waitForSelector('.markers-panel .monaco-list-row[aria-level="2"] .marker-source >> text="datsis"');
      const rows = (await readProblemRows(page)).filter((row) => row.source === 'datsis');
      const duplicate = rows.find((row) => row.code === 'yaml/duplicate-key');
      if (!duplicate) throw new Error(`no yaml/duplicate-key row from datsis; rows: ${JSON.stringify(rows)}`);
      if (!/duplicate key/i.test(duplicate.message)) throw new Error(`unexpected message: ${duplicate.message}`);
      const location = `[Ln ${expected.line}, Col ${expected.column}]`;
      if (duplicate.location !== location) throw new Error(`expected ${location}, the panel says ${duplicate.location}`);
    });

    await check(`names the file's language "${odcsName}" in the status bar`, async () => {
      const mode = page.locator('[id="status.editor.mode"]');
      await mode.waitFor();
      const text = (await mode.innerText()).trim();
      if (text !== odcsName) throw new Error(`status bar language is "${text}"`);
    });
    return allPassed;
  } finally {
    // Also on failure: the picture usually says at once what went wrong.
    await browser?.page.screenshot({ path: join(outputDir, 'problems-panel.png') }).catch(() => {});
    unregister();
    await stopAll();
    if (allPassed && !process.env.DATSIS_E2E_KEEP) rmSync(root, { recursive: true, force: true });
    else process.stderr.write(`smoke test files kept in ${root}\n`);
  }
}
