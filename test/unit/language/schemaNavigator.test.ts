import * as assert from 'node:assert/strict';
import { navigatorFor } from '../../../server/src/core/language/kindSchemas';
import { SchemaNavigator, type JsonSchema } from '../../../server/src/core/language/schemaNavigator';

const contract = navigatorFor('DataContract');
const product = navigatorFor('DataProduct');

function propertyNames(navigator: SchemaNavigator, path: (string | number)[], root: unknown): string[] {
  return navigator.properties(navigator.resolve(path, root)).map((candidate) => candidate.name);
}

describe('SchemaNavigator on our ODCS and ODPS schemas', () => {
  it('follows schema -> items -> $ref to the properties of a schema object and of a column', () => {
    const root = { schema: [{ name: 'orders', properties: [{ name: 'id' }] }] };
    const objectKeys = propertyNames(contract, ['schema', 0], root);
    assert.ok(objectKeys.includes('physicalName') && objectKeys.includes('properties') && objectKeys.includes('quality'));
    assert.ok(objectKeys.includes('name'), 'keys inherited through allOf/$ref (SchemaElement) are included');
    const columnKeys = propertyNames(contract, ['schema', 0, 'properties', 0], root);
    assert.ok(columnKeys.includes('logicalType') && columnKeys.includes('primaryKey') && columnKeys.includes('relationships'));
  });

  it('picks logicalTypeOptions from the sibling logicalType (if/then)', () => {
    const at = (logicalType: string): string[] =>
      propertyNames(contract, ['schema', 0, 'properties', 0, 'logicalTypeOptions'], { schema: [{ properties: [{ logicalType, logicalTypeOptions: {} }] }] });
    const forString = at('string');
    const forInteger = at('integer');
    assert.ok(forString.includes('maxLength') && !forString.includes('minimum'), forString.join());
    assert.ok(forInteger.includes('minimum') && !forInteger.includes('maxLength'), forInteger.join());
  });

  it('picks the quality rule branch from `type` and the server fields from the server type', () => {
    const sql = propertyNames(contract, ['schema', 0, 'quality', 0], { schema: [{ quality: [{ type: 'sql' }] }] });
    const library = propertyNames(contract, ['schema', 0, 'quality', 0], { schema: [{ quality: [{ type: 'library' }] }] });
    assert.ok(sql.includes('query') && !sql.includes('metric'));
    assert.ok(library.includes('metric') && library.includes('mustBe') && !library.includes('query'));
    const snowflake = contract.resolve(['servers', 0], { servers: [{ type: 'snowflake' }] });
    const keys = contract.properties(snowflake);
    assert.ok(keys.some((key) => key.name === 'warehouse'));
    assert.equal(keys.find((key) => key.name === 'account')?.required, true, 'then-branch requirements count');
  });

  it('does not treat one-of alternatives as required keys', () => {
    const rule = contract.resolve(['schema', 0, 'quality', 0], { schema: [{ quality: [{ type: 'library' }] }] });
    const keys = contract.properties(rule);
    assert.equal(keys.find((key) => key.name === 'mustBe')?.required, false);
    assert.equal(keys.find((key) => key.name === 'metric')?.required, true);
  });

  it('resolves ODPS output port keys and returns nothing for paths outside the schema', () => {
    assert.ok(propertyNames(product, ['outputPorts', 3], {}).includes('contractId'));
    assert.deepEqual(product.resolve(['outputPorts', 0, 'noSuchKey', 'deeper'], {}).raw, []);
  });
});

describe('SchemaNavigator keyword semantics', () => {
  const schema: JsonSchema = {
    $id: 'https://example.test/s.json',
    type: 'object',
    properties: {
      ref: { $ref: '#/$defs/Named' },
      absolute: { $ref: 'https://example.test/s.json#/$defs/Named' },
      either: { anyOf: [{ type: 'string', enum: ['a'] }, { type: 'array', items: { type: 'integer' } }] },
      tuple: { type: 'array', prefixItems: [{ const: 'first' }], items: { const: 'rest' } },
      bag: { type: 'object', patternProperties: { '^x-': { const: 'pattern' } }, additionalProperties: { const: 'other' } },
      gated: { type: 'object', properties: { mode: {} }, dependentSchemas: { mode: { properties: { extra: {} } } } },
    },
    $defs: { Named: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } },
  };
  const navigator = new SchemaNavigator(schema);

  it('follows local and absolute $ref and keeps their required keys', () => {
    for (const key of ['ref', 'absolute']) {
      const location = navigator.resolve([key], {});
      assert.deepEqual(navigator.properties(location).map((p) => [p.name, p.required]), [['name', true]]);
    }
  });

  it('narrows anyOf candidates to the written value type', () => {
    const asString = navigator.resolve(['either'], { either: 'a' });
    assert.ok(asString.facets.every((facet) => facet.type !== 'array'));
    const asArrayItem = navigator.resolve(['either', 0], { either: [1] });
    assert.deepEqual(asArrayItem.facets.map((facet) => facet.type), ['integer']);
  });

  it('uses prefixItems by index, then items', () => {
    assert.equal(navigator.resolve(['tuple', 0], {}).facets[0]?.const, 'first');
    assert.equal(navigator.resolve(['tuple', 5], {}).facets[0]?.const, 'rest');
  });

  it('falls back from properties to patternProperties to additionalProperties', () => {
    assert.equal(navigator.resolve(['bag', 'x-a'], {}).facets[0]?.const, 'pattern');
    assert.equal(navigator.resolve(['bag', 'y'], {}).facets[0]?.const, 'other');
  });

  it('applies dependentSchemas only when the key is present', () => {
    assert.ok(!navigator.properties(navigator.resolve(['gated'], { gated: {} })).some((p) => p.name === 'extra'));
    assert.ok(navigator.properties(navigator.resolve(['gated'], { gated: { mode: 1 } })).some((p) => p.name === 'extra'));
  });
});
