#!/usr/bin/env node
/**
 * `npm run package`: builds and packages `datsis-<version>.vsix` with @vscode/vsce. The bundles are
 * self-contained, so the package ships no node_modules (`--no-dependencies`); `.vscodeignore` is a whitelist.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = join(root, `datsis-${version}.vsix`);

execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
execFileSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', out],
  { stdio: 'inherit', cwd: root });
console.log(`datsis: packaged ${out} (${(statSync(out).size / 1024).toFixed(0)} KB)`);
