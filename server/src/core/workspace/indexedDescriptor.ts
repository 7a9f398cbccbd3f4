/**
 * Everything the server keeps about one descriptor between parses: the index summary plus the facts the
 * marketplace lists (classifications, purpose) and the workspace-independent part of its DATSIS score. All of it
 * is computed from one parse, so a workspace of 2,000 files is read and parsed once, not once for the index, once
 * for the marketplace and once more for every product that folds in a contract. Nothing here points back into
 * the YAML document, so the parse can be dropped as soon as the file is indexed.
 */
import type { RulesConfig } from '../datsis/config';
import { collectClassifications, descriptorPurpose } from '../marketplace/summary';
import type { ParsedDescriptor } from '../yaml/parse';
import { scoreBasis, type ScoreBasis } from './scoreBasis';
import { summarize } from './summarize';
import type { DescriptorSummary } from './types';

export interface IndexedDescriptor {
  readonly summary: DescriptorSummary;
  /** Distinct `classification` values of the descriptor's own schema. */
  readonly classifications: readonly string[];
  /** `description.purpose`, trimmed. */
  readonly purpose: string | undefined;
  /** Undefined when DATSIS is switched off for the file or the scorer could not score it. */
  readonly score: ScoreBasis | undefined;
}

/** Undefined for YAML that is not a data contract or product. */
export function indexDescriptor(parsed: ParsedDescriptor, uri: string, rules: RulesConfig | undefined): IndexedDescriptor | undefined {
  const summary = summarize(parsed, uri);
  if (!summary) return undefined;
  return {
    summary,
    classifications: collectClassifications(parsed.value),
    purpose: descriptorPurpose(parsed.value),
    score: scoreBasis(parsed, rules, uri),
  };
}
