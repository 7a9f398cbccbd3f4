/**
 * Access to the official Bitol reference material (schemas + examples), which lives in the read-only
 * `shared/reference` folder next to the repository checkout. It is only ever read by tests: our own
 * schemas must never contain its text.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import type { AnySchemaObject, ValidateFunction } from 'ajv';
import YAML from 'yaml';

export type Standard = 'odcs' | 'odps';

export interface ReferenceExample {
  standard: Standard;
  file: string;
  document: unknown;
}

const OFFICIAL_SCHEMA_FILES: Record<Standard, string> = {
  odcs: 'odcs-json-schema-v3.1.0.json',
  odps: 'odps-json-schema-v1.0.0.json',
};

/** `<checkout>/../shared/reference`; fails loudly so a missing folder is never mistaken for "0 examples". */
export function referenceDir(): string {
  const dir = path.resolve(__dirname, '../../../../shared/reference');
  if (!fs.existsSync(path.join(dir, 'odcs')) || !fs.existsSync(path.join(dir, 'odps'))) {
    throw new Error(
      `Official ODCS/ODPS reference material not found at ${dir}. ` +
        'The conformance tests expect the "shared/reference" folder (with odcs/ and odps/) beside the repository checkout.'
    );
  }
  return dir;
}

export function loadOfficialSchema(standard: Standard): AnySchemaObject {
  const file = path.join(referenceDir(), standard, OFFICIAL_SCHEMA_FILES[standard]);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as AnySchemaObject;
}

/** The official schemas are not strict-mode clean, so they get their own lenient Ajv. */
export function compileOfficialValidator(standard: Standard): ValidateFunction {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(loadOfficialSchema(standard));
}

export function loadExamples(standard: Standard): ReferenceExample[] {
  const dir = path.join(referenceDir(), standard, 'examples');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((file) => ({ standard, file, document: YAML.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown }));
}
