/**
 * The effective DATSIS configuration: built-in defaults, overridden by the workspace's `.datsis.yaml`, then by
 * the editor settings. Plain data, merged by pure functions, so the server, the CLI and the tests all compute
 * the same effective configuration. Loading and validating the file itself lives in `rulesFile.ts`.
 */
import type { Severity } from '../types';

export type NamingConvention = 'snake_case' | 'camelCase' | 'PascalCase' | 'kebab-case' | 'SCREAMING_SNAKE_CASE' | 'any';

export const NAMING_CONVENTIONS: readonly NamingConvention[] = ['snake_case', 'camelCase', 'PascalCase', 'kebab-case', 'SCREAMING_SNAKE_CASE', 'any'];

/** Per-rule override; every key is optional and falls back to the rubric's default. */
export interface RuleSetting {
  readonly enabled?: boolean;
  readonly weight?: number;
  readonly severity?: Severity;
}

export interface MaturityLevel {
  readonly name: string;
  /** Minimum overall score (inclusive) to reach this level. */
  readonly min: number;
}

export interface RulesConfig {
  /**
   * False switches DATSIS off altogether (the editor setting `datsis.score.enable`). Not settable from the
   * rules file: a team cannot hide scores from an author who wants them.
   */
  readonly enabled: boolean;
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** The quality gate: below this overall score a descriptor fails (`datsis check`) and the editor says so. */
  readonly minScore: number | undefined;
  /** Ascending by `min`. */
  readonly levels: readonly MaturityLevel[];
  readonly naming: { readonly convention: NamingConvention };
  readonly requiredTags: readonly string[];
  /** Extra regular expressions (case-insensitive) that mark a property name as personal data. */
  readonly personalDataPatterns: readonly string[];
  readonly ddl: { readonly dialect: string | undefined };
}

/**
 * Default maturity bands. Five levels rather than three because the top of the scale is where teams spend
 * their effort: "Managed" (75+) is a solid product, "Exemplary" (90+) is one to copy from.
 */
export const DEFAULT_LEVELS: readonly MaturityLevel[] = [
  { name: 'Initial', min: 0 },
  { name: 'Emerging', min: 40 },
  { name: 'Established', min: 60 },
  { name: 'Managed', min: 75 },
  { name: 'Exemplary', min: 90 },
];

export const DEFAULT_RULES_CONFIG: RulesConfig = {
  enabled: true,
  rules: {},
  minScore: undefined,
  levels: DEFAULT_LEVELS,
  naming: { convention: 'snake_case' },
  requiredTags: [],
  personalDataPatterns: [],
  ddl: { dialect: undefined },
};

/** The `.datsis.yaml` content after validation: any subset of the configurable keys. */
export interface RulesFileContent {
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly minScore?: number;
  readonly levels?: readonly MaturityLevel[];
  readonly naming?: { readonly convention?: NamingConvention };
  readonly requiredTags?: readonly string[];
  readonly personalDataPatterns?: readonly string[];
  readonly ddl?: { readonly dialect?: string };
}

/**
 * Lays a rules file over a base configuration. Rule settings merge key by key (a file that only sets a
 * weight keeps the default severity); lists replace, except personal-data patterns, which only ever add to the
 * built-in ones (see `personalData.ts`), and levels, which are sorted so the file's order cannot matter.
 */
export function mergeRulesConfig(base: RulesConfig, file: RulesFileContent | undefined): RulesConfig {
  if (!file) return base;
  const rules: Record<string, RuleSetting> = { ...base.rules };
  for (const [id, setting] of Object.entries(file.rules ?? {})) rules[id] = { ...rules[id], ...setting };
  return {
    enabled: base.enabled,
    rules,
    minScore: file.minScore ?? base.minScore,
    levels: file.levels?.length ? [...file.levels].sort((a, b) => a.min - b.min) : base.levels,
    naming: { convention: file.naming?.convention ?? base.naming.convention },
    requiredTags: file.requiredTags ?? base.requiredTags,
    personalDataPatterns: file.personalDataPatterns ?? base.personalDataPatterns,
    ddl: { dialect: file.ddl?.dialect ?? base.ddl.dialect },
  };
}

/** The editor's `datsis.score.*` settings, which win over the rules file for display (never for weights). */
export interface EditorScoreSettings {
  readonly enable: boolean;
  /** Rule id -> severity. */
  readonly severity: Readonly<Record<string, string>>;
}

const SEVERITIES: readonly string[] = ['error', 'warning', 'information', 'hint'];

/**
 * Applies the editor settings. Severity is a presentation choice, so a personal setting may override the
 * team's file; weights and enabled rules stay the team's, so everyone sees the same score.
 */
export function withEditorSettings(config: RulesConfig, settings: EditorScoreSettings | undefined): RulesConfig {
  if (!settings) return config;
  const rules: Record<string, RuleSetting> = { ...config.rules };
  for (const [id, severity] of Object.entries(settings.severity ?? {})) {
    if (SEVERITIES.includes(severity)) rules[id] = { ...rules[id], severity: severity as Severity };
  }
  return { ...config, enabled: settings.enable !== false, rules };
}

/** Narrows `AnalysisContext.rules` (typed loosely so the context does not depend on this module's details). */
export function effectiveConfig(rules: RulesConfig | undefined): RulesConfig {
  return rules ?? DEFAULT_RULES_CONFIG;
}
