/**
 * The DATSIS analysis layer: every gap of the score becomes a finding (source `DATSIS`, code = rule id, a link
 * to the rule's section of docs/DATSIS.md, fixes as data), placed where the fix belongs. Plus one finding when
 * the workspace sets a minimum score and the descriptor is below it.
 */
import type { Analyzer } from '../analyze';
import type { Finding } from '../types';
import { effectiveConfig } from './config';
import { scoreDescriptor } from './score';
import { TOP_LEVEL, resolvePlace } from './place';

/** Where docs/DATSIS.md is published; rule sections are anchored by the lower-cased rule id. */
export const DATSIS_DOCS_URL = 'https://github.com/datsis/datsis/blob/main/docs/DATSIS.md';

export const MIN_SCORE_CODE = 'DATSIS-min-score';

export function ruleDocUrl(ruleId: string): string {
  return `${DATSIS_DOCS_URL}#${ruleId.toLowerCase()}`;
}

export const datsisAnalyzer: Analyzer = (parsed, context) => {
  const config = effectiveConfig(context.rules);
  if (!config.enabled) return [];
  const report = scoreDescriptor(parsed, context);
  if (!report) return [];
  const findings: Finding[] = report.gaps.map((gap) => ({
    span: gap.span,
    message: gap.message,
    severity: gap.severity,
    code: gap.rule,
    source: 'DATSIS',
    docUrl: ruleDocUrl(gap.rule),
    ...(gap.fixes.length ? { data: { fixes: gap.fixes } } : {}),
  }));
  if (config.minScore !== undefined && report.overall < config.minScore) {
    findings.unshift({
      span: resolvePlace(parsed.document, TOP_LEVEL),
      message: `DATSIS score ${report.overall} is below the workspace minimum of ${config.minScore} (.datsis.yaml \`minScore\`).`,
      severity: 'warning',
      code: MIN_SCORE_CODE,
      source: 'DATSIS',
      docUrl: `${DATSIS_DOCS_URL}#quality-gate`,
    });
  }
  return findings;
};
