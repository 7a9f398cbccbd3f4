/**
 * Completion of reference values: contract ids in ODPS ports (from the workspace index), relationship ends and SLA
 * elements (`object.property` in this contract; `<contract id>.object.property` and id paths into other
 * contracts) and the column names a quality rule lists. Large contracts get two steps — first `object.`, then its
 * properties — so the list stays small.
 */
import type { AnalysisContext } from '../context';
import type { Span, ValuePath } from '../types';
import type { ParsedDescriptor } from '../yaml/parse';
import { isDottedContractId } from '../semantic/references';
import { contractMarkdown, findLocalObject, localObjectAt, localObjectHeads, localObjects, relativeFileReference, targetMarkdown } from './contractTargets';
import { isWritableReference } from './referenceForms';
import { enclosingObjectIndex, referenceKindAt } from './referencePaths';
import { yamlScalar } from './snippetText';
import type { CompletionCandidate } from './types';
import type { EditingKind } from './kindSchemas';

/** Above this many `object.property` targets, completion offers objects first. */
export const MAX_FLAT_TARGETS = 500;

export interface ReferenceRequest {
  readonly parsed: ParsedDescriptor;
  readonly kind: EditingKind;
  readonly path: ValuePath;
  readonly prefix: string;
  readonly replace: Span;
  readonly inFlow: boolean;
  readonly present: ReadonlySet<string>;
  readonly context: AnalysisContext;
}

export function referenceCandidates(request: ReferenceRequest): CompletionCandidate[] {
  switch (referenceKindAt(request.kind, request.path)) {
    case 'contractId': return contractIdCandidates(request);
    case 'propertyRef': return propertyRefCandidates(request);
    case 'qualityProperty': return qualityPropertyCandidates(request);
    default: return [];
  }
}

function contractIdCandidates(request: ReferenceRequest): CompletionCandidate[] {
  const workspace = request.context.workspace;
  if (!workspace) return [];
  const result: CompletionCandidate[] = [];
  for (const summary of workspace.all()) {
    if (summary.kind !== 'DataContract' || !summary.id) continue;
    const detail = [summary.name, summary.version ? `v${summary.version}` : undefined, summary.owner].filter(Boolean).join(' · ');
    result.push(reference(request, summary.id, { detail, documentation: contractMarkdown(summary), sortText: `0_${summary.id}` }));
  }
  return result;
}

function propertyRefCandidates(request: ReferenceRequest): CompletionCandidate[] {
  const heads = localObjectHeads(request.parsed);
  const total = heads.reduce((sum, head) => sum + head.propertyCount, 0);
  const dot = request.prefix.indexOf('.');
  const result: CompletionCandidate[] = [];
  if (total > MAX_FLAT_TARGETS && dot < 0) {
    for (const head of heads) {
      result.push({
        ...reference(request, `${head.name}.`, { detail: `${head.propertyCount} properties`, documentation: head.description, sortText: `0_${head.name}` }),
        retrigger: true,
      });
    }
  } else {
    const onlyObject = total > MAX_FLAT_TARGETS ? request.prefix.slice(0, dot) : undefined;
    const objects = onlyObject === undefined ? localObjects(request.parsed) : [findLocalObject(request.parsed, (head) => head.name === onlyObject)].filter((o) => !!o);
    for (const object of objects) {
      for (const property of object.properties) {
        const label = `${object.name}.${property.name}`;
        if (request.present.has(label)) continue;
        const documentation = targetMarkdown({ ...property, uri: request.context.uri, objectName: object.name, propertyName: property.name, span: undefined, contract: undefined });
        result.push(reference(request, label, { detail: property.logicalType, documentation, sortText: `0_${label}` }));
      }
    }
  }
  result.push(...remotePropertyCandidates(request));
  return result;
}

/**
 * Properties of other contracts, written both ways the schema allows: `<contract id>.<object>.<property>` (for a
 * contract whose id a dotted name can carry) and `file#/schema/<objectId>/properties/<propertyId>` (ids required).
 * Only texts the schema accepts are offered; the id form is left out where this contract has an object of that
 * name, because a dotted name is read as a nested property here first.
 */
function remotePropertyCandidates(request: ReferenceRequest): CompletionCandidate[] {
  const workspace = request.context.workspace;
  if (!workspace) return [];
  const localNames = new Set(localObjectHeads(request.parsed).map((head) => head.name));
  const result: CompletionCandidate[] = [];
  for (const summary of workspace.all()) {
    if (summary.kind !== 'DataContract' || summary.uri === request.context.uri) continue;
    const file = relativeFileReference(request.context.uri, summary.uri);
    const contractId = summary.id !== undefined && isDottedContractId(summary.id) && !localNames.has(summary.id) ? summary.id : undefined;
    for (const object of summary.objects) {
      for (const property of object.properties) {
        const labels = [
          contractId === undefined ? undefined : `${contractId}.${object.name}.${property.name}`,
          object.id && property.id ? `${file}#/schema/${object.id}/properties/${property.id}` : undefined,
        ];
        const documentation = targetMarkdown({ ...property, uri: summary.uri, objectName: object.name, propertyName: property.name, span: property.nameSpan, contract: summary });
        const detail = `${summary.name ?? summary.id ?? file}: ${object.name}.${property.name}`;
        for (const label of labels) {
          if (label !== undefined && isWritableReference(label)) result.push(reference(request, label, { detail, documentation, sortText: `1_${label}` }));
        }
      }
    }
  }
  return result;
}

function qualityPropertyCandidates(request: ReferenceRequest): CompletionCandidate[] {
  const object = localObjectAt(request.parsed, enclosingObjectIndex(request.path));
  if (!object) return [];
  return object.properties
    .filter((property) => !request.present.has(property.name))
    .map((property) => reference(request, property.name, {
      detail: property.logicalType, documentation: property.description, sortText: `0_${String(property.index).padStart(5, '0')}`,
    }));
}

function reference(request: ReferenceRequest, label: string, extra: { detail?: string; documentation?: string; sortText: string }): CompletionCandidate {
  return {
    label, kind: 'reference', insertText: yamlScalar(label, request.inFlow), isSnippet: false, replace: request.replace,
    ...(extra.detail ? { detail: extra.detail } : {}), ...(extra.documentation ? { documentation: extra.documentation } : {}),
    sortText: extra.sortText,
  };
}
