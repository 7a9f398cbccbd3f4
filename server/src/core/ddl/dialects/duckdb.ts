/**
 * DuckDB. Keys are enforced but can only be declared inside `CREATE TABLE` (no `ALTER TABLE ... ADD CONSTRAINT`), so
 * tables are created in dependency order. Nested data has typed forms (`STRUCT(...)`, `T[]`, `MAP(K, V)`, `JSON`).
 * There is no GRANT and no partitioning clause. References: see CONTRIBUTING.md, "SQL dialect references".
 */
import { doubling, quoteIdentifier, standardStringLiteral } from '../identifiers';
import { RESERVED_WORDS } from '../reservedWords';
import { catalog, decimal, decimalHint, integerKind, spec, stringFormat, wantsTimezone, within } from '../typeHelpers';
import type { Dialect, LogicalTypeInput, MappedType } from '../types';
import { commentOn } from './commentOn';

const identifiers = { regular: /^[A-Za-z_][A-Za-z0-9_]*$/, quote: '"', fold: 'none', caseInsensitive: true, escape: doubling('"'), reserved: RESERVED_WORDS.duckdb } as const;

const physicalTypes = catalog([
  ['boolean|bool|logical', spec('BOOLEAN', 'boolean')],
  ['tinyint|int1', spec('TINYINT', 'integer')],
  ['smallint|int2|short', spec('SMALLINT', 'integer')],
  ['integer|int4|int|signed', spec('INTEGER', 'integer')],
  ['bigint|int8|long', spec('BIGINT', 'integer')],
  ['hugeint', spec('HUGEINT', 'integer')],
  ['utinyint', spec('UTINYINT', 'integer')],
  ['usmallint', spec('USMALLINT', 'integer')],
  ['uinteger', spec('UINTEGER', 'integer')],
  ['ubigint', spec('UBIGINT', 'integer')],
  ['uhugeint', spec('UHUGEINT', 'integer')],
  ['decimal|numeric', spec('DECIMAL', 'decimal', { args: [0, 2], checkArgs: within([1, 38], [0, 38]) })],
  ['real|float4|float', spec('FLOAT', 'float')],
  ['double|float8|double precision', spec('DOUBLE', 'float')],
  // DuckDB accepts and ignores a length on its string type.
  ['varchar|char|bpchar|text|string|character varying|character', spec('VARCHAR', 'string', { args: [0, 1], render: () => 'VARCHAR' })],
  ['uuid', spec('UUID', 'uuid')],
  ['blob|bytea|binary|varbinary', spec('BLOB', 'binary')],
  ['date', spec('DATE', 'date')],
  ['time|time without time zone', spec('TIME', 'time')],
  ['timetz|time with time zone', spec('TIME WITH TIME ZONE', 'time')],
  ['timestamp|datetime|timestamp without time zone', spec('TIMESTAMP', 'timestamp', { args: [0, 1], render: () => 'TIMESTAMP' })],
  ['timestamptz|timestamp with time zone', spec('TIMESTAMP WITH TIME ZONE', 'timestamp', { args: [0, 1], render: () => 'TIMESTAMP WITH TIME ZONE' })],
  ['timestamp_s', spec('TIMESTAMP_S', 'timestamp')],
  ['timestamp_ms', spec('TIMESTAMP_MS', 'timestamp')],
  ['timestamp_ns', spec('TIMESTAMP_NS', 'timestamp')],
  ['interval', spec('INTERVAL', 'other')],
  ['json', spec('JSON', 'json')],
  ['bit|bitstring', spec('BIT', 'other')],
  ['struct', spec('STRUCT', 'struct', { container: 'struct' })],
  ['list', spec('LIST', 'array', { container: 'array' })],
  ['map', spec('MAP', 'map', { container: 'map', renderChildren: (children) => `MAP(${children.join(', ')})` })],
]);

function mapLogical(input: LogicalTypeInput): MappedType {
  const { options } = input;
  switch (input.logicalType) {
    case 'string': {
      const format = stringFormat(options);
      if (format === 'uuid') return { sql: 'UUID', family: 'uuid' };
      if (format === 'binary') return { sql: 'BLOB', family: 'binary' };
      return { sql: 'VARCHAR', family: 'string' };
    }
    case 'date': return { sql: 'DATE', family: 'date' };
    case 'timestamp': return { sql: wantsTimezone(options) ? 'TIMESTAMP WITH TIME ZONE' : 'TIMESTAMP', family: 'timestamp' };
    case 'time': return { sql: wantsTimezone(options) ? 'TIME WITH TIME ZONE' : 'TIME', family: 'time' };
    case 'boolean': return { sql: 'BOOLEAN', family: 'boolean' };
    case 'integer': {
      const sql = { i8: 'TINYINT', i16: 'SMALLINT', i32: 'INTEGER', i64: 'BIGINT', i128: 'HUGEINT', u8: 'UTINYINT', u16: 'USMALLINT', u32: 'UINTEGER', u64: 'UBIGINT', u128: 'UHUGEINT' }[integerKind(options)];
      return { sql, family: 'integer' };
    }
    case 'number': {
      const hint = decimalHint(input);
      if (hint) return decimal('DECIMAL', hint.precision, hint.scale, 38);
      return options.format === 'f32' ? { sql: 'FLOAT', family: 'float' } : { sql: 'DOUBLE', family: 'float' };
    }
  }
}

export const duckdb: Dialect = {
  id: 'duckdb',
  label: 'DuckDB',
  identifiers,
  stringLiteral: standardStringLiteral,
  physicalTypes,
  arraySuffix: true,
  mapLogical,
  arrayOf: (element) => ({ sql: `${element.sql}[]`, family: 'array' }),
  structOf: (fields) => ({ sql: `STRUCT(${fields.map((field) => `${quoteIdentifier(identifiers, field.name)} ${field.type.sql}`).join(', ')})`, family: 'struct' }),
  jsonFallback: { sql: 'JSON', family: 'json' },
  allowsNotNull: () => true,
  createSchema: (namespace) => (namespace.length ? `CREATE SCHEMA IF NOT EXISTS ${namespace.map((part) => quoteIdentifier(identifiers, part)).join('.')};` : undefined),
  useNamespace: (namespace) => `USE ${namespace.map((part) => quoteIdentifier(identifiers, part)).join('.')};`,
  namespaceOf: (server) => (typeof server.schema === 'string' && server.schema ? [server.schema] : []),
  keys: { primaryKey: '', foreignKey: '', unique: '', targets: 'primaryKeyOrUnique', alterTableAdd: false, keyable: (type) => !['array', 'struct', 'map'].includes(type.family) },
  columnComment: () => '',
  tableClauses: ({ partitionColumns }) => ({
    clauses: [],
    comments: partitionColumns.length
      ? [`partitioned by ${partitionColumns.map((column) => column.sql).join(', ')} in the contract: DuckDB tables have no partitioning clause (use PARTITION_BY when exporting to files)`]
      : [],
  }),
  afterTable: (out, { table, description }, columns, descriptions) => commentOn(out, table, description, columns, descriptions, standardStringLiteral),
  grant: (_table, role) => ({ comment: `role ${role}: DuckDB has no GRANT; control access through the database file or the attaching service` }),
  notMatching: (text, pattern) => `NOT regexp_matches(${text}, ${standardStringLiteral(pattern)})`,
  castToText: (expression) => `CAST(${expression} AS VARCHAR)`,
};
