/**
 * Walks a value path through the parsed document keeping what the edit engine needs at each step: the node, the
 * pair that holds it (for keys and colons) and the collection it sits in (for flow vs block decisions).
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ValuePath } from '../types';

export interface PathTarget {
  /** How many segments of the path exist; equal to the path length when the whole path was found. */
  readonly depth: number;
  /** The node at `depth` (null for an empty value; undefined for an empty document). */
  readonly node: Node | null | undefined;
  /** The mapping pair whose value is `node`, when `node` sits in a mapping. */
  readonly pair: Pair | undefined;
  /** The collection holding `node` (undefined at the document root). */
  readonly container: YAMLMap | YAMLSeq | undefined;
}

export function resolvePath(document: Document.Parsed | undefined, path: ValuePath): PathTarget {
  let node: Node | null | undefined = (document?.contents as Node | null | undefined) ?? undefined;
  let pair: Pair | undefined;
  let container: YAMLMap | YAMLSeq | undefined;
  let depth = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const found = findPair(node, String(segment));
      if (!found) break;
      container = node;
      pair = found;
      node = found.value as Node | null;
    } else if (isSeq(node) && typeof segment === 'number' && segment >= 0 && segment < node.items.length) {
      container = node;
      pair = undefined;
      node = node.items[segment] as Node | null;
    } else {
      break;
    }
    depth++;
  }
  return { depth, node, pair, container };
}

/** The last pair with this key (the one the parsed value uses when keys repeat). */
export function findPair(map: YAMLMap, key: string): Pair | undefined {
  for (let i = map.items.length - 1; i >= 0; i--) {
    const item = map.items[i];
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item as Pair;
  }
  return undefined;
}

/** Keys of a mapping as strings, in document order. */
export function keysOf(map: YAMLMap): string[] {
  return map.items.flatMap((item) => (isPair(item) && isScalar(item.key) ? [String(item.key.value)] : []));
}
