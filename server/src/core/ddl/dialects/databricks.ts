/**
 * Databricks (Delta tables in Unity Catalog). Primary and foreign keys are informational (`NOT ENFORCED`) and need
 * Unity Catalog; there is no UNIQUE constraint here. Nested data has typed forms (`STRUCT<...>`, `ARRAY<...>`,
 * `MAP<...>`) and `VARIANT`. Partition keys become `PARTITIONED BY`. There is no TIME type.
 * References: see CONTRIBUTING.md, "SQL dialect references".
 */
import { backslashStringLiteral, doubling, quoteIdentifier } from '../identifiers';
import { RESERVED_WORDS } from '../reservedWords';
import { catalog, decimal, decimalHint, integerKind, maxLength, spec, stringFormat, wantsTimezone, within } from '../typeHelpers';
import type { Dialect, LogicalTypeInput, MappedType } from '../types';

const identifiers = { regular: /^[A-Za-z_][A-Za-z0-9_]*$/, quote: '`', fold: 'none', caseInsensitive: true, escape: doubling('`'), reserved: RESERVED_WORDS.databricks } as const;
const literal = (text: string): string => backslashStringLiteral(text, "'");

const physicalTypes = catalog([
  ['bigint|long', spec('BIGINT', 'integer')],
  ['int|integer', spec('INT', 'integer')],
  ['smallint|short', spec('SMALLINT', 'integer')],
  ['tinyint|byte', spec('TINYINT', 'integer')],
  ['decimal|dec|numeric', spec('DECIMAL', 'decimal', { args: [0, 2], checkArgs: within([1, 38], [0, 38]) })],
  ['float|real', spec('FLOAT', 'float')],
  ['double', spec('DOUBLE', 'float')],
  ['boolean', spec('BOOLEAN', 'boolean')],
  ['string', spec('STRING', 'string')],
  ['varchar', spec('VARCHAR', 'string', { args: [1, 1], checkArgs: within([1, 2_147_483_647]) })],
  ['char', spec('CHAR', 'string', { args: [1, 1], checkArgs: within([1, 2_147_483_647]) })],
  ['binary', spec('BINARY', 'binary')],
  ['date', spec('DATE', 'date')],
  ['timestamp|timestamp_ltz', spec('TIMESTAMP', 'timestamp')],
  ['timestamp_ntz', spec('TIMESTAMP_NTZ', 'timestamp')],
  ['variant', spec('VARIANT', 'json')],
  ['array', spec('ARRAY', 'array', { container: 'array' })],
  ['map', spec('MAP', 'map', { container: 'map' })],
  ['struct', spec('STRUCT', 'struct', { container: 'struct' })],
]);

function mapLogical(input: LogicalTypeInput): MappedType {
  const { options } = input;
  switch (input.logicalType) {
    case 'string': {
      const format = stringFormat(options);
      if (format === 'binary') return { sql: 'BINARY', family: 'binary' };
      const length = format === 'uuid' ? undefined : maxLength(input);
      return { sql: length !== undefined ? `VARCHAR(${length})` : 'STRING', family: 'string' };
    }
    case 'date': return { sql: 'DATE', family: 'date' };
    case 'timestamp': return { sql: wantsTimezone(options) ? 'TIMESTAMP' : 'TIMESTAMP_NTZ', family: 'timestamp' };
    case 'time': return { sql: 'STRING', family: 'string', note: 'Databricks has no TIME type: stored as text HH:mm:ss[.SSS]' };
    case 'boolean': return { sql: 'BOOLEAN', family: 'boolean' };
    case 'integer': {
      const kind = integerKind(options);
      const sql = { i8: 'TINYINT', i16: 'SMALLINT', u8: 'SMALLINT', i32: 'INT', u16: 'INT', i64: 'BIGINT', u32: 'BIGINT', u64: 'DECIMAL(20,0)', i128: 'DECIMAL(38,0)', u128: 'DECIMAL(38,0)' }[kind];
      const type = { sql, family: sql.startsWith('DECIMAL') ? 'decimal' : 'integer' } as const;
      return kind === 'i128' || kind === 'u128' ? { ...type, note: '128-bit integers need 39 digits; Databricks stores at most 38' } : type;
    }
    case 'number': {
      const hint = decimalHint(input);
      if (hint) return decimal('DECIMAL', hint.precision, hint.scale, 38);
      return options.format === 'f32' ? { sql: 'FLOAT', family: 'float' } : { sql: 'DOUBLE', family: 'float' };
    }
  }
}

export const databricks: Dialect = {
  id: 'databricks',
  label: 'Databricks',
  identifiers,
  stringLiteral: literal,
  physicalTypes,
  arraySuffix: false,
  mapLogical,
  arrayOf: (element) => ({ sql: `ARRAY<${element.sql}>`, family: 'array' }),
  structOf: (fields) => ({ sql: `STRUCT<${fields.map((field) => `${quoteIdentifier(identifiers, field.name)}: ${field.type.sql}`).join(', ')}>`, family: 'struct' }),
  jsonFallback: { sql: 'VARIANT', family: 'json' },
  allowsNotNull: () => true,
  createSchema: (namespace) => (namespace.length ? `CREATE SCHEMA IF NOT EXISTS ${namespace.map((part) => quoteIdentifier(identifiers, part)).join('.')};` : undefined),
  useNamespace: (namespace) => namespace.map((part, index) => `USE ${index === 0 && namespace.length > 1 ? 'CATALOG' : 'SCHEMA'} ${quoteIdentifier(identifiers, part)};`).join('\n'),
  namespaceOf: (server) => {
    if (typeof server.schema !== 'string' || !server.schema) return [];
    return typeof server.catalog === 'string' && server.catalog ? [server.catalog, server.schema] : [server.schema];
  },
  keys: { primaryKey: ' NOT ENFORCED', foreignKey: ' NOT ENFORCED', unique: undefined, targets: 'primaryKey', alterTableAdd: true, keyable: (type) => !['array', 'struct', 'map', 'json'].includes(type.family) },
  columnComment: (text) => ` COMMENT ${literal(text)}`,
  tableClauses: ({ description, partitionColumns }) => ({
    clauses: [
      'USING DELTA',
      ...(partitionColumns.length ? [`PARTITIONED BY (${partitionColumns.map((column) => column.sql).join(', ')})`] : []),
      ...(description ? [`COMMENT ${literal(description)}`] : []),
    ],
    comments: [],
  }),
  afterTable: () => undefined,
  grant: (table, role, access) => ({ sql: `GRANT ${access === 'write' ? 'SELECT, MODIFY' : 'SELECT'} ON TABLE ${table.sql} TO ${quoteIdentifier(identifiers, role, true)};` }),
  notMatching: (text, pattern) => `NOT (${text} RLIKE ${literal(pattern)})`,
  castToText: (expression) => `CAST(${expression} AS STRING)`,
};
