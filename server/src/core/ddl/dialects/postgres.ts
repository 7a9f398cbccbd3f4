/**
 * PostgreSQL. Keys and unique constraints are enforced; comments are `COMMENT ON` statements; there is no
 * declarative partitioning without partitions to create, so partition keys become a comment.
 * References: see CONTRIBUTING.md, "SQL dialect references".
 */
import { doubling, quoteIdentifier, standardStringLiteral } from '../identifiers';
import { RESERVED_WORDS } from '../reservedWords';
import { catalog, decimal, decimalHint, integerKind, maxLength, spec, stringFormat, wantsTimezone, within } from '../typeHelpers';
import type { Dialect, LogicalTypeInput, MappedType, SqlType } from '../types';
import { commentOn } from './commentOn';

const MAX_VARCHAR = 10_485_760;
const identifiers = { regular: /^[A-Za-z_][A-Za-z0-9_$]*$/, quote: '"', fold: 'lower', caseInsensitive: false, escape: doubling('"'), reserved: RESERVED_WORDS.postgres } as const;

/**
 * A literal that means the same whether or not the server has `standard_conforming_strings` on: text with a
 * backslash is written as an escape string (E'...') with the backslash doubled, everything else as a plain literal.
 */
function literal(text: string): string {
  const plain = standardStringLiteral(text);
  // Test the text, not the literal: the literal is a fresh concatenation, and searching it would flatten it first.
  return text.includes('\\') ? `E${plain.replaceAll('\\', '\\\\')}` : plain;
}

const withZone = (name: string) => (args: readonly number[]) => (args.length ? `${name}(${args[0]}) WITH TIME ZONE` : `${name} WITH TIME ZONE`);

const physicalTypes = catalog([
  ['smallint|int2', spec('SMALLINT', 'integer')],
  ['integer|int|int4', spec('INTEGER', 'integer')],
  ['bigint|int8', spec('BIGINT', 'integer')],
  ['smallserial|serial2', spec('SMALLSERIAL', 'integer')],
  ['serial|serial4', spec('SERIAL', 'integer')],
  ['bigserial|serial8', spec('BIGSERIAL', 'integer')],
  ['numeric|decimal', spec('NUMERIC', 'decimal', { args: [0, 2], checkArgs: within([1, 1000], [0, 1000]) })],
  ['real|float4', spec('REAL', 'float')],
  ['double precision|float8', spec('DOUBLE PRECISION', 'float')],
  ['float', spec('FLOAT', 'float', { args: [0, 1], checkArgs: within([1, 53]) })],
  ['money', spec('MONEY', 'decimal')],
  ['text', spec('TEXT', 'string')],
  ['varchar|character varying', spec('VARCHAR', 'string', { args: [0, 1], checkArgs: within([1, MAX_VARCHAR]) })],
  ['char|character|bpchar', spec('CHAR', 'string', { args: [0, 1], checkArgs: within([1, MAX_VARCHAR]) })],
  ['uuid', spec('UUID', 'uuid')],
  ['boolean|bool', spec('BOOLEAN', 'boolean')],
  ['date', spec('DATE', 'date')],
  ['time|time without time zone', spec('TIME', 'time', { args: [0, 1], checkArgs: within([0, 6]) })],
  ['timetz|time with time zone', spec('TIME WITH TIME ZONE', 'time', { args: [0, 1], checkArgs: within([0, 6]), render: withZone('TIME') })],
  ['timestamp|timestamp without time zone', spec('TIMESTAMP', 'timestamp', { args: [0, 1], checkArgs: within([0, 6]) })],
  ['timestamptz|timestamp with time zone', spec('TIMESTAMP WITH TIME ZONE', 'timestamp', { args: [0, 1], checkArgs: within([0, 6]), render: withZone('TIMESTAMP') })],
  ['interval', spec('INTERVAL', 'other')],
  ['bytea', spec('BYTEA', 'binary')],
  ['json', spec('JSON', 'json')],
  ['jsonb', spec('JSONB', 'json')],
  ['xml', spec('XML', 'other')],
  ['inet|cidr|macaddr', spec('INET', 'other')],
]);

function mapLogical(input: LogicalTypeInput): MappedType {
  const { options } = input;
  switch (input.logicalType) {
    case 'string': {
      const format = stringFormat(options);
      if (format === 'uuid') return { sql: 'UUID', family: 'uuid' };
      if (format === 'binary') return { sql: 'BYTEA', family: 'binary' };
      const length = maxLength(input);
      if (length === undefined) return { sql: 'TEXT', family: 'string' };
      return length <= MAX_VARCHAR ? { sql: `VARCHAR(${length})`, family: 'string' } : { sql: 'TEXT', family: 'string', note: `maxLength ${length} exceeds VARCHAR's limit` };
    }
    case 'date': return { sql: 'DATE', family: 'date' };
    case 'timestamp': return { sql: wantsTimezone(options) ? 'TIMESTAMP WITH TIME ZONE' : 'TIMESTAMP', family: 'timestamp' };
    case 'time': return { sql: wantsTimezone(options) ? 'TIME WITH TIME ZONE' : 'TIME', family: 'time' };
    case 'boolean': return { sql: 'BOOLEAN', family: 'boolean' };
    case 'integer': {
      const kind = integerKind(options);
      const sql = { i8: 'SMALLINT', i16: 'SMALLINT', u8: 'SMALLINT', i32: 'INTEGER', u16: 'INTEGER', i64: 'BIGINT', u32: 'BIGINT', u64: 'NUMERIC(20,0)', i128: 'NUMERIC(39,0)', u128: 'NUMERIC(39,0)' }[kind];
      return { sql, family: sql.startsWith('NUMERIC') ? 'decimal' : 'integer' };
    }
    case 'number': {
      const hint = decimalHint(input);
      if (hint) return decimal('NUMERIC', hint.precision, hint.scale, 1000);
      return options.format === 'f32' ? { sql: 'REAL', family: 'float' } : { sql: 'DOUBLE PRECISION', family: 'float' };
    }
  }
}

export const postgres: Dialect = {
  id: 'postgres',
  label: 'PostgreSQL',
  identifiers,
  stringLiteral: literal,
  physicalTypes,
  arraySuffix: true,
  mapLogical,
  arrayOf: (element: SqlType) => (element.family === 'json' || element.family === 'array' ? undefined : { sql: `${element.sql}[]`, family: 'array' }),
  structOf: () => undefined,
  jsonFallback: { sql: 'JSONB', family: 'json' },
  allowsNotNull: () => true,
  createSchema: (namespace) => (namespace.length ? `CREATE SCHEMA IF NOT EXISTS ${namespace.map((part) => quoteIdentifier(identifiers, part)).join('.')};` : undefined),
  useNamespace: (namespace) => `SET search_path TO ${namespace.map((part) => quoteIdentifier(identifiers, part)).join('.')};`,
  namespaceOf: (server) => (typeof server.schema === 'string' && server.schema ? [server.schema] : []),
  keys: { primaryKey: '', foreignKey: '', unique: '', targets: 'primaryKeyOrUnique', alterTableAdd: true, keyable: (type) => type.sql !== 'JSON' && type.sql !== 'XML' },
  columnComment: () => '',
  tableClauses: ({ partitionColumns }) => ({
    clauses: [],
    comments: partitionColumns.length
      ? [`partitioned by ${partitionColumns.map((column) => column.sql).join(', ')} in the contract: PostgreSQL partitions need PARTITION BY plus a partition table per range, which is left to the deployment`]
      : [],
  }),
  afterTable: (out, { table, description }, columns, descriptions) => commentOn(out, table, description, columns, descriptions, literal),
  grant: (table, role, access) => ({ sql: `GRANT ${access === 'write' ? 'SELECT, INSERT, UPDATE, DELETE' : 'SELECT'} ON ${table.sql} TO ${quoteIdentifier(identifiers, role)};` }),
  notMatching: (text, pattern) => `${text} !~ ${literal(pattern)}`,
  castToText: (expression) => `CAST(${expression} AS TEXT)`,
};
