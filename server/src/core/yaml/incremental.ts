/**
 * Incremental reparsing. The `yaml` package needs seconds for a 4 MB contract, so a full parse per keystroke cannot
 * keep up. An edit almost always falls inside one item of a block collection (one schema object, one property, one
 * top-level key): we reparse only that item's lines and splice the new nodes into the previous document, shifting
 * the ranges of everything after it. `chunk.ts` finds the item, `chunkSafety.ts` decides whether its reparse reads
 * exactly as the full parse would (the parser's state where it enters and leaves the item, anchors, indentation
 * that escapes it, errors around it), `splice.ts` puts it in place. Whenever in doubt we fall back to a full
 * parse, so the result always equals what `parseDescriptor` would return for the new text.
 */
import { isMap, isSeq, type Document, type Pair } from 'yaml';
import { findChunk, type ChunkLevel } from './chunk';
import { followingLine, hasKeyClash, indentationStaysInside, mayAffectOtherItems, oldChunkOwnsItsErrors, parseChunk, previousErrorsAllow } from './chunkSafety';
import { detectKind, parseDescriptor, topLevelString, withEncodingFinding, type ParsedDescriptor } from './parse';
import { mergeFindings, shiftError, shiftFollowing, shiftItem, spliceValue } from './splice';
import { yamlErrorsToFindings } from './syntaxErrors';

/** Below this size a full parse is fast enough that incremental bookkeeping is not worth its risk. */
export const INCREMENTAL_MIN_CHARS = 32 * 1024;

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
  // `%YAML 1.1` changes what plain scalars mean and `%TAG` defines tag handles: a chunk parsed alone has neither.
  if (document.directives.yaml.version !== '1.2' || Object.keys(document.directives.tags).length > 1) return undefined;
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
  const sequence = isSeq(chunk.collection);
  const newChunkEnd = chunk.end + delta;
  const chunkText = text.slice(chunk.start, newChunkEnd);
  if (newChunkEnd < text.length && !chunkText.endsWith('\n')) return undefined; // the edit joined the next item's line
  if (mayAffectOtherItems(previous.text.slice(chunk.start, chunk.end)) || mayAffectOtherItems(chunkText)) return undefined;
  if (!indentationStaysInside(chunkText, chunk.column, sequence)) return undefined;
  if (!previousErrorsAllow(document.errors, levels, previous.text) || !oldChunkOwnsItsErrors(document.errors, previous.text, chunk)) return undefined;

  const parsed = parseChunk(chunkText, followingLine(text, newChunkEnd, chunk), chunk.column, sequence);
  if (!parsed) return undefined;
  const { document: chunkDocument, items: newItems } = parsed;
  if (!sequence && hasKeyClash(chunk.collection, chunk.index, newItems as Pair[])) return undefined;

  let chunkValue: unknown;
  try {
    chunkValue = chunkDocument.toJS();
  } catch {
    return undefined;
  }
  const value = spliceValue(previous.value, levels, newItems, chunkValue);
  if (value === undefined) return undefined;

  // From here on the previous document is updated in place: it belongs to the superseded version.
  for (const item of newItems) shiftItem(item, chunk.start);
  chunk.collection.items.splice(chunk.index, 1, ...newItems);
  shiftFollowing(document, levels, newItems.length, changeEnd, delta);

  const syntaxFindings = mergeFindings(previous.syntaxFindings, chunk.start, chunk.end, delta, yamlErrorsToFindings(chunkDocument, chunkText.length));
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
