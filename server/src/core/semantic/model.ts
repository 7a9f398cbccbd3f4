/**
 * Typed walks over a contract's plain value, shared by the semantic rules: every schema object, every list
 * of sibling properties (nested `properties` and array `items` included), every quality rule. Values that do
 * not have the expected shape are skipped silently; the schema layer reports those.
 */
import type { ValuePath } from '../types';

export type Json = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function records(value: unknown): [Json, number][] {
  if (!Array.isArray(value)) return [];
  const result: [Json, number][] = [];
  value.forEach((item, index) => {
    if (isRecord(item)) result.push([item, index]);
  });
  return result;
}

export function stringField(record: Json, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}

export interface SchemaObjectRef {
  readonly object: Json;
  readonly path: ValuePath;
  readonly name: string | undefined;
}

export function schemaObjects(contract: Json): SchemaObjectRef[] {
  return records(contract.schema).map(([object, index]) => ({ object, path: ['schema', index], name: stringField(object, 'name') }));
}

/** One list of sibling properties and the element that owns it (a schema object or a nested property). */
export interface PropertyList {
  readonly owner: Json;
  readonly ownerPath: ValuePath;
  /** Path of the list itself (`.../properties`). */
  readonly path: ValuePath;
  readonly items: [Json, number][];
}

/**
 * Several rules walk the same properties of the same parse; the walks are cached per contract value (which
 * is created once per parse and never mutated), so a 4 MB contract is walked once, not once per rule.
 */
const listCache = new WeakMap<Json, PropertyList[]>();
const propertyCache = new WeakMap<Json, PropertyRef[]>();

/** Every list of sibling properties in the contract, depth first: object properties, nested and item properties. */
export function propertyLists(contract: Json): PropertyList[] {
  const cached = listCache.get(contract);
  if (cached) return cached;
  const lists: PropertyList[] = [];
  const visit = (owner: Json, ownerPath: ValuePath, depth: number): void => {
    if (depth > 64) return;
    if (Array.isArray(owner.properties)) {
      const path = [...ownerPath, 'properties'];
      const items = records(owner.properties);
      lists.push({ owner, ownerPath, path, items });
      for (const [property, index] of items) visit(property, [...path, index], depth + 1);
    }
    if (isRecord(owner.items)) visit(owner.items, [...ownerPath, 'items'], depth + 1);
  };
  for (const { object, path } of schemaObjects(contract)) visit(object, path, 0);
  listCache.set(contract, lists);
  return lists;
}

export interface PropertyRef {
  readonly property: Json;
  readonly path: ValuePath;
  /** The schema object the property belongs to (at any depth). */
  readonly object: SchemaObjectRef;
}

export function allProperties(contract: Json): PropertyRef[] {
  const cached = propertyCache.get(contract);
  if (cached) return cached;
  const objects = new Map(schemaObjects(contract).map((object) => [object.path[1], object]));
  const result: PropertyRef[] = [];
  for (const list of propertyLists(contract)) {
    const object = objects.get(list.path[1] as number)!;
    for (const [property, index] of list.items) result.push({ property, path: [...list.path, index], object });
  }
  propertyCache.set(contract, result);
  return result;
}

export interface QualityRuleRef {
  readonly rule: Json;
  readonly path: ValuePath;
}

/** Quality rules at the contract, object and property levels. */
export function qualityRules(contract: Json): QualityRuleRef[] {
  const result: QualityRuleRef[] = [];
  const collect = (owner: Json, ownerPath: ValuePath): void => {
    for (const [rule, index] of records(owner.quality)) result.push({ rule, path: [...ownerPath, 'quality', index] });
  };
  collect(contract, []);
  for (const { object, path } of schemaObjects(contract)) collect(object, path);
  for (const { property, path } of allProperties(contract)) collect(property, path);
  return result;
}

/** `` `email` `` or `` `email` of `orders` `` for messages. */
export function propertyLabel(property: Json, object: SchemaObjectRef): string {
  const name = stringField(property, 'name') ?? 'this property';
  return object.name ? `\`${name}\` of \`${object.name}\`` : `\`${name}\``;
}
