/**
 * Every message between the extension and its webviews, and the gate every webview message passes on arrival.
 * A webview renders descriptor text written by anyone, so it is treated like a browser tab talking to a
 * server: its messages are untrusted JSON. `parseWebviewMessage` accepts only the exact shapes below (no
 * extra keys, bounded strings and numbers), and `authorizeWebviewMessage` lets a well-formed message act only
 * on what the panel is showing right now: a gap of the current descriptor, or a file from the workspace summary.
 * Pure (no `vscode` import) so both checks are unit-tested with hostile input.
 */
import type { ScoreInput, ProductView } from '../../../server/src/core/marketplace/scoreView';
import type { WorkspaceSummary } from '../../../server/src/core/marketplace/types';

/** Which of our webviews a page is; set by the extension in the page's `data-view` attribute. */
export type PanelView = 'score' | 'marketplace' | 'lineage';

/** What the score panel shows for the active descriptor. Gaps travel without ranges: the extension keeps those. */
export interface ScorePanelData {
  readonly uri: string;
  readonly fileName: string;
  readonly kind: 'DataProduct' | 'DataContract' | undefined;
  readonly title: string;
  readonly score: ScoreInput;
  /**
   * Per gap index: the title of the quick fix the panel's "Fix" applies, or null when the gap has none.
   * Undefined hides every Fix button (while fixes are unknown).
   */
  readonly fixes: readonly (string | null)[] | undefined;
  readonly product: ProductView | undefined;
}

/** Extension -> webview. */
export type ToWebviewMessage =
  | { readonly type: 'score'; readonly data: ScorePanelData }
  | { readonly type: 'noScore'; readonly reason: string }
  | { readonly type: 'catalog'; readonly summary: WorkspaceSummary }
  | { readonly type: 'catalogError'; readonly message: string }
  /** A Fix could not be applied; shown next to the gap instead of a modal. */
  | { readonly type: 'notice'; readonly message: string };

/** Webview -> extension: the only requests a webview can make. */
export type WebviewMessage =
  | { readonly type: 'ready' }
  /** Reveal gap number `gap` of the descriptor `uri` (which must be the one on show). */
  | { readonly type: 'reveal'; readonly uri: string; readonly gap: number }
  /** Apply the quick fix for gap number `gap`; `rule` must still match, so a stale click never fixes another gap. */
  | { readonly type: 'fix'; readonly uri: string; readonly gap: number; readonly rule: string }
  /** Open a file that the panel listed. */
  | { readonly type: 'open'; readonly uri: string };

export const MAX_URI_LENGTH = 4096;
export const MAX_RULE_LENGTH = 200;
/** More gaps than this in one descriptor is not a real score; a larger index is refused outright. */
export const MAX_GAP_INDEX = 100_000;

const SHAPES: Record<WebviewMessage['type'], readonly string[]> = {
  ready: ['type'],
  reveal: ['type', 'uri', 'gap'],
  fix: ['type', 'uri', 'gap', 'rule'],
  open: ['type', 'uri'],
};

/** A URI as the extension produces them: a scheme, then no whitespace or control characters. */
const URI_PATTERN = /^[a-z][a-z0-9+.-]*:[^\s\u0000-\u001f\u007f]*$/i;
const RULE_PATTERN = /^[A-Za-z0-9][\w./:-]*$/;
/** Schemes that run or embed something rather than name a document; refused even before authorization. */
const ACTIVE_SCHEMES = new Set(['command', 'javascript', 'vbscript', 'data', 'blob']);

/**
 * The message if it has exactly one of the allowed shapes, else undefined. Never throws, whatever `raw` is
 * (getters that throw, proxies), and returns a fresh object built from values read once, so nothing the
 * sender controls can change after the check.
 */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  try {
    return readMessage(raw);
  } catch {
    return undefined;
  }
}

function readMessage(raw: unknown): WebviewMessage | undefined {
  if (!isPlainRecord(raw)) return undefined;
  const keys = Object.keys(raw);
  const type: unknown = raw.type;
  if (typeof type !== 'string' || !Object.hasOwn(SHAPES, type)) return undefined;
  const expected = SHAPES[type as WebviewMessage['type']];
  if (keys.length !== expected.length || !keys.every((key) => expected.includes(key))) return undefined;
  if (type === 'ready') return { type };
  const uri: unknown = raw.uri;
  if (!isUri(uri)) return undefined;
  if (type === 'open') return { type, uri };
  const gap: unknown = raw.gap;
  if (!isGapIndex(gap)) return undefined;
  if (type === 'reveal') return { type, uri, gap };
  const rule: unknown = raw.rule;
  if (!(typeof rule === 'string' && rule.length <= MAX_RULE_LENGTH && RULE_PATTERN.test(rule))) return undefined;
  return { type: 'fix', uri, gap, rule };
}

/** What a panel currently shows; the only things its messages may act on. */
export interface PanelAuthority {
  /** The descriptor on show in the score panel; undefined in the other views. */
  readonly currentUri: string | undefined;
  /** The gaps of that descriptor, by index. */
  readonly gaps: readonly { readonly rule: string }[];
  /** Files the panel listed and may open. */
  readonly openableUris: ReadonlySet<string>;
}

export type AuthorizedAction =
  | { readonly kind: 'ready' }
  | { readonly kind: 'reveal'; readonly uri: string; readonly gap: number }
  | { readonly kind: 'fix'; readonly uri: string; readonly gap: number; readonly rule: string }
  | { readonly kind: 'open'; readonly uri: string }
  | { readonly kind: 'refused'; readonly reason: string };

/** Parses and authorizes in one step: the result is either an action on something on show, or a refusal. */
export function authorizeWebviewMessage(raw: unknown, authority: PanelAuthority): AuthorizedAction {
  const message = parseWebviewMessage(raw);
  if (!message) return { kind: 'refused', reason: 'malformed message' };
  switch (message.type) {
    case 'ready':
      return { kind: 'ready' };
    case 'open':
      return authority.openableUris.has(message.uri) ? { kind: 'open', uri: message.uri } : { kind: 'refused', reason: 'not a file the panel listed' };
    case 'reveal':
    case 'fix': {
      if (authority.currentUri === undefined || message.uri !== authority.currentUri) return { kind: 'refused', reason: 'not the descriptor on show' };
      const gap = authority.gaps[message.gap];
      if (!gap) return { kind: 'refused', reason: 'no such gap' };
      if (message.type === 'reveal') return { kind: 'reveal', uri: message.uri, gap: message.gap };
      return gap.rule === message.rule ? { kind: 'fix', uri: message.uri, gap: message.gap, rule: message.rule } : { kind: 'refused', reason: 'the gap changed' };
    }
  }
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function isUri(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_URI_LENGTH || !URI_PATTERN.test(value)) return false;
  return !ACTIVE_SCHEMES.has(value.slice(0, value.indexOf(':')).toLowerCase());
}

function isGapIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_GAP_INDEX;
}
