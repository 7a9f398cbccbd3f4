/**
 * When may one reparsed item replace the old one? The `yaml` parser reads top to bottom with a stack of open
 * collections, decides where a line belongs from its indentation and from what is still open, and recovers from
 * errors in ways no list of "local" error codes captures: `key: a: b` opens a mapping indented like its line, so
 * every later sibling (after a multi-line key, every later top-level key) becomes a child of `a`; a key typed
 * without `:` continues into the next line; after an unclosed flow collection the lexer forgets the next line's
 * indentation. So rather than trusting error codes, we check the three places where a chunk meets the rest:
 * - entry: the first line starts the first item at the item's column, with its `:` (or `-`) on that line, after
 *   an error-free item (the lexer state carried into the chunk is reset by that indicator);
 * - exit: the chunk is parsed together with the line after it, which must lex as it does on its own and start
 *   a new item right after the chunk's items (or, a parent's line, lie outside all of them);
 * - errors: the old chunk's errors must be its own, and the items on either side must have none.
 * Plus: no anchors or aliases, no line escaping the chunk's indentation, no key clash. Otherwise a full parse.
 */
import { CST, isCollection, isPair, isSeq, Lexer, parseDocument, type Document, type Node, type Pair, type YAMLError } from 'yaml';
import { itemAnchor, jsKeyOf, lineStart, type ChunkLevel, type Collection } from './chunk';
import { PARSE_OPTIONS } from './parse';

/**
 * Parser errors an author makes while typing inside one item. Only a guard on top of the checks below: whether an
 * error stays inside the item is decided by parsing the item with the line after it, not by its code.
 */
const TYPING_ERROR_CODES = new Set(['MULTILINE_IMPLICIT_KEY', 'BAD_SCALAR_START', 'BLOCK_AS_IMPLICIT_KEY', 'BAD_DQ_ESCAPE', 'KEY_OVER_1024_CHARS', 'TAG_RESOLVE_FAILED', 'TAB_AS_INDENT']);

/** Anchors, aliases, merge keys and document markers tie an item to the rest of the document. */
export function mayAffectOtherItems(chunkText: string): boolean {
  return /(?:^|[\s[{,])[&*][^\s,[\]{}]/.test(chunkText) || /<<\s*:/.test(chunkText) || /^(?:---|\.\.\.|%)/m.test(chunkText);
}

/** Every content line after the first must stay inside the item: deeper than its column, or a sibling at it. */
export function indentationStaysInside(chunkText: string, column: number, sequence: boolean): boolean {
  const lines = chunkText.split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    // Only spaces indent in YAML: a tab after them is content, and usually an error the parser recovers from.
    const content = line.replace(/^ +/, '');
    const indent = line.length - content.length;
    if (content.trim() === '' || content.startsWith('#')) continue;
    if (indent > column) continue;
    if (indent < column) return false;
    if (sequence !== /^-(?:[ \r]|$)/.test(content)) return false;
  }
  return true;
}

/**
 * Errors of the previous parse next to the chunk may mean the parser entered or left it in an unusual state that
 * the old tree does not show (a key without `:` before the chunk, an error after it that the old chunk caused, or a
 * key without `:` after it that reads differently once the chunk ends differently): the item before the chunk (or
 * the line that opens its collection) and the item after it must be free of them.
 */
export function previousErrorsAllow(errors: readonly YAMLError[], levels: readonly ChunkLevel[], text: string): boolean {
  if (!errors.length) return true;
  const chunk = levels[levels.length - 1]!;
  const sequence = isSeq(chunk.collection);
  const before = chunk.index > 0 ? itemAnchor(text, chunk.collection.items[chunk.index - 1], sequence) : undefined;
  const guardStart = before !== undefined ? lineStart(text, before) : levels.length > 1 ? levels[levels.length - 2]!.start : 0;
  const inside = (from: number, to: number): boolean => errors.some((error) => error.pos[0] >= from && error.pos[0] < to);
  // Up to and including the next item's end: an error at the very end of the text may belong to the chunk.
  return !inside(guardStart, chunk.start) && !inside(chunk.end, nextItemEnd(levels, text) + 1);
}

/** The end of the item that follows the chunk, at the chunk's level or, when the chunk is last, at a parent's. */
function nextItemEnd(levels: readonly ChunkLevel[], text: string): number {
  for (let depth = levels.length - 1; depth >= 0; depth--) {
    const { collection, index } = levels[depth]!;
    if (index + 1 >= collection.items.length) continue;
    const afterNext = index + 2 < collection.items.length ? itemAnchor(text, collection.items[index + 2], isSeq(collection)) : undefined;
    if (afterNext !== undefined) return lineStart(text, afterNext);
    return depth > 0 ? levels[depth - 1]!.end : text.length;
  }
  return text.length;
}

/** The line after the chunk, and whether it starts the next item of the chunk's own collection. */
export interface FollowingLine {
  readonly line: string;
  readonly sibling: boolean;
}

/** The line after the chunk (undefined at the end of the text). */
export function followingLine(text: string, chunkEnd: number, chunk: ChunkLevel): FollowingLine | undefined {
  if (chunkEnd >= text.length) return undefined;
  const newline = text.indexOf('\n', chunkEnd);
  return { line: newline < 0 ? text.slice(chunkEnd) : text.slice(chunkEnd, newline + 1), sibling: chunk.index + 1 < chunk.collection.items.length };
}

/**
 * The previous parse's errors inside the old chunk must be exactly those of the old chunk parsed on its own. The
 * parser places some errors outside the item they concern (an unclosed flow collection before the chunk is
 * reported on the chunk's first line, a badly indented item after it at the end of the chunk's last value): such
 * an error would be lost with the old chunk, and says the old chunk was not read on its own anyway.
 */
export function oldChunkOwnsItsErrors(errors: readonly YAMLError[], text: string, chunk: ChunkLevel): boolean {
  const inside = errors.filter((error) => error.pos[0] >= chunk.start && error.pos[0] < chunk.end);
  if (!inside.length) return true;
  const chunkText = text.slice(chunk.start, chunk.end);
  const next = followingLine(text, chunk.end, chunk);
  const own = parseDocument(chunkText + (next?.line ?? ''), PARSE_OPTIONS).errors.filter((error) => error.pos[0] < chunkText.length);
  const describe = (error: YAMLError, shift: number): string => `${error.code}@${error.pos[0] + shift}-${error.pos[1] + shift}`;
  const expected = inside.map((error) => describe(error, 0)).sort();
  const actual = own.map((error) => describe(error, chunk.start)).sort();
  return expected.length === actual.length && expected.every((entry, index) => entry === actual[index]);
}

export interface ChunkParse {
  readonly document: Document.Parsed;
  /** The chunk's items, to splice in place of the old item; their ranges are relative to the chunk. */
  readonly items: unknown[];
}

/**
 * Parses the chunk with the line after it and accepts the result only when the chunk's items start their own lines
 * at the chunk's column, the first on the first line, and the chunk ends right before that line: the line lexes as
 * on its own and starts the next item (a sibling) or lies outside every item (a parent's line). Then the parser
 * enters and leaves the chunk as it does in the full parse, and everything in it reads the same.
 */
export function parseChunk(chunkText: string, next: FollowingLine | undefined, column: number, sequence: boolean): ChunkParse | undefined {
  const source = next === undefined ? chunkText : chunkText + next.line;
  const document = parseDocument(source, PARSE_OPTIONS);
  const root = document.contents as Collection | null;
  if (!root || !isCollection(root) || root.flow || isSeq(root) !== sequence || document.warnings.length) return undefined;
  const chunkLength = chunkText.length;
  const chunkErrors = document.errors.filter((error) => error.pos[0] < chunkLength);
  if (chunkErrors.some((error) => !isTypingError(error) || error.pos[1] > chunkLength)) return undefined;
  const items = root.items;
  if (next !== undefined) {
    if (!lexesAsOnItsOwn(source, chunkLength)) return undefined;
    if (next.sibling) {
      // The next item must start right after the chunk and read cleanly (an error there may be the chunk's doing).
      if (chunkErrors.length < document.errors.length) return undefined;
      if (items.length < 2 || itemLineStart(source, items[items.length - 1], column, sequence) !== chunkLength) return undefined;
      items.pop(); // the next item; it is not part of the chunk
    } else {
      // A parent's line, parsed here after the chunk's root, is left over (the parser reports it; not our error).
      // The chunk must end before it; and since that line's own item is out of sight here, and error recovery can
      // hand it part of the chunk, the chunk must be free of errors.
      if (chunkErrors.length || items.some((item) => valueReachesBeyond(item, chunkLength))) return undefined;
      document.errors = [];
    }
  }
  if (itemLineStart(source, items[0], column, sequence) !== 0 || (!sequence && !keyEndsFirstLine(source, items[0] as Pair))) return undefined;
  for (const item of items) {
    const start = itemLineStart(source, item, column, sequence);
    if (start === undefined || start >= chunkLength) return undefined;
  }
  return { document: document as Document.Parsed, items };
}

/** Lexer tokens that mark structure without standing for any source text. */
const MARKER_TOKENS = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/**
 * The line after the chunk must lex exactly as it does on its own: nothing of the chunk (a scalar, a flow
 * collection) runs into it. Its items alone do not show it all: after a flow collection left open, the lexer ends
 * the collection on that line and forgets the line's indentation, so a value on it continues into the next line.
 */
function lexesAsOnItsOwn(source: string, chunkLength: number): boolean {
  const tokens = [...new Lexer().lex(source)];
  let offset = 0;
  let index = 0;
  while (index < tokens.length && offset < chunkLength) {
    const token = tokens[index++]!;
    if (!MARKER_TOKENS.has(token)) offset += token.length;
  }
  if (offset !== chunkLength) return false;
  const alone = [...new Lexer().lex(source.slice(chunkLength))].filter((token, at) => at > 0 || token !== CST.DOCUMENT);
  const rest = tokens.slice(index);
  return rest.length === alone.length && rest.every((token, at) => token === alone[at]);
}

/**
 * Whether any node in the item (a node, or a pair's key and value, and everything inside) has its value end after
 * `offset`. (Its end with trailing comments may: an empty value followed by a comment ends at the next token.)
 */
function valueReachesBeyond(item: unknown, offset: number): boolean {
  let beyond = false;
  const check = (node: unknown): void => {
    if (beyond || !node) return;
    if (isPair(node)) {
      check(node.key);
      check(node.value);
      return;
    }
    const range = (node as Node).range;
    if (range && range[1] > offset) beyond = true;
    else if (isCollection(node)) for (const child of node.items) check(child);
  };
  check(item);
  return beyond;
}

/** The start of the item's line when the item begins it at `column` after nothing but spaces; otherwise undefined. */
function itemLineStart(text: string, item: unknown, column: number, sequence: boolean): number | undefined {
  const anchor = itemAnchor(text, item, sequence);
  if (anchor === undefined) return undefined;
  const start = lineStart(text, anchor);
  return anchor - start === column && /^ *$/.test(text.slice(start, anchor)) ? start : undefined;
}

/**
 * The full parse enters the chunk with the lexer state of the line before it, a parse of the chunk alone without:
 * they agree from the first `:` (or a sequence item's `-`) on, which resets that state. A first line without one
 * (a key still waiting for its `:`) may continue into the next line in one parse and not in the other.
 */
function keyEndsFirstLine(text: string, pair: Pair): boolean {
  const keyEnd = (pair.key as Node | null)?.range?.[1];
  const newline = text.indexOf('\n');
  return keyEnd !== undefined && (newline < 0 || keyEnd < newline) && /^[ \t]*:(?:[ \t\r\n]|$)/.test(text.slice(keyEnd, newline < 0 ? text.length : newline + 1));
}

function isTypingError(error: YAMLError): boolean {
  // A missing `:` after a key being typed is one; a missing closing quote or bracket is not.
  return TYPING_ERROR_CODES.has(error.code) || (error.code === 'MISSING_CHAR' && /map value/i.test(error.message));
}

export function hasKeyClash(map: Collection, replacedIndex: number, pairs: Pair[]): boolean {
  const newKeys = pairs.map((pair) => jsKeyOf(pair.key));
  if (newKeys.some((key) => key === undefined) || new Set(newKeys).size !== newKeys.length) return true;
  return (map.items as Pair[]).some((pair, index) => index !== replacedIndex && newKeys.includes(jsKeyOf(pair.key)));
}
