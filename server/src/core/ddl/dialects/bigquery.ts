/**
 * BigQuery (GoogleSQL). Datasets are schemas; primary and foreign keys are unenforced (`NOT ENFORCED`); there is no
 * UNIQUE constraint. Descriptions are `OPTIONS(description=...)`. One partitioning column (date/time or an integer
 * range); further partition keys become clustering keys. Grants go to IAM principals.
 * References: see CONTRIBUTING.md, "SQL dialect references".
 */
import { backslashStringLiteral, quoteIdentifier } from '../identifiers';
import { RESERVED_WORDS } from '../reservedWords';
import { catalog, decimal, decimalHint, integerKind, maxLength, spec, stringFormat, wantsTimezone, within } from '../typeHelpers';
import type { Dialect, LogicalTypeInput, MappedType, SqlType, TableClauseInput } from '../types';

const escapeBacktick = (name: string): string => backslashStringLiteral(name, '`').slice(1, -1);
const identifiers = { regular: /^[A-Za-z_][A-Za-z0-9_]*$/, quote: '`', fold: 'none', caseInsensitive: true, escape: escapeBacktick, reserved: RESERVED_WORDS.bigquery } as const;
const literal = (text: string): string => backslashStringLiteral(text, '"');
const PRINCIPAL = /^(user|group|serviceAccount|domain|principal|principalSet):\S+$/;

const physicalTypes = catalog([
  ['string', spec('STRING', 'string', { args: [0, 1], checkArgs: within([1, Number.MAX_SAFE_INTEGER]) })],
  ['bytes', spec('BYTES', 'binary', { args: [0, 1], checkArgs: within([1, Number.MAX_SAFE_INTEGER]) })],
  ['int64|int|smallint|integer|bigint|tinyint|byteint', spec('INT64', 'integer')],
  ['numeric|decimal', spec('NUMERIC', 'decimal', { args: [0, 2], checkArgs: within([1, 29], [0, 9]) })],
  ['bignumeric|bigdecimal', spec('BIGNUMERIC', 'decimal', { args: [0, 2], checkArgs: within([1, 76], [0, 38]) })],
  ['float64', spec('FLOAT64', 'float')],
  ['bool|boolean', spec('BOOL', 'boolean')],
  ['date', spec('DATE', 'date')],
  ['datetime', spec('DATETIME', 'timestamp')],
  ['time', spec('TIME', 'time')],
  ['timestamp', spec('TIMESTAMP', 'timestamp')],
  ['json', spec('JSON', 'json')],
  ['geography', spec('GEOGRAPHY', 'other')],
  ['interval', spec('INTERVAL', 'other')],
  ['array', spec('ARRAY', 'array', { container: 'array' })],
  ['struct', spec('STRUCT', 'struct', { container: 'struct' })],
]);

function mapLogical(input: LogicalTypeInput): MappedType {
  const { options } = input;
  switch (input.logicalType) {
    case 'string': {
      const format = stringFormat(options);
      if (format === 'binary') return { sql: 'BYTES', family: 'binary' };
      const length = format === 'uuid' ? 36 : maxLength(input);
      return { sql: length !== undefined ? `STRING(${length})` : 'STRING', family: 'string' };
    }
    case 'date': return { sql: 'DATE', family: 'date' };
    case 'timestamp': return { sql: wantsTimezone(options) ? 'TIMESTAMP' : 'DATETIME', family: 'timestamp' };
    case 'time': return { sql: 'TIME', family: 'time' };
    case 'boolean': return { sql: 'BOOL', family: 'boolean' };
    case 'integer': {
      const kind = integerKind(options);
      if (kind === 'u64') return { sql: 'NUMERIC(20,0)', family: 'decimal' };
      if (kind === 'i128' || kind === 'u128') return { sql: 'BIGNUMERIC(39,0)', family: 'decimal' };
      return { sql: 'INT64', family: 'integer' };
    }
    case 'number': {
      const hint = decimalHint(input);
      if (!hint) return { sql: 'FLOAT64', family: 'float' };
      const scale = hint.scale ?? 0;
      return hint.precision <= 29 && scale <= 9 ? decimal('NUMERIC', hint.precision, scale, 29, 9) : decimal('BIGNUMERIC', hint.precision, scale, 76, 38);
    }
  }
}

const CLUSTERABLE = new Set<SqlType['family']>(['string', 'integer', 'decimal', 'boolean', 'date', 'timestamp']);

/** BigQuery partitions on one date/time column or an integer range; other partition keys cluster the table. */
function partitioning({ partitionColumns }: TableClauseInput): { clauses: string[]; comments: string[] } {
  const clauses: string[] = [];
  const comments: string[] = [];
  const [first, ...rest] = partitionColumns;
  const cluster = [...rest];
  if (first) {
    const { sql, type, options } = first;
    if (type.sql === 'DATE') clauses.push(`PARTITION BY ${sql}`);
    else if (type.sql === 'TIMESTAMP') clauses.push(`PARTITION BY TIMESTAMP_TRUNC(${sql}, DAY)`);
    else if (type.sql === 'DATETIME') clauses.push(`PARTITION BY DATETIME_TRUNC(${sql}, DAY)`);
    else if (type.sql === 'INT64' && typeof options.minimum === 'number' && typeof options.maximum === 'number' && options.maximum > options.minimum) {
      const start = Math.trunc(options.minimum);
      const end = Math.trunc(options.maximum) + 1;
      const step = Math.max(1, Math.ceil((end - start) / 4000));
      clauses.push(`PARTITION BY RANGE_BUCKET(${sql}, GENERATE_ARRAY(${start}, ${end}, ${step}))`);
    } else {
      comments.push(`${sql} cannot partition a BigQuery table (only DATE, TIMESTAMP, DATETIME or a bounded integer can): it clusters the table instead`);
      cluster.unshift(first);
    }
  }
  const clusterable = cluster.filter((column) => CLUSTERABLE.has(column.type.family)).slice(0, 4);
  if (clusterable.length) clauses.push(`CLUSTER BY ${clusterable.map((column) => column.sql).join(', ')}`);
  if (clusterable.length < cluster.length) comments.push('BigQuery clusters on at most four columns of orderable types; the other partition keys are left out');
  return { clauses, comments };
}

export const bigquery: Dialect = {
  id: 'bigquery',
  label: 'BigQuery',
  identifiers,
  stringLiteral: literal,
  maxCommentLength: 1024,
  physicalTypes,
  arraySuffix: false,
  mapLogical,
  arrayOf: (element) => (element.family === 'array' ? undefined : { sql: `ARRAY<${element.sql}>`, family: 'array' }),
  structOf: (fields) => ({ sql: `STRUCT<${fields.map((field) => `${quoteIdentifier(identifiers, field.name)} ${field.type.sql}`).join(', ')}>`, family: 'struct' }),
  jsonFallback: { sql: 'JSON', family: 'json' },
  allowsNotNull: (type) => type.family !== 'array',
  createSchema: (namespace) => (namespace.length ? `CREATE SCHEMA IF NOT EXISTS ${namespace.map((part) => quoteIdentifier(identifiers, part)).join('.')};` : undefined),
  useNamespace: (namespace) => `SET @@dataset_id = ${literal(namespace[namespace.length - 1] ?? '')};`,
  namespaceOf: (server) => {
    if (typeof server.dataset !== 'string' || !server.dataset) return [];
    return typeof server.project === 'string' && server.project ? [server.project, server.dataset] : [server.dataset];
  },
  keys: { primaryKey: ' NOT ENFORCED', foreignKey: ' NOT ENFORCED', unique: undefined, targets: 'primaryKey', alterTableAdd: true, keyable: (type) => !['array', 'struct', 'json', 'float'].includes(type.family) && type.sql !== 'GEOGRAPHY' },
  columnComment: (text) => ` OPTIONS(description=${literal(text)})`,
  tableClauses: (input) => {
    const { clauses, comments } = partitioning(input);
    if (input.description) clauses.push(`OPTIONS(description=${literal(input.description)})`);
    return { clauses, comments };
  },
  afterTable: () => undefined,
  grant: (table, role, access) => {
    const iamRole = access === 'write' ? 'roles/bigquery.dataEditor' : 'roles/bigquery.dataViewer';
    if (PRINCIPAL.test(role)) return { sql: `GRANT \`${iamRole}\` ON TABLE ${table.sql} TO ${literal(role)};` };
    return { comment: `role ${role}: BigQuery grants IAM roles to principals; name the role "group:<email>" (or user:, serviceAccount:, domain:) to get GRANT \`${iamRole}\` on each table` };
  },
  notMatching: (text, pattern) => `NOT REGEXP_CONTAINS(${text}, ${literal(pattern)})`,
  castToText: (expression) => `CAST(${expression} AS STRING)`,
};
