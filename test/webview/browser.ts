/**
 * Loads the built webview bundle (`dist/webview/panel.js` + `.css`) in headless Chromium, in the very page the
 * extension serves (`renderWebviewHtml`, same Content-Security-Policy), under a made-up origin standing in for
 * VS Code's webview origin. A fake `acquireVsCodeApi` records what the page posts; a `securitypolicyviolation`
 * listener and a request log record anything that tried to run or load. Requests anywhere else are refused.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderWebviewHtml } from '../../client/src/panel/html';
import type { PanelView, ToWebviewMessage, WebviewMessage } from '../../client/src/panel/messages';

const ROOT = join(__dirname, '..', '..');
const ORIGIN = 'https://datsis-webview.test';
const BUNDLE = join(ROOT, 'dist', 'webview');

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(join(BUNDLE, 'panel.js'))) {
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('webview tests: the build failed');
  }
  return chromium.launch({ executablePath: process.env.DATSIS_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

export interface PanelPage {
  readonly page: Page;
  /** Delivers a message as the extension would, and resolves once the page has handled it. */
  send(message: ToWebviewMessage): Promise<void>;
  /** Everything the page posted to the extension so far. */
  posted(): Promise<WebviewMessage[]>;
  /** CSP violations the page reported (anything that tried to run or load and was blocked). */
  violations(): Promise<string[]>;
  /** Requests the page made besides the page itself and the bundle (an `<img src=x>` would show up here). */
  readonly unexpectedRequests: string[];
  /** The state the page saved with `setState`. */
  state(): Promise<unknown>;
  /** Reloads the page (the saved state survives, as in VS Code) and waits for it to be ready again. */
  reload(): Promise<void>;
  /** True if any payload managed to run (they all set `window.__pwned`). */
  pwned(): Promise<boolean>;
  close(): Promise<void>;
}

export interface PanelPageOptions {
  readonly width?: number;
  readonly theme?: 'vscode-light' | 'vscode-dark' | 'vscode-high-contrast';
}

/** Theme variables as VS Code would inject them (a few that the stylesheet uses), so screenshots and contrast are realistic. */
const THEMES: Record<NonNullable<PanelPageOptions['theme']>, Record<string, string>> = {
  'vscode-light': { foreground: '#3b3b3b', 'sideBar-background': '#f8f8f8', 'button-background': '#005fb8', 'button-foreground': '#ffffff', descriptionForeground: '#717171', focusBorder: '#005fb8', errorForeground: '#f85149' },
  'vscode-dark': { foreground: '#cccccc', 'sideBar-background': '#181818', 'button-background': '#0078d4', 'button-foreground': '#ffffff', descriptionForeground: '#9d9d9d', focusBorder: '#0078d4', errorForeground: '#f85149' },
  'vscode-high-contrast': { foreground: '#ffffff', 'sideBar-background': '#000000', 'button-background': '#000000', 'button-foreground': '#ffffff', descriptionForeground: '#ffffff', focusBorder: '#f38518', contrastBorder: '#6fc3df', errorForeground: '#f48771' },
};

export async function openPanel(browser: Browser, view: PanelView, options: PanelPageOptions = {}): Promise<PanelPage> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 320, height: 700 } });
  const page = await context.newPage();
  const unexpectedRequests: string[] = [];
  const nonce = randomBytes(16).toString('base64');
  const html = renderWebviewHtml({
    cspSource: ORIGIN, scriptUri: `${ORIGIN}/dist/webview/panel.js`, styleUri: `${ORIGIN}/dist/webview/panel.css`, nonce, view, title: `DATSIS ${view}`,
  });
  const files: Record<string, { body: Buffer | string; contentType: string }> = {
    [`${ORIGIN}/index.html`]: { body: html, contentType: 'text/html' },
    [`${ORIGIN}/dist/webview/panel.js`]: { body: readFileSync(join(BUNDLE, 'panel.js')), contentType: 'text/javascript' },
    [`${ORIGIN}/dist/webview/panel.css`]: { body: readFileSync(join(BUNDLE, 'panel.css')), contentType: 'text/css' },
  };
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    const file = files[url];
    if (file) return route.fulfill({ status: 200, body: file.body, contentType: file.contentType });
    unexpectedRequests.push(url);
    return route.abort();
  });
  const theme = options.theme ?? 'vscode-dark';
  // A string, not a function: tsx would wrap named functions in a `__name` helper the page does not have.
  await page.addInitScript(`(() => {
    window.__posted = [];
    window.__violations = [];
    // Like VS Code, the view state survives reloads of the page (here: in the tab's session storage).
    window.acquireVsCodeApi = () => ({
      postMessage: (message) => window.__posted.push(JSON.parse(JSON.stringify(message))),
      getState: () => JSON.parse(sessionStorage.getItem('vscode-state') ?? 'null') ?? undefined,
      setState: (state) => sessionStorage.setItem('vscode-state', JSON.stringify(state)),
    });
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__violations.push(event.violatedDirective + ' ' + event.blockedURI + ' ' + event.sample);
    });
    // VS Code sets the theme class on <body> and the colour variables on <html>; done here through the CSSOM,
    // which the page's CSP permits (it only forbids style attributes and inline <style>).
    document.addEventListener('DOMContentLoaded', () => {
      document.body.classList.add(${JSON.stringify(theme)});
      for (const [name, value] of ${JSON.stringify(Object.entries(THEMES[theme]))}) document.documentElement.style.setProperty('--vscode-' + name, value);
    });
  })();`);
  await page.goto(`${ORIGIN}/index.html`);
  await waitForReady(page);

  return {
    page,
    unexpectedRequests,
    send: (message) => page.evaluate((data) => new Promise<void>((resolve) => {
      // Registered after the page's own listener, so it runs once the page has handled the message.
      window.addEventListener('message', () => resolve(), { once: true });
      window.postMessage(data, '*');
    }), message as unknown as Record<string, unknown>),
    posted: () => page.evaluate(() => (window as unknown as { __posted: WebviewMessage[] }).__posted),
    state: () => page.evaluate(() => JSON.parse(sessionStorage.getItem('vscode-state') ?? 'null') as unknown),
    reload: async () => {
      await page.reload();
      await waitForReady(page);
    },
    violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
    pwned: () => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned !== undefined),
    close: () => context.close(),
  };
}

function waitForReady(page: Page): Promise<unknown> {
  return page.waitForFunction(() => ((window as unknown as { __posted: { type: string }[] }).__posted).some((message) => message.type === 'ready'));
}
