#!/usr/bin/env node
/**
 * `npm test`: every suite, in order of cost, each reported as it runs, then one closing line over all of them:
 *   build -> typecheck -> lint -> unit (core) -> server (stdio LSP) -> webview (Chromium) -> db (PostgreSQL, DuckDB) -> e2e (real VS Code)
 * Each test suite appends its counts to a stats file (mocha through test/support/countingReporter.cjs, the
 * end-to-end launcher itself); build, typecheck and lint only pass or fail.
 * `npm test -- --skip e2e,db` skips suites (for quick local loops; CI runs everything).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const skipArg = process.argv.indexOf('--skip');
const skip = new Set(skipArg > 0 ? (process.argv[skipArg + 1] ?? '').split(',') : []);
const statsDir = mkdtempSync(join(tmpdir(), 'datsis-test-'));
const statsFile = join(statsDir, 'stats.jsonl');
const node = process.execPath;
const bin = (name) => join(root, 'node_modules', '.bin', name);

const steps = [
  { name: 'build', command: [node, join(root, 'scripts/build.mjs')] },
  { name: 'typecheck', command: [bin('tsc'), '-p', 'tsconfig.json', '--noEmit'] },
  { name: 'lint', command: [bin('eslint'), '.'] },
  { name: 'unit', command: [bin('mocha'), '--config', 'test/unit/.mocharc.json'] },
  { name: 'server', command: [bin('mocha'), '--config', 'test/server/.mocharc.json'] },
  // The webviews' own code in headless Chromium: rendering, keyboard use and the XSS corpus.
  { name: 'webview', command: [bin('mocha'), '--config', 'test/webview/.mocharc.json'] },
  { name: 'db', command: [bin('mocha'), '--config', 'test/db/.mocharc.json'] },
  { name: 'e2e', command: [node, join(root, 'test/e2e/run.mjs')] },
];

const failedSteps = [];
for (const step of steps) {
  if (skip.has(step.name)) {
    console.log(`\n=== ${step.name}: skipped`);
    continue;
  }
  console.log(`\n=== ${step.name}`);
  const started = Date.now();
  const result = spawnSync(step.command[0], step.command.slice(1), {
    cwd: root, stdio: 'inherit', env: { ...process.env, DATSIS_TEST_STATS: statsFile, DATSIS_TEST_SUITE: step.name },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    failedSteps.push(step.name);
    console.log(`=== ${step.name}: FAILED (exit ${result.status ?? result.signal}) in ${seconds} s`);
  } else {
    console.log(`=== ${step.name}: ok in ${seconds} s`);
  }
}

const stats = existsSync(statsFile)
  ? readFileSync(statsFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line))
  : [];
rmSync(statsDir, { recursive: true, force: true });
let passed = 0;
let failed = 0;
let skipped = 0;
console.log('\n=== summary');
for (const suite of stats) {
  passed += suite.passed;
  failed += suite.failed;
  skipped += suite.skipped ?? 0;
  console.log(`${suite.suite}: ${suite.passed} passed, ${suite.failed} failed, ${suite.skipped ?? 0} skipped`);
}
// A step that failed without reporting failing tests (build, lint, a crash) still fails the run.
const uncounted = failedSteps.filter((name) => !stats.some((suite) => suite.suite === name && suite.failed > 0)).length;
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed + uncounted} failed, ${skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
