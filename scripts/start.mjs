#!/usr/bin/env node
/**
 * `npm start`: real VS Code in your browser with the current build of the extension on examples/.
 *   - builds (scripts/build.mjs; with --watch, keeps rebuilding on change),
 *   - ensures Node 24 + code-server in .tools/ (scripts/tools.mjs),
 *   - starts code-server on 127.0.0.1:$PORT (default 8080; a free port if that one is taken),
 *   - loads the extension straight from this repository: the profile's extensions folder holds a symlink
 *     `datsis.datsis-<version>` -> repo, so "Developer: Reload Window" picks up a new build without packaging.
 * Stays in the foreground until Ctrl+C, which stops code-server and everything it started.
 * The profile (settings, open editors) is kept in .tools/start-profile/ between runs.
 */
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { existsSync, lstatSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, portInUse, prepareProfile, startCodeServer } from '../test/e2e/lib/codeServer.mjs';
import { exited, installExitHandlers, isStopping, spawnGroup } from '../test/e2e/lib/processes.mjs';
import { ensureCodeServer, TOOLS_DIR } from './tools.mjs';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');

/**
 * Points the profile's extensions folder at this repository. Older links (another version) and VS Code's
 * extensions.json cache entry for datsis are removed, so the folder name and manifest always agree.
 */
function linkExtension(extensionsDir) {
  const { publisher, name, version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  const id = `${publisher}.${name}`;
  for (const entry of readdirSync(extensionsDir).filter((e) => e.startsWith(`${id}-`))) {
    const path = join(extensionsDir, entry);
    // A link is unlinked, never followed: its target is this repository.
    if (lstatSync(path).isSymbolicLink()) unlinkSync(path);
    else rmSync(path, { recursive: true, force: true }); // an installed copy of the .vsix
  }
  const link = join(extensionsDir, `${id}-${version}`);
  symlinkSync(REPO_ROOT, link, 'dir');
  // VS Code only loads extensions its registry lists, and marks any other folder as removed (`.obsolete`):
  // register the link the way `--install-extension` registers a copy, and forget an earlier removal.
  const registry = join(extensionsDir, 'extensions.json');
  const entries = existsSync(registry) ? JSON.parse(readFileSync(registry, 'utf8')) : [];
  const others = entries.filter((e) => e?.identifier?.id?.toLowerCase() !== id.toLowerCase());
  const location = { $mid: 1, fsPath: link, external: pathToFileURL(link).href, path: link, scheme: 'file' };
  others.push({ identifier: { id }, version, location, relativeLocation: `${id}-${version}`, metadata: { installedTimestamp: Date.now(), source: 'vsix' } });
  writeFileSync(registry, JSON.stringify(others));
  const obsolete = join(extensionsDir, '.obsolete');
  if (existsSync(obsolete)) {
    const removed = JSON.parse(readFileSync(obsolete, 'utf8'));
    for (const key of Object.keys(removed)) if (key.toLowerCase().startsWith(`${id.toLowerCase()}-`)) delete removed[key];
    writeFileSync(obsolete, JSON.stringify(removed));
  }
  return { id, version, link };
}

async function choosePort() {
  const wanted = Number(process.env.PORT ?? 8080);
  if (Number.isInteger(wanted) && wanted > 0 && !(await portInUse(wanted))) return wanted;
  const port = await freePort();
  console.log(`Port ${wanted} is taken; using ${port} instead.`);
  return port;
}

async function main() {
  installExitHandlers();
  if (watch) {
    const watcher = spawnGroup(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs'), '--watch'], { stdio: 'inherit', cwd: REPO_ROOT });
    void exited(watcher).then(() => isStopping() || console.error('The build watcher stopped.'));
  } else {
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  const tools = await ensureCodeServer();
  // Kept between runs, and so are settings you change in it.
  const profile = prepareProfile(join(TOOLS_DIR, 'start-profile'), { overwriteSettings: false });
  const { id, version } = linkExtension(profile.extensionsDir);
  const folder = join(REPO_ROOT, 'examples');
  const port = await choosePort();
  const server = await startCodeServer({ tools, profile, folder, port, extraArgs: ['--ignore-last-opened'], echo: true });
  const url = `${server.url}?folder=${encodeURIComponent(folder)}`;
  console.log(
    `\n  VS Code (code-server) with ${id} ${version} from ${REPO_ROOT}\n\n    ${url}\n\n` +
      `  Rebuild${watch ? ' happens on save' : ' with `npm run build`'}, then run "Developer: Reload Window" in VS Code.\n` +
      '  Press Ctrl+C to stop.\n',
  );
  await exited(server.child);
  if (isStopping()) return; // Ctrl+C: the signal handler is stopping everything and sets the exit code
  console.error(`code-server exited with ${server.child.exitCode ?? server.child.signalCode} (log: ${server.logFile}).`);
  process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
