/**
 * The suite's side of the UI bridge (test/e2e/lib/uiBridge.mjs): asks the launcher, which drives the browser,
 * to click in a webview, read its text or take a screenshot, and waits for the answer file. Only available
 * under the code-server launcher (`DATSIS_E2E_UI_BRIDGE=1`); tests that need it skip elsewhere.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const UI_REQUEST_PREFIX = '[datsis-e2e-ui] '; // same as test/e2e/lib/uiBridge.mjs

export const uiBridgeAvailable = process.env.DATSIS_E2E_UI_BRIDGE === '1';

export type UiRequest =
  | { action: 'screenshot'; name: string; part?: 'sidebar' | 'page' }
  /** Waits for `selector` (with `hasText`), then optionally for `atLeast` matches, or for its text to be / stop being a value. */
  | { action: 'waitFor'; view: string; selector: string; hasText?: string; atLeast?: number; text?: string; notText?: string; timeoutMs?: number }
  | { action: 'texts'; view: string; selector: string }
  | { action: 'click'; view: string; selector: string; hasText?: string };

export function ui<T = unknown>(request: UiRequest, timeoutMs = 40_000): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'datsis-ui-'));
  const reply = join(dir, 'reply.json');
  return new Promise<T>((resolve, reject) => {
    const finish = (done: () => void) => {
      clearTimeout(timer);
      watcher.close();
      rmSync(dir, { recursive: true, force: true });
      done();
    };
    const check = () => {
      if (!existsSync(reply)) return;
      const answer = JSON.parse(readFileSync(reply, 'utf8')) as { ok: boolean; result?: T; error?: string };
      finish(() => (answer.ok ? resolve(answer.result as T) : reject(new Error(`UI ${request.action} failed: ${answer.error}`))));
    };
    // Watch first, then ask: the answer cannot arrive unseen.
    const watcher = watch(dir, check);
    const timer = setTimeout(() => finish(() => reject(new Error(`no answer to UI ${JSON.stringify(request)} within ${timeoutMs} ms`))), timeoutMs);
    console.log(`${UI_REQUEST_PREFIX}${JSON.stringify({ ...request, reply })}`);
    check();
  });
}
