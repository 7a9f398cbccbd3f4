/**
 * Snowflake. Primary, unique and foreign keys are recorded but not enforced (only NOT NULL is), so they are written
 * `NOT ENFORCED`, as the vendor documents them. Nested data is semi-structured (`VARIANT`, `OBJECT`, `ARRAY`).
 * Snowflake partitions storage itself, so partition keys become a comment suggesting a clustering key.
 * References: see CONTRIBUTING.md, "SQL dialect references".
 */
import { backslashStringLiteral, doubling, quoteIdentifier } from '../identifiers';
import { RESERVED_WORDS } from '../reservedWords';
import { catalog, decimal, decimalHint, integerKind, maxLength, spec, stringFormat, wantsTimezone, within } from '../typeHelpers';
import type { Dialect, LogicalTypeInput, MappedType } from '../types';

const MAX_VARCHAR = 16_777_216;
const identifiers = { regular: /^[A-Za-z_][A-Za-z0-9_$]*$/, quote: '"', fold: 'upper', caseInsensitive: false, escape: doubling('"'), reserved: RESERVED_WORDS.snowflake } as const;
const literal = (text: string): string => backslashStringLiteral(text, "'");

const physicalTypes = catalog([
  ['number|decimal|dec|numeric', spec('NUMBER', 'decimal', { args: [0, 2], checkArgs: within([1, 38], [0, 37]) })],
  ['int|integer|bigint|smallint|tinyint|byteint', spec('NUMBER', 'integer', { render: () => 'NUMBER(38,0)' })],
  ['float|float4|float8|double|double precision|real', spec('FLOAT', 'float')],
  ['varchar|string|text|nvarchar|nvarchar2|char varying|nchar varying|character varying', spec('VARCHAR', 'string', { args: [0, 1], checkArgs: within([1, 134_217_728]) })],
  ['char|character|nchar', spec('CHAR', 'string', { args: [0, 1], checkArgs: within([1, 134_217_728]) })],
  ['binary|varbinary', spec('BINARY', 'binary', { args: [0, 1], checkArgs: within([1, 67_108_864]) })],
  ['boolean', spec('BOOLEAN', 'boolean')],
  ['date', spec('DATE', 'date')],
  ['time', spec('TIME', 'time', { args: [0, 1], checkArgs: within([0, 9]) })],
  ['timestamp', spec('TIMESTAMP', 'timestamp', { args: [0, 1], checkArgs: within([0, 9]) })],
  ['datetime|timestamp_ntz|timestampntz|timestamp without time zone', spec('TIMESTAMP_NTZ', 'timestamp', { args: [0, 1], checkArgs: within([0, 9]) })],
  ['timestamp_ltz|timestampltz|timestamp with local time zone', spec('TIMESTAMP_LTZ', 'timestamp', { args: [0, 1], checkArgs: within([0, 9]) })],
  ['timestamp_tz|timestamptz|timestamp with time zone', spec('TIMESTAMP_TZ', 'timestamp', { args: [0, 1], checkArgs: within([0, 9]) })],
  ['variant', spec('VARIANT', 'json')],
  ['object', spec('OBJECT', 'struct')],
  ['array', spec('ARRAY', 'array')],
  ['geography', spec('GEOGRAPHY', 'other')],
  ['geometry', spec('GEOMETRY', 'other')],
]);

function mapLogical(input: LogicalTypeInput): MappedType {
  const { options } = input;
  switch (input.logicalType) {
    case 'string': {
      const format = stringFormat(options);
      if (format === 'uuid') return { sql: 'VARCHAR(36)', family: 'string' };
      if (format === 'binary') return { sql: 'BINARY', family: 'binary' };
      const length = maxLength(input);
      return length !== undefined && length <= MAX_VARCHAR ? { sql: `VARCHAR(${length})`, family: 'string' } : { sql: 'VARCHAR', family: 'string' };
    }
    case 'date': return { sql: 'DATE', family: 'date' };
    case 'timestamp': return { sql: wantsTimezone(options) ? 'TIMESTAMP_TZ' : 'TIMESTAMP_NTZ', family: 'timestamp' };
    case 'time': return { sql: 'TIME', family: 'time' };
    case 'boolean': return { sql: 'BOOLEAN', family: 'boolean' };
    case 'integer': {
      const kind = integerKind(options);
      const type = { sql: 'NUMBER(38,0)', family: 'integer' } as const;
      return kind === 'i128' || kind === 'u128' ? { ...type, note: '128-bit integers need 39 digits; Snowflake stores at most 38' } : type;
    }
    case 'number': {
      const hint = decimalHint(input);
      return hint ? decimal('NUMBER', hint.precision, hint.scale, 38, 37) : { sql: 'FLOAT', family: 'float' };
    }
  }
}

export const snowflake: Dialect = {
  id: 'snowflake',
  label: 'Snowflake',
  identifiers,
  stringLiteral: literal,
  physicalTypes,
  arraySuffix: false,
  mapLogical,
  arrayOf: () => ({ sql: 'ARRAY', family: 'array' }),
  structOf: () => ({ sql: 'OBJECT', family: 'struct' }),
  jsonFallback: { sql: 'VARIANT', family: 'json' },
  allowsNotNull: () => true,
  createSchema: (namespace) => (namespace.length ? `CREATE SCHEMA IF NOT EXISTS ${namespace.map((part) => quoteIdentifier(identifiers, part)).join('.')};` : undefined),
  useNamespace: (namespace) => `USE SCHEMA ${namespace.map((part) => quoteIdentifier(identifiers, part)).join('.')};`,
  namespaceOf: (server) => {
    if (typeof server.schema !== 'string' || !server.schema) return [];
    return typeof server.database === 'string' && server.database ? [server.database, server.schema] : [server.schema];
  },
  keys: { primaryKey: ' NOT ENFORCED', foreignKey: ' NOT ENFORCED', unique: ' NOT ENFORCED', targets: 'primaryKeyOrUnique', alterTableAdd: true, keyable: (type) => !['array', 'struct', 'json'].includes(type.family) },
  columnComment: (text) => ` COMMENT ${literal(text)}`,
  tableClauses: ({ description, partitionColumns }) => ({
    clauses: description ? [`COMMENT = ${literal(description)}`] : [],
    comments: partitionColumns.length
      ? [`partitioned by ${partitionColumns.map((column) => column.sql).join(', ')} in the contract: Snowflake micro-partitions automatically; for very large tables consider CLUSTER BY (${partitionColumns.map((column) => column.sql).join(', ')})`]
      : [],
  }),
  afterTable: () => undefined,
  grant: (table, role, access) => ({ sql: `GRANT ${access === 'write' ? 'SELECT, INSERT, UPDATE, DELETE' : 'SELECT'} ON TABLE ${table.sql} TO ROLE ${quoteIdentifier(identifiers, role)};` }),
  notMatching: (text, pattern) => `REGEXP_INSTR(${text}, ${literal(pattern)}) = 0`,
  castToText: (expression) => `CAST(${expression} AS VARCHAR)`,
};
