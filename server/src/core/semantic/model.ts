/**
 * Typed walks over a contract's plain value, shared by the semantic rules: within one schema object, every list
 * of sibling properties (nested `properties` and array `items` included), every property, every quality rule.
 * Values that do not have the expected shape are skipped silently; the schema layer reports those.
 */
import { ObjectMemo } from '../objectMemo';
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

/** One list of sibling properties and the element that owns it (a schema object or a nested property). */
export interface PropertyList {
  readonly owner: Json;
  readonly ownerPath: ValuePath;
  /** Path of the list itself (`.../properties`). */
  readonly path: ValuePath;
  readonly items: [Json, number][];
}

/**
 * Several rules walk the same properties of the same schema object; the walks are cached per object (by
 * identity and index, since the paths are absolute), so an object is walked once per change, not once per rule
 * and keystroke. The incremental reparse keeps unchanged objects identical, so their walks survive an edit.
 */
const listMemo = new ObjectMemo<PropertyList[]>();
const propertyMemo = new ObjectMemo<PropertyRef[]>();

/** Every list of sibling properties in schema object `index`, depth first: its properties, nested and item properties. */
export function objectPropertyLists(object: Json, index: number): PropertyList[] {
  return listMemo.get(object, index, undefined, () => {
    const lists: PropertyList[] = [];
    const visit = (owner: Json, ownerPath: ValuePath, depth: number): void => {
      if (depth > 64) return;
      if (Array.isArray(owner.properties)) {
        const path = [...ownerPath, 'properties'];
        const items = records(owner.properties);
        lists.push({ owner, ownerPath, path, items });
        for (const [property, propertyIndex] of items) visit(property, [...path, propertyIndex], depth + 1);
      }
      if (isRecord(owner.items)) visit(owner.items, [...ownerPath, 'items'], depth + 1);
    };
    visit(object, ['schema', index], 0);
    return lists;
  });
}

export interface PropertyRef {
  readonly property: Json;
  readonly path: ValuePath;
}

/** Every property of schema object `index`, at any depth, in the order of `objectPropertyLists`. */
export function objectProperties(object: Json, index: number): PropertyRef[] {
  return propertyMemo.get(object, index, undefined, () => {
    const result: PropertyRef[] = [];
    for (const list of objectPropertyLists(object, index)) {
      for (const [property, propertyIndex] of list.items) result.push({ property, path: [...list.path, propertyIndex] });
    }
    return result;
  });
}

export interface QualityRuleRef {
  readonly rule: Json;
  readonly path: ValuePath;
}

/** The quality rules listed directly on `owner` (the contract, a schema object or a property). */
export function qualityRulesOf(owner: Json, ownerPath: ValuePath): QualityRuleRef[] {
  return records(owner.quality).map(([rule, index]) => ({ rule, path: [...ownerPath, 'quality', index] }));
}

/** Quality rules of schema object `index`: its own, then those of its properties at any depth. */
export function objectQualityRules(object: Json, index: number): QualityRuleRef[] {
  const result = qualityRulesOf(object, ['schema', index]);
  for (const { property, path } of objectProperties(object, index)) result.push(...qualityRulesOf(property, path));
  return result;
}
