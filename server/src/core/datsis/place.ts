/**
 * Where a gap's diagnostic goes, and how that place becomes a span. Checks only say "on the `name` of this
 * property" or "on the `kind` key"; the spans are looked up here, once per gap, so a descriptor without gaps
 * never pays for a single lookup.
 */
import { isMap, isPair, type Document, type Node, type Pair } from 'yaml';
import type { Span, ValuePath } from '../types';
import { locate, spanOfNode } from '../yaml/locate';
import type { GapPlace } from './types';

/** A missing top-level key: reported on `kind`, the one key every descriptor has. */
export const TOP_LEVEL: GapPlace = { path: ['kind'], part: 'key' };

export function onKey(path: ValuePath): GapPlace {
  return { path, part: 'key' };
}

export function onValue(path: ValuePath): GapPlace {
  return { path, part: 'value' };
}

/** An item of a list (object, property, server, port...) that lacks something: on its `name` value. */
export function onItemName(itemPath: ValuePath, nameKey = 'name'): GapPlace {
  return { path: [...itemPath, nameKey], part: 'value' };
}

/**
 * A missing key inside the mapping at `parentPath`: on the parent's key when the parent is a map entry
 * (`description:` for a missing `description.purpose`), on `kind` for the top level.
 */
export function missingIn(parentPath: ValuePath): GapPlace {
  return parentPath.length === 0 ? TOP_LEVEL : onKey(parentPath);
}

export function resolvePlace(document: Document.Parsed | undefined, place: GapPlace): Span {
  const located = locate(document, place.path);
  if (located.depth === place.path.length) {
    if (place.part === 'key' && located.keySpan) return located.keySpan;
    const valueSpan = spanOfNode(located.node);
    if (valueSpan && valueSpan.end > valueSpan.start) return valueSpan;
    if (located.keySpan) return located.keySpan;
    if (located.valueSpan) return located.valueSpan;
  }
  // The path ends early: use the deepest node that exists, preferring a key over a whole block.
  // (`locate` clears keySpan when its last step was into a list item, so a key here is the deepest map key.)
  if (located.depth > 0 && located.keySpan) return located.keySpan;
  const node = located.node as Node | null | undefined;
  if (isMap(node)) {
    const first = (node.items as Pair[]).find((item) => isPair(item));
    const keySpan = spanOfNode(first?.key as Node | undefined);
    if (keySpan) return keySpan;
  }
  return spanOfNode(node) ?? located.keySpan ?? { start: 0, end: 0 };
}

/**
 * Where to report a key missing from the mapping at `parentPath`, decided from the plain value (no YAML walk):
 * on the deepest part of the parent path that exists, or on `kind` when none of it does.
 */
export function placeForMissing(root: unknown, parentPath: ValuePath): GapPlace {
  let value: unknown = root;
  let depth = 0;
  for (const segment of parentPath) {
    const next = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined;
    if (next === undefined || next === null) break;
    value = next;
    depth++;
  }
  if (depth === 0) return TOP_LEVEL;
  const reached = parentPath.slice(0, depth);
  return typeof reached[depth - 1] === 'number' ? onItemName(reached) : onKey(reached);
}
