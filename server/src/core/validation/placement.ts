/**
 * Where a problem is underlined: an unknown key on the key, a bad value on the value, a missing key on the
 * key that names the incomplete mapping (at the top level, on `kind`, which every descriptor has). A list item
 * has no key of its own, so its first key stands in for it. Large values (a whole mapping or list) are marked
 * at their key, not across dozens of lines.
 */
import { isCollection, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { Span, ValuePath } from '../types';
import { locate, spanOfNode } from '../yaml/locate';
import type { Placement } from './problems';

export function spanFor(document: Document.Parsed, path: ValuePath, placement: Placement): Span {
  const located = locate(document, path);
  const found = located.depth === path.length;
  const node = located.node;
  if (placement === 'parent' || !found) return parentSpan(document, path.slice(0, located.depth), located.keySpan, node);
  if (placement === 'key') return located.keySpan ?? located.valueSpan ?? wholeDocument(document);
  if (node === null || node === undefined || isCollection(node)) {
    return located.keySpan ?? headSpan(node) ?? located.valueSpan ?? wholeDocument(document);
  }
  return located.valueSpan ?? located.keySpan ?? wholeDocument(document);
}

function parentSpan(document: Document.Parsed, path: ValuePath, keySpan: Span | undefined, node: Node | null | undefined): Span {
  if (path.length === 0) {
    const root = document.contents;
    if (isMap(root)) {
      const kind = (root.items as Pair[]).find((pair) => isScalar(pair.key) && pair.key.value === 'kind');
      return spanOfNode((kind?.key ?? (root.items[0] as Pair | undefined)?.key) as Node | undefined) ?? wholeDocument(document);
    }
    return wholeDocument(document);
  }
  if (typeof path[path.length - 1] === 'string' && keySpan) return keySpan;
  return headSpan(node) ?? spanOfNode(node) ?? wholeDocument(document);
}

/** The first key of a mapping or the first item of a list: a one-line stand-in for the whole collection. */
function headSpan(node: Node | null | undefined): Span | undefined {
  if (isMap(node)) {
    const first = node.items[0] as Pair | undefined;
    return spanOfNode(first?.key as Node | undefined) ?? spanOfNode(node);
  }
  if (isSeq(node)) {
    const first = node.items[0] as Node | undefined;
    return isCollection(first) ? headSpan(first) : (spanOfNode(first) ?? spanOfNode(node));
  }
  return undefined;
}

function wholeDocument(document: Document.Parsed): Span {
  const range = document.contents?.range;
  return range ? { start: range[0], end: Math.max(range[0], Math.min(range[1], range[0] + 1)) } : { start: 0, end: 0 };
}
