/**
 * Find references. On a contract's `id`: the ODPS ports whose `contractId` names it (from the workspace index)
 * and the relationships and SLA elements in other contracts that point into it. On a schema object's or
 * property's `name`: the relationships and SLA elements, here and in other contracts, that point at it.
 *
 * Relationships of other files are not part of the workspace summary, so candidate files are read through
 * `DescriptorSource` and parsed; a cheap text test (does the file mention this contract's id or file name at
 * all?) skips the rest.
 */
import { posix } from 'node:path';
import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { AnalysisContext } from '../context';
import type { Span, ValuePath } from '../types';
import { locate, pathAtOffset } from '../yaml/locate';
import { parseDescriptor, type ParsedDescriptor } from '../yaml/parse';
import { resolveReference, type ReferenceTarget } from './contractTargets';
import type { TargetLocation } from './types';
import { keyText, scalarContentSpan } from './yamlContainers';

/** Reads other workspace files (open editors first, then disk); undefined when unreadable. */
export interface DescriptorSource {
  read(uri: string): string | undefined;
}

type Subject =
  | { readonly kind: 'contract'; readonly id: string; readonly span: Span }
  | { readonly kind: 'element'; readonly objectName: string; readonly propertyName: string | undefined; readonly span: Span };

export function referencesAt(
  parsed: ParsedDescriptor, offset: number, context: AnalysisContext, source: DescriptorSource, includeDeclaration: boolean,
): TargetLocation[] {
  if (parsed.kind !== 'DataContract' || !parsed.document) return [];
  const subject = subjectAt(parsed, offset);
  if (!subject) return [];
  const result: TargetLocation[] = includeDeclaration ? [{ uri: context.uri, span: subject.span }] : [];
  if (subject.kind === 'contract') {
    for (const use of context.workspace?.portsUsingContract(subject.id) ?? []) {
      result.push({ uri: use.product.uri, span: use.port.contractIdSpan ?? use.port.span });
    }
  }
  const matches = (target: ReferenceTarget | undefined): boolean =>
    !!target && target.uri === context.uri && (subject.kind === 'contract'
      || (target.objectName === subject.objectName && target.propertyName === subject.propertyName));
  if (subject.kind === 'element') {
    for (const reference of writtenReferences(parsed)) {
      if (matches(resolveReference(reference.text, parsed, context.uri, context.workspace))) result.push({ uri: context.uri, span: reference.span });
    }
  }
  const own = context.workspace?.byUri(context.uri);
  const needles = [subject.kind === 'contract' ? subject.id : own?.id, own?.name, fileNameOf(context.uri)].filter((needle): needle is string => !!needle);
  for (const other of otherContracts(context, source, needles)) {
    for (const reference of writtenReferences(other.parsed)) {
      if (matches(resolveReference(reference.text, other.parsed, other.uri, context.workspace))) result.push({ uri: other.uri, span: reference.span });
    }
  }
  return result;
}

/** What the cursor is on: the contract's `id`, or the `name` of a schema object or of one of its properties. */
function subjectAt(parsed: ParsedDescriptor, offset: number): Subject | undefined {
  const at = pathAtOffset(parsed.document, offset);
  const path = at.path;
  if (path.length === 1 && path[0] === 'id') {
    const located = locate(parsed.document, ['id']);
    const id = isScalar(located.node) ? located.node.value : undefined;
    return typeof id === 'string' && located.valueSpan ? { kind: 'contract', id, span: located.valueSpan } : undefined;
  }
  const isObjectName = path.length === 3 && path[0] === 'schema' && path[2] === 'name';
  const isPropertyName = path.length === 5 && path[0] === 'schema' && path[2] === 'properties' && path[4] === 'name';
  if (!isObjectName && !isPropertyName) return undefined;
  const objectName = nameAt(parsed, path.slice(0, 2));
  const propertyName = isPropertyName ? nameAt(parsed, path.slice(0, 4)) : undefined;
  const span = locate(parsed.document, path).valueSpan;
  return objectName && span && (!isPropertyName || propertyName) ? { kind: 'element', objectName, propertyName, span } : undefined;
}

function nameAt(parsed: ParsedDescriptor, path: ValuePath): string | undefined {
  const node = locate(parsed.document, [...path, 'name']).node;
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/** Other contracts of the workspace whose text mentions one of `needles` (this contract's id, name or file). */
function* otherContracts(context: AnalysisContext, source: DescriptorSource, needles: readonly string[]): Generator<{ uri: string; parsed: ParsedDescriptor }> {
  if (!context.workspace || !needles.length) return;
  for (const summary of context.workspace.all()) {
    if (summary.kind !== 'DataContract' || summary.uri === context.uri) continue;
    const text = source.read(summary.uri);
    if (text && needles.some((needle) => text.includes(needle))) yield { uri: summary.uri, parsed: parseDescriptor(text) };
  }
}

function fileNameOf(uri: string): string | undefined {
  try {
    return posix.basename(decodeURIComponent(new URL(uri).pathname)) || undefined;
  } catch {
    return undefined;
  }
}

interface WrittenReference {
  readonly text: string;
  readonly span: Span;
}

/**
 * Every reference written in a contract: `relationships[].to` / `.from` (object and property level, nested
 * properties too) and SLA elements (`slaProperties[].element`, `slaDefaultElement`, comma-separated lists).
 */
export function writtenReferences(parsed: ParsedDescriptor): WrittenReference[] {
  const result: WrittenReference[] = [];
  const root = parsed.document?.contents;
  if (!isMap(root)) return result;
  const schema = root.get('schema', true);
  const visitElement = (element: Node | null | undefined): void => {
    if (!isMap(element)) return;
    for (const pair of element.items as Pair[]) {
      const key = keyText(pair);
      const value = pair.value as Node | null;
      if (key === 'relationships' && isSeq(value)) {
        for (const relationship of value.items) if (isMap(relationship)) collectEnds(relationship.items as Pair[], result);
      } else if (key === 'properties' && isSeq(value)) {
        for (const property of value.items) visitElement(property as Node);
      } else if (key === 'items') {
        visitElement(value);
      }
    }
  };
  if (isSeq(schema)) for (const object of schema.items) visitElement(object as Node);
  collectElements(root.get('slaDefaultElement', true), result);
  const sla = root.get('slaProperties', true);
  if (isSeq(sla)) for (const entry of sla.items) if (isMap(entry)) collectElements(entry.get('element', true), result);
  return result;
}

function collectElements(node: unknown, into: WrittenReference[]): void {
  const span = scalarContentSpan(node as Node);
  if (!span || !isScalar(node) || typeof node.value !== 'string') return;
  const value = node.value;
  let start = 0;
  for (const part of value.split(',')) {
    const leading = part.length - part.trimStart().length;
    const reference = part.trim();
    if (reference) into.push({ text: reference, span: { start: span.start + start + leading, end: span.start + start + leading + reference.length } });
    start += part.length + 1;
  }
}

function collectEnds(pairs: readonly Pair[], into: WrittenReference[]): void {
  for (const pair of pairs) {
    const key = keyText(pair);
    if (key !== 'to' && key !== 'from') continue;
    const value = pair.value as Node | null;
    const scalars = isSeq(value) ? (value.items as Node[]) : [value];
    for (const scalar of scalars) {
      const span = scalarContentSpan(scalar);
      if (span && isScalar(scalar) && typeof scalar.value === 'string') into.push({ text: scalar.value, span });
    }
  }
}
