/**
 * Small building blocks shared by the checks: presence and coverage results, and fix constructors, so every
 * check reads as "what is expected" rather than bookkeeping.
 */
import type { Fix, FixValue } from '../../fixes/types';
import type { ValuePath } from '../../types';
import type { Located, YamlMap } from '../model';
import { isMap } from '../model';
import type { CheckGap, CheckResult } from '../types';

export const NOT_APPLICABLE: CheckResult = { satisfied: undefined, gaps: [] };
export const SATISFIED: CheckResult = { satisfied: 1, gaps: [] };

export function presence(gap: CheckGap | undefined): CheckResult {
  return gap ? { satisfied: 0, gaps: [gap] } : SATISFIED;
}

/**
 * At most this many gaps are built per check (the share still counts every item). See `MAX_GAPS_PER_RULE`
 * in score.ts: building messages and fixes for 20,000 properties nobody will read one by one is wasted work.
 */
export const GAP_BUILD_LIMIT = 200;

/**
 * The share of `items` that satisfy the rule; not applicable when there is nothing to cover. Gaps are built
 * (by `gapFor`) only for failing items, and only up to the build limit: the satisfied test runs for all.
 */
export function coverage<T>(items: readonly T[], isSatisfied: (item: T) => unknown, gapFor: (item: T) => CheckGap): CheckResult {
  if (!items.length) return NOT_APPLICABLE;
  const gaps: CheckGap[] = [];
  let failing = 0;
  for (const item of items) {
    if (isSatisfied(item)) continue;
    if (++failing <= GAP_BUILD_LIMIT) gaps.push(gapFor(item));
  }
  return { satisfied: (items.length - failing) / items.length, gaps, gapCount: failing };
}

/** `coverage` for checks over short lists (objects, servers, ports) whose gap depends on what was found. */
export function coverageOf<T>(items: readonly T[], gapOf: (item: T) => CheckGap | undefined): CheckResult {
  if (!items.length) return NOT_APPLICABLE;
  const gaps: CheckGap[] = [];
  for (const item of items) {
    const gap = gapOf(item);
    if (gap) gaps.push(gap);
  }
  return { satisfied: (items.length - gaps.length) / items.length, gaps };
}

export function insertKeyFix(title: string, parentPath: ValuePath, key: string, value: FixValue, fixAll: boolean): Fix {
  return { title, actions: [{ kind: 'insertKey', parentPath, key, value }], fixAll };
}

export function appendItemFix(title: string, path: ValuePath, value: FixValue, fixAll: boolean): Fix {
  return { title, actions: [{ kind: 'appendItem', path, value }], fixAll };
}

export function replaceValueFix(title: string, path: ValuePath, value: FixValue, fixAll: boolean): Fix {
  return { title, actions: [{ kind: 'replaceValue', path, value }], fixAll };
}

/** The maps in a list-valued key (ignoring anything that is not a map). */
export function mapsIn(value: unknown): YamlMap[] {
  return Array.isArray(value) ? value.filter(isMap) : [];
}

/** A located item's label for messages: its `name` (or the given key), else its position. */
export function labelOf(item: Located, key = 'name'): string {
  const value = item.value[key];
  if (typeof value === 'string' && value.trim()) return `\`${value.trim()}\``;
  const index = item.path[item.path.length - 1];
  return `#${typeof index === 'number' ? index + 1 : '?'}`;
}

/** Lower-cased string value, for comparisons against known vocabularies. */
export function lower(value: unknown): string | undefined {
  return typeof value === 'string' ? value.trim().toLowerCase() : undefined;
}

/** The file name of a URI without descriptor suffixes: `.../demand-forecast.odcs.yaml` -> `demand-forecast`. */
export function fileStem(uri: string): string {
  const last = decodeURIComponent(uri.split(/[\\/]/).pop() ?? '');
  return last.replace(/\.(odcs|odps|datacontract|dataproduct)?\.?(ya?ml)$/i, '').replace(/\.$/, '') || 'descriptor';
}

/** The name of the folder holding the file, often the domain in a mesh repository. */
export function parentFolder(uri: string): string | undefined {
  const parts = uri.split(/[\\/]/).filter(Boolean);
  return parts.length >= 2 ? decodeURIComponent(parts[parts.length - 2]!) : undefined;
}
