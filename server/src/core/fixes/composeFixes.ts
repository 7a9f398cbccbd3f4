/**
 * Applying many fixes to one document, in rounds. In a round every single-action fix is computed on the same
 * parse; fixes whose edits do not touch are applied together, the others wait for the next round's parse. So
 * "fix all" costs one parse per round, not per fix, and rounds stay few because the commonest collision, several
 * fixes adding different keys to the same mapping (or items to the same sequence) at the same place, is stacked
 * in one round in the conventional key order instead of waiting.
 *
 * Every round is verified by re-parsing: a round that breaks a document that parsed cleanly is redone fix by fix,
 * and a fix that breaks it on its own is dropped. Above VERIFY_LIMIT characters the last verification is skipped
 * (a parse of a multi-megabyte file costs seconds); the engine's property tests stand in for it there.
 */
import { isMap, isSeq } from 'yaml';
import type { Span, ValuePath } from '../types';
import { parseDescriptor, type ParsedDescriptor } from '../yaml/parse';
import { actionEdits, type RawEdit } from './actions';
import { EditComposer, type ComposedEdit } from './compose';
import { preferredKeyOrder } from './keyOrder';
import { detectStyle } from './layout';
import { findPair, resolvePath } from './navigate';
import type { Fix, FixAction } from './types';

/** Documents up to this many characters are re-parsed after the last round to prove the result still parses. */
export const VERIFY_LIMIT = 1_000_000;

/** Fixes adding to the same existing block collection at the same place may share a round. */
interface Stack {
  readonly target: string;
  /** The key added (mappings); undefined for sequence items. */
  readonly key: string | undefined;
  /** Position of the key in the conventional order: stacked insertions are written in that order. */
  readonly rank: number;
}

interface Taken {
  readonly span: Span;
  readonly stack: Stack | undefined;
}

export function composeFixes(parsed: ParsedDescriptor, fixes: readonly Fix[]): ComposedEdit[] {
  const style = detectStyle(parsed.text, parsed.document);
  const composer = new EditComposer(parsed.text);
  const verify = parsed.text.length <= VERIFY_LIMIT;
  const cleanBefore = (parsed.document?.errors.length ?? 0) === 0;
  const breaks = (candidate: ParsedDescriptor): boolean => cleanBefore && (candidate.document?.errors.length ?? 0) > 0;
  let current = parsed;
  let stale = false; // the composer's text has moved on since `current` was parsed
  let actionCount = 0;
  const fresh = (): ParsedDescriptor => {
    if (stale) {
      current = parseDescriptor(composer.text);
      stale = false;
    }
    return current;
  };
  const editsOf = (source: ParsedDescriptor, action: FixAction): RawEdit[] =>
    actionEdits({ text: source.text, document: source.document, kind: source.kind ?? parsed.kind, style, tabstopPrefix: `${actionCount++}:` }, action);

  /** One fix on its own, action after action; undone if it breaks the document. */
  const applyAlone = (fix: Fix): void => {
    const rollback = composer.snapshot();
    let changed = false;
    for (const action of fix.actions) {
      const edits = editsOf(fresh(), action);
      if (edits.length === 0) continue;
      composer.apply(edits);
      stale = changed = true;
    }
    if (changed && verify && breaks(fresh())) {
      rollback();
      stale = true;
    }
  };

  let pending = [...fixes];
  while (pending.length) {
    const source = fresh();
    const deferred: Fix[] = [];
    const batch: Fix[] = [];
    const taken: Taken[] = [];
    const edits: RawEdit[] = [];
    let rest: Fix[] | undefined;
    for (let index = 0; index < pending.length; index++) {
      const fix = pending[index]!;
      if (fix.actions.length !== 1) {
        if (batch.length || deferred.length) {
          deferred.push(fix);
          continue;
        }
        // a fix of several actions runs alone; the fixes after it are computed on its result
        applyAlone(fix);
        rest = pending.slice(index + 1);
        break;
      }
      const action = fix.actions[0]!;
      const fixEdits = editsOf(source, action);
      if (fixEdits.length === 0) continue; // nothing to do (already there)
      const stack = stackOf(source, action);
      if (fixEdits.some((edit) => taken.some((other) => collides(edit.span, stack, other)))) {
        deferred.push(fix); // recompute on the next round's parse
        continue;
      }
      batch.push(fix);
      for (const edit of fixEdits) {
        taken.push({ span: edit.span, stack });
        edits.push(stack ? { ...edit, rank: stack.rank } : edit);
      }
    }
    if (rest) {
      pending = rest;
      continue;
    }
    if (edits.length) {
      const rollback = composer.snapshot();
      composer.apply(edits);
      stale = true;
      if ((verify || deferred.length) && breaks(fresh())) {
        rollback();
        stale = true;
        for (const fix of batch) applyAlone(fix);
      }
    }
    if (deferred.length === pending.length) break; // no progress possible
    pending = deferred;
  }
  return composer.result();
}

/**
 * When an action's only effect is a new key in an existing block mapping (possibly holding created parents or a
 * created list), or a new item in an existing block sequence, it may stack with others doing the same.
 */
function stackOf(source: ParsedDescriptor, action: FixAction): Stack | undefined {
  const intoMap = (mapPath: ValuePath, key: string): Stack | undefined => {
    const target = resolvePath(source.document, mapPath);
    if (target.depth !== mapPath.length || !isMap(target.node) || target.node.flow || findPair(target.node, key)) return undefined;
    const rank = preferredKeyOrder(source.kind, mapPath)?.indexOf(key) ?? -1;
    return { target: `map ${JSON.stringify(mapPath)}`, key, rank: rank < 0 ? Number.MAX_SAFE_INTEGER : rank };
  };
  /** The first missing segment of `path` is a key created in the deepest existing mapping. */
  const createdKey = (path: ValuePath, depth: number): Stack | undefined => {
    const missing = path[depth];
    return typeof missing === 'string' ? intoMap(path.slice(0, depth), missing) : undefined;
  };
  switch (action.kind) {
    case 'insertKey': {
      const depth = resolvePath(source.document, action.parentPath).depth;
      return depth === action.parentPath.length ? intoMap(action.parentPath, action.key) : createdKey(action.parentPath, depth);
    }
    case 'appendItem': {
      const target = resolvePath(source.document, action.path);
      if (target.depth < action.path.length) return createdKey(action.path, target.depth);
      return isSeq(target.node) && !target.node.flow ? { target: `seq ${JSON.stringify(action.path)}`, key: undefined, rank: Number.MAX_SAFE_INTEGER } : undefined;
    }
    case 'replaceValue': {
      const depth = resolvePath(source.document, action.path).depth;
      return depth < action.path.length ? createdKey(action.path, depth) : undefined;
    }
    case 'renameKey':
      return undefined;
  }
}

/**
 * Edits collide when they overlap or touch, except two pure insertions at the same place into the same existing
 * block collection that add different keys (or sequence items): whole lines, which can simply follow each other.
 */
function collides(span: Span, stack: Stack | undefined, other: Taken): boolean {
  if (span.start > other.span.end || span.end < other.span.start) return false;
  const bothInsertAtSamePlace = span.start === span.end && other.span.start === other.span.end && span.start === other.span.start;
  const stackable = !!stack && !!other.stack && stack.target === other.stack.target && (stack.key === undefined || stack.key !== other.stack.key);
  return !(bothInsertAtSamePlace && stackable);
}
