/**
 * Child processes started in their own process group, so that stopping one also stops everything it spawned
 * (code-server forks a file watcher, an extension host and our language server). Every group is remembered and
 * killed on exit, Ctrl+C, SIGTERM and uncaught errors: an aborted test run must not leave a server on a port.
 */
import { spawn } from 'node:child_process';

/** @type {Set<import('node:child_process').ChildProcess>} */
const liveGroups = new Set();
/** @type {Set<() => Promise<void> | void>} */
const cleanups = new Set();

/** Spawns `command` as the leader of a new process group; it is killed with its group on exit. */
export function spawnGroup(command, args, options = {}) {
  const child = spawn(command, args, { ...options, detached: true });
  liveGroups.add(child);
  child.once('exit', () => liveGroups.delete(child));
  return child;
}

function signalGroup(child, signal) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** Resolves once `child` has exited (immediately if it already has). */
export function exited(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** SIGTERM to the group, SIGKILL if it is still there after `graceMs`. */
export async function stopGroup(child, graceMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) {
    signalGroup(child, 'SIGKILL'); // the leader is gone, but its children may not be
    return;
  }
  signalGroup(child, 'SIGTERM');
  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), graceMs);
  });
  const outcome = await Promise.race([exited(child), timedOut]);
  clearTimeout(timer);
  signalGroup(child, 'SIGKILL'); // also reaps grandchildren that outlived the leader
  if (outcome === 'timeout') await exited(child);
}

/** Registers an async cleanup (closing a browser, say) run by `runCleanups` and on signals. */
export function onCleanup(cleanup) {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

let stopping = false;

/** True once cleanup has begun (Ctrl+C, an error, or the end of a run): children exiting then is expected. */
export function isStopping() {
  return stopping;
}

/** Runs the registered cleanups, then kills every live group. Safe to call more than once. */
export async function runCleanups() {
  stopping = true;
  const pending = [...cleanups];
  cleanups.clear();
  await Promise.allSettled(pending.map(async (cleanup) => cleanup()));
  await Promise.allSettled([...liveGroups].map((child) => stopGroup(child, 2000)));
}

/** Kills every live group synchronously: the last resort in a process 'exit' handler. */
function killAllNow() {
  for (const child of liveGroups) signalGroup(child, 'SIGKILL');
}

let handlersInstalled = false;

/** Makes Ctrl+C, SIGTERM and uncaught errors stop every group before the process ends. */
export function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      process.stderr.write(`\n${signal}: stopping child processes...\n`);
      void runCleanups().finally(() => process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1)));
    });
  }
  const fail = (error) => {
    process.stderr.write(`\nUnexpected error: ${error instanceof Error ? error.stack : String(error)}\n`);
    void runCleanups().finally(() => process.exit(1));
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
}
