#!/usr/bin/env node
/**
 * `npm run test:e2e`: the extension in real VS Code (code-server 4.139 / VS Code 1.139, offline).
 *   1. ensures Node 24 + code-server in .tools/ (scripts/tools.mjs; cached after the first run),
 *   2. builds the extension (scripts/build.mjs) and bundles the extension-host suite (test/e2e/suite),
 *   3. runs that suite inside code-server's extension host, driven from headless Chromium,
 *   4. packages the .vsix (scripts/package.mjs, or $DATSIS_VSIX) and runs the UI smoke test on it.
 * Prints mocha-style results and `N passed, N failed`; exits 1 on any failure. code-server and Chromium are
 * always stopped, also on Ctrl+C and uncaught errors.
 *
 * Options: --suite-only, --smoke-only. Env: DATSIS_E2E_GREP (mocha grep inside the extension host),
 * DATSIS_VSIX (skip packaging), DATSIS_E2E_KEEP=1 (keep temp profiles), DATSIS_E2E_VERBOSE=1 (echo the workbench log).
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_SERVER_VERSION, ensureCodeServer } from '../../scripts/tools.mjs';
import { buildSuite, REPO_ROOT, SUITE_INDEX } from './lib/buildSuite.mjs';
import { runExtensionHostSuite } from './lib/extensionHostSuite.mjs';
import { installExitHandlers, runCleanups } from './lib/processes.mjs';
import { runProblemsPanelSmoke } from './smoke/problemsPanel.mjs';

const LINE_PREFIX = '[datsis-e2e] '; // same as test/e2e/suite/index.ts
const OUTPUT_DIR = join(REPO_ROOT, 'test', 'e2e', 'output');
const verbose = Boolean(process.env.DATSIS_E2E_VERBOSE);
const only = process.argv.includes('--suite-only') ? 'suite' : process.argv.includes('--smoke-only') ? 'smoke' : undefined;

const totals = { passed: 0, failed: 0 };
const failures = [];
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Runs one launcher-side check and prints it like mocha's spec reporter. */
async function test(title, fn) {
  const started = Date.now();
  try {
    await fn();
    totals.passed++;
    console.log(`    ✔ ${title} (${Date.now() - started} ms)`);
    return true;
  } catch (error) {
    recordFailure(title, error);
    return false;
  }
}

function recordFailure(title, error) {
  totals.failed++;
  failures.push({ title, error });
  console.log(`    ✘ ${title} (${failures.length})`);
}

async function timed(label, fn) {
  const started = Date.now();
  const value = await fn();
  console.log(`  ${label} (${seconds(Date.now() - started)})`);
  return value;
}

async function extensionHostSuite(tools) {
  console.log('\n  extension-host suite in code-server');
  const { ms } = await buildSuite();
  console.log(`    (suite bundled in ${ms} ms)`);
  const workbenchLog = createWriteStream(join(OUTPUT_DIR, 'workbench.log'));
  let outcome;
  try {
    outcome = await runExtensionHostSuite({
      tools,
      extensionPath: REPO_ROOT,
      suiteIndex: SUITE_INDEX,
      folder: join(REPO_ROOT, 'examples'),
      onLine: (line, level) => {
        workbenchLog.write(`[${level}] ${line}\n`);
        const at = line.indexOf(LINE_PREFIX);
        if (at >= 0) console.log(`  ${line.slice(at + LINE_PREFIX.length)}`);
        else if (verbose) console.log(`      | ${line}`);
      },
    });
  } catch (error) {
    recordFailure('the extension-host suite completes', error);
    return;
  } finally {
    workbenchLog.end();
  }
  const { exitCode, result, startMs, suiteMs, logFile } = outcome;
  console.log(`    (code-server healthy in ${seconds(startMs)}; page load + suite ${seconds(suiteMs)}; workbench log: ${join(OUTPUT_DIR, 'workbench.log')})`);
  if (!result) {
    recordFailure('the extension-host suite reports results', new Error(`it exited with ${exitCode} without writing results`));
  } else {
    totals.passed += result.passed;
    totals.failed += result.failed;
    for (const t of result.tests.filter((x) => x.state === 'failed')) failures.push({ title: t.title, error: new Error(t.error) });
    if (exitCode !== 0 && result.failed === 0) recordFailure('the extension host exits cleanly', new Error(`exit code ${exitCode}`));
  }
  if (exitCode !== 0) copyFileSync(logFile, join(OUTPUT_DIR, 'code-server-suite.log'));
}

/** Builds and packages the extension with the project's own script (as `npm run package` does). */
function packageVsix() {
  const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  try {
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'package.mjs')], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.trim().split('\n');
    const untilStack = output.findIndex((line) => line.startsWith('node:internal'));
    throw new Error(`${error.message.split('\n')[0]}\n${output.slice(0, untilStack < 0 ? undefined : untilStack).join('\n')}`);
  }
  return join(REPO_ROOT, `datsis-${version}.vsix`);
}

/** The .vsix to test: $DATSIS_VSIX as given, or a fresh package (its packaging is then a check of its own). */
async function obtainVsix() {
  const given = process.env.DATSIS_VSIX;
  if (!given) {
    let vsix;
    await test('packages the extension as a .vsix', async () => {
      vsix = packageVsix();
    });
    return vsix;
  }
  console.log(`    (using ${given} from DATSIS_VSIX)`);
  if (existsSync(given)) return given;
  recordFailure(`DATSIS_VSIX=${given}`, new Error('no such file'));
  return undefined;
}

async function smoke(tools) {
  console.log('\n  packaged extension in the browser (smoke)');
  const vsix = await obtainVsix();
  if (!vsix) return;
  await runProblemsPanelSmoke({ tools, vsix, repoRoot: REPO_ROOT, outputDir: OUTPUT_DIR, test });
  console.log(`    (screenshot: ${join(OUTPUT_DIR, 'problems-panel.png')})`);
}

async function main() {
  installExitHandlers();
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const started = Date.now();
  console.log(`datsis end-to-end tests in code-server ${CODE_SERVER_VERSION}`);
  const tools = await timed('tools ready', () => ensureCodeServer());
  await timed('extension built', async () => execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] }));
  if (only !== 'smoke') await extensionHostSuite(tools);
  if (only !== 'suite') await smoke(tools);

  if (failures.length > 0) {
    console.log(`\n  ${failures.length} failing`);
    failures.forEach(({ title, error }, i) => console.log(`\n  ${i + 1}) ${title}\n${String(error instanceof Error ? error.message : error).replace(/^/gm, '     ')}`));
  }
  console.log(`\n  finished in ${seconds(Date.now() - started)}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  reportStats(totals.passed, totals.failed);
  await runCleanups();
  process.exitCode = totals.failed > 0 || totals.passed === 0 ? 1 : 0;
}

/** Counts for `npm test`'s closing line (scripts/test.mjs), in the format of test/support/countingReporter.cjs. */
function reportStats(passed, failed) {
  const file = process.env.DATSIS_TEST_STATS;
  if (file) appendFileSync(file, `${JSON.stringify({ suite: process.env.DATSIS_TEST_SUITE ?? 'e2e', passed, failed, skipped: 0 })}\n`);
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.stack : error);
  console.log(`${totals.passed} passed, ${totals.failed + 1} failed`);
  reportStats(totals.passed, totals.failed + 1);
  await runCleanups();
  process.exitCode = 1;
});
