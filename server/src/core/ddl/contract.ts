/**
 * Reads the parts of an ODCS contract that DDL generation uses into a small typed model. The input is the plain
 * value of a descriptor that may be invalid or half-typed, so every field is checked for its type and anything
 * unusable is left out (schema validation reports it; generation must never throw). Each element knows its value
 * path so problems can be placed on the right node of the YAML; paths of elements inside a schema object are built
 * only when asked for, because problems are rare and a 4 MB contract has tens of thousands of properties.
 *
 * Each schema object is read once per object identity (`ObjectMemo`): the incremental reparse keeps unchanged objects
 * identical, so after a keystroke only the edited object is read again, and the plans memoised per `ObjectModel`
 * (plan.ts) stay valid for the others.
 */
import { ObjectMemo } from '../objectMemo';
import type { ValuePath } from '../types';
import { dialectForServerType } from './dialects/index';
import type { DialectId } from './types';

type Json = Readonly<Record<string, unknown>>;

export interface ServerModel {
  readonly path: ValuePath;
  readonly dialect: DialectId | undefined;
  readonly fields: Json;
}

export interface RoleModel {
  readonly path: ValuePath;
  readonly role: string;
  readonly access: string | undefined;
}

export interface QualityModel {
  readonly path: ValuePath;
  readonly rule: Json;
}

export interface RelationshipModel {
  readonly path: ValuePath;
  /** Undefined at property level, where the property itself is the source. */
  readonly from: readonly string[] | undefined;
  readonly to: readonly string[];
}

export interface PropertyModel {
  readonly path: ValuePath;
  /** The logical name (`name`), used in references. */
  readonly name: string;
  /** The column name in the database: `physicalName`, else `name`. */
  readonly columnName: string;
  readonly id: string | undefined;
  readonly logicalType: string | undefined;
  readonly logicalTypeOptions: Json;
  readonly physicalType: string | undefined;
  readonly required: boolean;
  readonly unique: boolean;
  readonly primaryKey: boolean;
  readonly primaryKeyPosition: number | undefined;
  readonly partitioned: boolean;
  readonly partitionKeyPosition: number | undefined;
  readonly description: string | undefined;
  readonly items: PropertyModel | undefined;
  readonly properties: readonly PropertyModel[];
  readonly quality: readonly QualityModel[];
  readonly relationships: readonly RelationshipModel[];
  readonly transformLogic: string | undefined;
  readonly transformSourceObjects: readonly string[];
}

export interface ObjectModel {
  readonly path: ValuePath;
  readonly name: string;
  readonly tableName: string;
  readonly id: string | undefined;
  readonly kind: 'table' | 'view' | 'other';
  readonly physicalType: string | undefined;
  readonly description: string | undefined;
  readonly properties: readonly PropertyModel[];
  readonly quality: readonly QualityModel[];
  readonly relationships: readonly RelationshipModel[];
  readonly transformSourceObjects: readonly string[];
  /** `customProperties` by property name, with the path of each value. */
  readonly customProperties: ReadonlyMap<string, { readonly value: unknown; readonly path: ValuePath }>;
}

export interface ContractModel {
  readonly name: string | undefined;
  readonly version: string | undefined;
  readonly servers: readonly ServerModel[];
  readonly objects: readonly ObjectModel[];
  readonly roles: readonly RoleModel[];
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const NOT_BLANK = /\S/;

function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Almost every text starts with a visible ASCII character; only the others need the Unicode-aware test.
  const first = value.charCodeAt(0);
  return (first > 32 && first < 127) || NOT_BLANK.test(value) ? value : undefined;
}

function integer(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function strings(value: unknown): string[] {
  return list(value).filter((item): item is string => typeof item === 'string' && NOT_BLANK.test(item));
}

function references(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.length && value.every((item) => typeof item === 'string')) return value as string[];
  return undefined;
}

const EMPTY: readonly never[] = [];
const NO_OPTIONS: Json = Object.freeze({});
const NO_CUSTOM_PROPERTIES: ReadonlyMap<string, { value: unknown; path: ValuePath }> = new Map();

/** Schema objects read, by object identity and position (the position is part of every path in the model). */
const OBJECTS = new ObjectMemo<ObjectModel | undefined>();

export function readContract(value: unknown): ContractModel {
  const root = isObject(value) ? value : {};
  const servers: ServerModel[] = [];
  list(root.servers).forEach((server, index) => {
    if (isObject(server)) servers.push({ path: ['servers', index], dialect: dialectForServerType(server.type), fields: server });
  });
  const roles: RoleModel[] = [];
  list(root.roles).forEach((role, index) => {
    const name = isObject(role) ? text(role.role) : undefined;
    if (name) roles.push({ path: ['roles', index], role: name, access: text((role as Json).access) });
  });
  const objects: ObjectModel[] = [];
  const schema = list(root.schema);
  for (let index = 0; index < schema.length; index++) {
    const object = schema[index];
    const model = isObject(object) ? OBJECTS.get(object, index, undefined, () => readObject(object, ['schema', index])) : undefined;
    if (model) objects.push(model);
  }
  return { name: text(root.name), version: text(root.version), servers, roles, objects };
}

function objectKind(physicalType: string | undefined): ObjectModel['kind'] {
  if (physicalType === undefined) return 'table';
  const kind = physicalType.toLowerCase();
  if (kind.includes('view')) return 'view';
  return kind.includes('table') ? 'table' : 'other';
}

function readProperties(value: unknown, parent: PathOf): PropertyModel[] {
  const items = list(value);
  const properties: PropertyModel[] = [];
  for (let index = 0; index < items.length; index++) {
    const property = items[index];
    if (!isObject(property)) continue;
    const name = text(property.name) ?? text(property.physicalName);
    if (name) properties.push(new Property(property, parent, index, name));
  }
  return properties;
}

function readObject(object: Json, path: ValuePath): ObjectModel | undefined {
  const name = text(object.name) ?? text(object.physicalName);
  if (!name) return undefined;
  const physicalType = text(object.physicalType);
  const of: PathOf = { path };
  return {
    path, name, physicalType,
    tableName: text(object.physicalName) ?? name,
    id: text(object.id),
    kind: objectKind(physicalType),
    description: text(object.description) ?? text(object.businessName),
    properties: readProperties(object.properties, of),
    quality: readQuality(object.quality, of),
    relationships: readRelationships(object.relationships, of, true),
    transformSourceObjects: strings(object.transformSourceObjects),
    customProperties: readCustomProperties(object.customProperties, path),
  };
}

/** Anything with a value path: an object model, a property, or a holder for a known path. */
interface PathOf {
  readonly path: ValuePath;
}

const REQUIRED = 1;
const UNIQUE = 2;
const PRIMARY_KEY = 4;
const PARTITIONED = 8;

/**
 * A property. What every column needs (names, types, description, flags, rules, relationships) is read once; what
 * few columns need (id, options, key positions, nested properties, transform logic) and the path are read from the
 * plain value when asked for. A 4 MB contract has tens of thousands of properties, and a smaller object per property
 * is less for the garbage collector to move while the DDL is generated.
 */
class Property implements PropertyModel {
  readonly name: string;
  readonly columnName: string;
  readonly logicalType: string | undefined;
  readonly physicalType: string | undefined;
  readonly description: string | undefined;
  readonly quality: readonly QualityModel[];
  readonly relationships: readonly RelationshipModel[];
  private readonly flags: number;

  /** `index` is the position in the parent's `properties`, or undefined for the parent's `items`. */
  constructor(private readonly value: Json, private readonly parent: PathOf, private readonly index: number | undefined, name: string) {
    this.name = name;
    this.columnName = text(value.physicalName) ?? name;
    this.logicalType = text(value.logicalType);
    this.physicalType = text(value.physicalType);
    this.description = text(value.description) ?? text(value.businessName);
    this.quality = readQuality(value.quality, this);
    this.relationships = readRelationships(value.relationships, this, false);
    this.flags = (value.required === true ? REQUIRED : 0) | (value.unique === true ? UNIQUE : 0)
      | (value.primaryKey === true ? PRIMARY_KEY : 0) | (value.partitioned === true ? PARTITIONED : 0);
  }

  get path(): ValuePath {
    return this.index === undefined ? [...this.parent.path, 'items'] : [...this.parent.path, 'properties', this.index];
  }

  get required(): boolean {
    return (this.flags & REQUIRED) !== 0;
  }

  get unique(): boolean {
    return (this.flags & UNIQUE) !== 0;
  }

  get primaryKey(): boolean {
    return (this.flags & PRIMARY_KEY) !== 0;
  }

  get partitioned(): boolean {
    return (this.flags & PARTITIONED) !== 0;
  }

  get id(): string | undefined {
    return text(this.value.id);
  }

  get logicalTypeOptions(): Json {
    const options = this.value.logicalTypeOptions;
    return isObject(options) ? options : NO_OPTIONS;
  }

  get primaryKeyPosition(): number | undefined {
    return integer(this.value.primaryKeyPosition);
  }

  get partitionKeyPosition(): number | undefined {
    return integer(this.value.partitionKeyPosition);
  }

  /** A new model on each call: read once where it is used. */
  get items(): PropertyModel | undefined {
    const items = this.value.items;
    return isObject(items) ? new Property(items, this, undefined, text(items.name) ?? 'item') : undefined;
  }

  /** New models on each call: read once where they are used. */
  get properties(): readonly PropertyModel[] {
    return this.value.properties === undefined ? EMPTY : readProperties(this.value.properties, this);
  }

  get transformLogic(): string | undefined {
    return text(this.value.transformLogic);
  }

  get transformSourceObjects(): readonly string[] {
    return this.value.transformSourceObjects === undefined ? EMPTY : strings(this.value.transformSourceObjects);
  }
}

/** A quality rule; its path (`<parent>/quality/<index>`) is built on demand. */
class QualityRule implements QualityModel {
  constructor(readonly rule: Json, private readonly parent: PathOf, private readonly index: number) {}

  get path(): ValuePath {
    return [...this.parent.path, 'quality', this.index];
  }
}

/** A foreign-key relationship; its path (`<parent>/relationships/<index>`) is built on demand. */
class Relationship implements RelationshipModel {
  constructor(readonly from: readonly string[] | undefined, readonly to: readonly string[], private readonly parent: PathOf, private readonly index: number) {}

  get path(): ValuePath {
    return [...this.parent.path, 'relationships', this.index];
  }
}

function readQuality(value: unknown, parent: PathOf): readonly QualityModel[] {
  if (!Array.isArray(value) || value.length === 0) return EMPTY;
  const rules: QualityModel[] = [];
  for (let index = 0; index < value.length; index++) {
    const rule: unknown = value[index];
    if (isObject(rule)) rules.push(new QualityRule(rule, parent, index));
  }
  return rules;
}

function readRelationships(value: unknown, parent: PathOf, schemaLevel: boolean): readonly RelationshipModel[] {
  if (!Array.isArray(value) || value.length === 0) return EMPTY;
  const result: RelationshipModel[] = [];
  for (let index = 0; index < value.length; index++) {
    const relationship: unknown = value[index];
    if (!isObject(relationship)) continue;
    if (relationship.type !== undefined && relationship.type !== 'foreignKey') continue;
    const to = references(relationship.to);
    const from = references(relationship.from);
    if (!to || (schemaLevel && !from)) continue;
    result.push(new Relationship(schemaLevel ? from : undefined, to, parent, index));
  }
  return result;
}

function readCustomProperties(value: unknown, parent: ValuePath): ReadonlyMap<string, { value: unknown; path: ValuePath }> {
  if (!Array.isArray(value) || value.length === 0) return NO_CUSTOM_PROPERTIES;
  const result = new Map<string, { value: unknown; path: ValuePath }>();
  value.forEach((entry, index) => {
    if (isObject(entry) && typeof entry.property === 'string') result.set(entry.property, { value: entry.value, path: [...parent, 'customProperties', index, 'value'] });
  });
  return result;
}
