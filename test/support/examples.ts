/**
 * The demo workspace (`examples/`), read the same way by every test that runs over it: each descriptor with its
 * workspace-relative name, path, file URI and text, in a stable order. Throws when the folder holds none, so a
 * moved folder can never pass as "no examples, nothing to check".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const EXAMPLES_DIR = resolve(__dirname, '../../examples');

export interface ExampleFile {
  /** Relative to `examples/`, with `/` separators, e.g. `sales/pos-transactions.odps.yaml`. */
  readonly name: string;
  readonly path: string;
  readonly uri: string;
  readonly text: string;
}

export function readExamples(): ExampleFile[] {
  const names = readdirSync(EXAMPLES_DIR, { recursive: true, encoding: 'utf8' })
    .map((name) => name.replace(/\\/g, '/'))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  if (names.length === 0) throw new Error(`No example descriptors found in ${EXAMPLES_DIR}.`);
  return names.map((name) => {
    const path = join(EXAMPLES_DIR, name);
    return { name, path, uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8') };
  });
}
