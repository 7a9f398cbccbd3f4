/**
 * SQL names for all names of one scope at once (the tables of a schema, the columns of a table), because whether
 * `Id` must be quoted depends on whether an `ID` sits next to it, and a name that is the same identifier as an
 * earlier one is left out. The planner runs this for every table of a contract, so it allocates almost nothing per
 * name: no stored-name copies for the usual lower-case names, and small scopes deduplicated in fixed scratch tables.
 */
import { cleanText } from './identifiers';
import { HAS_UPPER, reservedWords } from './reservedWords';
import type { IdentifierRules } from './types';

export interface ScopedName {
  readonly name: string;
  /** The identifier as written in SQL. */
  readonly sql: string;
  /** Set when this name is the same identifier as an earlier one in its scope; it is then left out of the DDL. */
  readonly duplicateOf?: string;
}

/**
 * Assigns SQL names to all names of one scope (the tables of a schema, the columns of a table) at once, because
 * whether `Id` must be quoted depends on whether an `ID` sits next to it.
 */
export function nameScope(rules: IdentifierRules, names: readonly string[]): ScopedName[] {
  const { sql, duplicateOf } = scopeNames(rules, names);
  return names.map((name, index) => {
    const earlier = duplicateOf?.[index];
    return earlier === undefined ? { name, sql: sql[index]! } : { name, sql: sql[index]!, duplicateOf: earlier };
  });
}

/** The SQL names of one scope, as parallel arrays. */
export interface ScopedNames {
  readonly sql: readonly string[];
  /** Per name, the earlier name it is the same identifier as; undefined (the whole array) when there is none. */
  readonly duplicateOf: readonly (string | undefined)[] | undefined;
}

/**
 * `nameScope` without an object per name, for the planner, which scopes the columns of every table of a contract.
 *
 * Names collide when the engine stores them under the same catalogue key. Rather than building each stored name,
 * names are compared by a key that collides exactly when those would: a name written bare is a plain ASCII
 * identifier, and two bare names are stored alike exactly when they are equal ignoring ASCII case, so its key is
 * its lower-case form (the name itself, usually, so nothing is copied). A quoted name keeps its spelling (lower-cased
 * where the engine ignores case even in quotes); it can never equal the key of a bare name, because a plain,
 * unreserved identifier in any case is never quoted on its own. Names with one key but different spellings are
 * quoted to stay apart where quoted names are case-sensitive; names with one key after that are duplicates.
 */
export function scopeNames(rules: IdentifierRules, names: readonly string[]): ScopedNames {
  const count = names.length;
  const sql = new Array<string>(count);
  const keys = new Array<string>(count);
  const reserved = reservedWords(rules.reserved);
  for (let index = 0; index < count; index++) {
    const clean = cleanText(names[index]!);
    if (rules.regular.test(clean)) {
      const upper = HAS_UPPER.test(clean);
      if (!reserved.has(clean, upper)) {
        sql[index] = clean;
        keys[index] = upper ? clean.toLowerCase() : clean;
        continue;
      }
    }
    sql[index] = quoted(rules, clean);
    keys[index] = rules.caseInsensitive ? clean.toLowerCase() : clean;
  }
  const first = firstOfKey(keys);
  if (!first) return { sql, duplicateOf: undefined };
  if (!rules.caseInsensitive) {
    // Bare names with one key and different spellings: quoted, they keep their exact spelling and stay apart.
    let clashing: Set<string> | undefined;
    for (let index = 0; index < count; index++) {
      const earlier = first[index]!;
      if (earlier !== index && sql[earlier] !== sql[index]) (clashing ??= new Set()).add(keys[index]!);
    }
    if (clashing) {
      for (let index = 0; index < count; index++) {
        if (!clashing.has(keys[index]!)) continue;
        const clean = cleanText(names[index]!);
        sql[index] = quoted(rules, clean);
        keys[index] = clean;
      }
    }
  }
  const firstAfter = firstOfKey(keys);
  if (!firstAfter) return { sql, duplicateOf: undefined };
  const duplicateOf = new Array<string | undefined>(count);
  for (let index = 0; index < count; index++) {
    const earlier = firstAfter[index]!;
    duplicateOf[index] = earlier === index ? undefined : names[earlier];
  }
  return { sql, duplicateOf };
}

function quoted(rules: IdentifierRules, clean: string): string {
  return `${rules.quote}${rules.escape(clean)}${rules.quote}`;
}

/** Scopes up to this size are deduplicated in fixed scratch tables, which allocates nothing; larger ones use a map. */
const SMALL_SCOPE = 32;
/** Open-addressing slots for a small scope: a power of two, at most half full. */
const SLOTS = 64;
const SLOT_OWNER = new Int32Array(SLOTS);
/** Which call filled each slot, so the table never needs clearing. */
const SLOT_ROUND = new Int32Array(SLOTS);
const FINGERPRINTS = new Int32Array(SMALL_SCOPE);
let round = 0;

/**
 * A cheap fingerprint from the length and three characters: names of one table often differ only near their end
 * (`col_1`, `col_2`), so those characters are in it. Equal keys have equal fingerprints; the converse is checked.
 */
function fingerprint(key: string): number {
  const length = key.length;
  if (length === 0) return 0;
  return Math.imul(Math.imul(Math.imul(length, 31) + key.charCodeAt(length - 1), 31) + key.charCodeAt(length >> 1), 31) + key.charCodeAt(length > 1 ? length - 2 : 0);
}

/** For each key, the index of its first occurrence; undefined when all keys differ (the usual case). */
function firstOfKey(keys: readonly string[]): number[] | undefined {
  const count = keys.length;
  let first: number[] | undefined;
  if (count <= SMALL_SCOPE) {
    if (++round === 0x7fffffff) {
      round = 1;
      SLOT_ROUND.fill(0);
    }
    for (let index = 0; index < count; index++) {
      const key = keys[index]!;
      const print = fingerprint(key);
      FINGERPRINTS[index] = print;
      let slot = Math.imul(print, 0x9e3779b1) >>> 26;
      let earlier = -1;
      while (SLOT_ROUND[slot] === round) {
        const owner = SLOT_OWNER[slot]!;
        if (FINGERPRINTS[owner] === print && keys[owner] === key) {
          earlier = owner;
          break;
        }
        slot = (slot + 1) & (SLOTS - 1);
      }
      if (earlier < 0) {
        SLOT_ROUND[slot] = round;
        SLOT_OWNER[slot] = index;
      } else {
        (first ??= keys.map((_, at) => at))[index] = earlier;
      }
    }
    return first;
  }
  const seen = new Map<string, number>();
  for (let index = 0; index < count; index++) {
    const earlier = seen.get(keys[index]!);
    if (earlier === undefined) seen.set(keys[index]!, index);
    else (first ??= keys.map((_, at) => at))[index] = earlier;
  }
  return first;
}
