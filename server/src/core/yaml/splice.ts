/**
 * Putting a reparsed chunk in place: the plain value is updated copy-on-write along the chunk's path, and the old
 * document is updated in place (it belongs to the superseded text): the new nodes move to the chunk's offset, and
 * everything after the change moves by the change's length.
 */
import { isAlias, isCollection, isPair, isSeq, type Document, type Node, type Pair, type YAMLError } from 'yaml';
import type { Finding } from '../types';
import { jsKeyOf, type ChunkLevel } from './chunk';

/** Copy-on-write update of the plain value along the chunk's path; undefined when the shapes disagree. */
export function spliceValue(root: unknown, levels: readonly ChunkLevel[], newItems: unknown[], chunkValue: unknown): unknown {
  const update = (value: unknown, depth: number): unknown => {
    const level = levels[depth]!;
    if (depth === levels.length - 1) return replaceItem(value, level, newItems, chunkValue);
    const next = levels[depth + 1]!;
    const key = next.valueKey;
    if (key === undefined) return undefined;
    if (Array.isArray(value) && typeof key === 'number') {
      const child = update(value[key], depth + 1);
      if (child === undefined) return undefined;
      const copy = value.slice();
      copy[key] = child;
      return copy;
    }
    if (isPlainObject(value) && typeof key === 'string' && Object.hasOwn(value, key)) {
      const child = update(value[key], depth + 1);
      if (child === undefined) return undefined;
      const copy = { ...value };
      setOwn(copy, key, child);
      return copy;
    }
    return undefined;
  };
  return update(root, 0);
}

function replaceItem(value: unknown, level: ChunkLevel, newItems: unknown[], chunkValue: unknown): unknown {
  if (isSeq(level.collection)) {
    if (!Array.isArray(value) || !Array.isArray(chunkValue) || chunkValue.length !== newItems.length) return undefined;
    const copy = value.slice();
    copy.splice(level.index, 1, ...chunkValue);
    return copy;
  }
  if (!isPlainObject(value) || !isPlainObject(chunkValue)) return undefined;
  const pairs = level.collection.items as Pair[];
  const result: Record<string, unknown> = {};
  for (let index = 0; index < pairs.length; index++) {
    if (index === level.index) {
      for (const key of Object.keys(chunkValue)) setOwn(result, key, chunkValue[key]);
      continue;
    }
    const key = jsKeyOf(pairs[index]!.key);
    if (key === undefined) return undefined;
    setOwn(result, key, value[key]);
  }
  return result;
}

/** Like `toJS`: a key such as `__proto__` becomes an own property, never the object's prototype. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key in target) Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Adds `delta` to every range in an item (a node, or a pair's key and value). */
export function shiftItem(item: unknown, delta: number): void {
  if (isPair(item)) {
    shiftNode(item.key as Node | null, delta);
    shiftNode(item.value as Node | null, delta);
  } else shiftNode(item as Node | null, delta);
}

function shiftNode(node: Node | null | undefined, delta: number): void {
  if (!node || delta === 0) return;
  const range = node.range;
  // In place: every node owns its range array, and allocating one per node doubles the cost on big documents.
  if (range) {
    range[0] += delta;
    range[1] += delta;
    range[2] += delta;
  }
  if (isCollection(node)) for (const item of node.items) shiftItem(item, delta);
  else if (isAlias(node)) return;
}

/**
 * After the splice: every item after the chunk, at every level up to the root, moves by `delta`, and the
 * ranges of the enclosing collections (and the document) that end after the change stretch by `delta`.
 */
export function shiftFollowing(document: Document.Parsed, levels: readonly ChunkLevel[], newItemCount: number, changeEnd: number, delta: number): void {
  if (delta === 0) return;
  for (let depth = levels.length - 1; depth >= 0; depth--) {
    const level = levels[depth]!;
    const items = level.collection.items;
    const firstFollowing = depth === levels.length - 1 ? level.index + newItemCount : level.index + 1;
    for (let index = firstFollowing; index < items.length; index++) shiftItem(items[index], delta);
    stretch(level.collection as unknown as Node, changeEnd, delta);
  }
  stretch(document as unknown as Node, changeEnd, delta);
}

function stretch(node: { range?: [number, number, number] | null }, changeEnd: number, delta: number): void {
  const range = node.range;
  if (!range) return;
  const move = (offset: number): number => (offset >= changeEnd ? offset + delta : offset);
  node.range = [move(range[0]), move(range[1]), move(range[2])];
}

export function shiftError(error: YAMLError, after: number, delta: number): YAMLError {
  if (error.pos[0] < after) return error;
  error.pos = [error.pos[0] + delta, error.pos[1] + delta];
  error.linePos = undefined;
  return error;
}

/** Keeps findings outside the old chunk (moving those after it) and adds the chunk's own, moved into place. */
export function mergeFindings(previous: readonly Finding[], chunkStart: number, chunkEnd: number, delta: number, chunkFindings: readonly Finding[]): Finding[] {
  const kept: Finding[] = [];
  for (const finding of previous) {
    if (finding.code === 'yaml/encoding') continue;
    if (finding.span.start < chunkStart) kept.push(finding);
    else if (finding.span.start >= chunkEnd) kept.push({ ...finding, span: { start: finding.span.start + delta, end: finding.span.end + delta } });
  }
  for (const finding of chunkFindings) kept.push({ ...finding, span: { start: finding.span.start + chunkStart, end: finding.span.end + chunkStart } });
  return kept.sort((a, b) => a.span.start - b.span.start);
}
