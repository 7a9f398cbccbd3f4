/**
 * Bundles the extension-host suite (test/e2e/suite/index.ts and every *.test.ts) into plain CommonJS under
 * dist-test/e2e/, because VS Code loads `extensionTestsPath` with require() and cannot compile TypeScript.
 * mocha is bundled in: it is ESM-first since v12 and the desktop launcher's Electron may not require() ESM.
 * `vscode` stays external: the extension host provides it.
 */
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const SUITE_SOURCE_DIR = join(REPO_ROOT, 'test', 'e2e', 'suite');
export const SUITE_OUT_DIR = join(REPO_ROOT, 'dist-test', 'e2e');
export const SUITE_INDEX = join(SUITE_OUT_DIR, 'index.js');

/** @returns {Promise<{ index: string, testFiles: string[], ms: number }>} */
export async function buildSuite() {
  const started = Date.now();
  const testFiles = readdirSync(SUITE_SOURCE_DIR).filter((name) => name.endsWith('.test.ts')).sort();
  // Only stale test bundles are removed, not the folder: another run may be loading it right now.
  if (existsSync(SUITE_OUT_DIR)) {
    const current = new Set(testFiles.map((name) => name.replace(/\.ts$/, '.js')));
    for (const name of readdirSync(SUITE_OUT_DIR)) if (name.endsWith('.test.js') && !current.has(name)) rmSync(join(SUITE_OUT_DIR, name));
  }
  await esbuild.build({
    absWorkingDir: REPO_ROOT,
    entryPoints: [join(SUITE_SOURCE_DIR, 'index.ts'), ...testFiles.map((name) => join(SUITE_SOURCE_DIR, name))],
    outdir: SUITE_OUT_DIR,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
    // mocha's parallel mode (never used here) resolves worker files at run time; the bundle does not need them.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return { index: SUITE_INDEX, testFiles: testFiles.map((name) => name.replace(/\.ts$/, '.js')), ms: Date.now() - started };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { index, testFiles, ms } = await buildSuite();
  console.log(`built ${index} and ${testFiles.length} test file(s) in ${ms} ms`);
}
