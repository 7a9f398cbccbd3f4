/**
 * Sample queries and quality checks: the key and described columns ten rows at a time, and every ODCS library metric
 * as a query returning the failing count and whether the rule's threshold holds; `type: sql` passes through.
 */
import assert from 'node:assert/strict';
import { generateDdl } from '../../../server/src/core/ddl/generate';
import type { DialectId } from '../../../server/src/core/ddl/types';

function contract(properties: Record<string, unknown>[], quality: Record<string, unknown>[] = []) {
  return {
    kind: 'DataContract',
    servers: [{ type: 'postgres', schema: 's' }],
    schema: [{ name: 'orders', quality, properties }],
  };
}

function checks(properties: Record<string, unknown>[], quality: Record<string, unknown>[] = [], dialect: DialectId = 'postgres'): string {
  return generateDdl(contract(properties, quality), dialect).checks;
}

const ID = { name: 'id', logicalType: 'integer', primaryKey: true };

describe('DDL sample queries', () => {
  it('selects the key and the described columns, ten rows', () => {
    const samples = generateDdl(contract([{ name: 'note', logicalType: 'string' }, { name: 'amount', logicalType: 'number', description: 'x' }, ID]), 'postgres').samples;
    assert.match(samples, /^SELECT id, amount\nFROM s\.orders\nLIMIT 10;$/m);
  });

  it('selects every column when none is a key or described', () => {
    const samples = generateDdl(contract([{ name: 'a', logicalType: 'string' }, { name: 'b', logicalType: 'string' }]), 'exasol').samples;
    // No Exasol server in the contract: the table is not qualified.
    assert.match(samples, /^SELECT a, b\nFROM orders\nLIMIT 10;$/m);
  });
});

describe('DDL quality checks', () => {
  it('counts nulls and compares with mustBe', () => {
    const sql = checks([{ ...ID, quality: [{ metric: 'nullValues', mustBe: 0 }] }]);
    assert.match(sql, /COUNT\(CASE WHEN id IS NULL THEN 1 END\) AS failing_count, COUNT\(\*\) AS total_count FROM s\.orders/);
    assert.match(sql, /\(failing_count = 0\) AS passed/);
  });

  it('applies percent thresholds to the failing share', () => {
    const sql = checks([{ name: 'code', logicalType: 'string', quality: [{ metric: 'missingValues', arguments: { missingValues: [null, '', 'N/A'] }, mustBeLessThan: 5, unit: 'percent' }] }]);
    assert.match(sql, /WHEN code IS NULL OR code IN \('', 'N\/A'\) THEN 1/);
    assert.match(sql, /\(COALESCE\(100\.0 \* failing_count \/ NULLIF\(total_count, 0\), 0\) < 5\) AS passed/);
  });

  it('renders valid values typed to the column and patterns with the dialect\'s regex function', () => {
    const numbers = checks([{ name: 'n', logicalType: 'integer', quality: [{ metric: 'invalidValues', arguments: { validValues: [1, 2] } }] }]);
    assert.match(numbers, /n IS NOT NULL AND \(n NOT IN \(1, 2\)\)/);
    const mixed = checks([{ name: 'n', logicalType: 'integer', quality: [{ metric: 'invalidValues', arguments: { validValues: ['a', "b'c"] } }] }]);
    assert.match(mixed, /CAST\(n AS TEXT\) NOT IN \('a', 'b''c'\)/);
    const pattern = (dialect: DialectId) => checks([{ name: 'c', logicalType: 'string', quality: [{ metric: 'invalidValues', arguments: { pattern: '^[A-Z]{3}$' } }] }], [], dialect);
    assert.match(pattern('postgres'), /c !~ '\^\[A-Z\]\{3\}\$'/);
    assert.match(pattern('duckdb'), /NOT regexp_matches\(c, '\^\[A-Z\]\{3\}\$'\)/);
    assert.match(pattern('exasol'), /REGEXP_INSTR\(c, '\^\[A-Z\]\{3\}\$'\) = 0/);
    assert.match(pattern('snowflake'), /REGEXP_INSTR\(c, '\^\[A-Z\]\{3\}\$'\) = 0/);
    assert.match(pattern('bigquery'), /NOT REGEXP_CONTAINS\(c, "\^\[A-Z\]\{3\}\$"\)/);
    assert.match(pattern('databricks'), /NOT \(c RLIKE '\^\[A-Z\]\{3\}\$'\)/);
  });

  it('counts duplicates of a column and across the columns a table-level rule names', () => {
    assert.match(checks([{ ...ID, quality: [{ metric: 'duplicateValues', mustBe: 0 }] }]), /COUNT\(id\) - COUNT\(DISTINCT id\) AS failing_count/);
    const across = checks([ID, { name: 'day', logicalType: 'date' }], [{ metric: 'duplicateValues', arguments: { properties: ['id', 'day'] } }]);
    assert.match(across, /GROUP BY id, day HAVING COUNT\(\*\) > 1/);
    assert.match(checks([ID], [{ metric: 'duplicateValues' }]), /-- name the columns in arguments\.properties/);
  });

  it('checks the row count with each ODCS operator', () => {
    const rowCount = (operator: Record<string, unknown>) => checks([ID], [{ metric: 'rowCount', ...operator }]);
    assert.match(rowCount({ mustBeGreaterThan: 1000 }), /\(row_count > 1000\) AS passed/);
    assert.match(rowCount({ mustBeGreaterOrEqualTo: 10 }), /\(row_count >= 10\) AS passed/);
    assert.match(rowCount({ mustBeLessOrEqualTo: 10 }), /\(row_count <= 10\) AS passed/);
    assert.match(rowCount({ mustNotBe: 3 }), /\(row_count <> 3\) AS passed/);
    assert.match(rowCount({ mustBeBetween: [500, 10] }), /\(row_count BETWEEN 10 AND 500\) AS passed/);
    assert.match(rowCount({ mustNotBeBetween: [1, 2] }), /\(row_count NOT BETWEEN 1 AND 2\) AS passed/);
    assert.match(rowCount({}), /\(row_count > 0\) AS passed/);
    assert.doesNotMatch(rowCount({ mustBe: "0; DROP TABLE x" }), /DROP/);
  });

  it('passes sql rules through with ${table} and ${column} filled in, after switching to the schema', () => {
    const sql = checks([{ ...ID, quality: [{ type: 'sql', query: 'SELECT COUNT(*) FROM ${table} WHERE ${column} < 0; ', mustBe: 0 }] }]);
    assert.match(sql, /^SET search_path TO s;$/m);
    assert.match(sql, /^-- passes when the result = 0\nSELECT COUNT\(\*\) FROM s\.orders WHERE id < 0;$/m);
    const trailingComment = checks([ID], [{ type: 'sql', query: 'SELECT 1 -- one' }]);
    assert.match(trailingComment, /^SELECT 1 -- one\n;$/m);
  });

  it('lists text and custom rules as comments', () => {
    const sql = checks([ID], [{ type: 'custom', engine: 'soda', implementation: 'x' }, { type: 'text', description: 'be nice' }]);
    assert.match(sql, /^-- runs on soda, not as SQL$/m);
    assert.match(sql, /^-- a text rule: nothing to run$/m);
  });
});
