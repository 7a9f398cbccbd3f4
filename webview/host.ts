/**
 * The webview's side of the conversation with the extension. `acquireVsCodeApi` may be called once per page,
 * so it is wrapped here and everything else imports `post` and `saveState`/`loadState`.
 */
import type { ToWebviewMessage, WebviewMessage } from '../client/src/panel/messages';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function post(message: WebviewMessage): void {
  api.postMessage(message);
}

/** View state VS Code keeps while the view is hidden (filter text, scroll), merged per key. */
export function saveState(patch: Record<string, unknown>): void {
  const current = api.getState();
  api.setState({ ...(isRecord(current) ? current : {}), ...patch });
}

export function loadState(): Record<string, unknown> {
  const state = api.getState();
  return isRecord(state) ? state : {};
}

/**
 * Incoming messages come from our extension, but are still checked for the envelope before use: a page must
 * not crash on an unexpected message, and the payload only ever reaches the DOM as text.
 */
export function onHostMessage(handler: (message: ToWebviewMessage) => void): void {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data;
    if (isRecord(data) && typeof data.type === 'string') handler(data as unknown as ToWebviewMessage);
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
