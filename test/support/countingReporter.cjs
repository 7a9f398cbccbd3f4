/**
 * Mocha's spec reporter, plus a JSON line of the run's counts appended to $DATSIS_TEST_STATS, so that
 * `npm test` (scripts/test.mjs) can print one closing "N passed, N failed" line over every suite.
 */
'use strict';
const { appendFileSync } = require('node:fs');
const Mocha = require('mocha');

const { EVENT_RUN_END } = Mocha.Runner.constants;

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const file = process.env.DATSIS_TEST_STATS;
      if (!file) return;
      const { passes, failures, pending } = runner.stats ?? this.stats;
      const suite = process.env.DATSIS_TEST_SUITE ?? 'mocha';
      appendFileSync(file, `${JSON.stringify({ suite, passed: passes, failed: failures, skipped: pending })}\n`);
    });
  }
}

module.exports = CountingReporter;
