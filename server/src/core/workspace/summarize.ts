/**
 * Parsed descriptor -> `DescriptorSummary`: the few facts the workspace index keeps per file. Reads the YAML
 * nodes directly (not the plain value) so every span comes for free in one walk, and keeps nothing that points
 * back into the document, so the document can be garbage-collected once it is summarised.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Span } from '../types';
import { detectKind, type ParsedDescriptor } from '../yaml/parse';
import type { DescriptorSummary, ObjectSummary, PortSummary, PropertySummary } from './types';

export function summarize(parsed: ParsedDescriptor, uri: string): DescriptorSummary | undefined {
  return summarizeDocument(parsed.document, parsed.kind, parsed.text, uri, parsed.value);
}

/**
 * The summary of a file that is not open, straight from its text. Indexing a workspace parses every
 * descriptor once, so this skips what only an open document needs (error mapping, duplicate-key checks, the
 * plain JavaScript value): about a third of the cost of `parseDescriptor`.
 */
export function summarizeText(text: string, uri: string): DescriptorSummary | undefined {
  const document = parseDocument(text, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false });
  return summarizeDocument(document, detectKind(document), text, uri);
}

function summarizeDocument(document: ParsedDescriptor['document'], kind: ParsedDescriptor['kind'], text: string, uri: string, value?: unknown): DescriptorSummary | undefined {
  const root = document?.contents;
  if (!kind || !isMap(root)) return undefined;
  const isContract = kind === 'DataContract';
  return {
    uri,
    kind,
    id: stringAt(root, 'id'),
    idSpan: spanOf(valueNode(root, 'id')),
    name: stringAt(root, 'name'),
    version: stringAt(root, 'version'),
    status: stringAt(root, 'status'),
    domain: stringAt(root, 'domain'),
    owner: ownerOf(valueNode(root, 'team')),
    tags: stringItems(valueNode(root, 'tags')),
    objects: isContract ? schemaObjects(valueNode(root, 'schema'), value) : [],
    inputPorts: isContract ? [] : mapItems(valueNode(root, 'inputPorts'), (item) => summarizePort(item, text)),
    outputPorts: isContract ? [] : mapItems(valueNode(root, 'outputPorts'), (item) => summarizePort(item, text)),
  };
}

/**
 * An open document is summarised again after every pause in typing. The incremental reparse keeps the plain value
 * of every schema object the edit did not touch identical (and its text unchanged, only shifted), so an object's
 * summary is remembered by its value and moved by the distance its node moved: a 4 MB contract costs one object's
 * walk, not a thousand. YAML nodes cannot be the key: the reparse splices new nodes into the old tree in place.
 */
const objectSummaries = new WeakMap<object, { readonly start: number; readonly summary: ObjectSummary | undefined }>();

function schemaObjects(node: Node | null | undefined, value: unknown): ObjectSummary[] {
  const values = typeof value === 'object' && value !== null ? (value as { schema?: unknown }).schema : undefined;
  if (!isSeq(node) || !Array.isArray(values) || values.length !== node.items.length) return mapItems(node, summarizeObject);
  const result: ObjectSummary[] = [];
  node.items.forEach((item, index) => {
    const itemValue: unknown = values[index];
    if (!isMap(item)) return;
    const start = item.range?.[0];
    const summary = typeof itemValue === 'object' && itemValue !== null && start !== undefined
      ? rememberedObject(item, itemValue, start)
      : summarizeObject(item);
    if (summary !== undefined) result.push(summary);
  });
  return result;
}

function rememberedObject(item: YAMLMap, itemValue: object, start: number): ObjectSummary | undefined {
  const known = objectSummaries.get(itemValue);
  if (known?.start === start) return known.summary;
  const summary = known ? known.summary && shiftObject(known.summary, start - known.start) : summarizeObject(item);
  objectSummaries.set(itemValue, { start, summary });
  return summary;
}

function shiftObject(object: ObjectSummary, delta: number): ObjectSummary {
  const shift = (span: Span): Span => ({ start: span.start + delta, end: span.end + delta });
  return { ...object, nameSpan: shift(object.nameSpan), properties: object.properties.map((property) => ({ ...property, nameSpan: shift(property.nameSpan) })) };
}

function summarizeObject(item: YAMLMap): ObjectSummary | undefined {
  const name = stringAt(item, 'name');
  if (name === undefined) return undefined;
  return {
    name,
    id: stringAt(item, 'id'),
    physicalName: stringAt(item, 'physicalName'),
    description: stringAt(item, 'description'),
    nameSpan: spanOf(valueNode(item, 'name')) ?? spanOf(item)!,
    properties: mapItems(valueNode(item, 'properties'), summarizeProperty),
  };
}

function summarizeProperty(item: YAMLMap): PropertySummary | undefined {
  const name = stringAt(item, 'name');
  if (name === undefined) return undefined;
  return {
    name,
    id: stringAt(item, 'id'),
    logicalType: stringAt(item, 'logicalType'),
    description: stringAt(item, 'description'),
    nameSpan: spanOf(valueNode(item, 'name')) ?? spanOf(item)!,
  };
}

function summarizePort(item: YAMLMap, text: string): PortSummary | undefined {
  const span = trimmedSpan(spanOf(item), text);
  if (!span) return undefined;
  const contractIdNode = valueNode(item, 'contractId');
  return {
    name: stringAt(item, 'name'),
    contractId: stringAt(item, 'contractId'),
    version: stringAt(item, 'version'),
    type: stringAt(item, 'type'),
    contractIdSpan: spanOf(contractIdNode) ?? span,
    span,
  };
}

/**
 * The owner shown next to a contract in completion and hover: the team member whose role says "owner", else
 * the team's name. ODCS 3.0 wrote the team as a bare list of members, so both shapes are read.
 */
function ownerOf(team: Node | null | undefined): string | undefined {
  const members = isMap(team) ? valueNode(team, 'members') : team;
  if (isSeq(members)) {
    for (const member of members.items) {
      if (!isMap(member)) continue;
      const role = stringAt(member, 'role');
      if (role && /owner/i.test(role)) return stringAt(member, 'name') ?? stringAt(member, 'username');
    }
  }
  return isMap(team) ? stringAt(team, 'name') : undefined;
}

function valueNode(map: YAMLMap, key: string): Node | null | undefined {
  for (const pair of map.items as Pair[]) {
    if (isScalar(pair.key) && pair.key.value === key) return pair.value as Node | null;
  }
  return undefined;
}

/** Scalars that YAML typed as numbers or booleans (`version: 1.0`) are read back as their source text. */
function stringAt(map: YAMLMap, key: string): string | undefined {
  const node = valueNode(map, key);
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  if (typeof node.value === 'string') return node.value;
  return node.source ?? String(node.value);
}

function stringItems(node: Node | null | undefined): string[] {
  if (!isSeq(node)) return [];
  const result: string[] = [];
  for (const item of node.items) if (isScalar(item) && typeof item.value === 'string') result.push(item.value);
  return result;
}

function mapItems<T>(node: Node | null | undefined, summarizeItem: (item: YAMLMap) => T | undefined): T[] {
  if (!isSeq(node)) return [];
  const result: T[] = [];
  for (const item of node.items) {
    if (!isMap(item)) continue;
    const summary = summarizeItem(item);
    if (summary !== undefined) result.push(summary);
  }
  return result;
}

/** A block mapping's range runs to the start of the next line; the port ends where its last value ends. */
function trimmedSpan(span: Span | undefined, text: string): Span | undefined {
  if (!span) return undefined;
  let end = span.end;
  while (end > span.start && /\s/.test(text[end - 1]!)) end--;
  return { start: span.start, end };
}

function spanOf(node: Node | null | undefined): Span | undefined {
  return node?.range ? { start: node.range[0], end: node.range[1] } : undefined;
}
