/**
 * Targeted ODCS mutations: the conditional parts of the schema (server type -> connection fields,
 * logicalType -> logicalTypeOptions/items/properties, quality type -> metric/query/engine, relationships).
 */
import type { ReferenceDivergence } from './divergences';
import type { MutationBuilder } from './mutations';
import { allNodes, getAt, isObject, pick, sample, setAt, deleteAt, type Json, type JsonObject } from './json-tree';

const LOGICAL_TYPES = ['string', 'date', 'timestamp', 'time', 'number', 'integer', 'object', 'array', 'boolean'] as const;

/** Per logical type: an option that belongs to it, one that belongs to another type, and one with a wrong value. */
const OPTION_CASES: Record<string, { fits: JsonObject; foreign: JsonObject; badValue: JsonObject }> = {
  string: { fits: { maxLength: 10, format: 'email' }, foreign: { minimum: 1 }, badValue: { maxLength: 'ten' } },
  date: { fits: { format: 'yyyy-MM-dd', minimum: '2020-01-01' }, foreign: { maxLength: 5 }, badValue: { minimum: 20200101 } },
  timestamp: { fits: { timezone: true, defaultTimezone: 'Etc/UTC' }, foreign: { multipleOf: 2 }, badValue: { timezone: 'yes' } },
  time: { fits: { format: 'HH:mm:ss' }, foreign: { required: ['a'] }, badValue: { maximum: 10 } },
  number: { fits: { minimum: 0, format: 'f64' }, foreign: { format: 'i32' }, badValue: { multipleOf: 0 } },
  integer: { fits: { format: 'i64', exclusiveMaximum: 10 }, foreign: { format: 'f64' }, badValue: { minimum: '0' } },
  object: { fits: { minProperties: 1, required: ['a'] }, foreign: { maxItems: 3 }, badValue: { required: [] } },
  array: { fits: { uniqueItems: true, minItems: 1 }, foreign: { maxProperties: 2 }, badValue: { minItems: -1 } },
  boolean: { fits: { anythingGoes: 1 }, foreign: { maxLength: 1 }, badValue: { pattern: 5 } },
};

const SERVER_TYPES_TO_TRY = ['postgres', 'snowflake', 'bigquery', 'kafka', 's3', 'custom', 'databricks', 'duckdb', 'exasol', 'mssql'];

function serverMutations(doc: Json, add: MutationBuilder): void {
  const servers = getAt(doc, ['servers']);
  const list = Array.isArray(servers) ? servers : [];
  list.forEach((server, i) => {
    if (!isObject(server)) return;
    for (const type of SERVER_TYPES_TO_TRY) {
      if (type === server.type) continue;
      add('server-type', ['servers', i, 'type'], `${String(server.type)} -> ${type}`, (d) => setAt(d, ['servers', i, 'type'], type), type === 'exasol' ? ['exasol'] : []);
    }
    for (const [field, value] of Object.entries(server)) {
      if (typeof value !== 'number') continue;
      add('server-field', ['servers', i, field], 'fractional number', (d) => setAt(d, ['servers', i, field], value + 0.5));
      add('server-field', ['servers', i, field], 'number as string', (d) => setAt(d, ['servers', i, field], String(value)));
    }
  });
  const exasol: JsonObject = { server: 'exa-prod', type: 'exasol', host: 'exasol.example.com', port: 8563, database: 'EXA_DB', schema: 'SALES' };
  const variants: Array<[string, JsonObject]> = [
    ['complete exasol server', exasol],
    ['minimal exasol server', { server: 'exa', type: 'exasol' }],
    ['exasol server with foreign field', { ...exasol, account: 'acme' }],
    ['exasol server with string port', { ...exasol, port: '8563' }],
    ['exasol server without name', { type: 'exasol', host: 'exasol.example.com' }],
  ];
  for (const [detail, server] of variants) {
    add('server-add', ['servers'], detail, (d) => {
      if (!isObject(d)) return;
      const existing = Array.isArray(d.servers) ? d.servers : [];
      d.servers = [...existing, server];
    }, ['exasol']);
  }
}

/** A plausible value for a connection field, derived from the field's schema in the official reference. */
function sampleFieldValue(fieldSchema: Json): Json {
  if (!isObject(fieldSchema)) return 'value';
  if (fieldSchema.type === 'integer') return 1234;
  if (typeof fieldSchema.pattern === 'string' && fieldSchema.pattern.startsWith('^sftp')) return 'sftp://files.example.com/data/*.csv';
  if (fieldSchema.format === 'uri') return 'https://data.example.com/exports';
  return 'value';
}

/**
 * For every server type of the official schema: a server with all its connection fields (valid), and the
 * same server with each field removed in turn (invalid exactly when the field is required for that type).
 * Field lists come from the official schema so this checks our required sets rather than restating them.
 */
export function serverCatalogMutations(officialOdcs: JsonObject, add: MutationBuilder): void {
  const defs = officialOdcs.$defs;
  const sources = isObject(defs) && isObject(defs.ServerSource) ? defs.ServerSource : {};
  const server = isObject(defs) && isObject(defs.Server) ? defs.Server : {};
  const branches = Array.isArray(server.allOf) ? server.allOf : [];
  for (const branch of branches) {
    if (!isObject(branch) || !isObject(branch.if) || !isObject(branch.then)) continue;
    const typeSchema = isObject(branch.if.properties) ? branch.if.properties.type : undefined;
    const type = isObject(typeSchema) ? String(typeSchema.const) : '';
    const sourceName = String(branch.then.$ref).split('/').pop() ?? '';
    const source = sources[sourceName];
    const fields = isObject(source) && isObject(source.properties) ? source.properties : {};
    const full: JsonObject = { server: `${type}-server`, type };
    for (const [field, schema] of Object.entries(fields)) full[field] = sampleFieldValue(schema);
    const append = (entry: JsonObject) => (d: Json) => {
      if (!isObject(d)) return;
      d.servers = [...(Array.isArray(d.servers) ? d.servers : []), entry];
    };
    add('server-catalog', ['servers'], `${type} with all fields`, append(full));
    for (const field of Object.keys(fields)) {
      const partial = { ...full };
      delete partial[field];
      add('server-catalog', ['servers'], `${type} without ${field}`, append(partial));
    }
    add('server-catalog', ['servers'], `${type} with a field of another platform`, append({ ...full, warehouse: 'WH', serviceName: 'SVC' }));
  }
}

function logicalTypeMutations(doc: Json, add: MutationBuilder, random: () => number): void {
  const properties = allNodes(doc).filter(
    (n) => n.path.length > 2 && isObject(n.value) && typeof n.value.logicalType === 'string' && (n.value.logicalType as string) in OPTION_CASES
  );
  for (const n of sample(properties, 6, random)) {
    const type = (n.value as JsonObject).logicalType as string;
    const cases = OPTION_CASES[type] as (typeof OPTION_CASES)[string];
    const at = [...n.path, 'logicalTypeOptions'];
    const withOptions = (extra: JsonObject) => (d: Json) => {
      const current = getAt(d, at);
      setAt(d, at, { ...(isObject(current) ? current : {}), ...extra });
    };
    add('logical-type-options', at, `${type}: fitting options`, withOptions(cases.fits));
    add('logical-type-options', at, `${type}: option of another type`, withOptions(cases.foreign));
    add('logical-type-options', at, `${type}: option with wrong value`, withOptions(cases.badValue));
    const other = pick(LOGICAL_TYPES.filter((t) => t !== type), random);
    add('logical-type-options', [...n.path, 'logicalType'], `${type} -> ${other} keeping options`, (d) => {
      withOptions(cases.fits)(d);
      setAt(d, [...n.path, 'logicalType'], other);
    });
    add('logical-type-options', [...n.path, 'logicalType'], `${type}: logicalType removed`, (d) => deleteAt(d, [...n.path, 'logicalType']));
    add('logical-type-options', [...n.path, 'logicalType'], `${type}: logicalType removed, options kept`, (d) => {
      withOptions(cases.fits)(d);
      deleteAt(d, [...n.path, 'logicalType']);
    });
    add('logical-type-options', [...n.path, 'items'], `${type}: items added`, (d) => setAt(d, [...n.path, 'items'], { logicalType: 'string' }));
    add('logical-type-options', [...n.path, 'properties'], `${type}: nested properties added`, (d) =>
      setAt(d, [...n.path, 'properties'], [{ name: 'nested', logicalType: 'string' }])
    );
  }
}

function qualityMutations(doc: Json, add: MutationBuilder, random: () => number): void {
  const rules = allNodes(doc).filter((n) => n.path[n.path.length - 2] === 'quality' && isObject(n.value));
  for (const n of sample(rules, 4, random)) {
    const rule = n.value as JsonObject;
    for (const type of ['text', 'library', 'sql', 'custom', 'unknown']) {
      if (type !== rule.type) add('quality-type', [...n.path, 'type'], `${String(rule.type)} -> ${type}`, (d) => setAt(d, [...n.path, 'type'], type));
    }
    add('quality-operator', n.path, 'second operator', (d) => setAt(d, [...n.path, 'mustBeLessThan'], 5));
    add('quality-operator', n.path, 'between with one bound', (d) => setAt(d, [...n.path, 'mustBeBetween'], [1]));
    add('quality-operator', n.path, 'between with equal bounds only', (d) => {
      const target = getAt(d, n.path);
      if (!isObject(target)) return;
      for (const key of Object.keys(target)) if (key.startsWith('must')) delete target[key];
      target.mustBeBetween = [5, 5];
    });
    add('quality-operator', n.path, 'metric removed', (d) => {
      const target = getAt(d, n.path);
      if (isObject(target)) delete target.metric;
    });
    add('quality-operator', n.path, 'query added', (d) => setAt(d, [...n.path, 'query'], 'SELECT 1'));
    add('quality-operator', n.path, 'engine without implementation', (d) => setAt(d, [...n.path, 'engine'], 'soda'));
  }
  const objects = getAt(doc, ['schema']);
  if (Array.isArray(objects) && isObject(objects[0])) {
    const at = ['schema', 0, 'quality'];
    const rulesToAdd: Array<[string, JsonObject]> = [
      ['text rule', { type: 'text', description: 'prose only' }],
      ['custom rule', { type: 'custom', engine: 'soda', implementation: { checks: [] } }],
      ['custom rule with numeric implementation', { type: 'custom', engine: 'soda', implementation: 5 }],
      ['sql rule without operator', { type: 'sql', query: 'SELECT 1' }],
      ['library rule with unknown metric', { type: 'library', metric: 'nullCount', mustBe: 0 }],
      ['text rule with operator', { type: 'text', mustBe: 0 }],
    ];
    for (const [detail, rule] of rulesToAdd) {
      add('quality-add', at, detail, (d) => {
        const current = getAt(d, at);
        setAt(d, at, [...(Array.isArray(current) ? current : []), rule]);
      });
    }
  }
}

function relationshipMutations(doc: Json, add: MutationBuilder, random: () => number): void {
  const relationships = allNodes(doc).filter((n) => n.path[n.path.length - 2] === 'relationships' && isObject(n.value));
  for (const n of sample(relationships, 4, random)) {
    const rel = n.value as JsonObject;
    const atSchemaLevel = 'from' in rel;
    if (atSchemaLevel) {
      add('relationship', n.path, 'from single, to list', (d) => setAt(d, [...n.path, 'from'], 'tbl.col'));
      add('relationship', n.path, 'from removed', (d) => deleteAt(d, [...n.path, 'from']));
    } else {
      add('relationship', n.path, 'from added at property level', (d) => setAt(d, [...n.path, 'from'], 'tbl.col'));
    }
    add('relationship', n.path, 'to with bad reference', (d) => setAt(d, [...n.path, 'to'], 'no dots here'));
    add('relationship', n.path, 'to as empty list', (d) => setAt(d, [...n.path, 'to'], []));
    add('relationship', n.path, 'unknown relationship type', (d) => setAt(d, [...n.path, 'type'], 'primaryKey'));
  }
}

/**
 * The ways a relationship end can be written, each as the standard's docs or our semantic rule read it. Whether
 * the official schema accepts each one is exactly what the conformance test compares our schema against; the
 * `official` verdict here is the reference's own (checked by the conformance test), kept as data so that a change
 * to either schema shows up as a named form, not only as a mutation id. A form our schema deliberately judges
 * otherwise names its entry in divergences.ts (and is tagged with it in the corpus).
 */
export const REFERENCE_FORMS: ReadonlyArray<{
  readonly form: string; readonly reference: string; readonly official: 'accepted' | 'rejected'; readonly divergence?: ReferenceDivergence;
}> = [
  { form: 'name (object.property)', reference: 'receivers.id', official: 'accepted' },
  { form: 'id path', reference: 'schema/receivers_tbl/properties/receivers_id', official: 'accepted' },
  { form: 'id path with leading slash', reference: '/schema/receivers_tbl/properties/receivers_id', official: 'accepted' },
  { form: 'id path of an object', reference: 'schema/receivers_tbl', official: 'accepted' },
  { form: 'id path of a nested property', reference: 'schema/receivers_tbl/properties/address/properties/street', official: 'accepted' },
  { form: 'id path in a sibling contract file', reference: 'receivers.odcs.yaml#/schema/receivers_tbl/properties/receivers_id', official: 'accepted' },
  { form: 'id path in a relative contract file', reference: '../crm/receivers.odcs.yaml#/schema/receivers_tbl/properties/receivers_id', official: 'accepted' },
  { form: 'id path in a contract at a URL', reference: 'https://example.com/contracts/receivers.odcs.yaml#/schema/receivers_tbl/properties/receivers_id', official: 'accepted' },
  { form: 'contract.object.property', reference: 'receivers_contract.receivers.id', official: 'rejected', divergence: 'contract-id-name-reference' },
  { form: 'hyphenated contract id.object.property', reference: 'crm-receivers.receivers.id', official: 'rejected', divergence: 'contract-id-name-reference' },
  { form: 'uuid contract id.object.property', reference: '53581432-6c55-4ba2-a65f-72344a91553a.receivers.id', official: 'rejected', divergence: 'contract-id-name-reference' },
  { form: 'urn contract id.object.property', reference: 'urn:crm:receivers.receivers.id', official: 'rejected', divergence: 'contract-id-name-reference' },
  { form: 'contract id with a + .object.property', reference: 'crm+receivers.receivers.id', official: 'rejected' },
  { form: 'contract id with a hyphenated object name', reference: 'crm.receiver-types.id', official: 'rejected' },
  { form: 'nested name (object.parent.child)', reference: 'receivers.address.street', official: 'rejected', divergence: 'nested-name-reference' },
  { form: 'deeper nested name', reference: 'receivers.address.geo.lat', official: 'rejected', divergence: 'nested-name-reference' },
  { form: 'name path ending in a dot', reference: 'receivers.address.', official: 'rejected' },
  { form: 'name in another contract file', reference: 'https://example.com/contracts/receivers.odcs.yaml#receivers.id', official: 'rejected' },
  { form: 'id path in a .yml contract file', reference: 'receivers.odcs.yml#/schema/receivers_tbl/properties/receivers_id', official: 'rejected' },
  { form: 'id path in a file: URI', reference: 'file:///contracts/receivers.odcs.yaml#/schema/receivers_tbl/properties/receivers_id', official: 'rejected' },
  { form: 'name with a hyphen', reference: 'receiver-types.type_code', official: 'rejected' },
];

/**
 * Every reference form at every place a reference can stand: a property-level `to`, and the first item of a
 * schema-level `from`/`to` (lists or single values, whichever the example uses). No sampling: each form is tried.
 */
function referenceFormMutations(doc: Json, add: MutationBuilder): void {
  const relationships = allNodes(doc).filter((n) => n.path[n.path.length - 2] === 'relationships' && isObject(n.value));
  const propertyLevel = relationships.find((n) => !('from' in (n.value as JsonObject)));
  const schemaLevel = relationships.find((n) => 'from' in (n.value as JsonObject));
  const ends = [
    ...(propertyLevel ? [[...propertyLevel.path, 'to']] : []),
    ...(schemaLevel ? (['from', 'to'] as const).map((end) => {
      const value = (schemaLevel.value as JsonObject)[end];
      return Array.isArray(value) ? [...schemaLevel.path, end, 0] : [...schemaLevel.path, end];
    }) : []),
  ];
  for (const at of ends) {
    for (const { form, reference, divergence } of REFERENCE_FORMS) add('reference-form', at, form, (d) => setAt(d, at, reference), divergence ? [divergence] : []);
  }
}

function teamMutations(doc: Json, add: MutationBuilder): void {
  const team = getAt(doc, ['team']);
  if (isObject(team)) {
    const members = Array.isArray(team.members) ? team.members : [];
    add('team', ['team'], 'legacy member list', (d) => setAt(d, ['team'], members));
    add('team', ['team'], 'list of names', (d) => setAt(d, ['team'], ['jdoe']));
  }
}

export function odcsTargetedMutations(doc: Json, add: MutationBuilder, random: () => number): void {
  serverMutations(doc, add);
  logicalTypeMutations(doc, add, random);
  qualityMutations(doc, add, random);
  relationshipMutations(doc, add, random);
  referenceFormMutations(doc, add);
  teamMutations(doc, add);
}
