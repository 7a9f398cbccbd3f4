/**
 * A descriptor's DATSIS score, split where the rest of the workspace comes in, so that the workspace index can
 * score every file from the one parse it makes anyway and still give the right score later, when *other* files
 * have changed, without reading or parsing this file again.
 *
 * Most rules read the descriptor alone: their outcomes are computed once per parse and configuration and kept
 * as a few numbers (`localOutcomes`). What depends on other files is small: the rules flagged `usesWorkspace`
 * (a unique id, resolvable port contracts, port versions that match them) and, for a product, the fold of the
 * scores of the contracts behind its output ports. Those read only the top-level scalars and the ports, so the
 * basis keeps that slice of the value (a few hundred bytes, no YAML nodes) and `finishScore` runs the scorer on
 * the slice against the current workspace, with every other rule switched off (so finishing 2,000 files costs
 * tens of milliseconds, not a second), then combines both sets of outcomes the way the scorer does.
 *
 * test/server/indexedSummary.test.ts compares these scores with `datsis/score` (the scorer on the whole document)
 * for every example and for files that fail each workspace rule, so a workspace rule that starts reading another
 * part of the descriptor shows up there.
 */
import type { AnalysisContext } from '../context';
import { effectiveConfig, type RuleSetting, type RulesConfig } from '../datsis/config';
import { levelFor } from '../datsis/levels';
import { buildModel, isMap } from '../datsis/model';
import { RUBRIC } from '../datsis/rubric';
import { dimensionScores, foldContracts, overallScore, scoreDescriptor } from '../datsis/score';
import type { DimensionScores, RuleOutcome } from '../datsis/types';
import type { DescriptorKind } from '../types';
import type { ParsedDescriptor } from '../yaml/parse';

export interface ScoreBasis {
  readonly kind: DescriptorKind;
  /** Outcomes of the rules that read this descriptor only (weights and switched-off rules already applied). */
  readonly localOutcomes: readonly RuleOutcome[];
  /** The top-level scalars and the ports: everything the workspace rules and the contract fold read. */
  readonly slice: Readonly<Record<string, unknown>>;
}

/** The part of a score that other files can change. */
export interface FinishedScore {
  readonly overall: number;
  readonly level: string;
  readonly dimensions: DimensionScores;
}

const WORKSPACE_RULES: ReadonlySet<string> = new Set(RUBRIC.filter((rule) => rule.usesWorkspace).map((rule) => rule.id));
/** The top-level lists kept in the slice: the ports, which the workspace rules and the fold read. Other lists and maps are left out. */
const SLICED_LISTS = ['inputPorts', 'outputPorts'];

/**
 * The workspace-independent part of the score, or undefined when the document is not a descriptor, DATSIS is
 * switched off for it, or the scorer failed on it (one unscorable file must not take a whole listing down).
 */
export function scoreBasis(parsed: ParsedDescriptor, rules: RulesConfig | undefined, uri: string): ScoreBasis | undefined {
  if (!parsed.kind || (rules && !rules.enabled)) return undefined;
  try {
    const report = scoreDescriptor(parsed, { uri, workspace: undefined, rules, contractScores: undefined });
    if (!report) return undefined;
    return { kind: parsed.kind, localOutcomes: report.outcomes.filter((outcome) => !WORKSPACE_RULES.has(outcome.rule)), slice: workspaceSlice(parsed.value) };
  } catch {
    return undefined;
  }
}

/**
 * The final score of the descriptor the basis was computed from, against `context`'s workspace, rules (for the
 * workspace rules' weights and the level names) and contract scores (for a product's fold). Undefined when the
 * scorer fails.
 */
export function finishScore(basis: ScoreBasis, context: AnalysisContext): FinishedScore | undefined {
  try {
    const slice: ParsedDescriptor = { text: '', document: undefined, value: basis.slice, kind: basis.kind, apiVersion: undefined, syntaxFindings: [] };
    const rules = effectiveConfig(context.rules);
    const sliceReport = scoreDescriptor(slice, { ...context, rules: workspaceRulesOnly(rules), contractScores: undefined });
    if (!sliceReport) return undefined;
    const workspaceOutcomes = sliceReport.outcomes.filter((outcome) => WORKSPACE_RULES.has(outcome.rule));
    const own = dimensionScores([...basis.localOutcomes, ...workspaceOutcomes]);
    const dimensions = basis.kind === 'DataProduct' ? foldContracts(own, buildModel(basis.kind, basis.slice), context.contractScores).dimensions : own;
    const overall = overallScore(dimensions);
    return { overall, level: levelFor(overall, rules.levels), dimensions };
  } catch {
    return undefined;
  }
}

const workspaceOnly = new Map<string, RulesConfig>();

/**
 * The configuration with every rule switched off but the workspace rules (whose own settings stay as they are):
 * the slice's other outcomes would be thrown away anyway. One object per configuration, which also lets the
 * scorer's per-configuration caches work.
 */
function workspaceRulesOnly(rules: RulesConfig): RulesConfig {
  const key = rulesConfigKey(rules);
  let config = workspaceOnly.get(key);
  if (!config) {
    const settings: Record<string, RuleSetting> = { ...rules.rules };
    for (const rule of RUBRIC) if (!WORKSPACE_RULES.has(rule.id)) settings[rule.id] = { ...settings[rule.id], enabled: false };
    config = { ...rules, rules: settings };
    workspaceOnly.set(key, config);
  }
  return config;
}

const configKeys = new WeakMap<RulesConfig, string>();
/** Configurations keyed lately: a host that builds an equal object per request finds its key here without serialising. */
const recentConfigs: { readonly config: RulesConfig; readonly key: string }[] = [];
const RECENT_CONFIGS = 8;

/**
 * A key that changes whenever a configuration could change a score basis (and for display-only changes too,
 * such as a rule's severity, which are rare enough not to matter). Compared by content because hosts may build
 * an equal configuration object per request; a shallow comparison with the configurations seen lately keeps
 * that cheap on paths that ask for every file.
 */
export function rulesConfigKey(rules: RulesConfig | undefined): string {
  if (!rules) return '';
  let key = configKeys.get(rules);
  if (key !== undefined) return key;
  key = recentConfigs.find((recent) => shallowEqualConfig(recent.config, rules))?.key;
  if (key === undefined) {
    key = JSON.stringify(rules);
    recentConfigs.unshift({ config: rules, key });
    recentConfigs.length = Math.min(recentConfigs.length, RECENT_CONFIGS);
  }
  configKeys.set(rules, key);
  return key;
}

/** Same top-level values, except that the per-rule settings (rebuilt by hosts) may be equal copies. */
function shallowEqualConfig(a: RulesConfig, b: RulesConfig): boolean {
  const keys = Object.keys(a) as (keyof RulesConfig)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => a[key] === b[key] || (key === 'rules' && sameRuleSettings(a.rules, b.rules)));
}

function sameRuleSettings(a: RulesConfig['rules'], b: RulesConfig['rules']): boolean {
  const ids = Object.keys(a);
  if (ids.length !== Object.keys(b).length) return false;
  return ids.every((id) => {
    const x = a[id];
    const y = b[id];
    if (x === y) return true;
    if (!x || !y) return false;
    const fields = Object.keys(x) as (keyof RuleSetting)[];
    return fields.length === Object.keys(y).length && fields.every((field) => x[field] === y[field]);
  });
}

/** A shallow copy of the root with only its scalars and the port lists (plain values; the lists are shared, not copied). */
function workspaceSlice(value: unknown): Record<string, unknown> {
  const slice: Record<string, unknown> = {};
  if (!isMap(value)) return slice;
  for (const [key, item] of Object.entries(value)) {
    if (item === null || typeof item !== 'object' || SLICED_LISTS.includes(key)) slice[key] = item;
  }
  return slice;
}
