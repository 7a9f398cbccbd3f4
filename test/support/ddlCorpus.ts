/**
 * The contracts every engine test runs: the demo workspace's contracts (`examples/`) and the official ODCS examples.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { officialOdcsExamples } from './reference';

export const REPO_ROOT = resolve(__dirname, '../..');

export interface CorpusContract {
  /** A stable, file-system friendly id, e.g. `examples/sales/pos-transactions` or `official/full-example`. */
  readonly id: string;
  readonly path: string;
  readonly value: unknown;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

function load(path: string, id: string): CorpusContract | undefined {
  const value: unknown = parse(readFileSync(path, 'utf8'));
  const kind = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).kind : undefined;
  return kind === 'DataContract' ? { id, path, value } : undefined;
}

export function exampleContracts(): CorpusContract[] {
  const dir = join(REPO_ROOT, 'examples');
  return walk(dir).filter((path) => /\.odcs\.ya?ml$/.test(path)).sort()
    .flatMap((path) => load(path, `examples/${relative(dir, path).replace(/\.odcs\.ya?ml$/, '')}`) ?? []);
}

export function officialContracts(): CorpusContract[] {
  return officialOdcsExamples().flatMap((path) => load(path, `official/${basename(path).replace(/\.odcs\.ya?ml$/, '')}`) ?? []);
}

export function allContracts(): CorpusContract[] {
  return [...exampleContracts(), ...officialContracts()];
}
