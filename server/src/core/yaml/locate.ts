/**
 * The "located model": answers "where in the text is the value at this path?" and "which path is at this offset?".
 * Validation, rules, hover and go-to-definition all speak in value paths; this module maps them to spans.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { Span, ValuePath } from '../types';

export interface LocatedNode {
  /** The value node at the path (undefined when the path ends at a key with an empty value). */
  readonly node: Node | null | undefined;
  /** The key of the pair holding the value, for map entries. */
  readonly keySpan: Span | undefined;
  /** The value's span; for an empty value, the empty span right after the key. */
  readonly valueSpan: Span | undefined;
  /** How much of the requested path exists: equal to the path length when found. */
  readonly depth: number;
}

export function spanOfNode(node: Node | null | undefined): Span | undefined {
  if (!node || !node.range) return undefined;
  return { start: node.range[0], end: node.range[1] };
}

/** Walks `path` through maps and sequences; stops at the deepest node that exists. */
export function locate(document: Document.Parsed | undefined, path: ValuePath): LocatedNode {
  let node: Node | null | undefined = document?.contents ?? undefined;
  let keySpan: Span | undefined;
  let depth = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = findPair(node.items as Pair[], segment);
      if (!pair) break;
      keySpan = spanOfNode(pair.key as Node);
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      node = node.items[segment] as Node;
      keySpan = undefined;
    } else {
      break;
    }
    depth++;
  }
  let valueSpan = spanOfNode(node);
  if (!valueSpan && keySpan) valueSpan = { start: keySpan.end, end: keySpan.end };
  return { node, keySpan, valueSpan, depth };
}

function findPair(items: Pair[], key: string | number): Pair | undefined {
  // The last matching pair wins, as in the parsed value; duplicates are reported separately.
  for (let i = items.length - 1; i >= 0; i--) {
    const candidate = items[i];
    if (isPair(candidate) && isScalar(candidate.key) && String(candidate.key.value) === String(key)) return candidate;
  }
  return undefined;
}

export interface PathAtOffset {
  /** Path of the innermost node containing the offset. */
  readonly path: (string | number)[];
  /** True when the offset is on a key rather than inside a value. */
  readonly onKey: boolean;
  readonly node: Node | null | undefined;
}

/** The innermost value path containing `offset`. Used by hover, completion and definition. */
export function pathAtOffset(document: Document.Parsed | undefined, offset: number): PathAtOffset {
  const path: (string | number)[] = [];
  let node: Node | null | undefined = document?.contents ?? undefined;
  for (;;) {
    if (isMap(node)) {
      const pair = (node.items as Pair[]).find((item) => pairContains(item, offset));
      if (!pair) return { path, onKey: false, node };
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      path.push(key);
      const keyRange = (pair.key as Node | null)?.range;
      if (keyRange && offset >= keyRange[0] && offset <= keyRange[1]) return { path, onKey: true, node: pair.value as Node };
      node = pair.value as Node | null;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => contains(item as Node, offset));
      if (index < 0) return { path, onKey: false, node };
      path.push(index);
      node = node.items[index] as Node;
    } else {
      return { path, onKey: false, node };
    }
  }
}

function contains(node: Node | null | undefined, offset: number): boolean {
  return !!node?.range && offset >= node.range[0] && offset <= node.range[1];
}

function pairContains(pair: Pair, offset: number): boolean {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  const start = key?.range?.[0] ?? value?.range?.[0];
  const end = value?.range?.[1] ?? key?.range?.[1];
  return start !== undefined && end !== undefined && offset >= start && offset <= end;
}
