/**
 * The descriptor as the checks see it: one pass over the plain value collects every schema object, property
 * (nested ones included), quality rule, server, port, SLA property, role and support channel together with its
 * value path. Checks then loop over flat lists instead of walking the tree again, and no check ever touches
 * YAML nodes: spans are resolved later, only for the gaps (see `place.ts`).
 */
import type { DescriptorKind, ValuePath } from '../types';

export type YamlMap = Readonly<Record<string, unknown>>;

export interface Located {
  readonly value: YamlMap;
  readonly path: ValuePath;
}

export interface PropertyEntry extends Located {
  readonly name: string | undefined;
  /** Index of the schema object the property belongs to (nested properties included). */
  readonly objectIndex: number;
}

export interface ObjectEntry extends Located {
  readonly name: string | undefined;
  readonly index: number;
  /** Every property of the object, nested ones (object and array items) included, in document order. */
  readonly properties: readonly PropertyEntry[];
  /** Quality rules declared on the object itself. */
  readonly quality: readonly Located[];
}

export interface QualityEntry extends Located {
  readonly objectIndex: number;
  /** Set when the rule is declared on a property. */
  readonly property: PropertyEntry | undefined;
}

export interface DescriptorModel {
  readonly kind: DescriptorKind;
  readonly root: YamlMap;
  readonly objects: readonly ObjectEntry[];
  readonly properties: readonly PropertyEntry[];
  readonly quality: readonly QualityEntry[];
  readonly servers: readonly Located[];
  readonly slaProperties: readonly Located[];
  readonly roles: readonly Located[];
  readonly support: readonly Located[];
  readonly inputPorts: readonly Located[];
  readonly outputPorts: readonly Located[];
  readonly managementPorts: readonly Located[];
  /** Team members, wherever the team keeps them (`team.members` in v3.1/ODPS, a bare `team` list before). */
  readonly teamMembers: readonly Located[];
  /** Path of the sequence holding the members (existing or where it should go). */
  readonly teamMembersPath: ValuePath;
}

export function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A `${...}` placeholder left by `datsis new` or a snippet: text that was never filled in is not a value. */
export const UNFILLED_PLACEHOLDER = /\$\{[^}]*\}/;

/** A non-blank string, trimmed, that is not an unfilled placeholder; undefined for anything else. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed && !UNFILLED_PLACEHOLDER.test(trimmed) ? trimmed : undefined;
}

/** True when the key holds something: a non-blank string, a number, a boolean, a non-empty list or map. */
export function hasValue(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return text(value) !== undefined;
  if (Array.isArray(value)) return value.length > 0;
  if (isMap(value)) return Object.keys(value).length > 0;
  return true;
}

function mapsAt(container: YamlMap, key: string, base: ValuePath): Located[] {
  const list = container[key];
  if (!Array.isArray(list)) return [];
  const result: Located[] = [];
  list.forEach((item, index) => {
    if (isMap(item)) result.push({ value: item, path: [...base, key, index] });
  });
  return result;
}

export function buildModel(kind: DescriptorKind, value: unknown): DescriptorModel {
  const root: YamlMap = isMap(value) ? value : {};
  const objects: ObjectEntry[] = [];
  const properties: PropertyEntry[] = [];
  const quality: QualityEntry[] = [];

  mapsAt(root, 'schema', []).forEach((object, index) => {
    const objectProperties: PropertyEntry[] = [];
    collectProperties(object.value, object.path, index, objectProperties);
    const objectQuality = mapsAt(object.value, 'quality', object.path);
    for (const rule of objectQuality) quality.push({ ...rule, objectIndex: index, property: undefined });
    for (const property of objectProperties) {
      for (const rule of mapsAt(property.value, 'quality', property.path)) quality.push({ ...rule, objectIndex: index, property });
    }
    properties.push(...objectProperties);
    objects.push({ ...object, name: text(object.value.name), index, properties: objectProperties, quality: objectQuality });
  });

  const team = root.team;
  const teamMembersPath: ValuePath = Array.isArray(team) ? ['team'] : ['team', 'members'];
  const teamMembers = Array.isArray(team) ? mapsAt(root, 'team', []) : isMap(team) ? mapsAt(team, 'members', ['team']) : [];

  return {
    kind, root, objects, properties, quality,
    servers: mapsAt(root, 'servers', []),
    slaProperties: mapsAt(root, 'slaProperties', []),
    roles: mapsAt(root, 'roles', []),
    support: mapsAt(root, 'support', []),
    inputPorts: mapsAt(root, 'inputPorts', []),
    outputPorts: mapsAt(root, 'outputPorts', []),
    managementPorts: mapsAt(root, 'managementPorts', []),
    teamMembers, teamMembersPath,
  };
}

/** Depth-first, in document order: a property, then its nested properties (`properties`, `items.properties`). */
function collectProperties(owner: YamlMap, ownerPath: ValuePath, objectIndex: number, out: PropertyEntry[]): void {
  const list = owner.properties;
  if (!Array.isArray(list)) return;
  for (let index = 0; index < list.length; index++) {
    const value: unknown = list[index];
    if (!isMap(value)) continue;
    const path = [...ownerPath, 'properties', index];
    out.push({ value, path, name: text(value.name), objectIndex });
    if (value.properties !== undefined) collectProperties(value, path, objectIndex, out);
    const items = value.items;
    if (isMap(items)) collectProperties(items, [...path, 'items'], objectIndex, out);
  }
}
