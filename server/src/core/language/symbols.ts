/**
 * The outline: every top-level key, and inside the sections an author navigates by, one entry per named item
 * — schema objects with their properties (logicalType as detail, nested properties below), quality rules,
 * servers, team members, roles, SLA properties, support channels, and ODPS ports with their `contractId`.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Span } from '../types';
import type { ParsedDescriptor } from '../yaml/parse';
import type { OutlineKind, OutlineSymbol } from './types';
import { keyText } from './yamlContainers';

interface ItemEntry {
  readonly name: string;
  readonly detail?: string | undefined;
  readonly kind: OutlineKind;
  readonly children?: OutlineSymbol[];
}

type ItemNamer = (item: YAMLMap, index: number, outline: Outline) => ItemEntry;

export function documentSymbols(parsed: ParsedDescriptor): OutlineSymbol[] {
  const root = parsed.document?.contents;
  if (!isMap(root)) return [];
  const outline = new Outline(parsed.text);
  return (root.items as Pair[]).flatMap((pair) => {
    const symbol = outline.topLevel(pair);
    return symbol ? [symbol] : [];
  });
}

const SECTION_ITEMS = new Map<string, ItemNamer>(Object.entries({
  schema: (item, index, outline) => ({
    name: str(item, 'name') ?? str(item, 'id') ?? `object ${index + 1}`,
    detail: str(item, 'physicalType') ?? str(item, 'physicalName'),
    kind: 'class',
    children: [...outline.propertiesOf(item), ...outline.qualityGroup(item)],
  }),
  servers: (item, index) => ({ name: str(item, 'server') ?? str(item, 'id') ?? `server ${index + 1}`, detail: join(str(item, 'type'), str(item, 'environment')), kind: 'module' }),
  roles: (item, index) => ({ name: str(item, 'role') ?? `role ${index + 1}`, detail: str(item, 'access'), kind: 'key' }),
  slaProperties: (item, index) => ({ name: str(item, 'property') ?? `SLA ${index + 1}`, detail: join(str(item, 'value'), str(item, 'unit')), kind: 'event' }),
  support: (item, index) => ({ name: str(item, 'channel') ?? `channel ${index + 1}`, detail: str(item, 'tool') ?? str(item, 'url'), kind: 'event' }),
  inputPorts: (item, index) => portEntry(item, index),
  outputPorts: (item, index) => portEntry(item, index),
  managementPorts: (item, index) => ({ name: str(item, 'name') ?? `port ${index + 1}`, detail: join(str(item, 'content'), str(item, 'type')), kind: 'interface' }),
  customProperties: (item, index) => ({ name: str(item, 'property') ?? `property ${index + 1}`, detail: str(item, 'value'), kind: 'constant' }),
  authoritativeDefinitions: (item, index) => ({ name: str(item, 'type') ?? `definition ${index + 1}`, detail: str(item, 'url'), kind: 'string' }),
  quality: (item, index) => qualityEntry(item, index),
  team: (item, index) => memberEntry(item, index), // ODCS 3.0: the team is a bare list of members
} satisfies Record<string, ItemNamer>));

const propertyEntry: ItemNamer = (item, index, outline) => ({
  name: str(item, 'name') ?? str(item, 'id') ?? `property ${index + 1}`,
  detail: str(item, 'logicalType') ?? str(item, 'physicalType'),
  kind: 'field',
  children: [...outline.propertiesOf(item), ...outline.qualityGroup(item)],
});

/** Builds symbols for one document; holds its text to trim spans to their last visible character. */
class Outline {
  constructor(private readonly text: string) {}

  topLevel(pair: Pair): OutlineSymbol | undefined {
    const key = pair.key as Node | null;
    if (!key?.range) return undefined;
    const name = keyText(pair);
    const value = pair.value as Node | null;
    const span = this.pairSpan(pair);
    const selectionSpan = { start: key.range[0], end: key.range[1] };
    if (isSeq(value)) {
      const namer = SECTION_ITEMS.get(name);
      const children = namer ? this.items(value.items as Node[], namer) : [];
      const detail = namer ? `${value.items.length}` : value.items.filter(isScalar).map((item) => String(item.value)).join(', ');
      return { name, detail, kind: 'array', span, selectionSpan, children };
    }
    if (isMap(value)) {
      const children = name === 'team' ? this.teamChildren(value) : this.keys(value.items as Pair[]);
      return { name, kind: 'object', span, selectionSpan, children };
    }
    const detail = isScalar(value) && value.value !== null ? String(value.value) : undefined;
    return { name, ...(detail ? { detail } : {}), kind: scalarKind(value), span, selectionSpan, children: [] };
  }

  /** Properties of an object or of a nested object property; an array property's item properties count too. */
  propertiesOf(item: YAMLMap): OutlineSymbol[] {
    const properties = item.get('properties', true) as Node | undefined;
    const items = item.get('items', true) as Node | undefined;
    const symbols = isSeq(properties) ? this.items(properties.items as Node[], propertyEntry) : [];
    if (isMap(items)) symbols.push(...this.propertiesOf(items));
    return symbols;
  }

  qualityGroup(item: YAMLMap): OutlineSymbol[] {
    const pair = (item.items as Pair[]).find((candidate) => keyText(candidate) === 'quality');
    return pair ? this.group(pair, qualityEntry) : [];
  }

  private teamChildren(team: YAMLMap): OutlineSymbol[] {
    return (team.items as Pair[]).flatMap((pair) => (keyText(pair) === 'members' ? this.group(pair, memberEntry) : this.keys([pair])));
  }

  /** A key whose value is a list of named items, as one symbol with the items below it. */
  private group(pair: Pair, namer: ItemNamer): OutlineSymbol[] {
    const key = pair.key as Node | null;
    const value = pair.value as Node | null;
    if (!key?.range || !isSeq(value)) return this.keys([pair]);
    return [{
      name: keyText(pair), detail: `${value.items.length}`, kind: 'array', span: this.pairSpan(pair),
      selectionSpan: { start: key.range[0], end: key.range[1] }, children: this.items(value.items as Node[], namer),
    }];
  }

  /** One level of keys (e.g. `description.purpose`), scalars with their first line as detail. */
  private keys(pairs: readonly Pair[]): OutlineSymbol[] {
    return pairs.flatMap((pair) => {
      const key = pair.key as Node | null;
      if (!key?.range) return [];
      const value = pair.value as Node | null;
      const detail = isScalar(value) && value.value !== null ? String(value.value).split('\n')[0] : undefined;
      const kind: OutlineKind = isSeq(value) ? 'array' : isMap(value) ? 'object' : scalarKind(value);
      return [{ name: keyText(pair), ...(detail ? { detail } : {}), kind, span: this.pairSpan(pair), selectionSpan: { start: key.range[0], end: key.range[1] }, children: [] }];
    });
  }

  private items(items: readonly Node[], namer: ItemNamer): OutlineSymbol[] {
    const result: OutlineSymbol[] = [];
    items.forEach((item, index) => {
      if (!isMap(item) || !item.range) return;
      const entry = namer(item, index, this);
      const nameNode = (item.get('name', true) ?? item.get('id', true)) as Node | undefined;
      const span = this.trimmed(item.range[0], item.range[1]);
      const selectionSpan = nameNode?.range ? { start: nameNode.range[0], end: nameNode.range[1] } : { start: span.start, end: span.start };
      result.push({ name: entry.name, ...(entry.detail ? { detail: entry.detail } : {}), kind: entry.kind, span, selectionSpan, children: entry.children ?? [] });
    });
    return result;
  }

  private pairSpan(pair: Pair): Span {
    const key = pair.key as Node;
    const value = pair.value as Node | null;
    return this.trimmed(key.range![0], value?.range?.[1] ?? key.range![1]);
  }

  private trimmed(start: number, end: number): Span {
    let trimmed = end;
    while (trimmed > start && /\s/.test(this.text[trimmed - 1]!)) trimmed--;
    return { start, end: trimmed };
  }
}

function qualityEntry(item: YAMLMap, index: number): ItemEntry {
  return {
    name: str(item, 'name') ?? str(item, 'id') ?? str(item, 'metric') ?? `rule ${index + 1}`,
    detail: join(str(item, 'type'), str(item, 'metric'), str(item, 'dimension')),
    kind: 'event',
  };
}

function portEntry(item: YAMLMap, index: number): ItemEntry {
  return { name: str(item, 'name') ?? `port ${index + 1}`, detail: join(str(item, 'contractId'), str(item, 'version')), kind: 'interface' };
}

function memberEntry(item: YAMLMap, index: number): ItemEntry {
  return { name: str(item, 'name') ?? str(item, 'username') ?? `member ${index + 1}`, detail: str(item, 'role'), kind: 'property' };
}

function str(map: YAMLMap, key: string): string | undefined {
  const node = map.get(key, true) as Node | undefined;
  return isScalar(node) && node.value !== null && node.value !== undefined ? String(node.value) : undefined;
}

function join(...parts: (string | undefined)[]): string | undefined {
  const present = parts.filter((part): part is string => !!part);
  return present.length ? present.join(' · ') : undefined;
}

function scalarKind(node: Node | null): OutlineKind {
  if (!isScalar(node)) return 'string';
  return typeof node.value === 'number' ? 'number' : typeof node.value === 'boolean' ? 'boolean' : 'string';
}
