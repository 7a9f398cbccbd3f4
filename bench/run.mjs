#!/usr/bin/env node
/**
 * `npm run bench`: builds, then runs every benchmark and prints one side-by-side table per benchmark.
 *   node bench/run.mjs [--runs N] [--only lsp,scoring,marketplace]
 * The README quotes the latest tables; benchmarks are not tests and never fail the build.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIZES } from './generate.mjs';
import { runLspBench } from './lsp.bench.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const runs = Number(argument('--runs', '5'));
const only = new Set(argument('--only', 'lsp').split(','));

execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
mkdirSync(join(root, 'bench/output'), { recursive: true });

const ms = (value) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`);
const ratio = (ours, theirs) => (ours > 0 ? `${(theirs / ours).toFixed(theirs / ours >= 10 ? 0 : 1)}×` : '—');

if (only.has('lsp')) {
  console.error(`Language servers, ${runs} fresh runs each (medians):`);
  const rows = await runLspBench({ runs });
  console.log('\n### datsis vs yaml-language-server (medians of %d fresh runs)\n', runs);
  console.log('| size | metric | datsis | yaml-language-server | datsis is faster by |');
  console.log('|---|---|---|---|---|');
  for (const size of [...new Set(rows.map((row) => row.size))]) {
    const ours = rows.find((row) => row.size === size && row.server === 'datsis');
    const theirs = rows.find((row) => row.size === size && row.server === 'yaml-language-server');
    const label = `${size} (${ours.kb.toFixed(0)} KB)`;
    console.log(`| ${label} | open → diagnostics | ${ms(ours.open)} | ${ms(theirs.open)} | ${ratio(ours.open, theirs.open)} |`);
    console.log(`| ${label} | edit → diagnostics | ${ms(ours.edit)} | ${ms(theirs.edit)} | ${ratio(ours.edit, theirs.edit)} |`);
    console.log(`| ${label} | completion | ${ms(ours.completion)} | ${ms(theirs.completion)} | ${ratio(ours.completion, theirs.completion)} |`);
    console.log(`| ${label} | hover | ${ms(ours.hover)} | ${ms(theirs.hover)} | ${ratio(ours.hover, theirs.hover)} |`);
    console.log(`| ${label} | peak RSS | ${ours.rss.toFixed(0)} MB | ${theirs.rss.toFixed(0)} MB | ${(theirs.rss / ours.rss).toFixed(1)}× less |`);
  }
}

if (only.has('scoring')) {
  // What DATSIS scoring adds to diagnostics: the same server with scoring on and off, on the large contracts.
  console.error(`Scoring overhead, ${runs} fresh runs each (medians):`);
  const rows = await runLspBench({ runs, sizes: SIZES.slice(1), servers: ['datsis', 'datsis without scoring'] });
  console.log('\n### What DATSIS scoring adds to diagnostics (medians of %d fresh runs)\n', runs);
  console.log('| size | metric | with scoring | without scoring | scoring adds |');
  console.log('|---|---|---|---|---|');
  for (const size of [...new Set(rows.map((row) => row.size))]) {
    const on = rows.find((row) => row.size === size && row.server === 'datsis');
    const off = rows.find((row) => row.size === size && row.server === 'datsis without scoring');
    for (const [metric, key] of [['open → diagnostics', 'open'], ['edit → diagnostics', 'edit']]) {
      console.log(`| ${size} | ${metric} | ${ms(on[key])} | ${ms(off[key])} | ${(((on[key] - off[key]) / off[key]) * 100).toFixed(0)}% |`);
    }
  }
}

if (only.has('marketplace')) {
  // Marketplace with 2,000 descriptors: server summary, view-model and the webview in Chromium.
  execFileSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'bench/marketplace.bench.ts'), '--runs', String(runs)], { stdio: 'inherit' });
}
