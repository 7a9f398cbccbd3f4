/**
 * The things references point at: schema objects and their properties, in this contract (read from the plain
 * value, which is cheap even for a 4 MB contract) or in another contract of the workspace (from its summary).
 * Also resolves the written reference forms: `object.property`, the id path `schema/<objectId>/properties/<propertyId>`
 * and the same prefixed by another file (`other.odcs.yaml#/...`), and dotted names read as the relationship rule
 * reads them (semantic/references.ts): a nested `object.parent.child` here first, else `<contract id>.object.property`.
 */
import { posix } from 'node:path';
import { contractById, contractReading, nestedReading, parseReference } from '../semantic/references';
import type { Span, ValuePath } from '../types';
import type { DescriptorSummary, WorkspaceView } from '../workspace/types';
import { locate } from '../yaml/locate';
import type { ParsedDescriptor } from '../yaml/parse';

export interface LocalProperty {
  readonly name: string;
  readonly id: string | undefined;
  readonly logicalType: string | undefined;
  readonly description: string | undefined;
}

export interface LocalObject {
  readonly name: string;
  readonly id: string | undefined;
  readonly description: string | undefined;
  readonly index: number;
  readonly properties: readonly (LocalProperty & { readonly index: number })[];
}

/** A resolved reference: an object, or one of its properties when `propertyName` is set. */
export interface ReferenceTarget {
  readonly uri: string;
  readonly objectName: string;
  readonly propertyName: string | undefined;
  readonly logicalType: string | undefined;
  readonly description: string | undefined;
  /** The target's `name` value in its own file. */
  readonly span: Span | undefined;
  /** Set when the target lives in another contract. */
  readonly contract: DescriptorSummary | undefined;
}

/** Name, id and size of each schema object, without reading its properties (cheap on a 4 MB contract). */
export interface LocalObjectHead {
  readonly name: string;
  readonly id: string | undefined;
  readonly description: string | undefined;
  readonly index: number;
  readonly propertyCount: number;
}

export function localObjectHeads(parsed: ParsedDescriptor): LocalObjectHead[] {
  const heads: LocalObjectHead[] = [];
  schemaEntries(parsed).forEach((entry, index) => {
    const object = record(entry);
    if (!object || typeof object.name !== 'string') return;
    const propertyCount = Array.isArray(object.properties) ? object.properties.length : 0;
    heads.push({ name: object.name, id: text(object.id), description: text(object.description), index, propertyCount });
  });
  return heads;
}

/** Every schema object with its properties. */
export function localObjects(parsed: ParsedDescriptor): LocalObject[] {
  return schemaEntries(parsed).flatMap((_, index) => localObjectAt(parsed, index) ?? []);
}

/** The first schema object matching `matches` (read from its name and id only), with its properties. */
export function findLocalObject(parsed: ParsedDescriptor, matches: (head: { name: string; id: string | undefined }) => boolean): LocalObject | undefined {
  const entries = schemaEntries(parsed);
  for (let index = 0; index < entries.length; index++) {
    const object = record(entries[index]);
    if (object && typeof object.name === 'string' && matches({ name: object.name, id: text(object.id) })) return localObjectAt(parsed, index);
  }
  return undefined;
}

export function localObjectAt(parsed: ParsedDescriptor, index: number | undefined): LocalObject | undefined {
  const object = index === undefined ? undefined : record(schemaEntries(parsed)[index]);
  if (!object || typeof object.name !== 'string') return undefined;
  const properties: (LocalProperty & { index: number })[] = [];
  if (Array.isArray(object.properties)) {
    object.properties.forEach((item, propertyIndex) => {
      const property = record(item);
      if (property && typeof property.name === 'string') {
        properties.push({ name: property.name, id: text(property.id), logicalType: text(property.logicalType), description: text(property.description), index: propertyIndex });
      }
    });
  }
  return { name: object.name, id: text(object.id), description: text(object.description), index: index!, properties };
}

function schemaEntries(parsed: ParsedDescriptor): readonly unknown[] {
  const schema = record(parsed.value)?.schema;
  return Array.isArray(schema) ? schema : [];
}

const ID_PATH_RE = /^(?:(.+?\.ya?ml)#)?\/?(schema\/[^/]+(?:\/properties\/[^/]+)*)$/;

export function resolveReference(reference: string, parsed: ParsedDescriptor, uri: string, workspace: WorkspaceView | undefined): ReferenceTarget | undefined {
  const trimmed = reference.trim();
  const idPath = ID_PATH_RE.exec(trimmed);
  if (idPath) {
    const [, file, path = ''] = idPath;
    const segments = path.split('/');
    const objectId = segments[1]!;
    const propertyId = segments.length >= 4 ? segments[segments.length - 1] : undefined;
    if (!file) return localTarget(parsed, uri, (object) => object.id === objectId, propertyId === undefined ? undefined : (property) => property.id === propertyId);
    const contract = workspace?.byUri(resolveFileReference(file, uri));
    return contract && remoteTarget(contract, (object) => object.id === objectId, propertyId === undefined ? undefined : (property) => property.id === propertyId);
  }
  const parts = trimmed.split('.');
  if (parts.some((part) => !part)) return undefined;
  if (parts.length <= 2) {
    const [objectName, propertyName] = parts;
    return localTarget(parsed, uri, (object) => object.name === objectName, propertyName === undefined ? undefined : (property) => property.name === propertyName);
  }
  const dotted = parseReference(trimmed);
  if (dotted?.form !== 'dotted') return undefined;
  return nestedTarget(parsed, uri, dotted.names) ?? contractIdTarget(dotted.names, workspace);
}

/** `object.parent.child` in this contract: through nested `properties` and an array's `items`, as the rule walks them. */
function nestedTarget(parsed: ParsedDescriptor, uri: string, names: readonly string[]): ReferenceTarget | undefined {
  const { object: objectName, path } = nestedReading(names);
  const index = schemaEntries(parsed).findIndex((entry) => record(entry)?.name === objectName);
  let owner = record(schemaEntries(parsed)[index]);
  let valuePath: ValuePath = ['schema', index];
  for (const name of path) {
    const child = owner && childProperty(owner, valuePath, name, 0);
    if (!child) return undefined;
    ({ property: owner, path: valuePath } = child);
  }
  return owner && {
    uri, objectName, propertyName: path.join('.'), logicalType: text(owner.logicalType), description: text(owner.description), contract: undefined,
    span: locate(parsed.document, [...valuePath, 'name']).valueSpan,
  };
}

function childProperty(owner: Record<string, unknown>, ownerPath: ValuePath, name: string, depth: number): { property: Record<string, unknown>; path: ValuePath } | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (Array.isArray(owner.properties)) {
    const at = owner.properties.findIndex((item) => record(item)?.name === name);
    if (at >= 0) return { property: record(owner.properties[at])!, path: [...ownerPath, 'properties', at] };
  }
  const items = record(owner.items);
  return items && childProperty(items, [...ownerPath, 'items'], name, depth + 1);
}

const MAX_DEPTH = 64;

/**
 * `<contract id>.object.property` in a contract of the workspace. Its index summary keeps top-level properties
 * only, so a longer (nested) path is followed to its outermost property, which is where it is shown.
 */
function contractIdTarget(names: readonly string[], workspace: WorkspaceView | undefined): ReferenceTarget | undefined {
  const { contractId, object, path } = contractReading(names);
  const contract = workspace && contractById(workspace, contractId);
  const target = contract && remoteTarget(contract, (candidate) => candidate.name === object, (property) => property.name === path[0]);
  if (!target || path.length === 1) return target;
  return { ...target, propertyName: path.join('.'), logicalType: undefined, description: undefined };
}

/** `other.odcs.yaml` written in `fromUri` -> the other file's URI. */
export function resolveFileReference(file: string, fromUri: string): string {
  try {
    return new URL(file, fromUri).href;
  } catch {
    return file;
  }
}

/** How `toUri` is written from `fromUri`: a relative path when both are files, else the full URI. */
export function relativeFileReference(fromUri: string, toUri: string): string {
  try {
    const from = new URL(fromUri);
    const to = new URL(toUri);
    if (from.protocol !== to.protocol || from.host !== to.host) return toUri;
    const relative = posix.relative(posix.dirname(decodeURIComponent(from.pathname)), decodeURIComponent(to.pathname));
    return relative || posix.basename(decodeURIComponent(to.pathname));
  } catch {
    return toUri;
  }
}

function localTarget(
  parsed: ParsedDescriptor, uri: string,
  objectMatches: (object: { name: string; id: string | undefined }) => boolean, propertyMatches: ((property: LocalProperty) => boolean) | undefined,
): ReferenceTarget | undefined {
  const object = findLocalObject(parsed, objectMatches);
  if (!object) return undefined;
  if (!propertyMatches) {
    return {
      uri, objectName: object.name, propertyName: undefined, logicalType: 'object', description: object.description, contract: undefined,
      span: locate(parsed.document, ['schema', object.index, 'name']).valueSpan,
    };
  }
  const property = object.properties.find(propertyMatches);
  if (!property) return undefined;
  return {
    uri, objectName: object.name, propertyName: property.name, logicalType: property.logicalType, description: property.description, contract: undefined,
    span: locate(parsed.document, ['schema', object.index, 'properties', property.index, 'name']).valueSpan,
  };
}

function remoteTarget(
  contract: DescriptorSummary,
  objectMatches: (object: { name: string; id: string | undefined }) => boolean,
  propertyMatches: ((property: { name: string; id: string | undefined }) => boolean) | undefined,
): ReferenceTarget | undefined {
  const object = contract.objects.find(objectMatches);
  if (!object) return undefined;
  if (!propertyMatches) {
    return { uri: contract.uri, objectName: object.name, propertyName: undefined, logicalType: 'object', description: object.description, span: object.nameSpan, contract };
  }
  const property = object.properties.find(propertyMatches);
  if (!property) return undefined;
  return {
    uri: contract.uri, objectName: object.name, propertyName: property.name, logicalType: property.logicalType,
    description: property.description, span: property.nameSpan, contract,
  };
}

/** Markdown summary of a contract for hover and completion documentation. */
export function contractMarkdown(summary: DescriptorSummary): string {
  const title = summary.name ?? summary.id ?? posix.basename(summary.uri);
  const facts = [
    summary.version ? `version \`${summary.version}\`` : undefined,
    summary.status ? `status \`${summary.status}\`` : undefined,
    summary.owner ? `owner ${summary.owner}` : undefined,
    summary.domain ? `domain \`${summary.domain}\`` : undefined,
  ].filter(Boolean);
  const objects = summary.objects;
  const objectNames = objects.slice(0, 8).map((object) => `\`${object.name}\``).join(', ') + (objects.length > 8 ? ', …' : '');
  const lines = [
    `**${title}** — data contract`,
    summary.id ? `id \`${summary.id}\`` : 'no `id`',
    facts.length ? facts.join(' · ') : undefined,
    `${objects.length} ${objects.length === 1 ? 'object' : 'objects'}${objects.length ? `: ${objectNames}` : ''}`,
    `[${posix.basename(decodeURIComponent(summary.uri))}](${summary.uri})`,
  ];
  return lines.filter(Boolean).join('\n\n');
}

/** Markdown describing a reference target (hover on `relationships[].to`, completion documentation). */
export function targetMarkdown(target: ReferenceTarget): string {
  const name = target.propertyName ? `${target.objectName}.${target.propertyName}` : target.objectName;
  const heading = `**${name}**${target.logicalType ? ` · \`${target.logicalType}\`` : ''}`;
  const where = target.contract
    ? `${target.propertyName ? 'Property of' : 'Object in'} \`${target.objectName}\` in [${target.contract.name ?? target.contract.id ?? posix.basename(target.uri)}](${target.uri})`
    : target.propertyName ? `Property of \`${target.objectName}\` in this contract` : 'Object in this contract';
  return [heading, target.description, where].filter(Boolean).join('\n\n');
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}
