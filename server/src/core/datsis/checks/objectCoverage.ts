/**
 * Coverage rules over schema objects and their properties, evaluated per object and memoised.
 *
 * Scoring runs on every keystroke, and a 4 MB contract has 1,000 objects and 20,000 properties. The incremental
 * reparse keeps every schema object the edit did not touch *identical* (and `buildModel` keeps its `ObjectEntry`),
 * so a rule's outcome for such an object is still valid: each rule keeps, per object, a tally (items covered,
 * items failing, the first gaps), and a keystroke recomputes the tally of the edited object only. Combining the
 * tallies in object order gives exactly what one pass over the whole document gives: the same share, the same
 * failing count and the same first `GAP_BUILD_LIMIT` gaps.
 *
 * A rule is declared as data (`ObjectCoverageSpec`): which items of an object it covers, when an item satisfies
 * it, and the gap of an item that does not. What a rule reads besides the object (the naming convention, the
 * personal-data matcher) must be declared as its `context`: the callbacks get that value, not the environment,
 * so a rule cannot read an input the memo does not know about, and a changed context recomputes the tallies.
 */
import { ObjectMemo } from '../../objectMemo';
import type { CheckEnvironment } from '../environment';
import type { DescriptorModel, ObjectEntry } from '../model';
import type { Check, CheckGap, CheckResult } from '../types';
import { GAP_BUILD_LIMIT, NOT_APPLICABLE } from './helpers';

/** One rule's outcome over part of a document: how many items it covers, how many fail, the first gaps. */
export interface CoverageTally {
  readonly items: number;
  readonly failing: number;
  /**
   * The gaps of the first failing items, at most `GAP_BUILD_LIMIT`. Built on first use and then kept: a contract
   * with 20,000 properties without examples lists only the first 200, so most objects never build theirs.
   */
  readonly gaps: () => readonly CheckGap[];
}

export interface ObjectCoverageSpec<T, C> {
  /**
   * The one input besides the object that the rule reads, taken from the environment. Tallies are reused only
   * while it is the same (`===`), so return the narrowest value (a convention name rather than the whole config).
   */
  readonly context?: (environment: CheckEnvironment) => C;
  /** The items of one schema object the rule covers, in document order. */
  readonly items: (object: ObjectEntry, context: C) => readonly T[];
  readonly isSatisfied: (item: T, object: ObjectEntry, context: C) => unknown;
  /** Called only for failing items, for the first `GAP_BUILD_LIMIT` of an object, and only once its gaps are listed. */
  readonly gapFor: (item: T, object: ObjectEntry, context: C) => CheckGap;
}

/** A rule's tally over all schema objects of a model. */
export type ObjectTally = (model: DescriptorModel, environment: CheckEnvironment) => CoverageTally;

/** For rules whose only item is the schema object itself (a description, a primary key, a quality rule...). */
export function itself(object: ObjectEntry): readonly ObjectEntry[] {
  return [object];
}

/**
 * A per-object summary (a flag, a list) that a document-wide rule combines, computed once per object and context:
 * "holds restricted data anywhere" asks each object once, not each property on every keystroke.
 */
export function memoPerObject<S, C>(summarize: (object: ObjectEntry, context: C) => S): (object: ObjectEntry, context: C) => S {
  const memo = new ObjectMemo<S>();
  return (object, context) => memo.get(object.value, object.index, context, () => summarize(object, context));
}

/** The tally of `spec` over every schema object, recomputing only objects (or a context) that changed. */
export function tallyPerObject<T, C = undefined>(spec: ObjectCoverageSpec<T, C>): ObjectTally {
  const tallyOf = memoPerObject((object: ObjectEntry, context: C) => tallyObject(spec, object, context));
  return (model, environment) => {
    const context = spec.context ? spec.context(environment) : (undefined as C);
    return combineTallies(model.objects.map((object) => tallyOf(object, context)));
  };
}

/** A coverage check made of one spec: the share of the items of all objects that satisfy it. */
export function perObjectCoverage<T, C = undefined>(spec: ObjectCoverageSpec<T, C>): Check {
  const tally = tallyPerObject(spec);
  return (model, environment) => coverageResult(tally(model, environment));
}

function tallyObject<T, C>(spec: ObjectCoverageSpec<T, C>, object: ObjectEntry, context: C): CoverageTally {
  const items = spec.items(object, context);
  const failingItems: T[] = [];
  let failing = 0;
  for (const item of items) {
    if (spec.isSatisfied(item, object, context)) continue;
    if (++failing <= GAP_BUILD_LIMIT) failingItems.push(item);
  }
  return { items: items.length, failing, gaps: once(() => failingItems.map((item) => spec.gapFor(item, object, context))) };
}

/** Tallies of consecutive parts of a document (in document order) as one tally. */
export function combineTallies(tallies: readonly CoverageTally[]): CoverageTally {
  let items = 0;
  let failing = 0;
  for (const tally of tallies) {
    items += tally.items;
    failing += tally.failing;
  }
  return {
    items, failing,
    gaps: once(() => {
      const gaps: CheckGap[] = [];
      for (const tally of tallies) {
        if (gaps.length >= GAP_BUILD_LIMIT) break;
        if (tally.failing) gaps.push(...tally.gaps().slice(0, GAP_BUILD_LIMIT - gaps.length));
      }
      return gaps;
    }),
  };
}

/** The check result of a tally, as `coverage` in helpers.ts computes it: not applicable when nothing is covered. */
export function coverageResult(tally: CoverageTally): CheckResult {
  if (!tally.items) return NOT_APPLICABLE;
  return { satisfied: (tally.items - tally.failing) / tally.items, gaps: tally.gaps(), gapCount: tally.failing };
}

/** `compute`, run on the first call only. */
function once<T>(compute: () => T): () => T {
  let result: { value: T } | undefined;
  return () => (result ??= { value: compute() }).value;
}
