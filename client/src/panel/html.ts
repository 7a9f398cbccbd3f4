/**
 * The HTML shell of every datsis webview. It carries no descriptor data at all (that arrives by postMessage),
 * only our bundled script and stylesheet, under a Content-Security-Policy that allows nothing else: no inline
 * script or handler, no inline style, no fetch, no frame. Pure so the webview tests load the very same page.
 */
import type { PanelView } from './messages';

export interface WebviewShell {
  /** `webview.cspSource`: the origin VS Code serves our local resources from. */
  readonly cspSource: string;
  /** `webview.asWebviewUri(dist/webview/panel.js)` as a string. */
  readonly scriptUri: string;
  readonly styleUri: string;
  /** Fresh per page load, from a CSPRNG (see `createNonce`). */
  readonly nonce: string;
  readonly view: PanelView;
  /** Accessible name of the page. */
  readonly title: string;
}

const NONCE_PATTERN = /^[A-Za-z0-9+/=_-]{16,}$/;

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

export function renderWebviewHtml(shell: WebviewShell): string {
  if (!NONCE_PATTERN.test(shell.nonce)) throw new Error('renderWebviewHtml: the nonce must be at least 16 base64 characters');
  // Every attribute below is double-quoted, so `&<>"` are the characters that need encoding.
  const attr = (value: string): string => value.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(shell.cspSource, shell.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${attr(shell.styleUri)}">
<title>${attr(shell.title)}</title>
</head>
<body data-view="${attr(shell.view)}">
<main id="app" aria-label="${attr(shell.title)}" aria-busy="true"></main>
<script nonce="${attr(shell.nonce)}" src="${attr(shell.scriptUri)}"></script>
</body>
</html>
`;
}
