/**
 * Name scoping compares names by a cheap key (a bare name's lower-case form, a quoted name's spelling) instead of
 * the name each engine stores. This checks that against the plain definition, written out here as the oracle: the
 * stored name is the folded bare name or the exact quoted one, names with one stored key but different spellings
 * are quoted where quoted names are case-sensitive, and what still shares a key is a duplicate of the first.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DIALECTS } from '../../../server/src/core/ddl/dialects/index';
import { catalogName, cleanText, needsQuoting, quoteIdentifier } from '../../../server/src/core/ddl/identifiers';
import { nameScope, type ScopedName } from '../../../server/src/core/ddl/nameScope';
import type { IdentifierRules } from '../../../server/src/core/ddl/types';

function storedKey(rules: IdentifierRules, name: string, quoted: boolean): string {
  const stored = catalogName(rules, name, quoted);
  return rules.caseInsensitive ? stored.toLowerCase() : stored;
}

/** The definition, one stored name per name, with maps. */
function oracle(rules: IdentifierRules, names: readonly string[]): ScopedName[] {
  const quoted = names.map((name) => needsQuoting(rules, cleanText(name)));
  let keys = names.map((name, index) => storedKey(rules, name, quoted[index]!));
  if (!rules.caseInsensitive) {
    const spelling = new Map<string, string>();
    const clashing = new Set<string>();
    keys.forEach((key, index) => {
      const first = spelling.get(key);
      if (first === undefined) spelling.set(key, cleanText(names[index]!));
      else if (first !== cleanText(names[index]!)) clashing.add(key);
    });
    keys.forEach((key, index) => { if (clashing.has(key)) quoted[index] = true; });
    keys = names.map((name, index) => storedKey(rules, name, quoted[index]!));
  }
  const firstName = new Map<string, string>();
  return names.map((name, index) => {
    const sql = quoteIdentifier(rules, name, quoted[index]);
    const earlier = firstName.get(keys[index]!);
    if (earlier === undefined) firstName.set(keys[index]!, name);
    return earlier === undefined ? { name, sql } : { name, sql, duplicateOf: earlier };
  });
}

/** Spellings that fold alike, reserved words in every case, quoting characters, and letters whose case mapping is not ASCII. */
const spellings = fc.constantFrom(
  'id', 'ID', 'Id', 'select', 'SELECT', 'Select', 'order', 'user', 'USER', 'a b', 'A B', 'x"y', 'x`y', '_x', '_X', 'a$', 'A$', '1a',
  'col', 'COL', 'İd', 'ıd', 'ß', 'SS', 'ss', 'K', 'k', '\u212A', 'ǅ', 'ǆ', 'Ǆ', 'x\u0000', 'x\uFFFD', '\uD800', '',
);

describe('name scopes', () => {
  for (const dialect of Object.values(DIALECTS)) {
    it(`gives the names, quoting and duplicates of the definition (${dialect.id})`, () => {
      // Up to 40 names: small scopes use scratch tables, larger ones a map.
      fc.assert(fc.property(fc.array(spellings, { maxLength: 40 }), (names) => {
        assert.deepEqual(nameScope(dialect.identifiers, names), oracle(dialect.identifiers, names));
      }), { numRuns: 400 });
    });
  }
});
