/**
 * Logical types (with their options) map to each dialect through its type table; an explicit physicalType wins when
 * the dialect has it; otherwise its parameters (precision, scale, length) carry over and a note and a problem say so.
 */
import assert from 'node:assert/strict';
import { readContract } from '../../../server/src/core/ddl/contract';
import { DIALECTS } from '../../../server/src/core/ddl/dialects/index';
import { planDdl } from '../../../server/src/core/ddl/plan';
import { DDL_DIALECTS, type DialectId } from '../../../server/src/core/ddl/types';

type Row = [property: Record<string, unknown>, expected: Record<DialectId, string>];

const ROWS: Row[] = [
  [{ logicalType: 'string', logicalTypeOptions: { maxLength: 40 } },
    { exasol: 'VARCHAR(40)', postgres: 'VARCHAR(40)', snowflake: 'VARCHAR(40)', bigquery: 'STRING(40)', databricks: 'VARCHAR(40)', duckdb: 'VARCHAR' }],
  [{ logicalType: 'string' },
    { exasol: 'VARCHAR(2000000)', postgres: 'TEXT', snowflake: 'VARCHAR', bigquery: 'STRING', databricks: 'STRING', duckdb: 'VARCHAR' }],
  [{ logicalType: 'string', logicalTypeOptions: { format: 'uuid' } },
    { exasol: 'CHAR(36)', postgres: 'UUID', snowflake: 'VARCHAR(36)', bigquery: 'STRING(36)', databricks: 'STRING', duckdb: 'UUID' }],
  [{ logicalType: 'timestamp', logicalTypeOptions: { timezone: true } },
    { exasol: 'TIMESTAMP WITH LOCAL TIME ZONE', postgres: 'TIMESTAMP WITH TIME ZONE', snowflake: 'TIMESTAMP_TZ', bigquery: 'TIMESTAMP', databricks: 'TIMESTAMP', duckdb: 'TIMESTAMP WITH TIME ZONE' }],
  [{ logicalType: 'timestamp' },
    { exasol: 'TIMESTAMP', postgres: 'TIMESTAMP', snowflake: 'TIMESTAMP_NTZ', bigquery: 'DATETIME', databricks: 'TIMESTAMP_NTZ', duckdb: 'TIMESTAMP' }],
  [{ logicalType: 'time' },
    { exasol: 'VARCHAR(24)', postgres: 'TIME', snowflake: 'TIME', bigquery: 'TIME', databricks: 'STRING', duckdb: 'TIME' }],
  [{ logicalType: 'date' }, { exasol: 'DATE', postgres: 'DATE', snowflake: 'DATE', bigquery: 'DATE', databricks: 'DATE', duckdb: 'DATE' }],
  [{ logicalType: 'boolean' }, { exasol: 'BOOLEAN', postgres: 'BOOLEAN', snowflake: 'BOOLEAN', bigquery: 'BOOL', databricks: 'BOOLEAN', duckdb: 'BOOLEAN' }],
  [{ logicalType: 'integer' }, { exasol: 'DECIMAL(10,0)', postgres: 'INTEGER', snowflake: 'NUMBER(38,0)', bigquery: 'INT64', databricks: 'INT', duckdb: 'INTEGER' }],
  [{ logicalType: 'integer', logicalTypeOptions: { format: 'i64' } },
    { exasol: 'DECIMAL(19,0)', postgres: 'BIGINT', snowflake: 'NUMBER(38,0)', bigquery: 'INT64', databricks: 'BIGINT', duckdb: 'BIGINT' }],
  [{ logicalType: 'integer', logicalTypeOptions: { minimum: 0, maximum: 5_000_000_000 } },
    { exasol: 'DECIMAL(19,0)', postgres: 'BIGINT', snowflake: 'NUMBER(38,0)', bigquery: 'INT64', databricks: 'BIGINT', duckdb: 'BIGINT' }],
  [{ logicalType: 'integer', logicalTypeOptions: { format: 'u64' } },
    { exasol: 'DECIMAL(20,0)', postgres: 'NUMERIC(20,0)', snowflake: 'NUMBER(38,0)', bigquery: 'NUMERIC(20,0)', databricks: 'DECIMAL(20,0)', duckdb: 'UBIGINT' }],
  [{ logicalType: 'number', logicalTypeOptions: { format: 'f32' } },
    { exasol: 'DOUBLE PRECISION', postgres: 'REAL', snowflake: 'FLOAT', bigquery: 'FLOAT64', databricks: 'FLOAT', duckdb: 'FLOAT' }],
  [{ logicalType: 'number', physicalType: 'numeric(12,3)' },
    { exasol: 'DECIMAL(12,3)', postgres: 'NUMERIC(12,3)', snowflake: 'NUMBER(12,3)', bigquery: 'NUMERIC(12,3)', databricks: 'DECIMAL(12,3)', duckdb: 'DECIMAL(12,3)' }],
  [{ logicalType: 'number', physicalType: 'float(3,2)' },
    { exasol: 'DECIMAL(3,2)', postgres: 'NUMERIC(3,2)', snowflake: 'NUMBER(3,2)', bigquery: 'NUMERIC(3,2)', databricks: 'DECIMAL(3,2)', duckdb: 'DECIMAL(3,2)' }],
  [{ logicalType: 'string', physicalType: 'varchar(18)' },
    { exasol: 'VARCHAR(18)', postgres: 'VARCHAR(18)', snowflake: 'VARCHAR(18)', bigquery: 'STRING(18)', databricks: 'VARCHAR(18)', duckdb: 'VARCHAR' }],
  [{ logicalType: 'object', properties: [{ name: 'a', logicalType: 'integer' }, { name: 'b c', logicalType: 'string' }] },
    { exasol: 'VARCHAR(2000000)', postgres: 'JSONB', snowflake: 'OBJECT', bigquery: 'STRUCT<a INT64, `b c` STRING>', databricks: 'STRUCT<a: INT, `b c`: STRING>', duckdb: 'STRUCT(a INTEGER, "b c" VARCHAR)' }],
  [{ logicalType: 'object' }, { exasol: 'VARCHAR(2000000)', postgres: 'JSONB', snowflake: 'VARIANT', bigquery: 'JSON', databricks: 'VARIANT', duckdb: 'JSON' }],
  [{ logicalType: 'array', items: { logicalType: 'string' } },
    { exasol: 'VARCHAR(2000000)', postgres: 'TEXT[]', snowflake: 'ARRAY', bigquery: 'ARRAY<STRING>', databricks: 'ARRAY<STRING>', duckdb: 'VARCHAR[]' }],
  [{ logicalType: 'array' }, { exasol: 'VARCHAR(2000000)', postgres: 'JSONB', snowflake: 'VARIANT', bigquery: 'JSON', databricks: 'VARIANT', duckdb: 'JSON' }],
  [{ physicalType: 'int' }, { exasol: 'DECIMAL(18,0)', postgres: 'INTEGER', snowflake: 'NUMBER(38,0)', bigquery: 'INT64', databricks: 'INT', duckdb: 'INTEGER' }],
];

function plan(property: Record<string, unknown>, dialect: DialectId) {
  const contract = { kind: 'DataContract', schema: [{ name: 't', properties: [{ name: 'c', ...property }] }] };
  return planDdl(readContract(contract), DIALECTS[dialect]);
}

describe('DDL type mapping', () => {
  for (const [property, expected] of ROWS) {
    it(`${JSON.stringify(property)}`, () => {
      for (const dialect of DDL_DIALECTS) {
        assert.equal(plan(property, dialect).tables[0]!.columns[0]!.type.sql, expected[dialect], dialect);
      }
    });
  }

  it('reports a physicalType the dialect lacks, and notes the replacement in the DDL', () => {
    const result = plan({ logicalType: 'number', physicalType: 'float(3,2)' }, 'postgres');
    assert.deepEqual(result.problems.map((problem) => [problem.code, problem.path.join('/')]), [['ddl/invalid-physical-type', 'schema/0/properties/0/physicalType']]);
    assert.match(result.problems[0]!.message, /float\(3,2\)" is not valid for PostgreSQL.*NUMERIC\(3,2\)/);
    assert.match(result.tables[0]!.columns[0]!.notes[0]!, /not valid for PostgreSQL/);
    assert.equal(plan({ logicalType: 'number', physicalType: 'numeric(3,2)' }, 'postgres').problems.length, 0);
  });

  it('treats an array physicalType under a scalar logicalType as a mistake and keeps the length', () => {
    const result = plan({ logicalType: 'string', physicalType: 'varchar[50]' }, 'postgres');
    assert.equal(result.tables[0]!.columns[0]!.type.sql, 'VARCHAR(50)');
    assert.match(result.problems[0]!.message, /array type but logicalType is string/);
  });

  it('reports a property without any usable type and stores it as text', () => {
    const result = plan({ logicalType: 'decimal' }, 'duckdb');
    assert.equal(result.tables[0]!.columns[0]!.type.sql, 'VARCHAR');
    assert.deepEqual(result.problems.map((problem) => [problem.code, problem.path.join('/')]), [['ddl/unknown-type', 'schema/0/properties/0/logicalType']]);
    assert.equal(plan({}, 'duckdb').problems[0]!.path.join('/'), 'schema/0/properties/0/name');
  });

  it('notes the documented fallbacks where a dialect has no such type', () => {
    assert.match(plan({ logicalType: 'time' }, 'exasol').tables[0]!.columns[0]!.notes[0]!, /no TIME type/);
    assert.match(plan({ logicalType: 'object' }, 'exasol').tables[0]!.columns[0]!.notes[0]!, /no JSON/);
    assert.match(plan({ logicalType: 'integer', logicalTypeOptions: { format: 'i128' } }, 'snowflake').tables[0]!.columns[0]!.notes[0]!, /at most 38/);
  });
});
