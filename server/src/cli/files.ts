/**
 * Resolves the CLI's path and glob arguments to descriptor files, and reads them the way an editor would
 * (UTF-8, with undecodable bytes replaced so the parser reports them as one finding).
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

/** File names the CLI considers when given a folder; plain `*.yaml` files are checked by content later. */
export const DESCRIPTOR_GLOBS = ['**/*.yaml', '**/*.yml'];
const IGNORED = ['**/node_modules/**', '**/.git/**', '**/dist/**'];

export class UsageError extends Error {}

export async function resolveInputs(inputs: readonly string[], cwd: string): Promise<string[]> {
  const files = new Set<string>();
  for (const input of inputs.length ? inputs : ['.']) {
    if (isDynamicPattern(input)) {
      for (const file of await glob(input, { cwd, absolute: true, ignore: IGNORED })) files.add(file);
      continue;
    }
    const path = resolve(cwd, input);
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new UsageError(`${input}: no such file or folder`);
    if (info.isDirectory()) {
      for (const file of await glob(DESCRIPTOR_GLOBS, { cwd: path, absolute: true, ignore: IGNORED, dot: true })) files.add(file);
    } else {
      files.add(path);
    }
  }
  return [...files].sort();
}

export async function readDescriptorText(path: string): Promise<string> {
  const bytes = await readFile(path);
  // Non-fatal decoding: invalid bytes become U+FFFD, which the parser turns into one clear finding.
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
}
