/**
 * One fix action -> minimal text edits on the current text. Structure comes from the `yaml` document (node
 * ranges, pairs, flow vs block); inserted fragments come from the `yaml` stringifier (render.ts). Text outside
 * the edited spans is never touched, so comments, quoting and blank lines elsewhere stay byte-for-byte.
 */
import { isCollection, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { DescriptorKind, Span, ValuePath } from '../types';
import { preferredKeyOrder } from './keyOrder';
import { colonAfter, columnAt, isEmptyValue, lineStartAt, nextLineStart, startOfLeadingComments, startsLine, type YamlStyle } from './layout';
import { findPair, resolvePath } from './navigate';
import { renderBlockItem, renderBlockPair, renderFlowItem, renderFlowPair, renderInPlace, renderKey, renderValue } from './render';
import { TrackedText } from './trackedText';
import type { FixAction, FixValue } from './types';

export interface ActionContext {
  readonly text: string;
  readonly document: Document.Parsed | undefined;
  readonly kind: DescriptorKind | undefined;
  readonly style: YamlStyle;
  /** Prefix of this action's tab stop ids (placeholders of different actions are numbered apart). */
  readonly tabstopPrefix: string;
}

/** An edit on the current text whose new text still knows where its placeholders are. */
export interface RawEdit {
  readonly span: Span;
  readonly text: TrackedText;
  /** Orders insertions at the same place (the conventional key order); lower first. */
  readonly rank?: number;
}

export function actionEdits(context: ActionContext, action: FixAction): RawEdit[] {
  switch (action.kind) {
    case 'insertKey': return insertKey(context, action.parentPath, action.key, action.value);
    case 'replaceValue': return replaceValue(context, action.path, action.value);
    case 'appendItem': return appendItem(context, action.path, action.value);
    case 'renameKey': return renameKey(context, action.path, action.newKey);
  }
}

function edit(context: ActionContext, start: number, end: number, text: TrackedText | string): RawEdit {
  return { span: { start, end }, text: TrackedText.of(text).withEol(context.style.eol) };
}

function spaces(count: number): string {
  return ' '.repeat(Math.max(0, count));
}

function insertKey(context: ActionContext, parentPath: ValuePath, key: string, value: FixValue): RawEdit[] {
  const target = resolvePath(context.document, parentPath);
  if (target.depth < parentPath.length) return createMissingParents(context, parentPath, target.depth, { [key]: value });
  const parent = target.node;
  if (isMap(parent)) {
    const existing = findPair(parent, key);
    if (existing) return isEmptyValue(existing.value as Node | null) ? replaceValue(context, [...parentPath, key], value) : [];
    return parent.flow
      ? insertIntoFlow(context, parent, renderFlowPair(key, value, context.style, context.tabstopPrefix))
      : insertIntoBlockMap(context, parent, parentPath, key, value);
  }
  if (parentPath.length === 0 && (parent === undefined || parent === null)) return appendAtDocumentEnd(context, renderBlockPair(key, value, context.style, context.tabstopPrefix));
  if (isEmptyValue(parent) && target.pair && !target.container?.flow) return setBlockValue(context, target.pair, { [key]: value });
  return [];
}

/** Builds the missing part of a path as nested values and inserts it at the deepest node that exists. */
function createMissingParents(context: ActionContext, path: ValuePath, depth: number, leaf: FixValue): RawEdit[] {
  const missing = path.slice(depth);
  const nested = nestUnder(missing.slice(1), leaf);
  const first = missing[0];
  if (nested === undefined || first === undefined) return [];
  if (typeof first === 'string') return insertKey(context, path.slice(0, depth), first, nested);
  const existing = resolvePath(context.document, path.slice(0, depth)).node;
  if (isSeq(existing) && first === existing.items.length) return appendItem(context, path.slice(0, depth), nested);
  return [];
}

function nestUnder(segments: ValuePath, leaf: FixValue): FixValue | undefined {
  let value = leaf;
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i]!;
    if (typeof segment === 'number') {
      if (segment !== 0) return undefined; // cannot create item 3 of a list that does not exist
      value = [value];
    } else {
      value = { [segment]: value };
    }
  }
  return value;
}

function insertIntoBlockMap(context: ActionContext, map: YAMLMap, parentPath: ValuePath, key: string, value: FixValue): RawEdit[] {
  const pairs = map.items as Pair[];
  const firstKey = pairs[0]?.key as Node | null | undefined;
  if (!firstKey?.range) return [];
  const fragment = renderBlockPair(key, value, context.style, context.tabstopPrefix).indentLines(spaces(columnAt(context.text, firstKey.range[0])));
  const place = placeInBlockMap(context, pairs, parentPath, key);
  // A new block in a mapping whose blocks are set apart by blank lines gets its blank line too.
  const blankLine = fragment.text.indexOf('\n') < fragment.text.length - 1 && blocksAreSeparated(context.text, pairs) ? '\n' : '';
  if (place.kind === 'before') return [edit(context, place.offset, place.offset, TrackedText.concat(fragment, blankLine))];
  const { offset, atEndWithoutNewline } = nextLineStart(context.text, pairEnd(place.pair));
  return [edit(context, offset, offset, TrackedText.concat(atEndWithoutNewline ? '\n' : '', blankLine, fragment))];
}

/** True when some two neighbouring pairs of the mapping have a blank line between them. */
function blocksAreSeparated(text: string, pairs: readonly Pair[]): boolean {
  for (let i = 0; i + 1 < pairs.length; i++) {
    const nextKey = pairs[i + 1]!.key as Node | null;
    if (!nextKey?.range) continue;
    const between = text.slice(nextLineStart(text, pairEnd(pairs[i]!)).offset, lineStartAt(text, nextKey.range[0]));
    if (between.split('\n').slice(0, -1).some((line) => line.trim() === '')) return true;
  }
  return false;
}

type MapPlace = { readonly kind: 'after'; readonly pair: Pair } | { readonly kind: 'before'; readonly offset: number };

/** After the closest predecessor in the conventional key order, else before the first successor, else last. */
function placeInBlockMap(context: ActionContext, pairs: readonly Pair[], parentPath: ValuePath, key: string): MapPlace {
  const last: MapPlace = { kind: 'after', pair: pairs[pairs.length - 1]! };
  const order = preferredKeyOrder(context.kind, parentPath);
  const rank = order?.indexOf(key) ?? -1;
  if (!order || rank < 0) return last;
  const rankOf = (pair: Pair): number => (isScalar(pair.key) ? order.indexOf(String(pair.key.value)) : -1);
  let predecessor: Pair | undefined;
  for (const pair of pairs) {
    const pairRank = rankOf(pair);
    if (pairRank >= 0 && pairRank < rank && (!predecessor || pairRank > rankOf(predecessor))) predecessor = pair;
  }
  if (predecessor) return { kind: 'after', pair: predecessor };
  const successor = pairs.find((pair) => rankOf(pair) > rank);
  if (!successor) return last;
  const successorKey = successor.key as Node;
  const keyStart = successorKey.range![0];
  if (!startsLine(context.text, keyStart)) return { kind: 'after', pair: successor }; // `- name: x`: cannot go above
  const offset = successor === pairs[0] ? lineStartAt(context.text, keyStart) : startOfLeadingComments(context.text, keyStart);
  return { kind: 'before', offset };
}

/** Where a pair's own text ends (its value, or its key when the value is empty). */
function pairEnd(pair: Pair): number {
  const value = pair.value as Node | null;
  if (value?.range) return value.range[1];
  return (pair.key as Node).range![1];
}

function insertIntoFlow(context: ActionContext, collection: YAMLMap | YAMLSeq, fragment: TrackedText): RawEdit[] {
  const items = collection.items as unknown[];
  if (items.length) {
    const lastItem = items[items.length - 1];
    const end = isPair(lastItem)
      ? ((lastItem.value as Node | null)?.range?.[1] ?? (lastItem.key as Node).range![1])
      : (lastItem as Node).range![1];
    return [edit(context, end, end, TrackedText.concat(', ', fragment))];
  }
  const open = collection.range![0] + 1;
  return [edit(context, open, open, fragment)];
}

function appendAtDocumentEnd(context: ActionContext, fragment: TrackedText): RawEdit[] {
  const end = context.text.length;
  const needsNewline = end > 0 && !context.text.endsWith('\n');
  return [edit(context, end, end, needsNewline ? TrackedText.concat('\n', fragment) : fragment)];
}

/**
 * Gives a mapping pair a block collection as value (`key:` or `key: ~` -> `key:\n  child: ...`): the old scalar
 * is removed, the comment on the key's line stays, and the block goes on the lines below.
 */
function setBlockValue(context: ActionContext, pair: Pair, value: FixValue): RawEdit[] {
  const key = pair.key as Node;
  const keyColumn = columnAt(context.text, key.range![0]);
  const colon = colonAfter(context.text, key.range![1]);
  const old = pair.value as Node | null;
  const edits: RawEdit[] = [];
  let valueEnd = colon;
  if (old?.range && old.range[1] > old.range[0]) {
    let end = old.range[1];
    while (end > colon && (context.text[end - 1] === '\n' || context.text[end - 1] === '\r')) end--; // a block scalar's own line break stays
    edits.push(edit(context, colon, end, ''));
    valueEnd = end;
  }
  const { offset, atEndWithoutNewline } = nextLineStart(context.text, valueEnd);
  const childColumn = Array.isArray(value) && !context.style.indentSeq ? keyColumn : keyColumn + context.style.indent;
  const fragment = renderValue(value, context.style, { tabstopPrefix: context.tabstopPrefix }).indentLines(spaces(childColumn));
  edits.push(edit(context, offset, offset, atEndWithoutNewline ? TrackedText.concat('\n', fragment) : fragment));
  return edits;
}

function appendItem(context: ActionContext, path: ValuePath, value: FixValue): RawEdit[] {
  const target = resolvePath(context.document, path);
  const last = path[path.length - 1];
  if (target.depth < path.length) return typeof last === 'string' ? insertKey(context, path.slice(0, -1), last, [value]) : [];
  const sequence = target.node;
  if (isSeq(sequence)) {
    if (sequence.flow) return insertIntoFlow(context, sequence, renderFlowItem(value, context.style, context.tabstopPrefix));
    const lastItem = sequence.items[sequence.items.length - 1] as Node | null | undefined;
    const end = lastItem?.range?.[1] ?? sequence.range![1];
    const fragment = renderBlockItem(value, context.style, context.tabstopPrefix).indentLines(spaces(columnAt(context.text, sequence.range![0])));
    const { offset, atEndWithoutNewline } = nextLineStart(context.text, end);
    return [edit(context, offset, offset, atEndWithoutNewline ? TrackedText.concat('\n', fragment) : fragment)];
  }
  if (isEmptyValue(sequence) && target.pair && !target.container?.flow) return setBlockValue(context, target.pair, [value]);
  return [];
}

function isNonEmptyCollection(value: FixValue): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return value !== null && typeof value === 'object' && Object.keys(value).length > 0;
}

function replaceValue(context: ActionContext, path: ValuePath, value: FixValue): RawEdit[] {
  const target = resolvePath(context.document, path);
  if (target.depth < path.length) {
    const last = path[path.length - 1];
    if (typeof last === 'string') return insertKey(context, path.slice(0, -1), last, value);
    if (target.depth === path.length - 1 && isSeq(target.node) && last === target.node.items.length) return appendItem(context, path.slice(0, -1), value);
    return [];
  }
  const node = target.node;
  const flowNode = isCollection(node) && !!node.flow;
  const inFlow = !!target.container?.flow;
  if (isNonEmptyCollection(value) && !inFlow && !flowNode) return replaceWithBlock(context, target.pair, node, value);

  const scalarType = isScalar(node) && typeof node.value === 'string' && typeof value === 'string' && node.type !== 'PLAIN' ? node.type : undefined;
  const inSequence = !target.pair && isSeq(target.container);
  const ownerColumn = target.pair ? columnAt(context.text, (target.pair.key as Node).range![0])
    : inSequence && node?.range ? columnAt(context.text, context.text.lastIndexOf('-', node.range[0])) : 0;
  const rendered = renderInPlace(value, context.style, { flow: inFlow || flowNode, inSequence, ownerColumn }, scalarType, context.tabstopPrefix);
  const blockCollection = isCollection(node) && !node.flow;
  if (node?.range && node.range[1] > node.range[0] && !blockCollection) {
    // a block scalar's range ends after its line break: put the break back
    const keepsNewline = context.text[node.range[1] - 1] === '\n' && !rendered.text.endsWith('\n');
    return [edit(context, node.range[0], node.range[1], keepsNewline ? TrackedText.concat(rendered, '\n') : rendered)];
  }
  if (blockCollection && node.range) {
    const endsLine = context.text[node.range[1] - 1] === '\n';
    const tail = endsLine ? '\n' : '';
    if (target.pair) {
      const colon = colonAfter(context.text, (target.pair.key as Node).range![1]);
      return [edit(context, colon, node.range[1], TrackedText.concat(' ', rendered, tail))];
    }
    return [edit(context, node.range[0], node.range[1], TrackedText.concat(rendered, tail))];
  }
  if (target.pair) {
    const colon = colonAfter(context.text, (target.pair.key as Node).range![1]);
    return [edit(context, colon, colon, TrackedText.concat(' ', rendered))];
  }
  if (node?.range) return [edit(context, node.range[0], node.range[0], rendered)];
  if (path.length === 0) return appendAtDocumentEnd(context, TrackedText.concat(rendered, '\n'));
  return [];
}

/** Replaces a value with a non-empty block collection, keeping the value's place and indentation. */
function replaceWithBlock(context: ActionContext, pair: Pair | undefined, node: Node | null | undefined, value: FixValue): RawEdit[] {
  const rendered = renderValue(value, context.style, { tabstopPrefix: context.tabstopPrefix });
  if (pair && isCollection(node) && !node.flow && node.range && startsLine(context.text, node.range[0])) {
    // under a key: re-indent for the new kind of collection (`key:\n- a` may become `key:\n  k: v`)
    const keyColumn = columnAt(context.text, (pair.key as Node).range![0]);
    const childColumn = Array.isArray(value) && !context.style.indentSeq ? keyColumn : keyColumn + context.style.indent;
    const sameColumn = childColumn === columnAt(context.text, node.range[0]);
    let fragment = rendered.indentLines(spaces(childColumn), sameColumn);
    if (context.text[node.range[1] - 1] !== '\n') fragment = fragment.withoutFinalNewline();
    return [edit(context, sameColumn ? node.range[0] : lineStartAt(context.text, node.range[0]), node.range[1], fragment)];
  }
  if (isCollection(node) && !node.flow && node.range) {
    const column = columnAt(context.text, node.range[0]);
    let fragment = rendered.indentLines(spaces(column), true);
    if (context.text[node.range[1] - 1] !== '\n') fragment = fragment.withoutFinalNewline();
    return [edit(context, node.range[0], node.range[1], fragment)];
  }
  if (pair) return setBlockValue(context, pair, value);
  if (node?.range) {
    // a scalar item of a block sequence (`- TODO`): the collection starts right after the dash; a block scalar's
    // range ends after its line break, which stays
    let fragment = rendered.indentLines(spaces(columnAt(context.text, node.range[0])), true);
    if (context.text[node.range[1] - 1] !== '\n') fragment = fragment.withoutFinalNewline();
    return [edit(context, node.range[0], node.range[1], fragment)];
  }
  return node === undefined ? appendAtDocumentEnd(context, rendered) : [];
}

function renameKey(context: ActionContext, path: ValuePath, newKey: string): RawEdit[] {
  const target = resolvePath(context.document, path);
  if (target.depth < path.length || !target.pair || !isMap(target.container)) return [];
  if (findPair(target.container, newKey)) return []; // renaming would create a duplicate key
  const key = target.pair.key;
  if (!isScalar(key) || !key.range) return [];
  const quoted = key.type === 'QUOTE_DOUBLE' || key.type === 'QUOTE_SINGLE' ? key.type : undefined;
  return [edit(context, key.range[0], key.range[1], renderKey(newKey, context.style, quoted))];
}
