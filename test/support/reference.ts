/**
 * The official Bitol reference material (JSON Schemas and examples), read-only, in the `shared/reference` folder
 * beside the repository checkout (`DATSIS_REFERENCE_DIR` overrides it). Tests only ever read it; nothing of it is
 * copied into the project.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** `<checkout>/../shared/reference`; throws when missing so a missing folder never passes as "no examples". */
export function referenceDir(): string {
  const dir = process.env.DATSIS_REFERENCE_DIR ?? resolve(__dirname, '../../../shared/reference');
  if (!existsSync(join(dir, 'odcs'))) {
    throw new Error(`The official reference folder was not found at ${dir}: tests expect "shared/reference" (with odcs/ and odps/) beside the checkout.`);
  }
  return dir;
}

/** Absolute paths of the official ODCS example contracts, sorted. */
export function officialOdcsExamples(): string[] {
  const dir = join(referenceDir(), 'odcs', 'examples');
  return readdirSync(dir).filter((name) => name.endsWith('.yaml') || name.endsWith('.yml')).sort().map((name) => join(dir, name));
}

export interface ReferenceExample {
  /** File name, e.g. `full-example.odcs.yaml`. */
  readonly name: string;
  readonly path: string;
  readonly text: string;
}

/** The official examples of one standard (`odcs` contracts or `odps` products), read as text; throws when missing. */
export function readReferenceExamples(kind: 'odcs' | 'odps'): ReferenceExample[] {
  const dir = join(referenceDir(), kind, 'examples');
  const names = readdirSync(dir).filter((name) => name.endsWith('.yaml') || name.endsWith('.yml')).sort();
  if (names.length === 0) throw new Error(`No official ${kind} examples found in ${dir}.`);
  return names.map((name) => ({ name, path: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));
}
