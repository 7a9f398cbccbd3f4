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
import { isReservedWord } from './reservedWords';
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
  return !rules.regular.test(name) || isReservedWord(rules.reserved, name);
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

/** Escape for engines that double the quote character inside a quoted name. */
export function doubling(quote: '"' | '`'): (name: string) => string {
  return (name) => name.replaceAll(quote, quote + quote);
}

/** A standard SQL literal: quotes doubled, everything else as is (PostgreSQL, DuckDB, Exasol). */
export function standardStringLiteral(text: string): string {
  return quotedWith(cleanText(text), "'", "''");
}

/**
 * `text` between `quote`s, each `quote` in it written as `escaped`. Slicing around the few quotes a text has is
 * several times faster than `replaceAll`, and literals are written for every described column of a contract.
 */
function quotedWith(text: string, quote: string, escaped: string): string {
  let at = text.indexOf(quote);
  if (at < 0) return `${quote}${text}${quote}`;
  let result = quote;
  let from = 0;
  do {
    result += text.slice(from, at) + escaped;
    from = at + 1;
    at = text.indexOf(quote, from);
  } while (at >= 0);
  return `${result}${text.slice(from)}${quote}`;
}

/**
 * A literal for engines that read backslash escapes inside quotes (Snowflake, Databricks, BigQuery): the backslash
 * itself, the quote and all control characters are escaped, so the literal stays on one line.
 */
export function backslashStringLiteral(text: string, quote: "'" | '"' | '`'): string {
  // Usually there is nothing to clean and nothing to escape but the quote itself (an apostrophe in a description):
  // one scan rules out the rest, and the quotes are found by `indexOf`.
  if (!ESCAPED_OR_UNFIT.test(text)) return quotedWith(text, quote, `\\${quote}`);
  const escapes = BACKSLASH_ESCAPES[quote];
  return `${quote}${cleanText(text).replace(escapes.all, escapes.replace)}${quote}`;
}

/** What a backslash literal escapes apart from its quote (backslash, control characters), and what `cleanText` replaces. */
const ESCAPED_OR_UNFIT = /[\\\u0000-\u001f\u007f\u2028\u2029\uD800-\uDFFF]/;

/**
 * Characters a backslash-escaping literal must escape: the backslash, its own quote character and control
 * characters (the other quote characters stay as they are). Per quote: the class for the replacement and the
 * replacer, made once.
 */
const BACKSLASH_ESCAPES = {
  "'": backslashEscapes("'"),
  '"': backslashEscapes('"'),
  '`': backslashEscapes('`'),
};

function backslashEscapes(quote: "'" | '"' | '`'): { all: RegExp; replace: (char: string) => string } {
  return { all: new RegExp(`[${quote}\\\\\\u0000-\\u001f\\u007f\\u2028\\u2029]`, 'g'), replace: (char) => escapeChar(char, quote) };
}

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
