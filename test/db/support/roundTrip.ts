/**
 * Compares what an engine's catalogue says it created with what the contract asked for, written from the contract's
 * point of view (ODCS semantics and each engine's documented behaviour), not from the generator's code: names as the
 * engine stores them, a type that can hold every value the logical type and its options allow, nullability, keys.
 */
import type { CatalogColumn, CatalogKey } from './engines';
import type { GenContract, GenProperty } from './arbitraryContract';

export type Engine = 'postgres' | 'duckdb';

/**
 * The name an engine stores: PostgreSQL folds unquoted names to lower case, and a name can stay unquoted only when
 * it is a plain identifier and not a reserved keyword (`reserved` comes from the engine's own keyword catalogue).
 */
export function storedName(engine: Engine, name: string, reserved: ReadonlySet<string>): string {
  if (engine === 'duckdb') return name;
  return /^[A-Za-z_][A-Za-z0-9_$]*$/.test(name) && !reserved.has(name.toLowerCase()) ? name.toLowerCase() : name;
}

type Range = readonly [min: bigint, max: bigint];

function signed(bits: number): Range {
  return [-(2n ** BigInt(bits - 1)), 2n ** BigInt(bits - 1) - 1n];
}

function unsigned(bits: number): Range {
  return [0n, 2n ** BigInt(bits) - 1n];
}

function digits(count: number): Range {
  return [-(10n ** BigInt(count) - 1n), 10n ** BigInt(count) - 1n];
}

/** The values an integer property must be able to hold. */
function requiredRange(property: Pick<GenProperty, 'logicalTypeOptions' | 'physicalType'>): Range {
  const options = property.logicalTypeOptions ?? {};
  const format = options.format;
  if (typeof format === 'string') {
    const bits = Number(format.slice(1));
    return format.startsWith('u') ? unsigned(bits) : signed(bits);
  }
  if (typeof options.minimum === 'number' && typeof options.maximum === 'number') return [BigInt(Math.trunc(options.minimum)), BigInt(Math.trunc(options.maximum))];
  return property.physicalType === 'bigint' ? signed(64) : signed(32);
}

function integerRange(engine: Engine, type: string): Range | undefined {
  if (engine === 'postgres') {
    const numeric = /^numeric\((\d+),0\)$/.exec(type);
    if (numeric) return digits(Number(numeric[1]));
    return ({ smallint: signed(16), integer: signed(32), bigint: signed(64) } as Record<string, Range>)[type];
  }
  return ({
    TINYINT: signed(8), SMALLINT: signed(16), INTEGER: signed(32), BIGINT: signed(64), HUGEINT: signed(128),
    UTINYINT: unsigned(8), USMALLINT: unsigned(16), UINTEGER: unsigned(32), UBIGINT: unsigned(64), UHUGEINT: unsigned(128),
  } as Record<string, Range>)[type];
}

type TypedProperty = Omit<GenProperty, 'id' | 'name'>;

/** Why `type` (as the catalogue prints it) cannot hold the property, or undefined when it can. */
export function typeProblem(engine: Engine, type: string, property: TypedProperty): string | undefined {
  const options = property.logicalTypeOptions ?? {};
  const pg = engine === 'postgres';
  const expect = (wanted: string): string | undefined => (type === wanted ? undefined : `expected ${wanted}, got ${type}`);
  const timezone = options.timezone === true;
  switch (property.logicalType) {
    case 'string': {
      if (options.format === 'uuid') return expect(pg ? 'uuid' : 'UUID');
      if (options.format === 'binary') return expect(pg ? 'bytea' : 'BLOB');
      if (!pg) return expect('VARCHAR');
      return typeof options.maxLength === 'number' ? expect(`character varying(${options.maxLength})`) : expect('text');
    }
    case 'integer': {
      const range = integerRange(engine, type);
      const needed = requiredRange(property);
      if (!range) return `${type} is not an integer type`;
      return range[0] <= needed[0] && range[1] >= needed[1] ? undefined : `${type} cannot hold ${needed[0]}..${needed[1]}`;
    }
    case 'number': {
      const parameters = /\((\d+),(\d+)\)$/.exec(property.physicalType ?? '');
      if (parameters) return expect(pg ? `numeric(${parameters[1]},${parameters[2]})` : `DECIMAL(${parameters[1]},${parameters[2]})`);
      if (options.format === 'f32') return expect(pg ? 'real' : 'FLOAT');
      return expect(pg ? 'double precision' : 'DOUBLE');
    }
    case 'boolean': return expect(pg ? 'boolean' : 'BOOLEAN');
    case 'date': return expect(pg ? 'date' : 'DATE');
    case 'timestamp': return expect(pg ? `timestamp ${timezone ? 'with' : 'without'} time zone` : timezone ? 'TIMESTAMP WITH TIME ZONE' : 'TIMESTAMP');
    case 'time': return expect(pg ? `time ${timezone ? 'with' : 'without'} time zone` : timezone ? 'TIME WITH TIME ZONE' : 'TIME');
    case 'object':
      if (pg) return expect('jsonb');
      return property.properties?.length ? (type.startsWith('STRUCT(') ? undefined : `expected a STRUCT, got ${type}`) : expect('JSON');
    case 'array':
      if (!property.items) return expect(pg ? 'jsonb' : 'JSON');
      if (!type.endsWith('[]')) return `expected an array, got ${type}`;
      return typeProblem(engine, type.slice(0, -2), property.items);
    default:
      return `unexpected logical type ${property.logicalType}`;
  }
}

/** Every difference between the contract and the engine's catalogue, as readable lines (empty when they match). */
export function catalogDifferences(engine: Engine, contract: GenContract, columns: readonly CatalogColumn[], keys: readonly CatalogKey[], reserved: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const stored = (name: string): string => storedName(engine, name, reserved);
  const tables = new Set(columns.map((column) => column.table));
  if (tables.size !== contract.schema.length) problems.push(`expected ${contract.schema.length} tables, found ${[...tables].join(', ')}`);
  for (const table of contract.schema) {
    const name = stored(table.name);
    const created = columns.filter((column) => column.table === name);
    const expectedNames = table.properties.map((property) => stored(property.name));
    if (JSON.stringify(created.map((column) => column.column)) !== JSON.stringify(expectedNames)) {
      problems.push(`${name}: columns ${JSON.stringify(created.map((column) => column.column))}, expected ${JSON.stringify(expectedNames)}`);
      continue;
    }
    table.properties.forEach((property, index) => {
      const column = created[index]!;
      const typeIssue = typeProblem(engine, column.dataType, property);
      if (typeIssue) problems.push(`${name}.${column.column}: ${typeIssue}`);
      const nullable = !(property.required || property.primaryKey);
      if (column.nullable !== nullable) problems.push(`${name}.${column.column}: nullable is ${column.nullable}, expected ${nullable}`);
    });
    const tableKeys = keys.filter((key) => key.table === name);
    const primaryKey = table.properties.filter((property) => property.primaryKey).sort((a, b) => a.primaryKeyPosition! - b.primaryKeyPosition!).map((property) => stored(property.name));
    const createdKey = tableKeys.find((key) => key.kind === 'PRIMARY KEY')?.columns ?? [];
    if (JSON.stringify(createdKey) !== JSON.stringify(primaryKey)) problems.push(`${name}: primary key ${JSON.stringify(createdKey)}, expected ${JSON.stringify(primaryKey)}`);
    for (const property of table.properties) {
      const column = stored(property.name);
      if (property.unique && !(primaryKey.length === 1 && primaryKey[0] === column)
        && !tableKeys.some((key) => key.kind === 'UNIQUE' && key.columns.length === 1 && key.columns[0] === column)) {
        problems.push(`${name}.${column}: no UNIQUE constraint`);
      }
      for (const relationship of property.relationships ?? []) {
        const [, targetId, , propertyId] = relationship.to.split('/');
        const target = contract.schema.find((candidate) => candidate.id === targetId)!;
        const targetColumn = target.properties.find((candidate) => candidate.id === propertyId)!;
        const found = tableKeys.some((key) => key.kind === 'FOREIGN KEY' && key.columns.length === 1 && key.columns[0] === column
          && key.references?.table === stored(target.name) && key.references.columns[0] === stored(targetColumn.name));
        if (!found) problems.push(`${name}.${column}: no foreign key to ${target.name}.${targetColumn.name}`);
      }
    }
  }
  return problems;
}
