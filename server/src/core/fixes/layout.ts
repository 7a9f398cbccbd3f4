/**
 * How the author writes YAML: line endings, indentation step, whether sequences are indented under their key,
 * which quotes they prefer. Inserted text follows the document's habits, so a fix looks like the author typed it.
 * Also the few line/column helpers the edit engine needs to place text at line boundaries.
 */
import { isMap, isScalar, isSeq, visit, type Document, type Node } from 'yaml';

export interface YamlStyle {
  /** `\r\n` when the document uses Windows line endings. */
  readonly eol: string;
  /** Spaces per nesting level. */
  readonly indent: number;
  /** True for `key:\n  - item`, false for `key:\n- item`. */
  readonly indentSeq: boolean;
  /** Quote to use when a string needs quotes: true single, false double, null let the library choose. */
  readonly singleQuote: boolean | null;
}

export const DEFAULT_STYLE: YamlStyle = { eol: '\n', indent: 2, indentSeq: true, singleQuote: null };

/** Reads the author's habits from the first nested blocks found; defaults where the document says nothing. */
export function detectStyle(text: string, document: Document.Parsed | undefined): YamlStyle {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let indent: number | undefined;
  let indentSeq: boolean | undefined;
  let singleQuoted = 0;
  let doubleQuoted = 0;
  if (document) {
    visit(document, {
      Pair(_key, pair) {
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        if (!key?.range || !value?.range) return;
        const keyColumn = columnAt(text, key.range[0]);
        if (indent === undefined && isMap(value) && !value.flow && value.items.length) {
          const firstKey = value.items[0]!.key as Node | null;
          if (firstKey?.range) {
            const step = columnAt(text, firstKey.range[0]) - keyColumn;
            if (step > 0) indent = step;
          }
        }
        if (indentSeq === undefined && isSeq(value) && !value.flow && value.items.length) {
          indentSeq = columnAt(text, value.range[0]) > keyColumn;
        }
      },
      Scalar(key, node) {
        if (key === 'key') return;
        if (node.type === 'QUOTE_SINGLE') singleQuoted++;
        else if (node.type === 'QUOTE_DOUBLE') doubleQuoted++;
      },
    });
  }
  const singleQuote = singleQuoted > doubleQuoted ? true : doubleQuoted > singleQuoted ? false : null;
  return { eol, indent: indent ?? DEFAULT_STYLE.indent, indentSeq: indentSeq ?? DEFAULT_STYLE.indentSeq, singleQuote };
}

/** Offset of the first character of the line holding `offset`. */
export function lineStartAt(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function columnAt(text: string, offset: number): number {
  return offset - lineStartAt(text, offset);
}

/**
 * The start of the line after the one holding `offset` (its comment included), or `offset` itself when it is
 * already at a line start. `atEndWithoutNewline` is set when the text ends before a line break was found.
 */
export function nextLineStart(text: string, offset: number): { offset: number; atEndWithoutNewline: boolean } {
  if (offset > 0 && text[offset - 1] === '\n') return { offset, atEndWithoutNewline: false };
  const newline = text.indexOf('\n', offset);
  if (newline < 0) return { offset: text.length, atEndWithoutNewline: true };
  return { offset: newline + 1, atEndWithoutNewline: false };
}

/** True when only spaces precede `offset` on its line (the node starts its line). */
export function startsLine(text: string, offset: number): boolean {
  return /^[ ]*$/.test(text.slice(lineStartAt(text, offset), offset));
}

/**
 * Where the text that belongs to the line at `offset` starts, counting the comment lines directly above it
 * (a comment above a key describes that key, so text inserted before the key goes above its comment).
 */
export function startOfLeadingComments(text: string, offset: number): number {
  let start = lineStartAt(text, offset);
  while (start > 0) {
    const previousStart = lineStartAt(text, start - 1);
    const previousLine = text.slice(previousStart, start).trim();
    if (!previousLine.startsWith('#')) break;
    start = previousStart;
  }
  return start;
}

/** Offset just after the `:` that follows a mapping key ending at `keyEnd`. */
export function colonAfter(text: string, keyEnd: number): number {
  const colon = text.indexOf(':', keyEnd);
  return colon < 0 ? keyEnd : colon + 1;
}

/** The scalar's own source is empty (`key:` with nothing after it, or only a comment). */
export function isEmptyValue(node: Node | null | undefined): boolean {
  if (!node) return true;
  if (isScalar(node)) return node.value === null || (!!node.range && node.range[0] === node.range[1]);
  return false;
}
