/**
 * Build helper (loaded by scripts/build.mjs through tsx): ajv's standalone CommonJS source for our three schemas,
 * exporting `odcs`, `odps`, `rules` and `odcsSchemaObject` (one schema object, for validating a contract object by
 * object). Lives in one module graph with the core's ajv setup, because ajv's code
 * generator only recognises compiled schemas made by its own copy of the library.
 */
import standaloneCode from 'ajv/dist/standalone';
import { createAjv, ODCS_SCHEMA_OBJECT_REF, odcsSchema, odpsSchema, rulesSchema } from '../server/src/core/schemas';

export function standaloneValidatorsSource(): string {
  const ajv = createAjv({ emitSource: true });
  for (const schema of [odcsSchema, odpsSchema, rulesSchema]) ajv.addSchema(schema);
  const refs = { odcs: odcsSchema.$id!, odps: odpsSchema.$id!, rules: rulesSchema.$id!, odcsSchemaObject: ODCS_SCHEMA_OBJECT_REF };
  // The module's one export, named after the same list, so a validator added here cannot be left out of it.
  const exported = Object.keys(refs).map((name) => `${name}: exports.${name}`).join(', ');
  return `${standaloneCode(ajv, refs)}\nexports.precompiledValidators = { ${exported} };\n`;
}
