#!/usr/bin/env node
/**
 * Installs the tools the end-to-end tests and `npm start` need, outside the project's own dependencies:
 *
 *  - Node.js 24 (the npm package `node-<platform>-<arch>`), because code-server refuses any other major;
 *  - code-server (real VS Code served to a browser), because desktop VS Code cannot be downloaded here.
 *
 * Both land in `.tools/` (git-ignored; override with DATSIS_TOOLS_DIR), each in a folder named after its
 * version, and are skipped when a marker written after a verified install is present. code-server's postinstall
 * builds native modules with node-gyp; it must see Node 24 first on PATH (the postinstall checks the Node major
 * in npm's user agent) and `npm_config_nodedir` pointing at Node 24's bundled headers, otherwise node-gyp tries to
 * download headers and fails offline.
 *
 * Usage: `node scripts/tools.mjs` installs and prints the paths as JSON; `import { ensureCodeServer }`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const TOOLS_DIR = process.env.DATSIS_TOOLS_DIR ? resolve(process.env.DATSIS_TOOLS_DIR) : join(REPO_ROOT, '.tools');

/** Written last, after verification: its presence (with matching content) is what "installed" means. */
const MARKER = '.datsis-installed.json';

/**
 * Native modules of VS Code's server that code-server's postinstall builds with node-gyp (or takes from a
 * prebuild). Loading them under Node 24 proves the postinstall ran and the binaries match Node 24's ABI; a
 * missing file check alone would accept a prebuild for the wrong ABI.
 */
const VSCODE_NATIVE_MODULES = ['node-pty', '@vscode/spdlog', '@vscode/native-watchdog', '@vscode/sqlite3', 'kerberos', '@parcel/watcher'];

function log(message) {
  process.stderr.write(`[tools] ${message}\n`);
}

function readMarker(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, MARKER), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Runs npm in `cwd`, logging to `logFile`; rejects with the log's tail so a failed install explains itself. */
function runNpm(args, { cwd, env, logFile }) {
  return new Promise((resolvePromise, reject) => {
    const out = createWriteStream(logFile, { flags: 'a' });
    out.write(`\n$ npm ${args.join(' ')}\n`);
    const child = spawn('npm', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.on('error', reject);
    child.on('close', (code) => {
      out.end(() => {
        if (code === 0) return resolvePromise();
        const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
        reject(new Error(`npm ${args.join(' ')} failed with exit code ${code} (full log: ${logFile})\n${tail}`));
      });
    });
  });
}

/** A throw-away package.json so npm installs into this folder, never into the project. */
function writeToolPackageJson(dir, dependencies, allowScripts) {
  mkdirSync(dir, { recursive: true });
  const pkg = { name: 'datsis-tool', private: true, description: 'installed by scripts/tools.mjs', dependencies, allowScripts };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
}

/** @returns {Promise<{ node: string, nodeDir: string }>} the Node 24 binary and its install dir (holds include/node). */
export async function ensureNode24() {
  const pkgName = `node-${process.platform}-${process.arch}`;
  const dir = join(TOOLS_DIR, `node-${NODE_VERSION}`);
  const nodeDir = join(dir, 'node_modules', pkgName);
  const node = join(nodeDir, 'bin', 'node');
  if (readMarker(dir)?.version === NODE_VERSION && existsSync(node)) return { node, nodeDir };

  const started = Date.now();
  log(`installing ${pkgName}@${NODE_VERSION} into ${dir}`);
  rmSync(dir, { recursive: true, force: true });
  writeToolPackageJson(dir, { [pkgName]: NODE_VERSION }, { [pkgName]: true });
  await runNpm(['install', '--no-audit', '--no-fund', '--no-package-lock'], {
    cwd: dir, env: process.env, logFile: join(TOOLS_DIR, 'node-install.log'),
  });
  if (!existsSync(node) || !existsSync(join(nodeDir, 'include', 'node', 'node.h'))) {
    throw new Error(`${pkgName}@${NODE_VERSION} installed but ${node} or its headers are missing`);
  }
  writeFileSync(join(dir, MARKER), JSON.stringify({ version: NODE_VERSION }));
  log(`node ${NODE_VERSION} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { node, nodeDir };
}

/** Throws unless the entry point exists and the postinstall's native modules and extension deps load/exist. */
export function verifyCodeServer(node, packageDir, logFile) {
  const problems = [];
  if (!existsSync(join(packageDir, 'out', 'node', 'entry.js'))) problems.push('out/node/entry.js is missing');
  // The postinstall installs lib/vscode/extensions' dependencies last: their folder proves it got to the end.
  if (!existsSync(join(packageDir, 'lib', 'vscode', 'extensions', 'node_modules'))) problems.push('lib/vscode/extensions/node_modules is missing');
  const load = `for (const m of ${JSON.stringify(VSCODE_NATIVE_MODULES)}) { try { require(m) } catch (e) { console.log(m + ': ' + e.message.split('\\n')[0]) } }`;
  const result = spawnSync(node, ['-e', load], { cwd: join(packageDir, 'lib', 'vscode'), encoding: 'utf8' });
  problems.push(...result.stdout.split('\n').filter(Boolean));
  if (result.status !== 0) problems.push(`loading native modules exited with ${result.status}: ${result.stderr}`);
  if (problems.length > 0) {
    throw new Error(`code-server's postinstall did not complete:\n  ${problems.join('\n  ')}\n(log: ${logFile})`);
  }
}

/**
 * code-server's postinstall compiles native modules (kerberos needs the Kerberos headers); checking first turns
 * a failure minutes into the install into an immediate, actionable message.
 */
function checkBuildPrerequisites() {
  if (process.platform !== 'linux') return;
  const missing = [
    ['make', 'build-essential'], ['g++', 'build-essential'], ['python3', 'python3'], ['pkg-config', 'pkg-config'], ['krb5-config', 'libkrb5-dev'],
  ].filter(([command]) => spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0);
  if (missing.length > 0) {
    const packages = [...new Set(missing.map(([, pkg]) => pkg))].join(' ');
    throw new Error(`code-server's native modules need ${missing.map(([c]) => c).join(', ')}: install them with\n  apt-get install -y ${packages}`);
  }
}

/** @returns {Promise<{ node: string, entry: string }>} Node 24 and code-server's `out/node/entry.js`. */
export async function ensureCodeServer() {
  const { node, nodeDir } = await ensureNode24();
  const dir = join(TOOLS_DIR, `code-server-${CODE_SERVER_VERSION}`);
  const packageDir = join(dir, 'node_modules', 'code-server');
  const entry = join(packageDir, 'out', 'node', 'entry.js');
  const marker = readMarker(dir);
  if (marker?.version === CODE_SERVER_VERSION && marker.node === NODE_VERSION && existsSync(entry)) return { node, entry };

  checkBuildPrerequisites();
  const started = Date.now();
  log(`installing code-server@${CODE_SERVER_VERSION} into ${dir} (takes a few minutes the first time)`);
  rmSync(dir, { recursive: true, force: true });
  writeToolPackageJson(dir, { 'code-server': CODE_SERVER_VERSION }, { 'code-server': true, argon2: true });
  const env = {
    ...process.env,
    // Node 24 first: npm (a `#!/usr/bin/env node` script) then runs on it, and so do the nested installs.
    PATH: `${dirname(node)}:${process.env.PATH ?? ''}`,
    // node-gyp compiles against these headers instead of downloading them (no network here).
    npm_config_nodedir: nodeDir,
    npm_config_update_notifier: 'false',
  };
  const logFile = join(TOOLS_DIR, 'code-server-install.log');
  rmSync(logFile, { force: true });
  await runNpm(['install', '--no-audit', '--no-fund', '--no-package-lock', '--foreground-scripts'], { cwd: dir, env, logFile });

  verifyCodeServer(node, packageDir, logFile);
  writeFileSync(join(dir, MARKER), JSON.stringify({ version: CODE_SERVER_VERSION, node: NODE_VERSION }));
  log(`code-server ${CODE_SERVER_VERSION} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { node, entry };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  ensureCodeServer().then(
    (paths) => process.stdout.write(`${JSON.stringify(paths, null, 2)}\n`),
    (error) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
