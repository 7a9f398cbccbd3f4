/**
 * Per-item memoisation for the keystroke path. The incremental reparse (yaml/incremental.ts) rebuilds only the
 * plain value of the item an edit touched and keeps every other object of the previous value *identical*, so a
 * result computed from one schema object (its findings, its coverage counts) stays valid for as long as that
 * object is the same JS object at the same place and the inputs the result also depends on (`key`: the rules
 * configuration, a matcher, a lookup built for the whole document) are the same. A 4 MB contract then costs one
 * object's work per keystroke instead of a thousand.
 *
 * Keys are held weakly: results vanish with the parses they were computed from.
 */
export class ObjectMemo<T> {
  private readonly entries = new WeakMap<object, { readonly index: number; readonly key: unknown; readonly result: T }>();

  /**
   * The result for `item` at `index`, computed by `compute` unless a result for the same object, index and key
   * is known. `index` is part of the identity because results carry absolute value paths (`['schema', 3, ...]`).
   * `key` is compared with `===`: a short string compares by value (e.g. the schema flags under the object), an
   * object only by identity, so it must be replaced, never mutated, whenever what it stands for changes.
   * One entry per item: an instance serves one kind of result; use separate instances for separate results.
   */
  get(item: object, index: number, key: unknown, compute: () => T): T {
    const entry = this.entries.get(item);
    if (entry && entry.index === index && entry.key === key) return entry.result;
    const result = compute();
    this.entries.set(item, { index, key, result });
    return result;
  }
}
