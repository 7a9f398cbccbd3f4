/**
 * Lets the extension-host suite act on the workbench UI it cannot reach itself: the webviews' DOM (click a
 * button, read text) and screenshots. The suite prints a request line (`[datsis-e2e-ui] {...}`) which reaches
 * the launcher through the workbench log; the launcher performs it with Playwright and answers by writing a
 * JSON file the suite waits for (path in the request, under the OS temp folder).
 *
 * Only what a person could do or see in the browser is offered, and screenshots go to test/e2e/output/ only.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const UI_REQUEST_PREFIX = '[datsis-e2e-ui] ';
export const DEFAULT_OUTPUT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'output');
const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * The frame of the datsis webview showing `view` (`score`, `marketplace`, `lineage`): our page marks its
 * <body> with `data-view`. VS Code nests it two iframes deep and may recreate it, so it is looked up each time.
 */
async function webviewFrame(page, view, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      const found = await frame.evaluate((wanted) => document.body?.dataset?.view === wanted, view).catch(() => false);
      if (found) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no datsis webview showing "${view}" (is the view open?)`);
    // No event tells when VS Code has attached a webview frame; wait for the next frame to attach, with a cap.
    await page.waitForEvent('frameattached', { timeout: 500 }).catch(() => {});
  }
}

async function perform(page, request, outputDir) {
  const timeout = Number(request.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  switch (request.action) {
    case 'screenshot': {
      if (!/^[\w-]+$/.test(String(request.name))) throw new Error(`bad screenshot name ${request.name}`);
      const path = join(outputDir, `${request.name}.png`);
      const target = request.part === 'sidebar' ? page.locator('.part.sidebar') : page;
      await target.screenshot({ path, timeout });
      return path;
    }
    case 'waitFor': {
      const frame = await webviewFrame(page, request.view, timeout);
      const locator = frame.locator(request.selector, request.hasText ? { hasText: request.hasText } : undefined).first();
      await locator.waitFor({ timeout });
      if (request.atLeast !== undefined) {
        await frame.waitForFunction(({ selector, atLeast }) => document.querySelectorAll(selector).length >= atLeast, { selector: request.selector, atLeast: request.atLeast }, { timeout });
      }
      if (request.text !== undefined || request.notText !== undefined) {
        await frame.waitForFunction(({ selector, text, notText }) => {
          const content = document.querySelector(selector)?.textContent ?? null;
          return content !== null && (text === undefined || content === text) && (notText === undefined || content !== notText);
        }, { selector: request.selector, text: request.text, notText: request.notText }, { timeout });
      }
      return locator.textContent();
    }
    case 'texts': {
      const frame = await webviewFrame(page, request.view, timeout);
      return frame.locator(request.selector).allTextContents();
    }
    case 'click': {
      const frame = await webviewFrame(page, request.view, timeout);
      await frame.locator(request.selector, request.hasText ? { hasText: request.hasText } : undefined).first().click({ timeout });
      return true;
    }
    default:
      throw new Error(`unknown UI action ${request.action}`);
  }
}

function reply(path, body) {
  const target = resolve(path);
  if (!target.startsWith(resolve(tmpdir()) + sep)) return; // answers go to the suite's temp folder only
  // Written whole, then renamed: the suite never reads half a file.
  writeFileSync(`${target}.tmp`, JSON.stringify(body));
  renameSync(`${target}.tmp`, target);
}

/** @param {import('playwright-core').Page} page */
export function createUiBridge(page, { outputDir = DEFAULT_OUTPUT_DIR } = {}) {
  return {
    /** Handles the line if it is a UI request (returns true), else leaves it to the caller. */
    handle(line) {
      const at = line.indexOf(UI_REQUEST_PREFIX);
      if (at < 0) return false;
      let request;
      try {
        request = JSON.parse(line.slice(at + UI_REQUEST_PREFIX.length));
      } catch {
        return false;
      }
      perform(page, request, outputDir).then(
        (result) => reply(request.reply, { ok: true, result }),
        (error) => reply(request.reply, { ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
      return true;
    },
  };
}
