/**
 * Our JSON Schemas (ODCS v3.1 contracts, ODPS v1.0 products, `.datsis.yaml` rules) and the one place
 * that knows how to turn them into ajv validators.
 *
 * The schemas are imported as JSON so that esbuild inlines them: dist/server.js and dist/cli.js must work
 * without a schemas/ folder next to them. Compiling is comparatively slow (the ODCS schema has dozens of
 * if/then branches), so the bundles carry validators compiled at build time (see precompiledValidators.ts);
 * run from source, validators are compiled lazily on first use and then reused.
 */
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import type { AnySchemaObject, ValidateFunction } from 'ajv';
import odcsSchemaJson from '../../../schemas/odcs-v3.1.schema.json';
import odpsSchemaJson from '../../../schemas/odps-v1.0.schema.json';
import rulesSchemaJson from '../../../schemas/datsis-rules.schema.json';
import { precompiledValidators } from './precompiledValidators';

export const odcsSchema: AnySchemaObject = odcsSchemaJson;
export const odpsSchema: AnySchemaObject = odpsSchemaJson;
export const rulesSchema: AnySchemaObject = rulesSchemaJson;

/**
 * Editor-only annotation keywords used throughout our schemas (VS Code / yaml-language-server dialect).
 * They are registered with a meta-schema instead of switching strict mode off, so that a typo such as
 * `markdownDescripton` in a schema still fails compilation.
 */
const snippetSchema = {
  type: 'object',
  required: ['label'],
  properties: {
    label: { type: 'string' },
    description: { type: 'string' },
    markdownDescription: { type: 'string' },
    body: {},
    bodyText: { type: 'string' },
  },
  additionalProperties: false,
};

export const EDITOR_KEYWORDS: ReadonlyArray<{ keyword: string; metaSchema: AnySchemaObject }> = [
  { keyword: 'markdownDescription', metaSchema: { type: 'string' } },
  { keyword: 'enumDescriptions', metaSchema: { type: 'array', items: { type: 'string' } } },
  { keyword: 'markdownEnumDescriptions', metaSchema: { type: 'array', items: { type: 'string' } } },
  { keyword: 'deprecationMessage', metaSchema: { type: 'string' } },
  { keyword: 'defaultSnippets', metaSchema: { type: 'array', items: snippetSchema } },
];

/**
 * A strict Ajv (draft 2019-09) that knows our editor keywords and the standard string formats.
 * `strictRequired` is the one strict check left off: our schemas (like the official ones) declare a key in a
 * shared base reached through `allOf`/`$ref` and require it in the specialisation, which that check cannot see.
 * Union types (`type: [string, number]`) are allowed because SLA values genuinely are unions.
 */
export function createAjv(options: { emitSource?: boolean } = {}): Ajv2019 {
  const ajv = new Ajv2019({
    strict: true, strictRequired: false, allErrors: true, allowUnionTypes: true,
    ...(options.emitSource ? { code: { source: true } } : {}),
  });
  for (const { keyword, metaSchema } of EDITOR_KEYWORDS) ajv.addKeyword({ keyword, metaSchema });
  addFormats(ajv);
  return ajv;
}

export interface SchemaValidators {
  odcs: ValidateFunction;
  odps: ValidateFunction;
  rules: ValidateFunction;
  /** One item of a contract's `schema`: lets the validation layer validate a big contract object by object. */
  odcsSchemaObject: ValidateFunction;
}

/** The definition every item of a contract's `schema` list is checked against. */
export const ODCS_SCHEMA_OBJECT_REF = `${odcsSchemaJson.$id}#/$defs/SchemaObject`;

let cached: SchemaValidators | undefined;

/** Validators for the three document kinds; compiled once on first call (or at build time), shared afterwards. */
export function compileValidators(): SchemaValidators {
  if (!cached) {
    if (precompiledValidators) {
      // Standalone validators carry no `schema`; callers that explain errors walk the schema, so attach it.
      cached = {
        odcs: Object.assign(precompiledValidators.odcs, { schema: odcsSchema }),
        odps: Object.assign(precompiledValidators.odps, { schema: odpsSchema }),
        rules: Object.assign(precompiledValidators.rules, { schema: rulesSchema }),
        odcsSchemaObject: precompiledValidators.odcsSchemaObject,
      };
    } else {
      const ajv = createAjv();
      cached = { odcs: ajv.compile(odcsSchema), odps: ajv.compile(odpsSchema), rules: ajv.compile(rulesSchema), odcsSchemaObject: ajv.getSchema(ODCS_SCHEMA_OBJECT_REF)! };
    }
  }
  return cached;
}
