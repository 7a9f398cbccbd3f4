/**
 * The semantic layer: runs every rule that applies to the descriptor's kind and places the problems in the
 * text. Runs after the schema layer and reuses its memoised result, so rules that overlap the schema can stay
 * silent where the schema already spoke. To add a rule, write a module next to this one and list it in RULES.
 */
import type { Analyzer } from '../analyze';
import type { Finding, Span, ValuePath } from '../types';
import { toPointer } from '../validation/jsonSchema';
import { schemaValidation } from '../validation/schemaAnalyzer';
import { locate } from '../yaml/locate';
import type { ParsedDescriptor } from '../yaml/parse';
import { duplicateDescriptorIdsRule } from './duplicateDescriptorIds';
import { duplicateNamesRule } from './duplicateNames';
import { keyPositionsRule } from './keyPositions';
import { logicalTypeOptionsRule } from './logicalTypeOptions';
import { isRecord } from './model';
import { physicalTypeRule } from './physicalType';
import { portContractsRule } from './portContracts';
import { relationshipsRule } from './relationships';
import type { RuleInput, RuleProblem, SemanticRule } from './rule';
import { serverTypeRule } from './serverType';
import { sqlQualityRule } from './sqlQuality';

export const RULES: readonly SemanticRule[] = [
  duplicateNamesRule,
  keyPositionsRule,
  relationshipsRule,
  portContractsRule,
  duplicateDescriptorIdsRule,
  logicalTypeOptionsRule,
  physicalTypeRule,
  sqlQualityRule,
  serverTypeRule,
];

export const semanticAnalyzer: Analyzer = (parsed, context) => {
  const { kind, value, document } = parsed;
  if (!kind || !document || !isRecord(value)) return [];
  const flagged = schemaValidation(parsed).flaggedPointers;
  const input: RuleInput = {
    value, kind, uri: context.uri, workspace: context.workspace,
    // Asked for every property by several rules: skip building pointers when the schema flagged nothing.
    schemaFlagged: flagged.size === 0 ? () => false : (path) => flagged.has(toPointer(path)),
  };
  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (!rule.appliesTo.includes(kind)) continue;
    for (const problem of rule.check(input)) findings.push(toFinding(parsed, problem));
  }
  return findings.sort((a, b) => a.span.start - b.span.start);
};

function toFinding(parsed: ParsedDescriptor, problem: RuleProblem): Finding {
  return {
    span: spanOf(parsed, problem.path, problem.on ?? 'value'),
    message: problem.message,
    severity: problem.severity,
    code: problem.code,
    source: 'semantic',
    ...(problem.fixes?.length ? { data: { fixes: problem.fixes } } : {}),
  };
}

function spanOf(parsed: ParsedDescriptor, path: ValuePath, on: 'key' | 'value'): Span {
  const located = locate(parsed.document, path);
  const emptyValue = located.node === null || located.node === undefined || (located.valueSpan && located.valueSpan.start === located.valueSpan.end);
  const span = on === 'key' || emptyValue ? (located.keySpan ?? located.valueSpan) : (located.valueSpan ?? located.keySpan);
  return span ?? { start: 0, end: 0 };
}
