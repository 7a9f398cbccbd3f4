/**
 * Descriptors written for an older release of their standard: ODCS v3.0.x or v2.x contracts, ODPS v0.x
 * products. Validating them against the release datsis checks (ODCS v3.1.0, ODPS v1.0.0) would bury the author
 * in errors about a version they did not target, so such a file gets ONE finding on `apiVersion` that names
 * what changed and how many problems the current release would report; the individual schema problems stay
 * hidden until `apiVersion` names the current release (the quick fix does exactly that where the layout is the
 * same). YAML errors and semantic rules (which do not depend on the version) are still reported as usual.
 * Versions newer than the ones we know get no special treatment: the schema's enum error on `apiVersion`
 * says which versions are known, and the rest of the file is checked in full.
 */
import type { Fix } from '../fixes/types';
import type { DescriptorKind, Finding } from '../types';
import { locate } from '../yaml/locate';
import type { ParsedDescriptor } from '../yaml/parse';
import type { SchemaProblem } from './problems';

export const CURRENT_ODCS_VERSION = 'v3.1.0';
export const CURRENT_ODPS_VERSION = 'v1.0.0';

/** An older release line of one standard and how to get from it to the release datsis checks against. */
export interface LegacyGeneration {
  readonly kind: DescriptorKind;
  readonly standard: 'ODCS' | 'ODPS';
  /** Matches the declared `apiVersion`, with or without the leading `v`. */
  readonly declares: RegExp;
  readonly current: string;
  /**
   * `changes`: the layout is the same, so the message lists what changed and a quick fix bumps `apiVersion`.
   * `layout`: the layout differs, so the message says how (in one parenthesis) and no bump is offered, since
   * a bump alone would not make the file valid.
   */
  readonly migration: { readonly changes: readonly string[] } | { readonly from: string; readonly layout: string };
}

const ODCS_3_0: LegacyGeneration = {
  kind: 'DataContract', standard: 'ODCS', declares: /^v?3\.0(\.\d+)?$/, current: CURRENT_ODCS_VERSION,
  migration: {
    changes: [
      '`team` became an object with `name` and `members` (the bare list of members is deprecated)',
      '`slaDefaultElement` is deprecated in favour of `element` on each SLA property',
      '`dataProduct` is deprecated (products now point at contracts through their ports)',
      'schema objects and properties can declare `relationships` (foreign keys)',
      'schema objects, properties, servers, quality rules and most other list items can carry a stable `id`',
      'library quality rules name their check with `metric` (the older `rule` is deprecated)',
    ],
  },
};

const ODCS_2: LegacyGeneration = {
  kind: 'DataContract', standard: 'ODCS', declares: /^v?2(\.\d+){0,2}$/, current: CURRENT_ODCS_VERSION,
  migration: {
    from: 'v2',
    layout: '(v3 describes tables under `schema` with `properties` instead of `dataset` with `columns`, and identifies the contract by `id`)',
  },
};

/**
 * ODPS 0.9.0 (and the 0.1 draft before it). The official v1.0.0 schema still lists `v0.9.0` and its examples
 * declare it, so the layout is the same and the bump is offered. The changes are those of the ODPS 1.0.0
 * changelog, each confirmed in the v1.0.0 schema: `team` is an object only, ports declare the three new keys,
 * and an authoritative definition's `type` has examples instead of an enum.
 */
const ODPS_0: LegacyGeneration = {
  kind: 'DataProduct', standard: 'ODPS', declares: /^v?0\.\d+(\.\d+)?$/, current: CURRENT_ODPS_VERSION,
  migration: {
    changes: [
      '`team` became an object with `name`, `description` and `members`, laid out as in ODCS v3.1 (the bare list of members of 0.9 no longer validates)',
      'input and output ports can carry `tags`, `customProperties` and `authoritativeDefinitions`',
      'the `type` of an authoritative definition is free text (the five values 0.9 allowed are only suggestions now)',
    ],
  },
};

const GENERATIONS: readonly LegacyGeneration[] = [ODCS_3_0, ODCS_2, ODPS_0];

/** Which older generation a descriptor declares, or undefined for the current release (or an unknown one). */
export function legacyGeneration(parsed: ParsedDescriptor): LegacyGeneration | undefined {
  const declared = parsed.apiVersion;
  if (!parsed.kind || !declared) return undefined;
  return GENERATIONS.find((generation) => generation.kind === parsed.kind && generation.declares.test(declared));
}

/**
 * The one finding that stands for all schema problems of an older descriptor. A problem on `apiVersion` itself
 * (a 0.x or 3.0.x value the enum does not list) is not counted: it is the version, which the message is about.
 */
export function legacyVersionFinding(parsed: ParsedDescriptor, generation: LegacyGeneration, problems: readonly SchemaProblem[]): Finding {
  const located = locate(parsed.document, ['apiVersion']);
  const span = located.valueSpan ?? located.keySpan ?? { start: 0, end: 0 };
  const problemCount = problems.filter((problem) => !isApiVersion(problem)).length;
  const { message, fixes } = describe(generation, parsed.apiVersion ?? '', problemCount);
  const layoutDiffers = 'layout' in generation.migration;
  return {
    span, message, code: 'schema/legacy-api-version', source: 'schema',
    severity: problemCount > 0 || layoutDiffers ? 'warning' : 'information',
    ...(fixes.length ? { data: { fixes } } : {}),
  };
}

function describe(generation: LegacyGeneration, declared: string, problemCount: number): { message: string; fixes: Fix[] } {
  const { standard, current, migration } = generation;
  const noun = generation.kind === 'DataContract' ? 'contract' : 'product';
  const currentLine = current.replace(/\.0$/, ''); // v3.1.0 -> v3.1
  const count = problemCount === 1 ? 'one schema problem' : `${problemCount} schema problems`;
  const opening = `This ${noun} declares ${standard} ${declared}; datsis checks ${noun}s against ${standard} ${current}`;
  if ('layout' in migration) {
    return {
      message: `${opening}, whose layout differs from ${migration.from} ${migration.layout}. `
        + `Migrate the ${noun} to ${currentLine} to have it checked${problemCount ? `; checked as ${currentLine} today it has ${count}` : ''}.`,
      fixes: [],
    };
  }
  return {
    message: `${opening}. What changed in ${currentLine.slice(1)}: ${migration.changes.join('; ')}. `
      + (problemCount
        ? `Checked as ${currentLine} this file has ${count}; set \`apiVersion: ${current}\` to see and fix them.`
        : `It is already valid as ${currentLine}, so setting \`apiVersion: ${current}\` is all it takes.`),
    fixes: [{ title: `Update apiVersion to ${current}`, actions: [{ kind: 'replaceValue', path: ['apiVersion'], value: current }], fixAll: false }],
  };
}

function isApiVersion(problem: SchemaProblem): boolean {
  return problem.path.length === 1 && problem.path[0] === 'apiVersion';
}
