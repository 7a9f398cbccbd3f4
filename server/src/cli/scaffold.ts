/**
 * `datsis new product|contract NAME [--domain D] [--out DIR]`: writes scaffolded descriptors (core/scaffold)
 * and lists the placeholders left to fill, each with its position, so the author can walk through them.
 * Never overwrites a file: an existing descriptor is someone's work.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { PLACEHOLDER, scaffold, type ScaffoldKind } from '../core/scaffold/templates';
import { LineIndex } from '../core/yaml/lineIndex';
import { UsageError } from './files';

export interface ScaffoldOptions {
  readonly kind: string | undefined;
  readonly name: string | undefined;
  readonly domain: string | undefined;
  readonly out: string | undefined;
}

export async function runScaffold(options: ScaffoldOptions, cwd: string): Promise<string> {
  const kind = options.kind;
  if (kind !== 'product' && kind !== 'contract') throw new UsageError(`datsis new: say what to create, "product" or "contract" (got ${kind ? `"${kind}"` : 'nothing'})`);
  if (!options.name?.trim()) throw new UsageError(`datsis new ${kind}: give the ${kind} a NAME, e.g. datsis new ${kind} "Demand forecast"`);
  const folder = resolve(cwd, options.out ?? '.');
  let files;
  try {
    files = scaffold({ kind: kind as ScaffoldKind, name: options.name, domain: options.domain?.trim() || undefined, newId: randomUUID });
  } catch (error) {
    throw new UsageError(`datsis new: ${(error as Error).message}`);
  }
  await mkdir(folder, { recursive: true });
  for (const file of files) {
    const path = join(folder, file.fileName);
    if (await stat(path).then(() => true, () => false)) throw new UsageError(`${relative(cwd, path) || path}: already exists; choose another NAME or --out folder`);
  }
  const lines: string[] = [];
  for (const file of files) {
    const path = join(folder, file.fileName);
    // 'wx' fails when the file exists: checked and created in one step.
    await writeFile(path, file.text, { encoding: 'utf8', flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(error.code === 'EEXIST' ? `${relative(cwd, path) || path}: already exists; choose another NAME or --out folder` : `${path}: ${error.message}`);
    });
    const shown = relative(cwd, path) || path;
    lines.push(`Created ${shown}`);
    const index = new LineIndex(file.text);
    for (const match of file.text.matchAll(PLACEHOLDER)) {
      if (file.text.slice(file.text.lastIndexOf('\n', match.index) + 1, match.index).includes('#')) continue; // in a comment
      const { line, character } = index.positionAt(match.index);
      lines.push(`  ${shown}:${line + 1}:${character + 1}: fill in ${match[0]}`);
    }
  }
  lines.push('Replace each placeholder and the example.com links, then run `datsis check` and `datsis score`.');
  return lines.join('\n');
}
