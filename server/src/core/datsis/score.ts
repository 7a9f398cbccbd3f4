/**
 * Scoring: runs the rubric over one descriptor and turns rule outcomes into dimension scores, an overall score
 * and a maturity level.
 *
 * - Dimension score = weighted share of satisfied rules: sum(weight x satisfied) / sum(weight) over the rules
 *   that apply, where a coverage rule's `satisfied` is its fraction. 0-100, rounded. A dimension with no
 *   applicable rule scores 100 (nothing is missing).
 * - Overall = plain mean of the six rounded dimension scores, rounded: the six qualities are equally necessary,
 *   and a mean of the numbers people see is a number they can check.
 * - Products fold in their contracts: each dimension = 50 % the product's own score + 50 % the mean of the
 *   contracts its output ports point at (those that resolve). A product is only as good as what it serves.
 *
 * The scorer is on the keystroke path. Rule outcomes that depend on the document alone are cached per parsed
 * document and configuration (the diagnostics, the code lens and the score request share one evaluation);
 * workspace-dependent rules and the fold are recomputed on every call because other files change under them.
 * A new version of the document is evaluated afresh, but cheaply: the model and the rules over schema objects
 * reuse what they computed for every object the edit left untouched (`checks/objectCoverage.ts`), so a keystroke
 * in a 4 MB contract costs one object's checks plus the spans of the gaps shown (spans move with every edit).
 */
import { isMap as isYamlMap, isSeq as isYamlSeq, type Document } from 'yaml';
import type { AnalysisContext } from '../context';
import type { Span, ValuePath } from '../types';
import type { ParsedDescriptor } from '../yaml/parse';
import type { RulesConfig } from './config';
import { GAP_BUILD_LIMIT } from './checks/helpers';
import { environmentFor, type CheckEnvironment } from './environment';
import { levelFor } from './levels';
import { buildModel, isMap, text, type DescriptorModel } from './model';
import { resolvePlace } from './place';
import { RUBRIC } from './rubric';
import { DIMENSIONS, type CheckGap, type DimensionId, type DimensionScores, type Rule, type RuleOutcome, type ScoreGap, type ScoreReport } from './types';

/**
 * At most this many gaps of one rule are reported per document (the score still counts them all). A contract
 * with 20,000 undocumented columns needs one message per pattern, not 20,000 diagnostics that would flood the
 * editor and the protocol; the last reported gap says how many more there are.
 */
export const MAX_GAPS_PER_RULE = GAP_BUILD_LIMIT;

/** Share of a product's dimension score that comes from its output contracts. */
export const CONTRACT_FOLD_SHARE = 0.5;

/** Looks up the (final) dimension scores of the data contract with this id, if it can be found and scored. */
export type ContractScoreLookup = (contractId: string) => DimensionScores | undefined;

interface RuleEvaluation {
  readonly outcome: RuleOutcome;
  readonly gaps: readonly ScoreGap[];
}

interface CachedEvaluation {
  readonly config: RulesConfig;
  readonly model: DescriptorModel;
  readonly local: readonly RuleEvaluation[];
}

const cache = new WeakMap<ParsedDescriptor, CachedEvaluation>();

/** The score of one descriptor, or undefined when the document is not a data contract or product. */
export function scoreDescriptor(parsed: ParsedDescriptor, context: AnalysisContext): ScoreReport | undefined {
  const kind = parsed.kind;
  if (!kind) return undefined;
  const environment = environmentFor(context);
  const { model, local } = localEvaluations(parsed, environment);
  const evaluations = [...local];
  for (const rule of applicableRules(kind, environment.config)) {
    if (rule.usesWorkspace) evaluations.push(evaluateRule(rule, parsed, model, environment));
  }
  const outcomes = evaluations.map((evaluation) => evaluation.outcome);
  const own = dimensionScores(outcomes);
  const { dimensions, foldedContracts } = kind === 'DataProduct' ? foldContracts(own, model, context.contractScores) : { dimensions: own, foldedContracts: [] };
  const overall = overallScore(dimensions);
  const gaps = evaluations.flatMap((evaluation) => evaluation.gaps).sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule));
  return { overall, level: levelFor(overall, environment.config.levels), dimensions, own, foldedContracts, outcomes, gaps };
}

function localEvaluations(parsed: ParsedDescriptor, environment: CheckEnvironment): CachedEvaluation {
  const cached = cache.get(parsed);
  if (cached && cached.config === environment.config) return cached;
  const model = buildModel(parsed.kind!, parsed.value);
  const local = applicableRules(parsed.kind!, environment.config)
    .filter((rule) => !rule.usesWorkspace)
    .map((rule) => evaluateRule(rule, parsed, model, environment));
  const evaluation = { config: environment.config, model, local };
  cache.set(parsed, evaluation);
  return evaluation;
}

function applicableRules(kind: string, config: RulesConfig): Rule[] {
  return RUBRIC.filter((rule) => (rule.appliesTo === 'both' || rule.appliesTo === kind) && config.rules[rule.id]?.enabled !== false);
}

function evaluateRule(rule: Rule, parsed: ParsedDescriptor, model: DescriptorModel, environment: CheckEnvironment): RuleEvaluation {
  const setting = environment.config.rules[rule.id];
  const result = rule.check(model, environment);
  const severity = setting?.severity ?? rule.severity;
  const gapCount = Math.max(result.gapCount ?? 0, result.gaps.length);
  const shown = result.gaps.length > MAX_GAPS_PER_RULE ? result.gaps.slice(0, MAX_GAPS_PER_RULE) : result.gaps;
  const hidden = gapCount - shown.length;
  return {
    outcome: { rule: rule.id, dimension: rule.dimension, weight: setting?.weight ?? rule.weight, satisfied: result.satisfied, gapCount },
    gaps: shown.map((gap, index) => ({
      rule: rule.id, dimension: rule.dimension, severity, fixes: gap.fixes ?? [],
      message: hidden && index === shown.length - 1 ? `${gap.message} (${hidden} more gaps of ${rule.id} are not listed.)` : gap.message,
      span: placeGap(parsed.document, gap),
    })),
  };
}

/**
 * Gap spans, remembered relative to the schema object the gap is in. Gaps of an object that did not change are the
 * very same objects from one keystroke to the next (checks/objectCoverage.ts memoises them), and an unchanged object
 * has unchanged text, only shifted: so its gaps' spans move with its node instead of being looked up again. A 4 MB
 * contract shows a thousand gaps; locating each on every keystroke was most of the scorer's time.
 */
const placedGaps = new WeakMap<CheckGap, { readonly objectStart: number; readonly span: Span }>();

function placeGap(document: Document.Parsed | undefined, gap: CheckGap): Span {
  const objectStart = schemaObjectStart(document, gap.at.path);
  if (objectStart === undefined) return resolvePlace(document, gap.at);
  const known = placedGaps.get(gap);
  if (known?.objectStart === objectStart) return known.span;
  const span = known
    ? { start: known.span.start + objectStart - known.objectStart, end: known.span.end + objectStart - known.objectStart }
    : resolvePlace(document, gap.at);
  placedGaps.set(gap, { objectStart, span });
  return span;
}

/** Where the schema object a path points into (`['schema', i, ...]`) starts in the text, if it exists. */
function schemaObjectStart(document: Document.Parsed | undefined, path: ValuePath): number | undefined {
  if (path[0] !== 'schema' || typeof path[1] !== 'number' || path.length < 3) return undefined;
  const schema = isYamlMap(document?.contents) ? document.contents.get('schema', true) : undefined;
  const object: unknown = isYamlSeq(schema) ? schema.items[path[1]] : undefined;
  return isYamlMap(object) ? object.range?.[0] : undefined;
}

/** Weighted share of satisfied rules per dimension, 0-100 rounded; 100 when nothing applies. */
export function dimensionScores(outcomes: readonly RuleOutcome[]): DimensionScores {
  const earned = emptyScores();
  const possible = emptyScores();
  for (const outcome of outcomes) {
    if (outcome.satisfied === undefined || outcome.weight <= 0) continue;
    earned[outcome.dimension] += outcome.weight * Math.max(0, Math.min(1, outcome.satisfied));
    possible[outcome.dimension] += outcome.weight;
  }
  const scores = emptyScores();
  for (const { id } of DIMENSIONS) scores[id] = possible[id] > 0 ? Math.round((100 * earned[id]) / possible[id]) : 100;
  return scores;
}

export function overallScore(dimensions: DimensionScores): number {
  return Math.round(DIMENSIONS.reduce((sum, { id }) => sum + dimensions[id], 0) / DIMENSIONS.length);
}

/** Product dimensions blended with the mean of the contracts behind its output ports (see the module doc). */
export function foldContracts(own: DimensionScores, model: DescriptorModel, lookup: ContractScoreLookup | undefined): { dimensions: DimensionScores; foldedContracts: string[] } {
  if (!lookup) return { dimensions: own, foldedContracts: [] };
  const ids = [...new Set(model.outputPorts.map((port) => text(port.value.contractId)).filter((id): id is string => !!id))];
  const folded: string[] = [];
  const contractScores: DimensionScores[] = [];
  for (const id of ids) {
    const scores = lookup(id);
    if (!scores) continue;
    folded.push(id);
    contractScores.push(scores);
  }
  if (!contractScores.length) return { dimensions: own, foldedContracts: [] };
  const dimensions = emptyScores();
  for (const { id } of DIMENSIONS) {
    const contractMean = contractScores.reduce((sum, scores) => sum + scores[id], 0) / contractScores.length;
    dimensions[id] = Math.round((1 - CONTRACT_FOLD_SHARE) * own[id] + CONTRACT_FOLD_SHARE * contractMean);
  }
  return { dimensions, foldedContracts: folded };
}

function emptyScores(): Record<DimensionId, number> {
  return { discoverable: 0, addressable: 0, trustworthy: 0, selfDescribing: 0, interoperable: 0, secure: 0 };
}

/** The `id` of a parsed descriptor (for hosts that index contracts by id themselves). */
export function descriptorId(parsed: ParsedDescriptor): string | undefined {
  return isMap(parsed.value) ? text(parsed.value.id) : undefined;
}
