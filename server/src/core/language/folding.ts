/**
 * Folding ranges: every block mapping or sequence that spans more than one line (folded from its key or its
 * dash), multi-line block scalars (SQL queries, long descriptions), and runs of two or more comment lines.
 * Flow collections (`[a, b]`) fold only when they span lines. One walk over the nodes, one over the lines.
 */
import { isMap, isPair, isScalar, isSeq, visit, type Node, type Pair } from 'yaml';
import type { ParsedDescriptor } from '../yaml/parse';
import type { FoldingSpan } from './types';

export function foldingRanges(parsed: ParsedDescriptor): FoldingSpan[] {
  const text = parsed.text;
  const result: FoldingSpan[] = [];
  const add = (start: number, end: number): void => {
    const last = lastVisible(text, start, end);
    if (text.lastIndexOf('\n', last - 1) >= start) result.push({ start, end: last, kind: 'region' });
  };
  if (parsed.document) {
    visit(parsed.document, {
      Pair(_, pair: Pair) {
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        if (key?.range && value?.range && foldable(value)) add(key.range[0], value.range[1]);
      },
      Seq(_, seq) {
        for (const item of seq.items) {
          const node = item as Node | null;
          if (node?.range && (isMap(node) || isSeq(node)) && !isPair(node)) add(dashBefore(text, node.range[0]), node.range[1]);
        }
      },
    });
  }
  result.push(...commentBlocks(text));
  return result;
}

function foldable(node: Node): boolean {
  if (isMap(node) || isSeq(node)) return true;
  return isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
}

/** Offset just after the last non-whitespace character of `[start, end)`. */
function lastVisible(text: string, start: number, end: number): number {
  let last = end;
  while (last > start && /\s/.test(text[last - 1]!)) last--;
  return last;
}

/** A sequence item folds from its `- `, which precedes the item's own range on the same line. */
function dashBefore(text: string, itemStart: number): number {
  const lineStart = text.lastIndexOf('\n', itemStart - 1) + 1;
  const dash = text.lastIndexOf('-', itemStart);
  return dash >= lineStart ? dash : itemStart;
}

function commentBlocks(text: string): FoldingSpan[] {
  const blocks: FoldingSpan[] = [];
  let blockStart = -1;
  let blockEnd = -1;
  let lines = 0;
  let offset = 0;
  const flush = (): void => {
    if (lines >= 2) blocks.push({ start: blockStart, end: blockEnd, kind: 'comment' });
    lines = 0;
  };
  while (offset <= text.length) {
    let lineEnd = text.indexOf('\n', offset);
    if (lineEnd < 0) lineEnd = text.length;
    const content = text.slice(offset, lineEnd).trim();
    if (content.startsWith('#')) {
      if (!lines) blockStart = offset + text.slice(offset, lineEnd).indexOf('#');
      blockEnd = offset + text.slice(offset, lineEnd).trimEnd().length;
      lines++;
    } else {
      flush();
    }
    offset = lineEnd + 1;
  }
  flush();
  return blocks;
}
