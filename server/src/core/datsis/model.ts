/**
 * The descriptor as the checks see it: one pass over the plain value collects every schema object with its
 * properties (nested ones included) and quality rules, and every server, port, SLA property, role and support
 * channel, each with its value path. Checks then loop over lists instead of walking the tree again, and no check
 * ever touches YAML nodes: spans are resolved later, only for the gaps (see `place.ts`).
 *
 * Properties and quality rules live only inside their schema object, never in document-wide flat lists: the
 * model is rebuilt on every keystroke, and an object whose plain value the incremental reparse left untouched
 * keeps its `ObjectEntry` (memoised by identity, see `objectMemo.ts`), so the model costs O(objects) per
 * keystroke and the per-object checks (`checks/objectCoverage.ts`) can reuse their results for that entry.
 */
import { ObjectMemo } from '../objectMemo';
import type { DescriptorKind, ValuePath } from '../types';

export type YamlMap = Readonly<Record<string, unknown>>;

export interface Located {
  readonly value: YamlMap;
  readonly path: ValuePath;
}

export interface PropertyEntry extends Located {
  readonly name: string | undefined;
}

export interface ObjectEntry extends Located {
  readonly name: string | undefined;
  /** Position of the object in the `schema` list (the index in its path). */
  readonly index: number;
  /** Every property of the object, nested ones (object and array items) included, in document order. */
  readonly properties: readonly PropertyEntry[];
  /** Quality rules declared on the object itself (rules on properties stay on the property's value). */
  readonly quality: readonly Located[];
}

export interface DescriptorModel {
  readonly kind: DescriptorKind;
  readonly root: YamlMap;
  /** The schema objects (maps only) in document order; see the module doc for why properties live in them. */
  readonly objects: readonly ObjectEntry[];
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

/** The maps in the list at `container[key]`, located (non-map items are skipped but keep their index in paths). */
export function mapsAt(container: YamlMap, key: string, base: ValuePath): Located[] {
  const list = container[key];
  if (!Array.isArray(list)) return [];
  const result: Located[] = [];
  list.forEach((item, index) => {
    if (isMap(item)) result.push({ value: item, path: [...base, key, index] });
  });
  return result;
}

const objectEntries = new ObjectMemo<ObjectEntry>();

export function buildModel(kind: DescriptorKind, value: unknown): DescriptorModel {
  const root: YamlMap = isMap(value) ? value : {};
  const schema = root.schema;
  const objects: ObjectEntry[] = [];
  if (Array.isArray(schema)) {
    schema.forEach((item: unknown, index) => {
      if (isMap(item)) objects.push(objectEntries.get(item, index, undefined, () => objectEntry(item, index)));
    });
  }

  const team = root.team;
  const teamMembersPath: ValuePath = Array.isArray(team) ? ['team'] : ['team', 'members'];
  const teamMembers = Array.isArray(team) ? mapsAt(root, 'team', []) : isMap(team) ? mapsAt(team, 'members', ['team']) : [];

  return {
    kind, root, objects,
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

function objectEntry(value: YamlMap, index: number): ObjectEntry {
  const path: ValuePath = ['schema', index];
  const properties: PropertyEntry[] = [];
  collectProperties(value, path, properties);
  return { value, path, name: text(value.name), index, properties, quality: mapsAt(value, 'quality', path) };
}

/** Depth-first, in document order: a property, then its nested properties (`properties`, `items.properties`). */
function collectProperties(owner: YamlMap, ownerPath: ValuePath, out: PropertyEntry[]): void {
  const list = owner.properties;
  if (!Array.isArray(list)) return;
  for (let index = 0; index < list.length; index++) {
    const value: unknown = list[index];
    if (!isMap(value)) continue;
    const path = [...ownerPath, 'properties', index];
    out.push({ value, path, name: text(value.name) });
    if (value.properties !== undefined) collectProperties(value, path, out);
    const items = value.items;
    if (isMap(items)) collectProperties(items, [...path, 'items'], out);
  }
}
