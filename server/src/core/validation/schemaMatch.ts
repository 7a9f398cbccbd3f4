/**
 * A deliberately small "does this value match this schema?" check, used to evaluate `if` conditions and to
 * tell which `oneOf`/`anyOf` alternative an author meant. Conditions in our schemas only test `const`, `enum`,
 * `type` and `required` (e.g. "logicalType is number", "type is sql"), so keywords it does not know count as
 * satisfied; ajv stays the authority on whether a document is valid.
 */
import { isRecord, isSchema, resolveRef, typeAccepts, type JsonSchema } from './jsonSchema';

const MAX_DEPTH = 32;

export function matchesSchema(root: JsonSchema, schema: JsonSchema | boolean | undefined, data: unknown, depth = 0): boolean {
  if (schema === undefined || schema === true) return true;
  if (schema === false) return false;
  if (depth > MAX_DEPTH) return true;
  const next = depth + 1;
  if (schema.$ref) {
    const target = resolveRef(root, schema.$ref);
    if (target && !matchesSchema(root, target.schema, data, next)) return false;
  }
  if (!typeAccepts(schema.type, data)) return false;
  if ('const' in schema && !sameValue(schema.const, data)) return false;
  if (schema.enum && !schema.enum.some((allowed) => sameValue(allowed, data))) return false;
  if (typeof data === 'string' && typeof schema.pattern === 'string' && !safePattern(schema.pattern, data)) return false;
  if (isRecord(data)) {
    if (schema.required?.some((key) => !(key in data))) return false;
    for (const [key, sub] of Object.entries(schema.properties ?? {})) {
      if (key in data && !matchesSchema(root, sub, data[key], next)) return false;
    }
  }
  if (schema.allOf?.some((sub) => !matchesSchema(root, sub, data, next))) return false;
  if (schema.anyOf && !schema.anyOf.some((sub) => matchesSchema(root, sub, data, next))) return false;
  if (schema.oneOf && schema.oneOf.filter((sub) => matchesSchema(root, sub, data, next)).length !== 1) return false;
  if (schema.not !== undefined && matchesSchema(root, schema.not, data, next)) return false;
  if (isSchema(schema.if)) {
    const branch = matchesSchema(root, schema.if, data, next) ? schema.then : schema.else;
    if (!matchesSchema(root, branch, data, next)) return false;
  }
  return true;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

const patternCache = new Map<string, RegExp | null>();

function safePattern(pattern: string, value: string): boolean {
  let regex = patternCache.get(pattern);
  if (regex === undefined) {
    try {
      regex = new RegExp(pattern, 'u');
    } catch {
      regex = null;
    }
    patternCache.set(pattern, regex);
  }
  return regex ? regex.test(value) : true;
}
