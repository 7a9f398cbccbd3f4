/**
 * The semantic layer: runs every rule that applies to the descriptor's kind and places the problems in the
 * text. Runs after the schema layer and reuses its memoised result, so rules that overlap the schema can stay
 * silent where the schema already spoke. To add a rule, write a module next to this one and list it in RULES.
 *
 * It runs on every keystroke. The object parts of the rules (`checkObject`) are remembered per schema object
 * (objectMemo.ts): the incremental reparse keeps every object an edit did not touch identical, so after an edit
 * only that object is checked again. What the schema layer flagged inside an object is part of the key, because
 * rules stay silent where the schema spoke. Placing problems in the text is done afresh: spans move with edits.
 */
import type { Analyzer } from '../analyze';
import { ObjectMemo } from '../objectMemo';
import type { Finding, Span, ValuePath } from '../types';
import { toPointer } from '../validation/jsonSchema';
import { schemaValidation } from '../validation/schemaAnalyzer';
import { locate } from '../yaml/locate';
import type { ParsedDescriptor } from '../yaml/parse';
import { duplicateDescriptorIdsRule } from './duplicateDescriptorIds';
import { duplicateNamesRule } from './duplicateNames';
import { keyPositionsRule } from './keyPositions';
import { logicalTypeOptionsRule } from './logicalTypeOptions';
import { isRecord, records, type Json } from './model';
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

/** Rules with an object part, in RULES order; each object's memo entry holds their problems in this order. */
const OBJECT_RULES = RULES.filter((rule) => rule.checkObject && rule.appliesTo.includes('DataContract'));
const objectProblems = new ObjectMemo<readonly (readonly RuleProblem[])[]>();

export const semanticAnalyzer: Analyzer = (parsed, context) => {
  const { kind, value, document } = parsed;
  if (!kind || !document || !isRecord(value)) return [];
  const flagged = schemaValidation(parsed).flaggedPointers;
  const input: RuleInput = {
    value, kind, uri: context.uri, workspace: context.workspace,
    // Asked for every property by several rules: skip building pointers when the schema flagged nothing.
    schemaFlagged: flagged.size === 0 ? () => false : (path) => flagged.has(toPointer(path)),
  };
  const objects = kind === 'DataContract' ? records(value.schema) : [];
  const flagsByObject = flagsBySchemaObject(flagged);
  const perObject = objects.map(([object, index]) => objectProblems.get(object, index, flagsByObject.get(index) ?? '', () => checkObject(object, index, input)));
  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (!rule.appliesTo.includes(kind)) continue;
    for (const problem of rule.check?.(input) ?? []) findings.push(toFinding(parsed, problem));
    const at = OBJECT_RULES.indexOf(rule);
    if (at < 0) continue;
    for (const problems of perObject) for (const problem of problems[at]!) findings.push(toFinding(parsed, problem));
  }
  return findings.sort((a, b) => a.span.start - b.span.start);
};

function checkObject(object: Json, index: number, input: RuleInput): readonly (readonly RuleProblem[])[] {
  return OBJECT_RULES.map((rule) => rule.checkObject!(object, index, input));
}

/**
 * The pointers the schema flagged inside each schema object, as one text per object index: a memo key that
 * changes exactly when the flags a rule may ask about in that object change. Flags are few, so this is cheap.
 */
function flagsBySchemaObject(flagged: ReadonlySet<string>): Map<number, string> {
  const byObject = new Map<number, string[]>();
  for (const pointer of flagged) {
    const match = SCHEMA_OBJECT_POINTER.exec(pointer);
    if (!match) continue;
    const index = Number(match[1]);
    let pointers = byObject.get(index);
    if (!pointers) byObject.set(index, (pointers = []));
    pointers.push(pointer);
  }
  return new Map([...byObject].map(([index, pointers]) => [index, pointers.sort().join('\n')]));
}

const SCHEMA_OBJECT_POINTER = /^\/schema\/(\d+)(?:\/|$)/;

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
