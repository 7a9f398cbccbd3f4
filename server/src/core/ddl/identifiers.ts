/**
 * Names and text in generated SQL. Every identifier and every piece of contract text passes through here, which is
 * what guarantees that quotes, semicolons, line breaks or reserved words in a contract can never end a literal, a
 * quoted name or a comment early and so never inject SQL.
 *
 * Quoting policy: a name that the dialect accepts bare (a "regular identifier" that is not reserved) is written bare
 * and the engine folds it as usual (`Orders` becomes `orders` in PostgreSQL and `ORDERS` in Snowflake), so the hand-written
 * SQL of `type: sql` quality rules keeps working. Any other name is quoted and keeps its exact spelling. Names that
 * would collide once folded are quoted too where the engine distinguishes quoted case, and reported where it does not.
 */
import type { IdentifierRules } from './types';

/** Text fit for an SQL script: well-formed UTF-16 and no NUL (which no engine accepts in names or literals). */
export function cleanText(text: string): string {
  // The cheap test (no look-around) rules out almost every text; only suspects get the exact replacement.
  return SUSPECT.test(text) ? text.replace(UNFIT_ALL, '\uFFFD') : text;
}

const SUSPECT = /[\u0000\uD800-\uDFFF]/;

/** NUL and lone surrogates (which cannot be encoded as UTF-8). */
const UNFIT_SOURCE = '\\u0000|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const UNFIT_ALL = new RegExp(UNFIT_SOURCE, 'g');

export function needsQuoting(rules: IdentifierRules, name: string): boolean {
  return !rules.regular.test(name) || rules.reserved.has(name.toUpperCase());
}

export function quoteIdentifier(rules: IdentifierRules, name: string, forceQuote = false): string {
  const clean = cleanText(name);
  if (!forceQuote && !needsQuoting(rules, clean)) return clean;
  return `${rules.quote}${rules.escape(clean)}${rules.quote}`;
}

/** The name the engine stores for `name` written the way `quoteIdentifier` writes it. */
export function catalogName(rules: IdentifierRules, name: string, forceQuote = false): string {
  const clean = cleanText(name);
  if (forceQuote || needsQuoting(rules, clean)) return clean;
  if (rules.fold === 'upper') return clean.toUpperCase();
  if (rules.fold === 'lower') return clean.toLowerCase();
  return clean;
}

/** The name as stored, and the key it collides on in the engine's catalogue. */
function storedAndKey(rules: IdentifierRules, clean: string, quoted: boolean): string {
  const stored = quoted ? clean : rules.fold === 'upper' ? clean.toUpperCase() : rules.fold === 'lower' ? clean.toLowerCase() : clean;
  return rules.caseInsensitive ? stored.toLowerCase() : stored;
}

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
  const cleaned = names.map(cleanText);
  const quoted = cleaned.map((name) => needsQuoting(rules, name));
  const keys = cleaned.map((name, index) => storedAndKey(rules, name, quoted[index]!));
  if (!rules.caseInsensitive) {
    // Quoting keeps distinct spellings apart in engines where quoted names are case-sensitive.
    const spellings = new Map<string, string>();
    const clashing = new Set<string>();
    keys.forEach((key, index) => {
      const first = spellings.get(key);
      if (first === undefined) spellings.set(key, cleaned[index]!);
      else if (first !== cleaned[index]) clashing.add(key);
    });
    if (clashing.size) {
      keys.forEach((key, index) => {
        if (!clashing.has(key)) return;
        quoted[index] = true;
        keys[index] = storedAndKey(rules, cleaned[index]!, true);
      });
    }
  }
  const seen = new Map<string, string>();
  return names.map((name, index) => {
    const key = keys[index]!;
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, name);
    const clean = cleaned[index]!;
    const sql = quoted[index] ? `${rules.quote}${rules.escape(clean)}${rules.quote}` : clean;
    return earlier === undefined ? { name, sql } : { name, sql, duplicateOf: earlier };
  });
}

/** Escape for engines that double the quote character inside a quoted name. */
export function doubling(quote: '"' | '`'): (name: string) => string {
  return (name) => name.replaceAll(quote, quote + quote);
}

/** A standard SQL literal: quotes doubled, everything else as is (PostgreSQL, DuckDB, Exasol). */
export function standardStringLiteral(text: string): string {
  const clean = cleanText(text);
  return clean.includes("'") ? `'${clean.replaceAll("'", "''")}'` : `'${clean}'`;
}

/**
 * A literal for engines that read backslash escapes inside quotes (Snowflake, Databricks, BigQuery): the backslash
 * itself, the quote and all control characters are escaped, so the literal stays on one line.
 */
export function backslashStringLiteral(text: string, quote: "'" | '"' | '`'): string {
  const clean = cleanText(text);
  const escaped = NEEDS_BACKSLASH.test(clean) ? clean.replace(BACKSLASH_ESCAPED, (char) => escapeChar(char, quote)) : clean;
  return `${quote}${escaped}${quote}`;
}

/** Characters a backslash-escaping literal must escape: the backslash, every quote character and control characters. */
const NEEDS_BACKSLASH = /[\\'"`\u0000-\u001f\u007f\u2028\u2029]/;
const BACKSLASH_ESCAPED = /[\\'"`\u0000-\u001f\u007f\u2028\u2029]/g;

function escapeChar(char: string, quote: string): string {
  if (char === '\\') return '\\\\';
  if (char === "'" || char === '"' || char === '`') return char === quote ? `\\${char}` : char;
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  if (char === '\t') return '\\t';
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

const LINE_BREAKS = /[\r\n\u000b\u000c\u0085\u2028\u2029]+/g;

/** One `-- ` comment line; line breaks in `text` become spaces so nothing after them can escape the comment. */
export function lineComment(text: string): string {
  return `-- ${cleanText(text).replace(LINE_BREAKS, ' ').trimEnd()}`;
}

/** Each line of `text` as its own `-- ` comment line (for multi-line SQL shown as a commented stub). */
export function commentBlock(text: string, indent = ''): string[] {
  return cleanText(text).split(/\r\n|[\r\n\u000b\u000c\u0085\u2028\u2029]/).map((line) => `-- ${indent}${line}`.trimEnd());
}

/** Shortens `text` to `max` code points with an ellipsis, never splitting a surrogate pair. */
export function shorten(text: string, max: number | undefined): string {
  if (max === undefined || text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
