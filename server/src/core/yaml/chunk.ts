/**
 * Where an edit falls in the previous parse: the chain of block-collection items whose lines contain the change,
 * from a top-level key down to the smallest such item. The incremental reparse (`incremental.ts`) tries them from
 * the innermost outwards. Only items that start their own line, in a collection whose items all line up, are
 * offered: the parser files each line under the innermost open collection whose indentation the line reaches, so
 * an item can be reparsed alone only when its column is exactly that collection's indentation.
 */
import { isCollection, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';

export type Collection = Document.Parsed['contents'] & { items: unknown[]; flow?: boolean; range?: [number, number, number] };

/** One level of the descent: the item `index` of `collection`, occupying the lines `[start, end)` of the old text. */
export interface ChunkLevel {
  readonly collection: Collection;
  readonly index: number;
  readonly start: number;
  readonly end: number;
  /** Column of the item's `-` (sequences) or key (mappings); the reparsed lines must keep it. */
  readonly column: number;
  /** The JS key or index of this collection inside its parent value, for updating the plain value. */
  readonly valueKey: string | number | undefined;
}

/** Descends through block collections to the smallest item whose lines contain the changed region. */
export function findChunk(document: Document.Parsed, text: string, changeStart: number, changeEnd: number): ChunkLevel[] {
  const levels: ChunkLevel[] = [];
  let collection = document.contents as Collection;
  let limit = text.length;
  let valueKey: string | number | undefined;
  for (;;) {
    const sequence = isSeq(collection);
    const items = collection.items;
    const firstAnchor = itemAnchor(text, items[0], sequence);
    // The collection's indentation: the column of its first item, when only indentation (or the dashes of the
    // sequence items it sits in) precedes it. `key: a: b` opens a mapping indented like its line, not like `a`.
    if (firstAnchor === undefined || !/^ *(?:- +)*$/.test(text.slice(lineStart(text, firstAnchor), firstAnchor))) return levels;
    const collectionColumn = firstAnchor - lineStart(text, firstAnchor);
    let found: ChunkLevel | undefined;
    for (let index = items.length - 1; index >= 0; index--) {
      const anchor = itemAnchor(text, items[index], sequence);
      if (anchor === undefined) return levels;
      const start = lineStart(text, anchor);
      // Text inserted at the start of an item's line usually belongs to the item before (a new sibling or line).
      if (start > changeStart || (start === changeStart && index > 0)) continue;
      const nextAnchor = index + 1 < items.length ? itemAnchor(text, items[index + 1], sequence) : limit;
      if (nextAnchor === undefined) return levels;
      const end = index + 1 < items.length ? lineStart(text, nextAnchor) : limit;
      // The item must start its own line (`- key: v` shares its line with the sequence item) at the column of its
      // collection (an item further right is one the parser accepted with a bad-indentation error).
      if (changeEnd > end || !/^ *$/.test(text.slice(start, anchor)) || anchor - start !== collectionColumn) return levels;
      if (levels.length && start <= levels[levels.length - 1]!.start) return levels;
      found = { collection, index, start, end, column: anchor - start, valueKey };
      break;
    }
    if (!found) return levels;
    levels.push(found);
    const item = items[found.index];
    const child = isPair(item) ? (item.value as Node | null) : (item as Node);
    if (!isCollection(child) || child.flow || (isPair(item) && !isScalar(item.key))) return levels;
    valueKey = isPair(item) ? jsKeyOf(item.key) : found.index;
    collection = child as Collection;
    limit = found.end;
  }
}

/** Where an item begins: a mapping item's key, a sequence item's `-`; undefined when the text does not say. */
export function itemAnchor(text: string, item: unknown, sequence: boolean): number | undefined {
  const start = startOf(item);
  if (start === undefined) return undefined;
  // An empty key (`: v`) has no token of its own; the parser places it by context, not by its line.
  if (!sequence) return isPair(item) && (item.key as Node).range![1] > start ? start : undefined;
  // A sequence item's node starts after its dash (and the spaces after it); an empty item starts right after it.
  let dash = start - 1;
  while (dash >= 0 && text.charCodeAt(dash) === 0x20) dash--;
  return text.charCodeAt(dash) === 0x2d ? dash : undefined;
}

/**
 * The property name `toJS` gives a scalar key in a plain object (`~` and an empty key both become `''`);
 * undefined for a key that is not a scalar.
 */
export function jsKeyOf(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  return key.value === null ? '' : String(key.value);
}

export function startOf(item: unknown): number | undefined {
  if (isPair(item)) return (item.key as Node | null)?.range?.[0];
  return (item as Node | null)?.range?.[0];
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
