#!/usr/bin/env node
/**
 * Regenerates docs/DATSIS.md from the rubric table (server/src/core/datsis/rubric.ts).
 *   node scripts/gen-datsis-docs.mjs           write the file
 *   node scripts/gen-datsis-docs.mjs --check   exit 1 when the committed file is out of date
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'docs', 'DATSIS.md');
const { renderDatsisDoc } = await tsImport('../server/src/core/datsis/docs.ts', import.meta.url);
const generated = renderDatsisDoc();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing counts as out of date
  }
  if (current !== generated) {
    console.error('docs/DATSIS.md is out of date: run `node scripts/gen-datsis-docs.mjs`.');
    process.exit(1);
  }
  console.log('docs/DATSIS.md is up to date.');
} else {
  writeFileSync(target, generated);
  console.log(`datsis: wrote ${target}`);
}
