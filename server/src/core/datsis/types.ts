/**
 * The vocabulary of DATSIS scoring: dimensions, rules, check results and score reports. Rules are data (see
 * `rubric.ts`); this module only says what a rule row and a score look like, so the table, the scorer, the
 * docs generator and the editor features all agree on one shape.
 */
import type { Fix } from '../fixes/types';
import type { DescriptorKind, Severity, Span, ValuePath } from '../types';
import type { DescriptorModel } from './model';
import type { CheckEnvironment } from './environment';

export type DimensionId = 'discoverable' | 'addressable' | 'trustworthy' | 'selfDescribing' | 'interoperable' | 'secure';

export interface DimensionInfo {
  readonly id: DimensionId;
  /** Display name, e.g. "Self-describing". */
  readonly title: string;
  /** The one-letter abbreviation used in the compact summary (`D 80 A 100 ...`). */
  readonly letter: string;
  /** Prefix of the rule ids of this dimension, e.g. `S` in `S-examples`. */
  readonly prefix: string;
}

/** The six DATSIS qualities in their canonical order (the order of the acronym). */
export const DIMENSIONS: readonly DimensionInfo[] = [
  { id: 'discoverable', title: 'Discoverable', letter: 'D', prefix: 'D' },
  { id: 'addressable', title: 'Addressable', letter: 'A', prefix: 'A' },
  { id: 'trustworthy', title: 'Trustworthy', letter: 'T', prefix: 'T' },
  { id: 'selfDescribing', title: 'Self-describing', letter: 'S', prefix: 'S' },
  { id: 'interoperable', title: 'Interoperable', letter: 'I', prefix: 'I' },
  { id: 'secure', title: 'Secure', letter: 'S', prefix: 'SEC' },
];

export type DimensionScores = Readonly<Record<DimensionId, number>>;

export type AppliesTo = DescriptorKind | 'both';

/**
 * `presence`: the thing exists or not (satisfied is 0 or 1).
 * `coverage`: the share of objects, properties, ports... that satisfy the rule (satisfied is a fraction).
 */
export type RuleKind = 'presence' | 'coverage';

/**
 * Where a gap belongs, in value-path terms: the diagnostic goes on the key or the value at `path`. When the
 * path does not exist (completely), the deepest existing node is used instead, so a place is never lost.
 */
export interface GapPlace {
  readonly path: ValuePath;
  readonly part: 'key' | 'value';
}

/** One unmet expectation found by a check, before spans are resolved. */
export interface CheckGap {
  readonly at: GapPlace;
  readonly message: string;
  readonly fixes?: readonly Fix[];
}

export interface CheckResult {
  /** Fraction satisfied, 0..1; `undefined` when the rule does not apply (it then counts for nothing). */
  readonly satisfied: number | undefined;
  readonly gaps: readonly CheckGap[];
  /** Total failing items when more exist than `gaps` lists (coverage checks stop building gaps at a limit). */
  readonly gapCount?: number;
}

export type Check = (model: DescriptorModel, environment: CheckEnvironment) => CheckResult;

/** One row of the rubric. Everything the scorer, the diagnostics and the generated docs need. */
export interface Rule {
  /** Stable id: dimension prefix + short name, e.g. `D-purpose`. Used as diagnostic code and docs anchor. */
  readonly id: string;
  readonly dimension: DimensionId;
  /** Relative weight within the dimension (default; `.datsis.yaml` can override). */
  readonly weight: number;
  readonly appliesTo: AppliesTo;
  readonly kind: RuleKind;
  /** Short title for docs and quick picks, e.g. "A real purpose". */
  readonly title: string;
  /** What the rule expects, one sentence (docs). */
  readonly expects: string;
  /** What the quick-fix does, or undefined when no deterministic fix exists (docs). */
  readonly fix: string | undefined;
  readonly severity: Severity;
  /** Why a data mesh practitioner cares (docs). */
  readonly why: string;
  /** True when the check reads the workspace; such rules are re-evaluated on every call, never cached. */
  readonly usesWorkspace?: boolean;
  readonly check: Check;
}

/** A gap with its span resolved and its effective severity, ready to become a diagnostic. */
export interface ScoreGap {
  readonly rule: string;
  readonly dimension: DimensionId;
  readonly message: string;
  readonly span: Span;
  readonly severity: Severity;
  readonly fixes: readonly Fix[];
}

/** How one rule fared: what the score is made of, for explanations (CLI `score`, the panel). */
export interface RuleOutcome {
  readonly rule: string;
  readonly dimension: DimensionId;
  readonly weight: number;
  /** Fraction satisfied 0..1, or undefined when the rule did not apply. */
  readonly satisfied: number | undefined;
  /** How many gaps the rule found (the report lists at most `MAX_GAPS_PER_RULE` of them). */
  readonly gapCount: number;
}

export interface ScoreReport {
  /** 0..100, rounded. */
  readonly overall: number;
  /** Name of the maturity level the overall score reaches. */
  readonly level: string;
  /** Final dimension scores, 0..100 rounded (for products: after folding in their contracts). */
  readonly dimensions: DimensionScores;
  /** The descriptor's own dimension scores before any fold (equal to `dimensions` for contracts). */
  readonly own: DimensionScores;
  /** Contracts folded into a product's score (ids that resolved), empty otherwise. */
  readonly foldedContracts: readonly string[];
  readonly outcomes: readonly RuleOutcome[];
  readonly gaps: readonly ScoreGap[];
}
