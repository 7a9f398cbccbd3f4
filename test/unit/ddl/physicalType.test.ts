/**
 * physicalType strings are parsed, not pasted: parameters, multi-word names, element types and field lists come out
 * structured, anything that is not a type expression is rejected, and each dialect accepts only its own types.
 */
import assert from 'node:assert/strict';
import { DIALECTS } from '../../../server/src/core/ddl/dialects/index';
import { checkPhysicalType, parseTypeExpr } from '../../../server/src/core/ddl/physicalType';
import type { DialectId } from '../../../server/src/core/ddl/types';

function check(dialect: DialectId, text: string): string {
  const expr = parseTypeExpr(text);
  if (!expr) return 'unparsable';
  const result = checkPhysicalType(DIALECTS[dialect], expr);
  return result.ok ? result.type.sql : `invalid: ${result.reason}`;
}

describe('physicalType parsing', () => {
  it('reads numeric parameters', () => {
    const expr = parseTypeExpr('numeric(12, 3)')!;
    assert.equal(expr.name, 'numeric');
    assert.deepEqual(expr.args, [12, 3]);
  });

  it('reads multi-word names with the parameter in the middle', () => {
    const expr = parseTypeExpr('TIMESTAMP(3) WITH TIME ZONE')!;
    assert.equal(expr.name, 'timestamp with time zone');
    assert.deepEqual(expr.args, [3]);
  });

  it('reads element types, struct fields (also quoted) and array suffixes', () => {
    const nested = parseTypeExpr('ARRAY<STRUCT<a INT64, `b c` STRING>>')!;
    assert.equal(nested.name, 'array');
    assert.deepEqual(nested.params[0]!.fields!.map((field) => [field.name, field.type.name]), [['a', 'int64'], ['b c', 'string']]);
    assert.deepEqual(parseTypeExpr('STRUCT<a: INT, b: MAP<STRING, DOUBLE>>')!.fields!.map((field) => field.name), ['a', 'b']);
    assert.equal(parseTypeExpr('MAP(VARCHAR, INTEGER)')!.params.length, 2);
    const array = parseTypeExpr('varchar[50]')!;
    assert.equal(array.arrayDims, 1);
    assert.deepEqual(array.arrayBounds, [50]);
  });

  it('rejects text that is not a type expression', () => {
    for (const text of ['', 'varchar(', "varchar'; DROP TABLE x; --", 'numeric(1,2) extra)', 'ARRAY<INT', '(12)', 'a;b']) {
      assert.equal(parseTypeExpr(text), undefined, text);
    }
  });
});

describe('physicalType per dialect', () => {
  it('renders valid types canonically', () => {
    assert.equal(check('postgres', 'numeric(12,3)'), 'NUMERIC(12,3)');
    assert.equal(check('postgres', 'timestamptz'), 'TIMESTAMP WITH TIME ZONE');
    assert.equal(check('postgres', 'timestamp(3) with time zone'), 'TIMESTAMP(3) WITH TIME ZONE');
    assert.equal(check('postgres', 'int[]'), 'INTEGER[]');
    assert.equal(check('exasol', 'decimal(18,2)'), 'DECIMAL(18,2)');
    assert.equal(check('exasol', 'bigint'), 'DECIMAL(36,0)');
    assert.equal(check('exasol', 'timestamp with local time zone'), 'TIMESTAMP WITH LOCAL TIME ZONE');
    assert.equal(check('snowflake', 'string'), 'VARCHAR');
    assert.equal(check('snowflake', 'timestamp_tz(9)'), 'TIMESTAMP_TZ(9)');
    assert.equal(check('bigquery', 'ARRAY<STRUCT<a INT64, `b c` STRING(10)>>'), 'ARRAY<STRUCT<a INT64, `b c` STRING(10)>>');
    assert.equal(check('databricks', 'map<string, array<int>>'), 'MAP<STRING, ARRAY<INT>>');
    assert.equal(check('databricks', 'struct<a: int>'), 'STRUCT<a: INT>');
    assert.equal(check('duckdb', 'STRUCT(a INTEGER, "b c" VARCHAR)'), 'STRUCT(a INTEGER, "b c" VARCHAR)');
    assert.equal(check('duckdb', 'MAP(VARCHAR, INTEGER)'), 'MAP(VARCHAR, INTEGER)');
    assert.equal(check('duckdb', 'varchar(20)'), 'VARCHAR');
  });

  it('rejects types a dialect does not have, and parameters out of range', () => {
    assert.match(check('bigquery', 'varchar(18)'), /BigQuery has no type "VARCHAR"/);
    assert.match(check('postgres', 'float(3,2)'), /FLOAT takes 0 to 1 parameter/);
    assert.match(check('postgres', 'double'), /PostgreSQL has no type/);
    assert.match(check('duckdb', 'decimal(40,2)'), /between 1 and 38/);
    assert.match(check('exasol', 'decimal(12,14)'), /scale cannot exceed the precision/);
    assert.match(check('exasol', 'varchar'), /VARCHAR takes 1 parameter/);
    assert.match(check('exasol', 'int[]'), /does not write arrays/);
    assert.match(check('bigquery', 'ARRAY<ARRAY<INT64>>'), /cannot nest/);
    assert.match(check('snowflake', 'ARRAY<INT>'), /no element types/);
  });
});
