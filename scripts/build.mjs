#!/usr/bin/env node
/**
 * Builds every bundle with esbuild: the extension client, the language server, the CLI (and later the webview).
 * One bundler for everything keeps `dist/` self-contained: the .vsix ships no node_modules.
 *   node scripts/build.mjs            production build (minified, with linked source maps)
 *   node scripts/build.mjs --watch    rebuild on change, not minified
 */
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  minify: !watch,
  keepNames: true,
  logLevel: 'warning',
  define: { DATSIS_VERSION: JSON.stringify(version) },
  absWorkingDir: root,
};

/** @type {esbuild.BuildOptions[]} */
const bundles = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const options of bundles) await (await esbuild.context(options)).watch();
  console.log('datsis: watching for changes...');
} else {
  const started = Date.now();
  await Promise.all(bundles.map((options) => esbuild.build(options)));
  console.log(`datsis: built ${bundles.map((b) => b.outfile).join(', ')} in ${Date.now() - started} ms`);
}
