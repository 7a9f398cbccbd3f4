/**
 * Small helpers for reading our JSON Schemas as data: the error mapper asks "which schema applies here?" and
 * "what does this condition say?", which ajv's compiled code cannot answer. Only local references
 * (`#/...` or `<$id>#/...`) exist in our schemas, so that is all that is resolved.
 */
import type { ValuePath } from '../types';

/** A JSON Schema object, read loosely: only the keywords the mapper looks at are typed. */
export interface JsonSchema {
  readonly $id?: string;
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema | boolean>>;
  readonly patternProperties?: Readonly<Record<string, JsonSchema | boolean>>;
  readonly additionalProperties?: JsonSchema | boolean;
  readonly unevaluatedProperties?: JsonSchema | boolean;
  readonly required?: readonly string[];
  readonly items?: JsonSchema | boolean | readonly (JsonSchema | boolean)[];
  readonly prefixItems?: readonly (JsonSchema | boolean)[];
  readonly additionalItems?: JsonSchema | boolean;
  readonly allOf?: readonly (JsonSchema | boolean)[];
  readonly anyOf?: readonly (JsonSchema | boolean)[];
  readonly oneOf?: readonly (JsonSchema | boolean)[];
  readonly not?: JsonSchema | boolean;
  readonly if?: JsonSchema | boolean;
  readonly then?: JsonSchema | boolean;
  readonly else?: JsonSchema | boolean;
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly format?: string;
  readonly deprecated?: boolean;
  readonly [keyword: string]: unknown;
}

export function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `/a~1b/0` for `['a/b', 0]`: the JSON Pointer (RFC 6901) form ajv uses for instance paths. */
export function toPointer(path: ValuePath): string {
  let pointer = '';
  for (const segment of path) {
    const text = String(segment);
    pointer += `/${text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text}`;
  }
  return pointer;
}

/** Splits an ajv instance path back into segments; array indices become numbers when the data is an array. */
export function fromInstancePath(instancePath: string, root: unknown): (string | number)[] {
  if (!instancePath) return [];
  const path: (string | number)[] = [];
  let data = root;
  for (const raw of instancePath.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(data) && /^\d+$/.test(segment)) {
      const index = Number(segment);
      path.push(index);
      data = data[index];
    } else {
      path.push(segment);
      data = isRecord(data) ? data[segment] : undefined;
    }
  }
  return path;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` inside `root`, or undefined when the path leaves the data. */
export function valueAt(root: unknown, path: ValuePath): unknown {
  let data = root;
  for (const segment of path) {
    if (Array.isArray(data) && typeof segment === 'number') data = data[segment];
    else if (isRecord(data)) data = data[String(segment)];
    else return undefined;
  }
  return data;
}

/** Resolves a local `$ref` against the root schema; returns the target and its absolute pointer. */
export function resolveRef(root: JsonSchema, ref: string): { schema: JsonSchema | boolean; pointer: string } | undefined {
  const hash = ref.indexOf('#');
  if (hash < 0) return undefined;
  const base = ref.slice(0, hash);
  if (base && base !== root.$id) return undefined;
  const pointer = ref.slice(hash + 1);
  let node: unknown = root;
  if (pointer) {
    for (const raw of pointer.slice(1).split('/')) {
      const segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (node === null || typeof node !== 'object') return undefined;
      node = (node as Record<string, unknown>)[segment];
    }
  }
  return typeof node === 'boolean' || isSchema(node) ? { schema: node, pointer } : undefined;
}

/** The JSON type name of a plain value, as JSON Schema's `type` keyword spells it. */
export function jsonType(value: unknown): 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object' {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  return 'object';
}

export function typeAccepts(type: string | readonly string[] | undefined, value: unknown): boolean {
  if (type === undefined) return true;
  const actual = jsonType(value);
  const types = typeof type === 'string' ? [type] : type;
  return types.some((expected) => expected === actual || (expected === 'number' && actual === 'integer'));
}
