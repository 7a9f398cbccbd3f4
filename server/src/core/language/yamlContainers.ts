/**
 * "Which mapping or sequence would a line starting at this column belong to?" answered from the YAML nodes of
 * the lines *above* the cursor line only. The cursor line is usually incomplete (`  logi`, `- `, `key: `), and the
 * parser may attach it anywhere, but everything before it parses as the author meant; indentation then tells us
 * the container. The walk descends one level per step and binary-searches large collections, so it costs the
 * same on a 4 MB contract as on a small one.
 */
import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

export type ContainerShape = 'map' | 'seq' | 'empty';

export interface Container {
  /** Value path of the container. */
  readonly path: (string | number)[];
  /**
   * `map`: a mapping whose keys sit at the column; `seq`: a block sequence whose dashes sit at the column;
   * `empty`: a key or item with no block content yet (the cursor line starts it).
   */
  readonly shape: ContainerShape;
  /** The container's node; for `empty`, whatever the parser made of the cursor line and below (may be absent). */
  readonly node: Node | null | undefined;
}

const MAX_DEPTH = 256;

export function containerAtColumn(document: Document.Parsed | undefined, text: string, lineStart: number, column: number): Container | undefined {
  const path: (string | number)[] = [];
  let node = (document?.contents ?? null) as Node | null;
  if (!node || (startOf(node) ?? lineStart) >= lineStart) return column === 0 ? { path, shape: 'empty', node } : undefined;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (isMap(node)) {
      if (node.flow) return undefined;
      const mapColumn = columnOf(text, startOf(node));
      if (column === mapColumn) return { path, shape: 'map', node };
      if (column < mapColumn) return undefined;
      const pairs = node.items as Pair[];
      const pair = pairs[lastIndexBefore(pairs, lineStart, (item) => startOf(item.key as Node | null) ?? startOf(item.value as Node | null))];
      if (!pair) return undefined;
      path.push(keyText(pair));
      const step = descend(pair.value as Node | null, lineStart, path);
      if ('done' in step) return step.done;
      node = step.next;
    } else if (isSeq(node)) {
      if (node.flow) return undefined;
      const dashColumn = columnOf(text, startOf(node));
      if (column === dashColumn) return { path, shape: 'seq', node };
      if (column < dashColumn) return undefined;
      const items = node.items as (Node | null)[];
      const index = lastIndexBefore(items, lineStart, (item) => startOf(item));
      if (index < 0) return undefined;
      path.push(index);
      const step = descend(items[index] ?? null, lineStart, path);
      if ('done' in step) return step.done;
      node = step.next;
    } else {
      return undefined;
    }
  }
  return undefined;
}

type Step = { next: Node } | { done: Container | undefined };

/** Decides whether the walk continues into `value` (a block collection that started above the cursor line). */
function descend(value: Node | null, lineStart: number, path: (string | number)[]): Step {
  if (!value || isEmptyScalar(value)) return { done: { path, shape: 'empty', node: null } };
  if ((startOf(value) ?? lineStart) >= lineStart) return { done: { path, shape: 'empty', node: value } };
  if ((isMap(value) || isSeq(value)) && !value.flow) return { next: value };
  return { done: undefined }; // inside a scalar or a flow collection: no block container here
}

/** Index of the item of `seq` that starts on the line `[lineStart, lineEnd]`, or the next free index. */
export function itemIndexOnLine(seq: Node | null | undefined, lineStart: number, lineEnd: number): number {
  if (!isSeq(seq)) return 0;
  const index = seq.items.findIndex((item) => {
    const start = startOf(item as Node | null);
    return start !== undefined && start >= lineStart && start <= lineEnd;
  });
  return index >= 0 ? index : seq.items.length;
}

/** Keys of `map` except the ones written on the cursor line (which are being edited). */
export function keysOutsideLine(node: Node | null | undefined, lineStart: number, lineEnd: number): Set<string> {
  const keys = new Set<string>();
  if (!isMap(node)) return keys;
  for (const pair of (node as YAMLMap).items as Pair[]) {
    const start = startOf(pair.key as Node | null);
    if (start !== undefined && start >= lineStart && start <= lineEnd) continue;
    keys.add(keyText(pair));
  }
  return keys;
}

export function keyText(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : '';
}

export function startOf(node: Node | null | undefined): number | undefined {
  return node?.range?.[0];
}

export function columnOf(text: string, offset: number | undefined): number {
  if (offset === undefined) return -1;
  const newline = text.lastIndexOf('\n', offset - 1);
  return offset - (newline + 1);
}

function isEmptyScalar(node: Node): boolean {
  return isScalar(node) && (node.value === null || node.value === undefined) && (!node.range || node.range[0] === node.range[1]);
}

/** Index of the last item starting before `limit` (items are in document order, so binary search), or -1. */
function lastIndexBefore<T>(items: readonly T[], limit: number, start: (item: T) => number | undefined): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = start(items[mid]!);
    if (at === undefined) return linearLastIndexBefore(items, limit, start);
    if (at < limit) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

function linearLastIndexBefore<T>(items: readonly T[], limit: number, start: (item: T) => number | undefined): number {
  let found = -1;
  items.forEach((item, index) => {
    const at = start(item);
    if (at !== undefined && at < limit) found = index;
  });
  return found;
}

/** The span of a scalar's content, without its quotes (where a link or a reference inside it starts). */
export function scalarContentSpan(node: Node | null | undefined): { start: number; end: number } | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  return quoted ? { start: node.range[0] + 1, end: node.range[1] - 1 } : { start: node.range[0], end: node.range[1] };
}
