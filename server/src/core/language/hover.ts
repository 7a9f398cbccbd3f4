/**
 * Hover: on a key, what the key means (from our schema's markdown), its type, whether it is required and the
 * allowed values; on a reference value, what it points at (a contract's summary for a `contractId`, the target
 * property for a relationship end); on other values, the key's docs plus the meaning of the chosen enum value.
 */
import { isScalar, type Node } from 'yaml';
import type { AnalysisContext } from '../context';
import type { Span } from '../types';
import { locate, pathAtOffset, spanOfNode } from '../yaml/locate';
import type { ParsedDescriptor } from '../yaml/parse';
import { contractMarkdown, localObjectAt, resolveReference, targetMarkdown } from './contractTargets';
import { editingKind, navigatorFor, type EditingKind } from './kindSchemas';
import { enclosingObjectIndex, referenceKindAt, referenceUnderCursor } from './referencePaths';
import { describeLocation, docsMarkdown } from './schemaDocs';
import type { HoverResult } from './types';
import { scalarContentSpan } from './yamlContainers';

export function hoverAt(parsed: ParsedDescriptor, offset: number, context: AnalysisContext): HoverResult | undefined {
  const kind = editingKind(parsed, context.uri);
  if (!kind || !parsed.document) return undefined;
  const at = pathAtOffset(parsed.document, offset);
  if (!at.path.length) return undefined;
  const keyIndex = lastKeyIndex(at.path);
  if (keyIndex < 0) return undefined;
  const keyPath = at.path.slice(0, keyIndex + 1);
  const key = String(keyPath[keyPath.length - 1]);

  let span: Span | undefined;
  let valueText: string | undefined;
  if (at.onKey) {
    span = locate(parsed.document, keyPath).keySpan;
  } else {
    if (!isScalar(at.node)) return undefined;
    span = spanOfNode(at.node as Node);
    valueText = at.node.value === null || at.node.value === undefined ? undefined : String(at.node.value);
  }
  if (!span) return undefined;

  const sections: string[] = [];
  if (valueText !== undefined) {
    const contentStart = scalarContentSpan(at.node as Node)?.start ?? span.start;
    const reference = referenceHover(parsed, kind, at.path, valueText, offset - contentStart, context);
    if (reference) sections.push(reference);
  }
  const navigator = navigatorFor(kind);
  const parent = navigator.resolve(keyPath.slice(0, -1), parsed.value);
  const property = navigator.properties(parent).find((candidate) => candidate.name === key);
  const location = navigator.child(parent, key);
  if (location.raw.length) {
    const docs = describeLocation(location.raw, location.facets);
    if (valueText !== undefined) {
      const chosen = docs.enumValues.find((entry) => String(entry.value) === valueText);
      if (chosen?.description) sections.push(`\`${valueText}\`: ${chosen.description}`);
    }
    sections.push(docsMarkdown(key, docs, property?.required ?? false));
  }
  return sections.length ? { markdown: sections.join('\n\n---\n\n'), span } : undefined;
}

function referenceHover(
  parsed: ParsedDescriptor, kind: EditingKind, path: (string | number)[], value: string, offsetInValue: number, context: AnalysisContext,
): string | undefined {
  switch (referenceKindAt(kind, path)) {
    case 'contractId': {
      const contracts = context.workspace?.byId(value).filter((summary) => summary.kind === 'DataContract') ?? [];
      if (!contracts.length) return context.workspace ? `No data contract with id \`${value}\` in the workspace.` : undefined;
      const duplicate = contracts.length > 1 ? `\n\n⚠️ ${contracts.length} contracts share this id.` : '';
      return contractMarkdown(contracts[0]!) + duplicate;
    }
    case 'propertyRef': {
      const reference = referenceUnderCursor(value, offsetInValue);
      const target = reference ? resolveReference(reference, parsed, context.uri, context.workspace) : undefined;
      return target ? targetMarkdown(target) : reference ? `\`${reference}\` does not name a known object or property.` : undefined;
    }
    case 'qualityProperty': {
      const object = localObjectAt(parsed, enclosingObjectIndex(path));
      const property = object?.properties.find((candidate) => candidate.name === value);
      return object && property
        ? targetMarkdown({ ...property, uri: context.uri, objectName: object.name, propertyName: property.name, span: undefined, contract: undefined })
        : undefined;
    }
    default:
      return undefined;
  }
}

function lastKeyIndex(path: readonly (string | number)[]): number {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return i;
  return -1;
}
