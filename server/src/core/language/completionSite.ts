/**
 * Where is the cursor, in schema terms? Completion runs on the line being typed, which rarely parses as meant
 * (`  logi`, `- `, `tags: [a, `), so the shape of the cursor line is read from its text (indentation, `- `,
 * `key: `, an open `[`), and the container it belongs to from the YAML nodes above it (`yamlContainers`).
 * The result names the mapping whose keys may be offered and/or the location whose value may be offered.
 */
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Span, ValuePath } from '../types';
import type { ParsedDescriptor } from '../yaml/parse';
import { containerAtColumn, columnOf, itemIndexOnLine, keysOutsideLine, keyText, startOf } from './yamlContainers';

export interface KeySite {
  /** The mapping whose missing keys are offered. */
  readonly path: ValuePath;
  readonly present: ReadonlySet<string>;
  /** Column where the key starts (nested lines of a snippet indent from here). */
  readonly column: number;
  /** The key on the line is already followed by `:`; only the name is replaced. */
  readonly keyHasColon: boolean;
  /** The cursor sits at a sequence's dash column without a dash: insert `- ` first. */
  readonly prefixDash: boolean;
  /** The mapping has no block content yet (first line under `key:`); if the schema says array, items are offered. */
  readonly startsBlock: boolean;
}

export interface ValueSite {
  /** The location whose value is offered. */
  readonly path: ValuePath;
  /** `inline` after `key: `, `item` after `- ` (or a dash to insert), `flow` inside `[ ]`. */
  readonly style: 'inline' | 'item' | 'flow';
  /** Key column (inline) or the item's content column (item); block snippets indent from here. */
  readonly column: number;
  /** Scalars already listed in the same sequence (not offered again). */
  readonly present: ReadonlySet<string>;
  readonly prefixDash: boolean;
}

export interface CompletionSite {
  /** What the chosen completion replaces: the partial word around the cursor. */
  readonly replace: Span;
  readonly prefix: string;
  readonly keys: KeySite | undefined;
  readonly value: ValueSite | undefined;
}

const KEY = String.raw`("[^"]*"|'[^']*'|[^\s:#'"\[\]{},-][^\s:#'"\[\]{},]*)`;
const FLOW_RE = new RegExp(String.raw`^( *)(-\s+)?${KEY}\s*:\s*\[([^\]]*)$`);
const VALUE_RE = new RegExp(String.raw`^( *)(-\s+)?${KEY}\s*:(\s+)(.*)$`);
const ITEM_RE = /^( *)-( +)(["']?[^\s:#[\]{},"']*)$/;
const KEY_LINE_RE = /^( *)(["']?[^\s:#[\]{},"'-]?[^\s:#[\]{},"']*)$/;
const WORD_AFTER_RE = /^[^\s:#[\]{},"']*/;

export function completionSite(parsed: ParsedDescriptor, offset: number): CompletionSite | undefined {
  const text = parsed.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  if (text[lineEnd - 1] === '\r') lineEnd--;
  const line: Line = { text, lineStart, lineEnd, before: text.slice(lineStart, offset), after: text.slice(offset, lineEnd), offset };
  if (/^\s*#/.test(line.before) || /^(---|\.\.\.)/.test(line.before)) return undefined;

  const flow = FLOW_RE.exec(line.before);
  if (flow) return flowSite(parsed, line, flow);
  const value = VALUE_RE.exec(line.before);
  if (value) return valueSite(parsed, line, value);
  const item = ITEM_RE.exec(line.before);
  if (item) return itemSite(parsed, line, item);
  const key = KEY_LINE_RE.exec(line.before);
  if (key) return keySite(parsed, line, key);
  return undefined;
}

interface Line {
  readonly text: string;
  readonly lineStart: number;
  readonly lineEnd: number;
  readonly before: string;
  readonly after: string;
  readonly offset: number;
}

function flowSite(parsed: ParsedDescriptor, line: Line, match: RegExpExecArray): CompletionSite | undefined {
  const [, indent = '', dash, rawKey = '', inside = ''] = match;
  const mapping = mappingPath(parsed, line, indent.length, dash);
  if (!mapping) return undefined;
  const written = inside.split(',');
  const current = written[written.length - 1]!.trimStart();
  const prefix = unquote(current);
  const closing = line.after.indexOf(']');
  const rest = closing < 0 ? line.after : line.after.slice(0, closing);
  const continuation = /^[^,\]]*/.exec(rest)![0];
  const present = new Set([...written.slice(0, -1), ...rest.slice(continuation.length).split(',')].map((item) => unquote(item.trim())).filter(Boolean));
  return {
    replace: { start: line.offset - current.length, end: line.offset + continuation.trimEnd().length },
    prefix,
    keys: undefined,
    value: { path: [...mapping, unquote(rawKey), written.length - 1], style: 'flow', column: line.before.length, present, prefixDash: false },
  };
}

function valueSite(parsed: ParsedDescriptor, line: Line, match: RegExpExecArray): CompletionSite | undefined {
  const [, indent = '', dash, rawKey = '', , partial = ''] = match;
  // Block indicators, anchors, tags and comments are not values to complete; neither is prose (a space inside).
  if (/^[[{|>&*!]/.test(partial) || /\s/.test(partial)) return undefined;
  const keyColumn = indent.length + (dash?.length ?? 0);
  const mapping = mappingPath(parsed, line, indent.length, dash);
  if (!mapping) return undefined;
  const restOfValue = line.after.replace(/\s+#.*$/, '').trimEnd();
  return {
    replace: { start: line.offset - partial.length, end: line.offset + restOfValue.length },
    prefix: unquote(partial),
    keys: undefined,
    value: { path: [...mapping, unquote(rawKey)], style: 'inline', column: keyColumn, present: new Set(), prefixDash: false },
  };
}

function itemSite(parsed: ParsedDescriptor, line: Line, match: RegExpExecArray): CompletionSite | undefined {
  const [, indent = '', spaces = '', partial = ''] = match;
  const sequence = sequenceAt(parsed, line, indent.length);
  if (!sequence) return undefined;
  const index = itemIndexOnLine(sequence.node, line.lineStart, line.lineEnd);
  const itemPath = [...sequence.path, index];
  const item = isSeq(sequence.node) ? (sequence.node.items[index] as Node | undefined) : undefined;
  const column = indent.length + 1 + spaces.length;
  const continuation = WORD_AFTER_RE.exec(line.after)![0];
  const keyHasColon = hasColonAfter(line.after);
  return {
    replace: { start: line.offset - partial.length, end: line.offset + continuation.length },
    prefix: unquote(partial),
    keys: { path: itemPath, present: keysOutsideLine(item, line.lineStart, line.lineEnd), column, keyHasColon, prefixDash: false, startsBlock: false },
    // Renaming the first key of an item (`- na‸me: x`) is about keys only.
    value: keyHasColon ? undefined : { path: itemPath, style: 'item', column, present: scalarItems(sequence.node, line), prefixDash: false },
  };
}

function keySite(parsed: ParsedDescriptor, line: Line, match: RegExpExecArray): CompletionSite | undefined {
  const [, indent = '', partial = ''] = match;
  const column = indent.length;
  const container = containerAtColumn(parsed.document, line.text, line.lineStart, column);
  if (!container) return undefined;
  const continuation = WORD_AFTER_RE.exec(line.after)![0];
  const replace = { start: line.offset - partial.length, end: line.offset + continuation.length };
  const keyHasColon = hasColonAfter(line.after);
  if (container.shape === 'seq') {
    const itemPath = [...container.path, isSeq(container.node) ? container.node.items.length : 0];
    return {
      replace, prefix: unquote(partial),
      keys: { path: itemPath, present: new Set(), column: column + 2, keyHasColon, prefixDash: true, startsBlock: false },
      value: { path: itemPath, style: 'item', column: column + 2, present: scalarItems(container.node, line), prefixDash: true },
    };
  }
  return {
    replace, prefix: unquote(partial),
    keys: {
      path: container.path, present: keysOutsideLine(container.node, line.lineStart, line.lineEnd), column,
      keyHasColon, prefixDash: false, startsBlock: container.shape === 'empty',
    },
    value: undefined,
  };
}

/** Path of the mapping holding a `key:` written at `indent` (after a dash when `dash` is set). */
function mappingPath(parsed: ParsedDescriptor, line: Line, indent: number, dash: string | undefined): ValuePath | undefined {
  if (dash) {
    const sequence = sequenceAt(parsed, line, indent);
    return sequence && [...sequence.path, itemIndexOnLine(sequence.node, line.lineStart, line.lineEnd)];
  }
  const container = containerAtColumn(parsed.document, line.text, line.lineStart, indent);
  return container && container.shape !== 'seq' ? container.path : undefined;
}

/** The block sequence whose dashes sit at `dashColumn` and that the cursor line continues (or starts). */
function sequenceAt(parsed: ParsedDescriptor, line: Line, dashColumn: number): { path: ValuePath; node: Node | null | undefined } | undefined {
  const container = containerAtColumn(parsed.document, line.text, line.lineStart, dashColumn);
  if (!container) return undefined;
  if (container.shape !== 'map') return container;
  // A sequence written at its key's own column (`tags:\n- a`): it belongs to the last key above the line.
  if (!isMap(container.node)) return undefined;
  const pairs = container.node.items as Pair[];
  for (let i = pairs.length - 1; i >= 0; i--) {
    const pair = pairs[i]!;
    const keyStart = startOf(pair.key as Node | null);
    if (keyStart === undefined || keyStart >= line.lineStart) continue;
    const value = pair.value as Node | null;
    if (value && !isSeq(value) && !(isScalar(value) && value.value === null)) return undefined;
    if (isSeq(value) && columnOf(line.text, startOf(value)) !== dashColumn) return undefined;
    return { path: [...container.path, keyText(pair)], node: value };
  }
  return undefined;
}

function scalarItems(sequence: Node | null | undefined, line: Line): Set<string> {
  const present = new Set<string>();
  if (!isSeq(sequence)) return present;
  for (const item of sequence.items) {
    if (!isScalar(item) || item.value === null || item.value === undefined) continue;
    const start = startOf(item);
    if (start !== undefined && start >= line.lineStart && start <= line.lineEnd) continue;
    present.add(String(item.value));
  }
  return present;
}

function hasColonAfter(after: string): boolean {
  return /^[^\s:#[\]{},"']*\s*:(\s|$)/.test(after);
}

function unquote(text: string): string {
  return text.replace(/^["']/, '').replace(/["']$/, '');
}
