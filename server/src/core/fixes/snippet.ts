/**
 * Snippet placeholders inside fix values. Fix authors write `${1:text}` (or `${1}`) in string values; the edit
 * engine renders the YAML with the plain text (so quoting is decided on what the user will actually see),
 * remembers where each placeholder's text landed, and only at the very end turns those spots back into LSP
 * snippet syntax, or leaves the plain text for clients (and the CLI) that do not take snippets.
 */
import type { FixValue } from './types';

/** A piece of a fix string: literal text, or a placeholder with its default text. */
export type SnippetSegment =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'placeholder'; readonly id: number; readonly text: string };

const PLACEHOLDER_START = /\$\{(\d+)(:|\})/g;

/**
 * Splits a fix string into literal text and placeholders. Inside a placeholder's text, `\}`, `\$` and `\\`
 * stand for themselves (as in the LSP snippet grammar); an unterminated `${` is kept as literal text.
 */
export function parseSnippetString(value: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let literalStart = 0;
  PLACEHOLDER_START.lastIndex = 0;
  for (let match = PLACEHOLDER_START.exec(value); match; match = PLACEHOLDER_START.exec(value)) {
    const id = Number(match[1]);
    let text = '';
    let end = match.index + match[0].length;
    if (match[2] === ':') {
      let closed = false;
      while (end < value.length) {
        const char = value[end]!;
        if (char === '\\' && end + 1 < value.length && '$}\\'.includes(value[end + 1]!)) {
          text += value[end + 1];
          end += 2;
        } else if (char === '}') {
          closed = true;
          end++;
          break;
        } else {
          text += char;
          end++;
        }
      }
      if (!closed) continue; // not a placeholder after all: stays literal
    }
    if (match.index > literalStart) segments.push({ kind: 'literal', text: value.slice(literalStart, match.index) });
    segments.push({ kind: 'placeholder', id, text });
    literalStart = end;
    PLACEHOLDER_START.lastIndex = end;
  }
  if (literalStart < value.length) segments.push({ kind: 'literal', text: value.slice(literalStart) });
  return segments;
}

/** The text a user sees when the placeholders are left as they are. */
export function plainText(value: string): string {
  return parseSnippetString(value).map((segment) => segment.text).join('');
}

/** Where a placeholder's default text sits inside a plain string. */
export interface PlaceholderSpot {
  readonly id: number;
  /** Offset of the placeholder text inside the plain string. */
  readonly offset: number;
  readonly length: number;
}

/** A leaf of a fix value in document order, with the placeholders its plain text holds. */
export interface LeafPlaceholders {
  readonly plain: string;
  readonly spots: readonly PlaceholderSpot[];
}

export interface StrippedValue {
  /** The value with every placeholder replaced by its default text. */
  readonly plain: FixValue;
  /** One entry per scalar leaf (in rendering order: keys of a mapping in order, items in order). */
  readonly leaves: readonly (LeafPlaceholders | undefined)[];
}

/** Removes the snippet syntax from every string of `value`, remembering where the placeholders were. */
export function stripPlaceholders(value: FixValue): StrippedValue {
  const leaves: (LeafPlaceholders | undefined)[] = [];
  const strip = (current: FixValue): FixValue => {
    if (Array.isArray(current)) return current.map(strip);
    if (current !== null && typeof current === 'object') {
      const result: { [key: string]: FixValue } = {};
      for (const [key, item] of Object.entries(current)) result[key] = strip(item);
      return result;
    }
    if (typeof current !== 'string') {
      leaves.push(undefined);
      return current;
    }
    const segments = parseSnippetString(current);
    let plain = '';
    const spots: PlaceholderSpot[] = [];
    for (const segment of segments) {
      if (segment.kind === 'placeholder') spots.push({ id: segment.id, offset: plain.length, length: segment.text.length });
      plain += segment.text;
    }
    leaves.push(spots.length ? { plain, spots } : undefined);
    return plain;
  };
  const plain = strip(value);
  return { plain, leaves };
}

/** True when a fix value holds at least one placeholder anywhere. */
export function hasPlaceholders(value: FixValue): boolean {
  return stripPlaceholders(value).leaves.some((leaf) => leaf !== undefined);
}

/** Escapes literal text for a snippet: `$`, `}` and `\` would otherwise be read as snippet syntax. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[$}\\]/g, (char) => `\\${char}`);
}
