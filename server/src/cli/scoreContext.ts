/**
 * What the CLI adds to an analysis context for scoring: the workspace rules file (`.datsis.yaml`, found like
 * the editor finds it, at the root of the checked tree or above), the `--min-score` override, and the scores of
 * the checked contracts so products fold in the contracts behind their output ports, as in the editor.
 */
import { readFile, stat } from 'node:fs/promises';
import { isDynamicPattern } from 'tinyglobby';
import { dirname, join, resolve } from 'node:path';
import type { AnalysisContext } from '../core/context';
import { DEFAULT_RULES_CONFIG, type RulesConfig } from '../core/datsis/config';
import { configFromRulesFile, loadRulesFile, RULES_FILE_NAMES } from '../core/datsis/rulesFile';
import { scoreDescriptor, descriptorId, type ContractScoreLookup } from '../core/datsis/score';
import type { DimensionScores } from '../core/datsis/types';
import type { Finding } from '../core/types';
import type { ParsedDescriptor } from '../core/yaml/parse';
import { UsageError } from './files';

export interface RulesSource {
  /** Absolute path of the rules file, when one was found. */
  readonly path: string | undefined;
  readonly text: string | undefined;
  readonly config: RulesConfig;
  /** Problems in the rules file itself (reported like a descriptor's findings). */
  readonly findings: readonly Finding[];
}

/**
 * Finds `.datsis.yaml` (or `.yml`) in `start` or the nearest folder above it, the way linters find their
 * configuration; `explicit` (from `--rules`) wins and must exist.
 */
export async function loadRules(start: string, explicit: string | undefined, minScore: number | undefined): Promise<RulesSource> {
  let path: string | undefined;
  let text: string | undefined;
  if (explicit) {
    path = resolve(start, explicit);
    text = await readFile(path, 'utf8').catch(() => {
      throw new UsageError(`${explicit}: rules file not found`);
    });
  } else {
    for (let folder = resolve(start); ; folder = dirname(folder)) {
      const found = await firstReadable(RULES_FILE_NAMES.map((name) => join(folder, name)));
      if (found) {
        ({ path, text } = found);
        break;
      }
      if (dirname(folder) === folder) break;
    }
  }
  const fromFile = configFromRulesFile(text, DEFAULT_RULES_CONFIG);
  const config = minScore === undefined ? fromFile : { ...fromFile, minScore };
  return { path, text, config, findings: text === undefined ? [] : loadRulesFile(text).findings };
}

/**
 * Where to start looking for the rules file: the first input's folder (so `datsis check some/workspace` finds
 * `some/workspace/.datsis.yaml`), else the current folder; globs start from the current folder.
 */
export async function rulesSearchStart(inputs: readonly string[], cwd: string): Promise<string> {
  const first = inputs[0];
  if (!first || isDynamicPattern(first)) return cwd;
  const path = resolve(cwd, first);
  const info = await stat(path).catch(() => undefined);
  return info?.isDirectory() ? path : dirname(path);
}

async function firstReadable(paths: readonly string[]): Promise<{ path: string; text: string } | undefined> {
  for (const path of paths) {
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text !== undefined) return { path, text };
  }
  return undefined;
}

/** Parses `--min-score`: a number from 0 to 100. */
export function parseMinScore(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) throw new UsageError(`--min-score must be a number from 0 to 100, not "${raw}"`);
  return value;
}

/**
 * Contract scores by id over the checked files, computed on demand and once each. A contract is scored with the
 * same context as everything else (workspace, rules), so the fold in a product matches the contract's own line.
 */
export function contractScoreLookup(descriptors: readonly { readonly parsed: ParsedDescriptor; readonly uri: string }[], baseContext: Omit<AnalysisContext, 'uri'>): ContractScoreLookup {
  const byId = new Map<string, { parsed: ParsedDescriptor; uri: string }>();
  for (const descriptor of descriptors) {
    const id = descriptor.parsed.kind === 'DataContract' ? descriptorId(descriptor.parsed) : undefined;
    if (id !== undefined && !byId.has(id)) byId.set(id, descriptor);
  }
  const scores = new Map<string, DimensionScores | undefined>();
  return (contractId) => {
    if (!scores.has(contractId)) {
      const contract = byId.get(contractId);
      scores.set(contractId, contract ? scoreDescriptor(contract.parsed, { ...baseContext, uri: contract.uri })?.dimensions : undefined);
    }
    return scores.get(contractId);
  };
}
