/** Where the official ODCS/ODPS schemas and examples live: `../shared/reference` beside the checkout. */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function referenceDir() {
  const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/reference');
  if (!existsSync(dir)) throw new Error(`The official reference schemas are missing: expected them in ${dir}`);
  return dir;
}
