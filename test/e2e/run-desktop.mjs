#!/usr/bin/env node
/**
 * `npm run test:desktop`: the same extension-host suite as `npm run test:e2e`, in a desktop VS Code you already
 * have, through @vscode/test-electron. Nothing is downloaded: point VSCODE_EXECUTABLE at the `code` binary
 * (Linux: /usr/share/code/code, macOS: /Applications/Visual Studio Code.app/Contents/MacOS/Electron,
 * Windows: ...\Code.exe). One suite, two launchers: this one and test/e2e/run.mjs (code-server + Chromium).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildSuite, REPO_ROOT, SUITE_INDEX } from './lib/buildSuite.mjs';
import { prepareProfile } from './lib/codeServer.mjs';

const executable = process.env.VSCODE_EXECUTABLE;
if (!executable) {
  console.error(
    'VSCODE_EXECUTABLE is not set. Point it at your desktop VS Code binary, for example\n' +
      '  VSCODE_EXECUTABLE=/usr/share/code/code npm run test:desktop\n' +
      '  VSCODE_EXECUTABLE="/Applications/Visual Studio Code.app/Contents/MacOS/Electron" npm run test:desktop\n' +
      'Without desktop VS Code, run `npm run test:e2e` (code-server + Chromium, installed on demand).',
  );
  process.exit(2);
}
if (!existsSync(executable)) {
  console.error(`VSCODE_EXECUTABLE=${executable} does not exist.`);
  process.exit(2);
}

execFileSync(process.execPath, [join(REPO_ROOT, 'scripts', 'build.mjs')], { cwd: REPO_ROOT, stdio: 'inherit' });
await buildSuite();

const root = mkdtempSync(join(tmpdir(), 'datsis-e2e-desktop-'));
const profile = prepareProfile(root);
const resultsFile = join(root, 'results.json');
let exitCode = 1;
try {
  await runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: SUITE_INDEX,
    extensionTestsEnv: { DATSIS_E2E_RESULTS: resultsFile },
    launchArgs: [
      join(REPO_ROOT, 'examples'),
      '--disable-extensions', // other installed extensions stay out; the development extension still loads
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir', profile.userDataDir,
      '--extensions-dir', profile.extensionsDir,
    ],
  });
  exitCode = 0;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  const result = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : undefined;
  if (result) console.log(`${result.passed} passed, ${result.failed} failed`);
  else console.log(`0 passed, 1 failed (VS Code exited without the suite reporting results)`);
  if (!result || result.failed > 0) exitCode = 1;
  rmSync(root, { recursive: true, force: true });
}
process.exit(exitCode);
