import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, renderWebviewHtml } from '../../../client/src/panel/html';

const SHELL = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/panel.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/panel.css',
  nonce: 'c2VjcmV0LW5vbmNlLTEyMzQ1Ng==',
  view: 'score' as const,
  title: 'DATSIS score',
};

describe('webview shell', () => {
  it('allows only the nonce\'d script and our own styles and images', () => {
    assert.equal(contentSecurityPolicy(SHELL.cspSource, SHELL.nonce),
      `default-src 'none'; script-src 'nonce-${SHELL.nonce}'; style-src ${SHELL.cspSource}; img-src ${SHELL.cspSource} data:`);
  });

  it('has exactly one script, carrying the nonce, and no inline code or handlers', () => {
    const html = renderWebviewHtml(SHELL);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    assert.deepEqual(scripts, [`<script nonce="${SHELL.nonce}" src="${SHELL.scriptUri}">`]);
    assert.match(html, /<script [^>]*><\/script>/, 'the script element must be empty');
    assert.doesNotMatch(html, /\son[a-z]+=/i);
    assert.doesNotMatch(html, /<style|style=/i);
    assert.ok(html.includes(`content="default-src 'none'; script-src 'nonce-${SHELL.nonce}';`), 'the CSP meta tag');
  });

  it('refuses a weak nonce', () => {
    assert.throws(() => renderWebviewHtml({ ...SHELL, nonce: 'abc' }), /nonce/);
    assert.throws(() => renderWebviewHtml({ ...SHELL, nonce: `"><script>alert(1)</script>${'a'.repeat(16)}` }), /nonce/);
  });

  it('escapes what it writes into attributes', () => {
    const html = renderWebviewHtml({ ...SHELL, title: 'a"><script>alert(1)</script>' });
    assert.ok(!html.includes('<script>alert(1)'));
    assert.ok(html.includes('a&#34;&#62;&#60;script&#62;'));
  });
});
