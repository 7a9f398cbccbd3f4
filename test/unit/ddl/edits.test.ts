/**
 * DDL of an edited contract. The generator keeps per-object results (models, plans, rendered tables, sample queries,
 * checks) for as long as the schema object they came from is the same object, which is what the incremental reparse
 * gives for everything a keystroke did not touch. These tests edit contracts the way the reparse does (copy on
 * write: a new root and a new `schema` array, unchanged objects kept) and require exactly the SQL and problems a
 * fresh copy of the same contract gives, so a reused result can never be stale.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ddlAnalyzer } from '../../../server/src/core/ddl/analyzer';
import { generateDdl, type DdlOutput } from '../../../server/src/core/ddl/generate';
import { DDL_DIALECTS, type DialectId } from '../../../server/src/core/ddl/types';
import { reparseDescriptor } from '../../../server/src/core/yaml/incremental';
import { parseDescriptor } from '../../../server/src/core/yaml/parse';

type Json = Record<string, unknown>;
interface Contract extends Json {
  schema: Json[];
}

function sameOutput(actual: DdlOutput, expected: DdlOutput, context: string): void {
  assert.equal(actual.ddl, expected.ddl, `DDL differs ${context}`);
  assert.equal(actual.samples, expected.samples, `sample queries differ ${context}`);
  assert.equal(actual.checks, expected.checks, `checks differ ${context}`);
  assert.deepEqual(actual.problems, expected.problems, `problems differ ${context}`);
}

/** The edited contract's SQL, with every unchanged object's results reused, against a fresh copy's. */
function assertLikeFresh(contract: Contract, dialects: readonly DialectId[], context: string): void {
  for (const dialect of dialects) sameOutput(generateDdl(contract, dialect), generateDdl(structuredClone(contract), dialect), `${context} (${dialect})`);
}

// Names chosen to collide across case and with reserved words, so edits change which names are quoted or left out.
const names = fc.constantFrom('id', 'ID', 'Id', 'order', 'name', 'Name', 'a b', 'amount', 'customer', 'Customer');
const tableNames = fc.constantFrom('orders', 'Orders', 'customers', 'lines', 'select', 'events');
const property = fc.record({
  name: names,
  logicalType: fc.constantFrom('string', 'integer', 'number', 'date', 'object', 'array', 'bogus'),
  physicalType: fc.option(fc.constantFrom('varchar(20)', 'bigint', 'numeric(12,2)', 'varchar[4]', 'nonsense('), { nil: undefined }),
  primaryKey: fc.boolean(),
  unique: fc.boolean(),
  partitioned: fc.boolean(),
  description: fc.option(fc.constantFrom('plain', "it's", 'multi\nline'), { nil: undefined }),
  relationships: fc.option(fc.constant([{ to: 'orders.id' }]), { nil: undefined }),
  quality: fc.option(fc.constant([{ metric: 'nullValues', mustBe: 0 }]), { nil: undefined }),
}, { requiredKeys: ['name', 'logicalType'] });
const table = fc.record({
  name: tableNames,
  physicalType: fc.constantFrom('table', 'view'),
  description: fc.option(fc.constant('a table'), { nil: undefined }),
  properties: fc.array(property, { maxLength: 5 }),
  quality: fc.option(fc.constant([{ metric: 'rowCount', mustBeGreaterThan: 0 }]), { nil: undefined }),
  customProperties: fc.option(fc.constant([{ property: 'exasolDistributeBy', value: ['id', 'missing'] }]), { nil: undefined }),
}, { requiredKeys: ['name', 'properties'] });
const servers = fc.constantFrom(
  [{ type: 'postgres', schema: 'sales' }, { type: 'snowflake', database: 'db', schema: 'sales' }],
  [{ type: 'postgres', schema: 'Other Schema' }, { type: 'bigquery', project: 'p', dataset: 'd' }],
);
const contractArb = fc.record({ servers, schema: fc.array(table, { maxLength: 6 }), roles: fc.constant([{ role: 'reader', access: 'read' }]) });

/** One edit as the incremental reparse makes it: new root and `schema`, the untouched objects kept as they are. */
type Edit = (contract: Contract) => Contract;
const edits: fc.Arbitrary<Edit> = fc.oneof(
  fc.tuple(fc.nat(), table).map(([at, replacement]): Edit => (contract) => withSchema(contract, (schema) => { if (schema.length) schema[at % schema.length] = replacement; })),
  fc.tuple(fc.nat(), fc.nat(), property).map(([at, position, replacement]): Edit => (contract) => withSchema(contract, (schema) => {
    if (!schema.length) return;
    const object = schema[at % schema.length]!;
    const properties = [...(object.properties as Json[])];
    properties[properties.length ? position % properties.length : 0] = replacement;
    schema[at % schema.length] = { ...object, properties };
  })),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Edit => (contract) => withSchema(contract, (schema) => {
    if (schema.length < 2) return;
    const [first, second] = [a % schema.length, b % schema.length];
    [schema[first], schema[second]] = [schema[second]!, schema[first]!];
  })),
  fc.nat().map((at): Edit => (contract) => withSchema(contract, (schema) => { if (schema.length) schema.splice(at % schema.length, 1); })),
  table.map((added): Edit => (contract) => withSchema(contract, (schema) => { schema.push(added); })),
  servers.map((replacement): Edit => (contract) => ({ ...contract, servers: replacement })),
);

function withSchema(contract: Contract, change: (schema: Json[]) => void): Contract {
  const schema = [...contract.schema];
  change(schema);
  return { ...contract, schema };
}

describe('DDL after edits', () => {
  it('gives every dialect exactly the SQL and problems of a fresh copy, whatever the edits', () => {
    fc.assert(fc.property(contractArb, fc.array(edits, { minLength: 1, maxLength: 6 }), (start, steps) => {
      let contract = start as Contract;
      assertLikeFresh(contract, DDL_DIALECTS, 'before the edits');
      steps.forEach((edit, step) => {
        contract = edit(contract);
        assertLikeFresh(contract, DDL_DIALECTS, `after edit ${step + 1}`);
      });
    }), { numRuns: 60 });
  });

  it('renders a table again when only the table its foreign key points to changed', () => {
    const orders = { name: 'orders', properties: [{ name: 'id', logicalType: 'integer', primaryKey: true }] };
    const lines = { name: 'lines', properties: [{ name: 'order_id', logicalType: 'integer', relationships: [{ to: 'orders.id' }] }] };
    let contract: Contract = { servers: [{ type: 'postgres', schema: 's' }], schema: [orders, lines] };
    assertLikeFresh(contract, DDL_DIALECTS, 'with the key');
    assert.match(generateDdl(contract, 'postgres').ddl, /FOREIGN KEY \(order_id\) REFERENCES s\.orders \(id\)/);
    // `lines` is the same object at the same place; only what it references changed.
    contract = withSchema(contract, (schema) => { schema[0] = { ...orders, properties: [{ name: 'id', logicalType: 'string', primaryKey: true }] }; });
    assertLikeFresh(contract, DDL_DIALECTS, 'with a target of another type');
    assert.doesNotMatch(generateDdl(contract, 'postgres').ddl, /FOREIGN KEY/);
    contract = withSchema(contract, (schema) => { schema[0] = orders; });
    assertLikeFresh(contract, DDL_DIALECTS, 'with the key back');
  });

  it('reuses tables across the chunks of a large script and still matches a fresh copy', () => {
    // Enough tables that every section is written in several chunks (sectionText.ts), with foreign keys between them.
    const schema: Json[] = Array.from({ length: 400 }, (_, index) => ({
      name: `table_${index}`,
      description: `Table ${index}; it's described.`,
      quality: [{ metric: 'rowCount', mustBeGreaterThan: 0 }],
      properties: Array.from({ length: 8 }, (__, column) => ({
        name: `col_${column}`,
        logicalType: 'string',
        description: `Column ${column} of table ${index}.`,
        ...(column === 0 ? { primaryKey: true } : {}),
        ...(column === 1 && index > 0 ? { relationships: [{ to: `table_${index - 1}.col_0` }] } : {}),
      })),
    }));
    let contract: Contract = { servers: [{ type: 'postgres', schema: 'bench' }], schema };
    const dialects: DialectId[] = ['postgres', 'exasol', 'duckdb'];
    assertLikeFresh(contract, dialects, 'first render');
    contract = withSchema(contract, (objects) => { objects[200] = { ...objects[200], description: 'Edited.' }; });
    assertLikeFresh(contract, dialects, 'after editing one table');
    contract = withSchema(contract, (objects) => { objects[300] = { ...objects[300], name: 'renamed' }; });
    assertLikeFresh(contract, dialects, 'after renaming a referenced table');
    contract = withSchema(contract, (objects) => { objects.splice(100, 1); });
    assertLikeFresh(contract, dialects, 'after deleting a referenced table');
  });

  it('reports the same DDL diagnostics after an incremental reparse as after a full parse', () => {
    const text = [
      'apiVersion: v3.1.0', 'kind: DataContract', 'id: c', 'name: c', 'version: 1.0.0', 'status: active',
      'servers:', '  - { server: s, type: postgres, schema: s }', 'schema:',
      ...Array.from({ length: 30 }, (_, index) => [
        `  - name: t${index}`, '    properties:',
        '      - name: id', '        logicalType: integer', '        physicalType: bigint',
        '      - name: code', '        logicalType: string', '        physicalType: varchar[4]',
      ]).flat(),
    ].join('\n');
    let parsed = parseDescriptor(text);
    let current = text;
    for (const dialect of [undefined, ...DDL_DIALECTS]) ddlAnalyzer(parsed, { uri: 'file:///c.odcs.yaml', workspace: undefined, ddlDialect: dialect });
    // Keystrokes in the middle of the contract: one type fixed, one broken, one name made to collide.
    for (const [from, to] of [['physicalType: varchar[4]', 'physicalType: varchar(4)'], ['physicalType: bigint', 'physicalType: bogus'], ['name: code', 'name: ID']] as const) {
      const at = current.indexOf(from, current.length / 2);
      current = current.slice(0, at) + to + current.slice(at + from.length);
      parsed = reparseDescriptor(parsed, current, 0);
      const fresh = parseDescriptor(current);
      for (const dialect of [undefined, ...DDL_DIALECTS]) {
        const context = { uri: 'file:///c.odcs.yaml', workspace: undefined, ddlDialect: dialect };
        assert.deepEqual(ddlAnalyzer(parsed, context), ddlAnalyzer(fresh, context), `after "${to}" (${dialect ?? 'no dialect'})`);
      }
    }
  });
});
