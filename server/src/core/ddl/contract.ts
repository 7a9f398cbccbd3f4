/**
 * Reads the parts of an ODCS contract that DDL generation uses into a small typed model. The input is the plain
 * value of a descriptor that may be invalid or half-typed, so every field is checked for its type and anything
 * unusable is left out (schema validation reports it; generation must never throw). Each element keeps its value
 * path so problems can be placed on the right node of the YAML.
 */
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
  return typeof value === 'string' && NOT_BLANK.test(value) ? value : undefined;
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
  list(root.schema).forEach((object, index) => {
    const model = isObject(object) ? readObject(object, ['schema', index]) : undefined;
    if (model) objects.push(model);
  });
  return { name: text(root.name), version: text(root.version), servers, roles, objects };
}

function objectKind(physicalType: string | undefined): ObjectModel['kind'] {
  if (physicalType === undefined) return 'table';
  const kind = physicalType.toLowerCase();
  if (kind.includes('view')) return 'view';
  return kind.includes('table') ? 'table' : 'other';
}

function readProperties(value: unknown, path: ValuePath): PropertyModel[] {
  const properties: PropertyModel[] = [];
  const items = list(value);
  for (let index = 0; index < items.length; index++) {
    const property = items[index];
    if (!isObject(property)) continue;
    const name = text(property.name) ?? text(property.physicalName);
    if (name) properties.push(readPropertyFields(property, [...path, 'properties', index], name));
  }
  return properties;
}

function readObject(object: Json, path: ValuePath): ObjectModel | undefined {
  const name = text(object.name) ?? text(object.physicalName);
  if (!name) return undefined;
  const physicalType = text(object.physicalType);
  return {
    path, name, physicalType,
    tableName: text(object.physicalName) ?? name,
    id: text(object.id),
    kind: objectKind(physicalType),
    description: text(object.description) ?? text(object.businessName),
    properties: readProperties(object.properties, path),
    quality: readQuality(object.quality, path),
    relationships: readRelationships(object.relationships, path, true),
    transformSourceObjects: strings(object.transformSourceObjects),
    customProperties: readCustomProperties(object.customProperties, path),
  };
}

function readPropertyFields(property: Json, path: ValuePath, name: string): PropertyModel {
  const items = isObject(property.items) ? readPropertyFields(property.items, [...path, 'items'], text(property.items.name) ?? 'item') : undefined;
  return {
    path, name, items,
    columnName: text(property.physicalName) ?? name,
    id: text(property.id),
    logicalType: text(property.logicalType),
    logicalTypeOptions: isObject(property.logicalTypeOptions) ? property.logicalTypeOptions : NO_OPTIONS,
    physicalType: text(property.physicalType),
    required: property.required === true,
    unique: property.unique === true,
    primaryKey: property.primaryKey === true,
    primaryKeyPosition: integer(property.primaryKeyPosition),
    partitioned: property.partitioned === true,
    partitionKeyPosition: integer(property.partitionKeyPosition),
    description: text(property.description) ?? text(property.businessName),
    properties: property.properties === undefined ? EMPTY : readProperties(property.properties, path),
    quality: readQuality(property.quality, path),
    relationships: readRelationships(property.relationships, path, false),
    transformLogic: text(property.transformLogic),
    transformSourceObjects: property.transformSourceObjects === undefined ? EMPTY : strings(property.transformSourceObjects),
  };
}

function readQuality(value: unknown, parent: ValuePath): readonly QualityModel[] {
  if (!Array.isArray(value) || value.length === 0) return EMPTY;
  const rules: QualityModel[] = [];
  value.forEach((rule, index) => {
    if (isObject(rule)) rules.push({ path: [...parent, 'quality', index], rule });
  });
  return rules;
}

function readRelationships(value: unknown, parent: ValuePath, schemaLevel: boolean): readonly RelationshipModel[] {
  if (!Array.isArray(value) || value.length === 0) return EMPTY;
  const result: RelationshipModel[] = [];
  value.forEach((relationship, index) => {
    if (!isObject(relationship)) return;
    if (relationship.type !== undefined && relationship.type !== 'foreignKey') return;
    const to = references(relationship.to);
    const from = references(relationship.from);
    if (!to || (schemaLevel && !from)) return;
    result.push({ path: [...parent, 'relationships', index], from: schemaLevel ? from : undefined, to });
  });
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
