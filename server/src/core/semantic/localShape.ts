/**
 * The shape of the contract being analysed (its objects' names, ids and properties at any depth), which
 * relationship references resolve against, built so that a keystroke does not rebuild it:
 *   - each object's shape is remembered per object (by identity), so only an edited object is looked at again;
 *   - the contract's shape is reused from a recent analysis when every object's shape is the same, compared
 *     object by object (by identity, or by a signature for an edited object). An edit to a description keeps the
 *     shape, so relationship results remembered against it stay valid; renaming an object or a property gives a
 *     new shape with a new `serial`, so everything that looked a name up is looked up again.
 * Lookups by name or id are built on first use, once per shape: a contract without relationships never pays.
 * `findObject` and `objectWords` serve the shapes of other contracts in the workspace as well.
 */
import { isRecord, records, stringField, type Json } from './model';
import type { ContractShape, ObjectShape, PropertyShape } from './references';

export interface LocalShape extends ContractShape {
  /** Unique per shape: a key for results computed against it (two shapes with equal serials are the same). */
  readonly serial: number;
}

interface ObjectEntry {
  /** Undefined for an object without a name, which no reference can name. */
  readonly shape: ObjectShape | undefined;
  /** Everything a reference can see of the object, as text: equal signatures resolve every reference alike. */
  readonly signature: string;
}

interface CachedShape {
  readonly shape: LocalShape;
  entries: readonly ObjectEntry[];
}

const objectEntries = new WeakMap<Json, ObjectEntry>();
/** Recent shapes, newest first: a few, since the server alternates between a handful of open documents. */
const recentShapes: CachedShape[] = [];
const MAX_RECENT_SHAPES = 4;
let nextSerial = 1;

function entryOf(object: Json): ObjectEntry {
  let entry = objectEntries.get(object);
  if (entry) return entry;
  const name = stringField(object, 'name');
  const shape: ObjectShape | undefined = name === undefined ? undefined : {
    name, id: stringField(object, 'id'), physicalName: stringField(object, 'physicalName'), properties: propertiesIn(object, 0),
  };
  const signature = shape ? JSON.stringify([shape.name, shape.id, shape.physicalName, propertySignature(shape.properties)]) : '';
  entry = { shape, signature };
  objectEntries.set(object, entry);
  return entry;
}

const NO_PROPERTIES: readonly PropertyShape[] = [];
const MAX_DEPTH = 64;

/**
 * The named properties of `owner` and, for an array, of its `items`, each with its own nested properties: what
 * `object.parent.child` references walk. Leaves get an empty list (known to have none), never undefined.
 */
function propertiesIn(owner: Json, depth: number): readonly PropertyShape[] {
  if (depth > MAX_DEPTH) return NO_PROPERTIES;
  const result: PropertyShape[] = [];
  for (const [property] of records(owner.properties)) {
    const name = stringField(property, 'name');
    if (name !== undefined) result.push({ name, id: stringField(property, 'id'), properties: propertiesIn(property, depth + 1) });
  }
  if (isRecord(owner.items)) result.push(...propertiesIn(owner.items, depth + 1));
  return result.length ? result : NO_PROPERTIES;
}

function propertySignature(properties: readonly PropertyShape[] | undefined): unknown[] {
  return (properties ?? NO_PROPERTIES).map((p) => (p.properties?.length ? [p.name, p.id, propertySignature(p.properties)] : [p.name, p.id]));
}

/** The schema objects of `contract` as references see them, reusing a recent equal shape (and its serial). */
export function localShape(contract: Json): LocalShape {
  const entries = records(contract.schema).map(([object]) => entryOf(object));
  const at = recentShapes.findIndex((cached) => sameEntries(cached.entries, entries));
  if (at >= 0) {
    const cached = recentShapes[at]!;
    // Keep the newest entries: the next keystroke then compares them by identity instead of by signature.
    cached.entries = entries;
    recentShapes.splice(at, 1);
    recentShapes.unshift(cached);
    return cached.shape;
  }
  const objects = entries.flatMap((entry) => (entry.shape ? [entry.shape] : []));
  const shape: LocalShape = { label: 'this contract', objects, serial: nextSerial++ };
  recentShapes.unshift({ shape, entries });
  recentShapes.length = Math.min(recentShapes.length, MAX_RECENT_SHAPES);
  return shape;
}

function sameEntries(a: readonly ObjectEntry[], b: readonly ObjectEntry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && a[i]!.signature !== b[i]!.signature) return false;
  return true;
}

interface ShapeLookup {
  /** First object index whose name or physical name is the key. */
  readonly byNameOrPhysicalName: Map<string, number>;
  /** First object index whose id is the key. */
  readonly byId: Map<string, number>;
  readonly names: { name?: string[]; id?: string[] };
}

/**
 * Keyed by the objects array, not the shape: a workspace contract's shape is made afresh per reference from its
 * index summary, but shares the summary's objects array, which the index replaces whenever the file changes.
 */
const lookups = new WeakMap<readonly ObjectShape[], ShapeLookup>();

function lookupOf(shape: ContractShape): ShapeLookup {
  let lookup = lookups.get(shape.objects);
  if (lookup) return lookup;
  const byNameOrPhysicalName = new Map<string, number>();
  const byId = new Map<string, number>();
  shape.objects.forEach((object, index) => {
    for (const key of [object.name, object.physicalName]) if (key !== undefined && !byNameOrPhysicalName.has(key)) byNameOrPhysicalName.set(key, index);
    if (object.id !== undefined && !byId.has(object.id)) byId.set(object.id, index);
  });
  lookup = { byNameOrPhysicalName, byId, names: {} };
  lookups.set(shape.objects, lookup);
  return lookup;
}

/**
 * The first object of `shape` whose name or physical name (and, looking up `by: 'id'`, whose id) is `key`:
 * exactly what a front-to-back search finds, from maps built once per shape.
 */
export function findObject(shape: ContractShape, key: string, by: 'name' | 'id'): ObjectShape | undefined {
  const lookup = lookupOf(shape);
  const byName = lookup.byNameOrPhysicalName.get(key);
  const byId = by === 'id' ? lookup.byId.get(key) : undefined;
  const index = byName === undefined ? byId : byId === undefined ? byName : Math.min(byName, byId);
  return index === undefined ? undefined : shape.objects[index];
}

/** The words a misspelt object reference is compared with: ids (or names, for objects without one), or names. */
export function objectWords(shape: ContractShape, by: 'name' | 'id'): readonly string[] {
  const { names } = lookupOf(shape);
  return (names[by] ??= shape.objects.map((candidate) => (by === 'id' ? (candidate.id ?? candidate.name) : candidate.name)));
}
