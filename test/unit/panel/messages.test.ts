import * as assert from 'node:assert/strict';
import { authorizeWebviewMessage, MAX_URI_LENGTH, parseWebviewMessage, type PanelAuthority } from '../../../client/src/panel/messages';

const CURRENT = 'file:///workspace/sales/pos.odps.yaml';
const OTHER = 'file:///workspace/pricing/prices.odps.yaml';
const authority: PanelAuthority = {
  currentUri: CURRENT,
  gaps: [{ rule: 'D-purpose' }, { rule: 'SEC-classification' }],
  openableUris: new Set([CURRENT, OTHER]),
};

describe('webview messages: shape check', () => {
  it('accepts exactly the four message shapes and returns a fresh copy', () => {
    const fix = { type: 'fix', uri: CURRENT, gap: 1, rule: 'SEC-classification' };
    const parsed = parseWebviewMessage(fix);
    assert.deepEqual(parsed, fix);
    assert.notEqual(parsed, fix);
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'reveal', uri: CURRENT, gap: 0 }), { type: 'reveal', uri: CURRENT, gap: 0 });
    assert.deepEqual(parseWebviewMessage({ type: 'open', uri: OTHER }), { type: 'open', uri: OTHER });
  });

  const hostile: [string, unknown][] = [
    ['null', null],
    ['a string', 'open'],
    ['an array', [{ type: 'ready' }]],
    ['a number', 42],
    ['an unknown type', { type: 'executeCommand', command: 'workbench.action.terminal.new' }],
    ['a type from the prototype chain', { type: 'toString' }],
    ['a type named __proto__', JSON.parse('{"type":"__proto__"}')],
    ['an extra key', { type: 'open', uri: OTHER, command: 'rm -rf /' }],
    ['a missing key', { type: 'fix', uri: CURRENT, gap: 0 }],
    ['an own __proto__ key', JSON.parse(`{"type":"open","uri":"${OTHER}","__proto__":{"polluted":true}}`)],
    ['a non-plain object', Object.assign(Object.create({ inherited: true }) as object, { type: 'ready' })],
    ['a class instance', new (class Ready { type = 'ready'; })()],
    ['a command: URI', { type: 'open', uri: 'command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22ls%22%7D' }],
    ['a javascript: URI', { type: 'open', uri: 'JavaScript:alert(document.domain)' }],
    ['a data: URI', { type: 'open', uri: 'data:text/html,<script>alert(1)</script>' }],
    ['a URI without scheme', { type: 'open', uri: '/etc/passwd' }],
    ['a URI with a newline', { type: 'open', uri: 'file:///a\nb' }],
    ['a URI with a NUL', { type: 'open', uri: 'file:///a\u0000b' }],
    ['an empty URI', { type: 'open', uri: '' }],
    ['a huge URI', { type: 'open', uri: `file:///${'a'.repeat(MAX_URI_LENGTH)}` }],
    ['a URI as an object', { type: 'open', uri: { toString: () => OTHER } }],
    ['a negative gap', { type: 'reveal', uri: CURRENT, gap: -1 }],
    ['a fractional gap', { type: 'reveal', uri: CURRENT, gap: 0.5 }],
    ['a NaN gap', { type: 'reveal', uri: CURRENT, gap: Number.NaN }],
    ['an infinite gap', { type: 'reveal', uri: CURRENT, gap: Number.POSITIVE_INFINITY }],
    ['a gap as a string', { type: 'reveal', uri: CURRENT, gap: '0' }],
    ['an enormous gap', { type: 'reveal', uri: CURRENT, gap: 2 ** 53 }],
    ['a rule with markup', { type: 'fix', uri: CURRENT, gap: 0, rule: '<img src=x onerror=alert(1)>' }],
    ['a rule with spaces', { type: 'fix', uri: CURRENT, gap: 0, rule: 'D purpose' }],
    ['an overlong rule', { type: 'fix', uri: CURRENT, gap: 0, rule: `D-${'x'.repeat(300)}` }],
    ['a getter that throws', Object.defineProperty({ uri: CURRENT }, 'type', { enumerable: true, get() { throw new Error('boom'); } })],
    ['a proxy that throws', new Proxy({}, { getPrototypeOf() { throw new Error('boom'); } })],
  ];
  for (const [what, message] of hostile) {
    it(`refuses ${what}`, () => {
      assert.equal(parseWebviewMessage(message), undefined);
    });
  }

  it('reads a getter only once, so the value checked is the value used', () => {
    let reads = 0;
    const shifty = Object.defineProperty({ type: 'open' }, 'uri', {
      enumerable: true,
      get: () => (reads++ === 0 ? OTHER : 'command:evil'),
    });
    assert.deepEqual(parseWebviewMessage(shifty), { type: 'open', uri: OTHER });
  });
});

describe('webview messages: authorization', () => {
  it('opens only files the panel listed', () => {
    assert.deepEqual(authorizeWebviewMessage({ type: 'open', uri: OTHER }, authority), { kind: 'open', uri: OTHER });
    const outside = authorizeWebviewMessage({ type: 'open', uri: 'file:///home/user/.ssh/id_rsa' }, authority);
    assert.equal(outside.kind, 'refused');
  });

  it('reveals and fixes only gaps of the descriptor on show', () => {
    assert.deepEqual(authorizeWebviewMessage({ type: 'reveal', uri: CURRENT, gap: 1 }, authority), { kind: 'reveal', uri: CURRENT, gap: 1 });
    assert.deepEqual(authorizeWebviewMessage({ type: 'fix', uri: CURRENT, gap: 0, rule: 'D-purpose' }, authority), { kind: 'fix', uri: CURRENT, gap: 0, rule: 'D-purpose' });
    assert.equal(authorizeWebviewMessage({ type: 'fix', uri: OTHER, gap: 0, rule: 'D-purpose' }, authority).kind, 'refused');
    assert.equal(authorizeWebviewMessage({ type: 'reveal', uri: CURRENT, gap: 2 }, authority).kind, 'refused');
    assert.equal(authorizeWebviewMessage({ type: 'reveal', uri: CURRENT, gap: 0 }, { ...authority, currentUri: undefined }).kind, 'refused');
  });

  it('refuses a fix whose rule no longer matches the gap (a click on a stale panel)', () => {
    const stale = authorizeWebviewMessage({ type: 'fix', uri: CURRENT, gap: 0, rule: 'SEC-classification' }, authority);
    assert.deepEqual(stale, { kind: 'refused', reason: 'the gap changed' });
  });

  it('refuses malformed input before looking at the authority', () => {
    assert.deepEqual(authorizeWebviewMessage({ type: 'open', uri: OTHER, extra: 1 }, authority), { kind: 'refused', reason: 'malformed message' });
  });
});
