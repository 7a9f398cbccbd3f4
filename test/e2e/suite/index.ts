/**
 * Entry point VS Code loads as `extensionTestsPath`: runs every bundled `*.test.js` next to this file with mocha,
 * inside the real extension host. Both launchers (code-server + Chromium, and @vscode/test-electron) use it.
 *
 * Results leave the extension host two ways: as console lines (forwarded to the launcher's log) and, when the
 * launcher sets DATSIS_E2E_RESULTS, as a JSON file, because console forwarding differs between VS Code builds.
 */
import Mocha from 'mocha';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SuiteResult {
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
  readonly tests: { readonly title: string; readonly state: 'passed' | 'failed' | 'pending'; readonly ms?: number; readonly error?: string }[];
}

/** Marks the reporter's lines, so a launcher can pick them out of the workbench log they are forwarded into. */
export const LINE_PREFIX = '[datsis-e2e] ';
/** Marks the summary line (JSON counts) among the reporter's lines. */
export const SUMMARY_PREFIX = '[datsis-e2e-summary] ';

function print(text: string): void {
  for (const line of text.split('\n')) console.log(`${LINE_PREFIX}${line}`);
}

/** A mocha reporter that prints spec-style lines with console.log and collects a machine-readable result. */
function makeReporter(onDone: (result: SuiteResult) => void) {
  return class DatsisReporter extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      const tests: SuiteResult['tests'][number][] = [];
      let depth = 0;
      const indent = () => '  '.repeat(Math.max(0, depth - 1));
      const { EVENT_SUITE_BEGIN, EVENT_SUITE_END, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } = Mocha.Runner.constants;
      runner.on(EVENT_SUITE_BEGIN, (suite) => {
        depth++;
        if (suite.title) print(`${indent()}${suite.title}`);
      });
      runner.on(EVENT_SUITE_END, () => depth--);
      runner.on(EVENT_TEST_PASS, (test) => {
        tests.push({ title: test.fullTitle(), state: 'passed', ms: test.duration });
        print(`${indent()}  ✔ ${test.title} (${test.duration ?? 0} ms)`);
      });
      runner.on(EVENT_TEST_PENDING, (test) => {
        tests.push({ title: test.fullTitle(), state: 'pending' });
        print(`${indent()}  - ${test.title}`);
      });
      runner.on(EVENT_TEST_FAIL, (test, error: Error) => {
        const message = error.stack ?? String(error);
        tests.push({ title: test.fullTitle(), state: 'failed', error: message });
        print(`${indent()}  ✘ ${test.title}\n${message.replace(/^/gm, `${indent()}      `)}`);
      });
      runner.once(EVENT_RUN_END, () => {
        const count = (state: string) => tests.filter((t) => t.state === state).length;
        onDone({ passed: count('passed'), failed: count('failed'), pending: count('pending'), tests });
      });
    }
  };
}

export function run(): Promise<void> {
  const resultsFile = process.env.DATSIS_E2E_RESULTS;
  const reporter = makeReporter((result) => {
    console.log(`${SUMMARY_PREFIX}${JSON.stringify({ passed: result.passed, failed: result.failed, pending: result.pending })}`);
    if (resultsFile) writeFileSync(resultsFile, JSON.stringify(result, null, 2));
  });
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: Number(process.env.DATSIS_E2E_TIMEOUT ?? 30_000), reporter });
  const grep = process.env.DATSIS_E2E_GREP;
  if (grep) mocha.grep(grep);
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} end-to-end test(s) failed`)) : resolve()));
  });
}
