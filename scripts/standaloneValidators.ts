/**
 * Build helper (loaded by scripts/build.mjs through tsx): ajv's standalone CommonJS source for our three schemas,
 * exporting `odcs`, `odps` and `rules`. Lives in one module graph with the core's ajv setup, because ajv's code
 * generator only recognises compiled schemas made by its own copy of the library.
 */
import standaloneCode from 'ajv/dist/standalone';
import { createAjv, odcsSchema, odpsSchema, rulesSchema } from '../server/src/core/schemas';

export function standaloneValidatorsSource(): string {
  const ajv = createAjv({ emitSource: true });
  for (const schema of [odcsSchema, odpsSchema, rulesSchema]) ajv.addSchema(schema);
  return standaloneCode(ajv, { odcs: odcsSchema.$id!, odps: odpsSchema.$id!, rules: rulesSchema.$id! });
}
