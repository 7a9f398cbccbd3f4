/**
 * Exasol. Primary and foreign keys are real constraints that Exasol can enforce (written with an explicit `ENABLE`
 * so the result does not depend on the database's CONSTRAINT_STATE_DEFAULT); there is no UNIQUE constraint.
 * Descriptions are `COMMENT IS` clauses. Distribution and partitioning are set with `ALTER TABLE ... DISTRIBUTE BY /
 * PARTITION BY`. Exasol has no TIME, JSON, ARRAY or binary type: those become documented VARCHAR fallbacks.
 * References: see CONTRIBUTING.md, "SQL dialect references".
 */
import { doubling, quoteIdentifier, standardStringLiteral } from '../identifiers';
import { RESERVED_WORDS } from '../reservedWords';
import { catalog, decimal, decimalHint, INTEGER_DIGITS, integerKind, maxLength, spec, stringFormat, wantsTimezone, within } from '../typeHelpers';
import type { Dialect, LogicalTypeInput, MappedType } from '../types';

const MAX_VARCHAR = 2_000_000;
const MAX_PRECISION = 36;
const identifiers = { regular: /^[A-Za-z][A-Za-z0-9_]*$/, quote: '"', fold: 'upper', caseInsensitive: false, escape: doubling('"'), reserved: RESERVED_WORDS.exasol } as const;

const physicalTypes = catalog([
  ['boolean|bool', spec('BOOLEAN', 'boolean')],
  ['char|character|nchar', spec('CHAR', 'string', { args: [0, 1], checkArgs: within([1, 2000]) })],
  ['varchar|varchar2|nvarchar|nvarchar2|character varying|char varying', spec('VARCHAR', 'string', { args: [1, 1], checkArgs: within([1, MAX_VARCHAR]) })],
  ['long varchar|clob', spec('VARCHAR', 'string', { render: () => `VARCHAR(${MAX_VARCHAR})` })],
  ['decimal|dec|numeric', spec('DECIMAL', 'decimal', { args: [0, 2], checkArgs: within([1, MAX_PRECISION], [0, MAX_PRECISION]) })],
  // Exasol reads a bare NUMBER as DOUBLE PRECISION and NUMBER(p, s) as DECIMAL(p, s).
  ['number', spec('NUMBER', 'decimal', { args: [0, 2], checkArgs: within([1, MAX_PRECISION], [0, MAX_PRECISION]), render: (args) => (args.length ? `DECIMAL(${args.join(',')})` : 'DOUBLE PRECISION') })],
  ['bigint', spec('BIGINT', 'integer', { render: () => 'DECIMAL(36,0)' })],
  ['int|integer', spec('INTEGER', 'integer', { render: () => 'DECIMAL(18,0)' })],
  ['smallint|shortint', spec('SMALLINT', 'integer', { render: () => 'DECIMAL(9,0)' })],
  ['tinyint', spec('TINYINT', 'integer', { render: () => 'DECIMAL(3,0)' })],
  ['double|double precision|float|real', spec('DOUBLE PRECISION', 'float')],
  ['date', spec('DATE', 'date')],
  ['timestamp', spec('TIMESTAMP', 'timestamp', { args: [0, 1], checkArgs: within([0, 9]) })],
  ['timestamp with local time zone', spec('TIMESTAMP WITH LOCAL TIME ZONE', 'timestamp', { args: [0, 1], checkArgs: within([0, 9]), render: (args) => (args.length ? `TIMESTAMP(${args[0]}) WITH LOCAL TIME ZONE` : 'TIMESTAMP WITH LOCAL TIME ZONE') })],
  ['interval year to month', spec('INTERVAL YEAR TO MONTH', 'other')],
  ['interval day to second', spec('INTERVAL DAY TO SECOND', 'other')],
  ['geometry', spec('GEOMETRY', 'other', { args: [0, 1] })],
]);

function mapLogical(input: LogicalTypeInput): MappedType {
  const { options } = input;
  switch (input.logicalType) {
    case 'string': {
      const format = stringFormat(options);
      if (format === 'uuid') return { sql: 'CHAR(36)', family: 'string' };
      if (format === 'binary') return { sql: `VARCHAR(${MAX_VARCHAR})`, family: 'string', note: 'Exasol has no binary type: store hex or base64 text' };
      const length = maxLength(input);
      if (length !== undefined && length <= MAX_VARCHAR) return { sql: `VARCHAR(${length})`, family: 'string' };
      return { sql: `VARCHAR(${MAX_VARCHAR})`, family: 'string', ...(length !== undefined ? { note: `maxLength ${length} exceeds Exasol's VARCHAR limit` } : {}) };
    }
    case 'date': return { sql: 'DATE', family: 'date' };
    case 'timestamp': return { sql: wantsTimezone(options) ? 'TIMESTAMP WITH LOCAL TIME ZONE' : 'TIMESTAMP', family: 'timestamp' };
    case 'time': return { sql: 'VARCHAR(24)', family: 'string', note: 'Exasol has no TIME type: stored as text HH:MI:SS[.FF][+TZ]' };
    case 'boolean': return { sql: 'BOOLEAN', family: 'boolean' };
    case 'integer': {
      const digits = INTEGER_DIGITS[integerKind(options)];
      if (digits <= MAX_PRECISION) return { sql: `DECIMAL(${digits},0)`, family: 'integer' };
      return { sql: `DECIMAL(${MAX_PRECISION},0)`, family: 'integer', note: `128-bit integers need ${digits} digits; Exasol stores at most ${MAX_PRECISION}` };
    }
    case 'number': {
      const hint = decimalHint(input);
      return hint ? decimal('DECIMAL', hint.precision, hint.scale, MAX_PRECISION) : { sql: 'DOUBLE PRECISION', family: 'float' };
    }
  }
}

const literal = standardStringLiteral;

export const exasol: Dialect = {
  id: 'exasol',
  label: 'Exasol',
  identifiers,
  stringLiteral: literal,
  maxCommentLength: 2000,
  physicalTypes,
  arraySuffix: false,
  mapLogical,
  arrayOf: () => undefined,
  structOf: () => undefined,
  jsonFallback: { sql: `VARCHAR(${MAX_VARCHAR})`, family: 'json', note: 'Exasol has no JSON, ARRAY or STRUCT type: JSON text, read with JSON_VALUE / JSON_EXTRACT' },
  allowsNotNull: () => true,
  createSchema: (namespace) => (namespace.length ? `CREATE SCHEMA IF NOT EXISTS ${namespace.map((part) => quoteIdentifier(identifiers, part)).join('.')};` : undefined),
  useNamespace: (namespace) => `OPEN SCHEMA ${namespace.map((part) => quoteIdentifier(identifiers, part)).join('.')};`,
  namespaceOf: (server) => (typeof server.schema === 'string' && server.schema ? [server.schema] : []),
  keys: { primaryKey: ' ENABLE', foreignKey: ' ENABLE', unique: undefined, targets: 'primaryKey', alterTableAdd: true, keyable: () => true },
  columnComment: (text) => ` COMMENT IS ${literal(text)}`,
  tableClauses: ({ description }) => ({ clauses: description ? [`COMMENT IS ${literal(description)}`] : [], comments: [] }),
  afterTable: (out, { table, partitionColumns, distributeColumns }) => {
    if (distributeColumns.length) out.push(`ALTER TABLE ${table.sql} DISTRIBUTE BY ${distributeColumns.join(', ')};`);
    if (partitionColumns.length) out.push(`ALTER TABLE ${table.sql} PARTITION BY ${partitionColumns.map((column) => column.sql).join(', ')};`);
  },
  grant: (table, role, access) => ({ sql: `GRANT ${access === 'write' ? 'SELECT, INSERT, UPDATE, DELETE' : 'SELECT'} ON ${table.sql} TO ${quoteIdentifier(identifiers, role)};` }),
  notMatching: (text, pattern) => `REGEXP_INSTR(${text}, ${literal(pattern)}) = 0`,
  castToText: (expression) => `CAST(${expression} AS VARCHAR(${MAX_VARCHAR}))`,
};
