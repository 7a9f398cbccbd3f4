/**
 * Incremental reparsing. The `yaml` package needs seconds for a 4 MB contract, so a full parse per keystroke cannot
 * keep up. An edit almost always falls inside one item of a block collection (one schema object, one property, one
 * top-level key): we reparse only that item's lines and splice the new nodes into the previous document, shifting
 * the ranges of everything after it. Whenever the edit could change the structure around the item (indentation
 * that escapes it, anchors and aliases, an unclosed quote or bracket, a duplicate key, document markers) we fall
 * back to a full parse, so the result always equals what `parseDescriptor` would return for the new text.
 */
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLError } from 'yaml';
import type { Finding } from '../types';
import { detectKind, parseDescriptor, PARSE_OPTIONS, topLevelString, withEncodingFinding, type ParsedDescriptor } from './parse';
import { yamlErrorsToFindings } from './syntaxErrors';

/** Below this size a full parse is fast enough that incremental bookkeeping is not worth its risk. */
export const INCREMENTAL_MIN_CHARS = 32 * 1024;

/** Parser errors that stay inside the reparsed item; any other error may mean the full parse reads it differently. */
const LOCAL_ERROR_CODES = new Set(['MULTILINE_IMPLICIT_KEY', 'BAD_SCALAR_START', 'BLOCK_AS_IMPLICIT_KEY', 'BAD_DQ_ESCAPE', 'KEY_OVER_1024_CHARS', 'TAG_RESOLVE_FAILED', 'TAB_AS_INDENT']);

type Collection = Document.Parsed['contents'] & { items: unknown[]; flow?: boolean; range?: [number, number, number] };

/** One level of the descent: the item `index` of `collection`, occupying the lines `[start, end)` of the old text. */
interface ChunkLevel {
  readonly collection: Collection;
  readonly index: number;
  readonly start: number;
  readonly end: number;
  /** Column of the item's `-` (sequences) or key (mappings); the reparsed lines must keep it. */
  readonly column: number;
  /** The JS key or index of this collection inside its parent value, for updating the plain value. */
  readonly valueKey: string | number | undefined;
}

/** Parses `text`, reusing `previous` when the change is confined to one item of a block collection. */
export function reparseDescriptor(previous: ParsedDescriptor | undefined, text: string, minChars = INCREMENTAL_MIN_CHARS): ParsedDescriptor {
  if (!previous || text.length < minChars) return parseDescriptor(text);
  return tryIncremental(previous, text) ?? parseDescriptor(text);
}

function tryIncremental(previous: ParsedDescriptor, text: string): ParsedDescriptor | undefined {
  const document = previous.document;
  const oldText = previous.text;
  if (!document || previous.value === undefined || !isMap(document.contents) || document.contents.flow) return undefined;
  if (document.errors.some((error) => error.code === 'DUPLICATE_KEY') || document.warnings.length) return undefined;
  if (text === oldText) return previous;

  const change = changedRegion(oldText, text);
  const levels = findChunk(document, oldText, change.start, change.oldEnd);
  // A change at the very start of a collection moves where the collection begins: leave that to a full parse.
  if (levels.some((level) => (level.collection.range?.[0] ?? 0) >= change.start)) return undefined;
  // The innermost item is cheapest; when the edit escapes it (a new sibling typed after it), try its parent.
  for (let depth = levels.length; depth > 0; depth--) {
    const chunk = levels[depth - 1]!;
    if (chunk.end - chunk.start > oldText.length / 2) break; // as costly as a full parse, and riskier
    const result = tryChunk(previous, document, text, levels.slice(0, depth), change);
    if (result) return result;
  }
  return undefined;
}

/** Reparses the lines of the innermost level of `levels` and splices them in; undefined when that is not safe. */
function tryChunk(previous: ParsedDescriptor, document: Document.Parsed, text: string, levels: readonly ChunkLevel[],
  change: { start: number; oldEnd: number; delta: number }): ParsedDescriptor | undefined {
  const chunk = levels[levels.length - 1]!;
  const { oldEnd: changeEnd, delta } = change;
  const newChunkEnd = chunk.end + delta;
  const chunkText = text.slice(chunk.start, newChunkEnd);
  if (newChunkEnd < text.length && !chunkText.endsWith('\n')) return undefined; // the edit joined the next item's line
  if (mayAffectOtherItems(previous.text.slice(chunk.start, chunk.end)) || mayAffectOtherItems(chunkText)) return undefined;
  if (!indentationStaysInside(chunkText, chunk.column, isSeq(chunk.collection))) return undefined;

  const chunkDocument = parseDocument(chunkText, PARSE_OPTIONS);
  const replacement = chunkDocument.contents as Collection | null;
  if (!replacement || !isCollection(replacement) || replacement.flow || isSeq(replacement) !== isSeq(chunk.collection)) return undefined;
  if (chunkDocument.errors.some((error) => !isLocalError(error)) || chunkDocument.warnings.length) return undefined;
  const firstItemStart = startOf(replacement.items[0]);
  if (firstItemStart === undefined || firstItemStart - lineStart(chunkText, firstItemStart) !== chunk.column) return undefined;
  if (isMap(chunk.collection) && hasKeyClash(chunk.collection, chunk.index, replacement.items as Pair[])) return undefined;

  let chunkValue: unknown;
  try {
    chunkValue = chunkDocument.toJS();
  } catch {
    return undefined;
  }
  const value = spliceValue(previous.value, levels, replacement.items, chunkValue);
  if (value === undefined) return undefined;

  // From here on the previous document is updated in place: it belongs to the superseded version.
  const newItems = replacement.items as unknown[];
  for (const item of newItems) shiftItem(item, chunk.start);
  chunk.collection.items.splice(chunk.index, 1, ...newItems);
  shiftFollowing(document, levels, newItems.length, changeEnd, delta);

  const syntaxFindings = mergeFindings(previous.syntaxFindings, chunk.start, chunk.end, delta, yamlErrorsToFindings(chunkDocument as Document.Parsed, chunkText.length));
  document.errors = document.errors.filter((error) => error.pos[0] < chunk.start || error.pos[0] >= chunk.end).map((error) => shiftError(error, chunk.end, delta));
  document.errors.push(...chunkDocument.errors.map((error) => shiftError(error, -1, chunk.start)));
  return {
    text, document, value,
    kind: detectKind(document), apiVersion: topLevelString(document, 'apiVersion'),
    syntaxFindings: withEncodingFinding(text, syntaxFindings),
  };
}

/** Block size for comparing the two texts: whole blocks compare natively, far faster than char by char. */
const COMPARE_BLOCK = 2048;

/** The old-text region that changed, from the common prefix and suffix of the two texts. */
export function changedRegion(oldText: string, newText: string): { start: number; oldEnd: number; delta: number } {
  const limit = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start + COMPARE_BLOCK <= limit && oldText.slice(start, start + COMPARE_BLOCK) === newText.slice(start, start + COMPARE_BLOCK)) start += COMPARE_BLOCK;
  while (start < limit && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  const maxSuffix = limit - start;
  let suffix = 0;
  while (suffix + COMPARE_BLOCK <= maxSuffix
    && oldText.slice(oldText.length - suffix - COMPARE_BLOCK, oldText.length - suffix) === newText.slice(newText.length - suffix - COMPARE_BLOCK, newText.length - suffix)) suffix += COMPARE_BLOCK;
  while (suffix < maxSuffix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  return { start, oldEnd: oldText.length - suffix, delta: newText.length - oldText.length };
}

/** Descends through block collections to the smallest item whose lines contain the changed region. */
function findChunk(document: Document.Parsed, text: string, changeStart: number, changeEnd: number): ChunkLevel[] {
  const levels: ChunkLevel[] = [];
  let collection = document.contents as Collection;
  let limit = text.length;
  let valueKey: string | number | undefined;
  for (;;) {
    const items = collection.items;
    let found: ChunkLevel | undefined;
    for (let index = items.length - 1; index >= 0; index--) {
      const itemStart = startOf(items[index]);
      if (itemStart === undefined) return levels;
      const start = lineStart(text, itemStart);
      // Text inserted at the start of an item's line usually belongs to the item before (a new sibling or line).
      if (start > changeStart || (start === changeStart && index > 0)) continue;
      const nextStart = index + 1 < items.length ? startOf(items[index + 1]) : undefined;
      const end = nextStart === undefined ? limit : lineStart(text, nextStart);
      if (changeEnd > end || !onlyIndentBefore(text, start, itemStart, isSeq(collection))) return levels;
      // An item that shares its first line with its parent (`- - x`, `- key: v`) cannot be reparsed on its own.
      if (levels.length && start <= levels[levels.length - 1]!.start) return levels;
      found = { collection, index, start, end, column: isSeq(collection) ? dashColumn(text, start, itemStart) : itemStart - start, valueKey };
      break;
    }
    if (!found) return levels;
    levels.push(found);
    const item = items[found.index];
    const child = isPair(item) ? (item.value as Node | null) : (item as Node);
    if (!isCollection(child) || child.flow || (isPair(item) && !isScalar(item.key))) return levels;
    valueKey = isPair(item) ? String((item.key as { value: unknown }).value) : found.index;
    collection = child as Collection;
    limit = found.end;
  }
}

function startOf(item: unknown): number | undefined {
  if (isPair(item)) return (item.key as Node | null)?.range?.[0];
  return (item as Node | null)?.range?.[0];
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Between the line start and the item only indentation may stand (and dashes, for sequence items). */
function onlyIndentBefore(text: string, start: number, itemStart: number, sequence: boolean): boolean {
  const prefix = text.slice(start, itemStart);
  return sequence ? /^ *- +(?:- +)*$/.test(prefix) || /^ *-$/.test(prefix) : /^ *$/.test(prefix);
}

/** The column of the last dash before a sequence item: for `  - - x` the inner item's dash. */
function dashColumn(text: string, start: number, itemStart: number): number {
  return text.lastIndexOf('-', itemStart - 1) - start;
}

/** Anchors, aliases, merge keys and document markers tie an item to the rest of the document. */
function mayAffectOtherItems(chunkText: string): boolean {
  return /(?:^|[\s[{,])[&*][^\s,[\]{}]/.test(chunkText) || /<<\s*:/.test(chunkText) || /^(?:---|\.\.\.|%)/m.test(chunkText);
}

/** Every content line after the first must stay inside the item: deeper than its column, or a sibling at it. */
function indentationStaysInside(chunkText: string, column: number, sequence: boolean): boolean {
  const lines = chunkText.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    const indent = line.length - line.trimStart().length;
    const content = line.slice(indent);
    if (content === '' || content.startsWith('#') || content === '\r') continue;
    if (indent > column) continue;
    if (indent < column) return false;
    if (sequence !== (content.startsWith('- ') || content === '-' || content === '-\r')) return false;
  }
  return true;
}

function isLocalError(error: YAMLError): boolean {
  // A missing `:` after a key being typed is local; a missing closing quote or bracket is not.
  return LOCAL_ERROR_CODES.has(error.code) || (error.code === 'MISSING_CHAR' && /map value/i.test(error.message));
}

function hasKeyClash(map: Collection, replacedIndex: number, pairs: Pair[]): boolean {
  const newKeys = pairs.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : undefined));
  if (newKeys.some((key) => key === undefined) || new Set(newKeys).size !== newKeys.length) return true;
  return (map.items as Pair[]).some((pair, index) => index !== replacedIndex && isScalar(pair.key) && newKeys.includes(String(pair.key.value)));
}

/** Copy-on-write update of the plain value along the chunk's path; undefined when the shapes disagree. */
function spliceValue(root: unknown, levels: readonly ChunkLevel[], newItems: unknown[], chunkValue: unknown): unknown {
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
    if (isPlainObject(value) && typeof key === 'string' && key in value) {
      const child = update(value[key], depth + 1);
      return child === undefined ? undefined : { ...value, [key]: child };
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
  pairs.forEach((pair, index) => {
    if (index === level.index) Object.assign(result, chunkValue);
    else {
      const key = String((pair.key as { value: unknown }).value);
      result[key] = value[key];
    }
  });
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Adds `delta` to every range in an item (a node, or a pair's key and value). */
function shiftItem(item: unknown, delta: number): void {
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
function shiftFollowing(document: Document.Parsed, levels: readonly ChunkLevel[], newItemCount: number, changeEnd: number, delta: number): void {
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

function shiftError(error: YAMLError, after: number, delta: number): YAMLError {
  if (error.pos[0] < after) return error;
  error.pos = [error.pos[0] + delta, error.pos[1] + delta];
  error.linePos = undefined;
  return error;
}

/** Keeps findings outside the old chunk (moving those after it) and adds the chunk's own, moved into place. */
function mergeFindings(previous: readonly Finding[], chunkStart: number, chunkEnd: number, delta: number, chunkFindings: readonly Finding[]): Finding[] {
  const kept: Finding[] = [];
  for (const finding of previous) {
    if (finding.code === 'yaml/encoding') continue;
    if (finding.span.start < chunkStart) kept.push(finding);
    else if (finding.span.start >= chunkEnd) kept.push({ ...finding, span: { start: finding.span.start + delta, end: finding.span.end + delta } });
  }
  for (const finding of chunkFindings) kept.push({ ...finding, span: { start: finding.span.start + chunkStart, end: finding.span.end + chunkStart } });
  return kept.sort((a, b) => a.span.start - b.span.start);
}
