/**
 * Quoting and escaping: whatever a contract puts in a name, a description or a pattern, the SQL text that comes out
 * reads back as exactly that value (checked with a small lexer per quoting style), and a comment stays one line.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DIALECTS } from '../../../server/src/core/ddl/dialects/index';
import { catalogName, cleanText, lineComment, quoteIdentifier, shorten } from '../../../server/src/core/ddl/identifiers';
import { nameScope } from '../../../server/src/core/ddl/nameScope';
import { DDL_DIALECTS, type Dialect } from '../../../server/src/core/ddl/types';

/** Reads one quoted token starting at 0; returns its value and where it ended. */
function readQuoted(text: string, quote: string, backslashEscapes: boolean, doubling = !backslashEscapes): { value: string; end: number } {
  assert.equal(text[0], quote, `starts with ${quote}: ${text}`);
  let value = '';
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', "'": "'", '"': '"', '`': '`' };
  for (let i = 1; i < text.length; i++) {
    const char = text[i]!;
    if (backslashEscapes && char === '\\') {
      const next = text[++i]!;
      if (next === 'u') {
        value += String.fromCharCode(parseInt(text.slice(i + 1, i + 5), 16));
        i += 4;
      } else {
        value += escapes[next] ?? next;
      }
    } else if (char === quote) {
      if (doubling && text[i + 1] === quote) {
        value += quote;
        i++;
      } else {
        return { value, end: i + 1 };
      }
    } else {
      value += char;
    }
  }
  throw new Error(`unterminated: ${text}`);
}

const BACKSLASH_LITERALS = new Set(['snowflake', 'bigquery', 'databricks']);

function literalValue(dialect: Dialect, text: string): string {
  const sql = dialect.stringLiteral(text);
  // PostgreSQL writes text with backslashes as an escape string, which reads the same under any server setting.
  const escapeString = dialect.id === 'postgres' && sql.startsWith("E'");
  const body = escapeString ? sql.slice(1) : sql;
  const read = readQuoted(body, body[0]!, escapeString || BACKSLASH_LITERALS.has(dialect.id), !BACKSLASH_LITERALS.has(dialect.id));
  assert.equal(read.end, body.length, `the literal ends where it should: ${sql}`);
  if (dialect.id === 'postgres' && !escapeString) assert.ok(!body.includes('\\'), 'a plain PostgreSQL literal never holds a backslash');
  return read.value;
}

const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom("'; DROP TABLE x; --", 'a\\\'b', '`a``b`', '"q""r"', '*/ -- \n; \r\n\u2028', '\\', "\\'", 'x\u0000y', '\uD800 lone'),
);

describe('DDL quoting and escaping', () => {
  for (const id of DDL_DIALECTS) {
    const dialect = DIALECTS[id];
    describe(dialect.label, () => {
      it('a string literal reads back as exactly the text (NUL and lone surrogates become U+FFFD)', () => {
        fc.assert(fc.property(hostile, (text) => {
          assert.equal(literalValue(dialect, text), cleanText(text));
        }), { numRuns: 300 });
      });

      it('a quoted identifier reads back as exactly the name, and bare names are plain identifiers', () => {
        const rules = dialect.identifiers;
        fc.assert(fc.property(hostile.filter((name) => name.length > 0), (name) => {
          const sql = quoteIdentifier(rules, name);
          if (sql[0] === rules.quote) {
            const read = readQuoted(sql, rules.quote, id === 'bigquery');
            assert.equal(read.end, sql.length);
            assert.equal(read.value, cleanText(name));
          } else {
            assert.match(sql, /^[A-Za-z_][A-Za-z0-9_$]*$/);
            assert.ok(!rules.reserved.has(sql.toUpperCase()));
          }
        }), { numRuns: 300 });
      });

      it('quotes reserved words, spaces, quotes and semicolons; leaves plain names bare', () => {
        const rules = dialect.identifiers;
        for (const name of ['select', 'order', 'a b', 'semi;colon', `x${rules.quote}y`, '名前']) {
          assert.equal(quoteIdentifier(rules, name)[0], rules.quote, name);
        }
        assert.equal(quoteIdentifier(rules, 'customer_id'), 'customer_id');
        assert.equal(quoteIdentifier(rules, 'CustomerId'), 'CustomerId');
      });
    });
  }

  it('stores bare names the way each engine folds them', () => {
    assert.equal(catalogName(DIALECTS.postgres.identifiers, 'CustomerId'), 'customerid');
    assert.equal(catalogName(DIALECTS.snowflake.identifiers, 'CustomerId'), 'CUSTOMERID');
    assert.equal(catalogName(DIALECTS.exasol.identifiers, 'CustomerId'), 'CUSTOMERID');
    assert.equal(catalogName(DIALECTS.duckdb.identifiers, 'CustomerId'), 'CustomerId');
    assert.equal(catalogName(DIALECTS.postgres.identifiers, 'Order'), 'Order');
  });

  it('quotes names that would collide once folded where quoted case is kept, and reports them where it is not', () => {
    const pg = nameScope(DIALECTS.postgres.identifiers, ['Id', 'ID', 'name']);
    assert.deepEqual(pg.map((name) => name.sql), ['"Id"', '"ID"', 'name']);
    assert.ok(pg.every((name) => name.duplicateOf === undefined));
    const duck = nameScope(DIALECTS.duckdb.identifiers, ['Id', 'ID', 'name']);
    assert.equal(duck[1]!.duplicateOf, 'Id');
    assert.equal(duck[0]!.duplicateOf, undefined);
    assert.equal(nameScope(DIALECTS.postgres.identifiers, ['a', 'a'])[1]!.duplicateOf, 'a');
  });

  it('keeps a comment on one line whatever the text contains', () => {
    fc.assert(fc.property(hostile, (text) => {
      const comment = lineComment(text);
      assert.ok(comment.startsWith('-- '));
      assert.doesNotMatch(comment, /[\r\n\u2028\u2029\u0085\u000b\u000c]/);
    }), { numRuns: 300 });
  });

  it('shortens long descriptions without splitting a surrogate pair', () => {
    assert.equal(shorten('🚀🚀🚀🚀', 3), '🚀🚀…');
    assert.equal(shorten('short', 10), 'short');
  });
});
