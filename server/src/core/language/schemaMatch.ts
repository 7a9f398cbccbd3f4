/**
 * A deliberately small JSON Schema matcher for `if` conditions. Editing features only need to know which branch
 * of a conditional the author is in (`type: sql`, `logicalType: date` ...); validation proper is ajv's job. Keywords
 * that conditions do not use are treated as satisfied, so an unexpected keyword can only widen what is offered.
 */
import type { ValuePath } from '../types';

export type JsonSchema = { readonly [keyword: string]: unknown };

export type RefResolver = (ref: string) => JsonSchema | undefined;

export function isSchemaObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The plain value at `path` inside `root` (undefined when any step is missing). */
export function valueAt(root: unknown, path: ValuePath): unknown {
  let current = root;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isSchemaObject(current) && typeof segment === 'string') current = current[segment];
    else return undefined;
  }
  return current;
}

export function matchesSchema(schema: JsonSchema | boolean, value: unknown, resolveRef: RefResolver, depth = 0): boolean {
  if (typeof schema === 'boolean') return schema;
  if (depth > 32) return true;
  const recurse = (sub: unknown, subValue: unknown): boolean =>
    isSchemaObject(sub) || typeof sub === 'boolean' ? matchesSchema(sub as JsonSchema | boolean, subValue, resolveRef, depth + 1) : true;

  if (typeof schema.$ref === 'string') {
    const target = resolveRef(schema.$ref);
    if (target && !matchesSchema(target, value, resolveRef, depth + 1)) return false;
  }
  if (schema.type !== undefined && !matchesType(schema.type, value)) return false;
  if ('const' in schema && !deepEqual(schema.const, value)) return false;
  if (Array.isArray(schema.enum) && !schema.enum.some((candidate) => deepEqual(candidate, value))) return false;
  if (typeof schema.pattern === 'string' && typeof value === 'string' && !safeTest(schema.pattern, value)) return false;

  if (isSchemaObject(value)) {
    if (Array.isArray(schema.required) && !schema.required.every((key) => typeof key !== 'string' || key in value)) return false;
    if (isSchemaObject(schema.properties)) {
      for (const [key, sub] of Object.entries(schema.properties)) {
        if (key in value && !recurse(sub, value[key])) return false;
      }
    }
  }
  if (Array.isArray(value) && isSchemaObject(schema.items) && !value.every((item) => recurse(schema.items, item))) return false;

  if (Array.isArray(schema.allOf) && !schema.allOf.every((sub) => recurse(sub, value))) return false;
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((sub) => recurse(sub, value))) return false;
  if (Array.isArray(schema.oneOf) && schema.oneOf.filter((sub) => recurse(sub, value)).length !== 1) return false;
  if (schema.not !== undefined && (isSchemaObject(schema.not) || typeof schema.not === 'boolean') && recurse(schema.not, value)) return false;
  return true;
}

export function matchesType(type: unknown, value: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((candidate) => {
    switch (candidate) {
      case 'object': return isSchemaObject(value);
      case 'array': return Array.isArray(value);
      case 'string': return typeof value === 'string';
      case 'boolean': return typeof value === 'boolean';
      case 'null': return value === null;
      case 'number': return typeof value === 'number';
      case 'integer': return typeof value === 'number' && Number.isInteger(value);
      default: return true;
    }
  });
}

const REGEX_CACHE = new Map<string, RegExp | null>();

function safeTest(pattern: string, value: string): boolean {
  let regex = REGEX_CACHE.get(pattern);
  if (regex === undefined) {
    try {
      regex = new RegExp(pattern, 'u');
    } catch {
      regex = null;
    }
    REGEX_CACHE.set(pattern, regex);
  }
  return regex ? regex.test(value) : true;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  const aKeys = Object.keys(a as object);
  const bKeys = Object.keys(b as object);
  return aKeys.length === bKeys.length && aKeys.every((key) => deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
