/**
 * fast-check arbitraries for valid ODCS contracts that stress DDL generation: names that are reserved words, mixed
 * case, contain quotes, backticks, spaces, semicolons, comment markers or non-Latin letters; every logical type with
 * its options; keys, unique columns, partitioning, a foreign key, quality rules of every metric, and roles.
 * Names are unique per scope ignoring case, because DuckDB compares even quoted names without regard to case.
 */
import fc from 'fast-check';

export type GenProperty = {
  id: string;
  name: string;
  logicalType: string;
  logicalTypeOptions?: Record<string, unknown>;
  physicalType?: string;
  required?: boolean;
  unique?: boolean;
  primaryKey?: boolean;
  primaryKeyPosition?: number;
  partitioned?: boolean;
  partitionKeyPosition?: number;
  description?: string;
  properties?: GenProperty[];
  items?: Omit<GenProperty, 'id' | 'name'> & { name?: string };
  quality?: Record<string, unknown>[];
  relationships?: { to: string }[];
};

export type GenTable = { id: string; name: string; physicalType: 'table'; description?: string; properties: GenProperty[]; quality?: Record<string, unknown>[] };

export type GenContract = {
  apiVersion: 'v3.1.0';
  kind: 'DataContract';
  id: string;
  version: string;
  status: string;
  name: string;
  servers: Record<string, unknown>[];
  schema: GenTable[];
  roles?: { role: string; access: string }[];
};

const TRICKY_NAMES = [
  'order', 'user', 'select', 'table', 'group', 'from', 'limit', 'value', 'time', 'date', 'key', 'default', 'check',
  'primary', 'left', 'column', 'end', 'a b', "it's", 'say "hi"', 'x; DROP TABLE t; --', 'semi;colon', 'back`tick',
  'größe', '名前', 'émoji 🚀', 'tab\there', '-- dash', '/* c */', 'dollar$', '1st', 'CustomerId', 'ALLCAPS', 'back\\slash',
];

const LINE_BREAK = /[\r\n\u000b\u000c\u0085\u2028\u2029]/;

/** A name engines accept: no NUL, not blank, at most 60 UTF-8 bytes (PostgreSQL keeps 63). */
const nameArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY_NAMES) },
  { weight: 3, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,10}$/) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }) },
).filter((name) => name.trim() !== '' && !name.includes('\u0000') && !LINE_BREAK.test(name) && Buffer.byteLength(name) <= 60);

/** Descriptions full of characters that must not escape a literal or a comment. */
const descriptionArb = fc.oneof(
  fc.constantFrom("O'Reilly's table; DROP TABLE x; --", 'line one\nline two', 'quote " and backslash \\ and */ end', '100 % ünïcödé ✓'),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
).filter((text) => text.trim() !== '' && !text.includes('\u0000'));

type Spec = Omit<GenProperty, 'id' | 'name'>;

const stringSpec: fc.Arbitrary<Spec> = fc.oneof(
  fc.constant<Spec>({ logicalType: 'string' }),
  fc.integer({ min: 1, max: 500 }).chain((maxLength) => fc.constantFrom<Spec>(
    { logicalType: 'string', logicalTypeOptions: { maxLength } },
    { logicalType: 'string', logicalTypeOptions: { maxLength }, physicalType: `varchar(${maxLength})` },
  )),
  fc.constantFrom<Spec>(
    { logicalType: 'string', logicalTypeOptions: { format: 'uuid' } },
    { logicalType: 'string', logicalTypeOptions: { format: 'binary' } },
    { logicalType: 'string', logicalTypeOptions: { format: 'email' } },
    { logicalType: 'string', physicalType: 'string' },
  ),
);

const integerSpec: fc.Arbitrary<Spec> = fc.oneof(
  fc.constantFrom('i8', 'i16', 'i32', 'i64', 'i128', 'u8', 'u16', 'u32', 'u64', 'u128').map<Spec>((format) => ({ logicalType: 'integer', logicalTypeOptions: { format } })),
  fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(100, 70_000, 5_000_000_000, 1e19)).map<Spec>(([minimum, span]) => ({ logicalType: 'integer', logicalTypeOptions: { minimum, maximum: minimum + span } })),
  fc.constantFrom<Spec>({ logicalType: 'integer' }, { logicalType: 'integer', physicalType: 'bigint' }, { logicalType: 'integer', physicalType: 'int4' }),
);

const numberSpec: fc.Arbitrary<Spec> = fc.oneof(
  fc.constantFrom<Spec>({ logicalType: 'number' }, { logicalType: 'number', logicalTypeOptions: { format: 'f32' } }, { logicalType: 'number', logicalTypeOptions: { format: 'f64' } }),
  fc.integer({ min: 1, max: 38 }).chain((precision) => fc.integer({ min: 0, max: precision }).chain((scale) => fc.constantFrom<Spec>(
    { logicalType: 'number', physicalType: `numeric(${precision},${scale})` },
    { logicalType: 'number', physicalType: `float(${precision},${scale})` },
  ))),
);

const scalarSpec: fc.Arbitrary<Spec> = fc.oneof(
  stringSpec, integerSpec, numberSpec,
  fc.constantFrom<Spec>({ logicalType: 'boolean' }, { logicalType: 'date' }),
  fc.constantFrom('timestamp', 'time').chain((logicalType) => fc.option(fc.boolean(), { nil: undefined }).map<Spec>((timezone) => (timezone === undefined ? { logicalType } : { logicalType, logicalTypeOptions: { timezone } }))),
);

function uniqueByCase<T extends { name: string }>(arb: fc.Arbitrary<T>, minLength: number, maxLength: number): fc.Arbitrary<T[]> {
  return fc.uniqueArray(arb, { minLength, maxLength, selector: (item) => item.name.toLowerCase() });
}

const fieldArb = fc.record({ name: nameArb, spec: scalarSpec });

const nestedSpec: fc.Arbitrary<Spec> = fc.oneof(
  uniqueByCase(fieldArb, 1, 3).map<Spec>((fields) => ({ logicalType: 'object', properties: fields.map(({ name, spec }, index) => ({ id: `f${index}`, name, ...spec })) })),
  fc.constant<Spec>({ logicalType: 'object' }),
  scalarSpec.map<Spec>((items) => ({ logicalType: 'array', items })),
  fc.constant<Spec>({ logicalType: 'array' }),
);

const ruleForColumn = fc.oneof(
  fc.constant({ metric: 'nullValues', mustBe: 0 }),
  fc.constant({ metric: 'missingValues', arguments: { missingValues: [null, '', 'N/A'] }, mustBeLessThan: 5, unit: 'percent' }),
  fc.constant({ metric: 'invalidValues', arguments: { validValues: ['a', "it's", 'x;y'] }, mustBeLessOrEqualTo: 10 }),
  fc.constant({ metric: 'invalidValues', arguments: { validValues: [1, 2, 3] } }),
  fc.constant({ metric: 'invalidValues', arguments: { pattern: "^[A-Z]{3}'?$" }, mustBe: 0 }),
  fc.constant({ metric: 'duplicateValues', mustBe: 0 }),
  fc.constant({ type: 'sql', query: 'SELECT COUNT(*) FROM ${table} WHERE ${column} IS NULL', mustBe: 0 }),
);

const columnArb = fc.record({
  name: nameArb,
  spec: fc.oneof({ weight: 4, arbitrary: scalarSpec }, { weight: 1, arbitrary: nestedSpec }),
  required: fc.boolean(),
  unique: fc.boolean(),
  key: fc.boolean(),
  partitioned: fc.boolean(),
  description: fc.option(descriptionArb, { nil: undefined }),
  quality: fc.option(ruleForColumn, { nil: undefined }),
});

const tableArb = fc.record({
  name: nameArb,
  description: fc.option(descriptionArb, { nil: undefined }),
  columns: uniqueByCase(columnArb, 1, 6),
  rowCount: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
  reference: fc.boolean(),
});

const isScalar = (spec: Spec): boolean => spec.logicalType !== 'object' && spec.logicalType !== 'array';

type TableDraft = typeof tableArb extends fc.Arbitrary<infer T> ? T : never;

function buildTable(table: TableDraft, index: number): GenTable {
  let keyPosition = 0;
  let partitionPosition = 0;
  const properties = table.columns.map((column, position): GenProperty => {
    const keyed = column.key && isScalar(column.spec);
    return {
      id: `p${position}`, name: column.name, ...column.spec,
      required: column.required,
      ...(column.unique && isScalar(column.spec) ? { unique: true } : {}),
      ...(keyed ? { primaryKey: true, primaryKeyPosition: ++keyPosition } : {}),
      ...(column.partitioned ? { partitioned: true, partitionKeyPosition: ++partitionPosition } : {}),
      ...(column.description !== undefined ? { description: column.description } : {}),
      ...(column.quality ? { quality: [column.quality] } : {}),
    };
  });
  // Key positions in reverse declaration order, so the key order differs from the column order.
  const keyed = properties.filter((property) => property.primaryKey);
  keyed.forEach((property, position) => { property.primaryKeyPosition = keyed.length - position; });
  const quality = table.rowCount !== undefined ? [{ metric: 'rowCount', mustBeGreaterThan: table.rowCount }, { type: 'sql', query: 'SELECT COUNT(*) FROM ${table};', mustBeGreaterOrEqualTo: 0 }] : undefined;
  return { id: `t${index}`, name: table.name, physicalType: 'table', ...(table.description !== undefined ? { description: table.description } : {}), properties, ...(quality ? { quality } : {}) };
}

/** Adds a column referencing the first table's single-column key to every table that asks for one. */
function addForeignKeys(tables: GenTable[], wanted: readonly boolean[]): void {
  const target = tables[0]!;
  const keys = target.properties.filter((property) => property.primaryKey);
  if (keys.length !== 1) return;
  const key = keys[0]!;
  tables.forEach((table, index) => {
    if (index === 0 || !wanted[index]) return;
    let name = `ref to ${target.name}`;
    while (table.properties.some((property) => property.name.toLowerCase() === name.toLowerCase())) name += '_';
    if (Buffer.byteLength(name) > 60) return;
    const { id: _id, name: _name, primaryKey: _pk, primaryKeyPosition: _pos, unique: _unique, quality: _quality, partitioned: _part, partitionKeyPosition: _ppos, description: _description, ...type } = key;
    table.properties.push({ ...type, id: `p${table.properties.length}`, name, required: false, relationships: [{ to: `schema/${target.id}/properties/${key.id}` }] });
  });
}

export const contractArb: fc.Arbitrary<GenContract> = fc.record({
  tables: uniqueByCase(tableArb, 1, 3),
  roles: uniqueByCase(fc.record({ name: nameArb, write: fc.boolean() }), 0, 2),
  schemaName: nameArb,
}).map(({ tables, roles, schemaName }) => {
  const schema = tables.map(buildTable);
  addForeignKeys(schema, tables.map((table) => table.reference));
  return {
    apiVersion: 'v3.1.0', kind: 'DataContract', id: 'urn:test:generated', version: '1.0.0', status: 'draft', name: 'generated',
    servers: [
      { server: 'pg', type: 'postgres', host: 'localhost', port: 5432, database: 'test', schema: schemaName },
      { server: 'duck', type: 'duckdb', database: ':memory:', schema: schemaName },
    ],
    schema,
    ...(roles.length ? { roles: roles.map((role) => ({ role: role.name, access: role.write ? 'write' : 'read' })) } : {}),
  };
});

/** Gives each run its own schema so runs never see each other's tables. */
export function withSchema(contract: GenContract, schema: string): GenContract {
  return { ...contract, servers: contract.servers.map((server) => ({ ...server, schema })) };
}
