/**
 * Go to definition: from a port's `contractId` to the `id` of that contract's file; from a relationship end or
 * SLA element to the `name` of the property (or object) it names, in this contract or another; from a column
 * listed in a quality rule to that column.
 */
import { isScalar, type Node } from 'yaml';
import type { AnalysisContext } from '../context';
import { locate, pathAtOffset } from '../yaml/locate';
import type { ParsedDescriptor } from '../yaml/parse';
import { localObjectAt, resolveReference } from './contractTargets';
import { editingKind } from './kindSchemas';
import { enclosingObjectIndex, referenceKindAt, referenceUnderCursor } from './referencePaths';
import type { TargetLocation } from './types';
import { scalarContentSpan } from './yamlContainers';

export function definitionAt(parsed: ParsedDescriptor, offset: number, context: AnalysisContext): TargetLocation[] {
  const kind = editingKind(parsed, context.uri);
  if (!kind || !parsed.document) return [];
  const at = pathAtOffset(parsed.document, offset);
  if (at.onKey || !isScalar(at.node) || at.node.value === null || at.node.value === undefined) return [];
  const value = String(at.node.value);
  switch (referenceKindAt(kind, at.path)) {
    case 'contractId':
      return (context.workspace?.byId(value) ?? [])
        .filter((summary) => summary.kind === 'DataContract')
        .map((summary) => ({ uri: summary.uri, span: summary.idSpan ?? { start: 0, end: 0 } }));
    case 'propertyRef': {
      const contentStart = scalarContentSpan(at.node as Node)?.start ?? offset;
      const reference = referenceUnderCursor(value, offset - contentStart);
      const target = reference ? resolveReference(reference, parsed, context.uri, context.workspace) : undefined;
      return target?.span ? [{ uri: target.uri, span: target.span }] : [];
    }
    case 'qualityProperty': {
      const object = localObjectAt(parsed, enclosingObjectIndex(at.path));
      const property = object?.properties.find((candidate) => candidate.name === value);
      if (!object || !property) return [];
      const span = locate(parsed.document, ['schema', object.index, 'properties', property.index, 'name']).valueSpan;
      return span ? [{ uri: context.uri, span }] : [];
    }
    default:
      return [];
  }
}
