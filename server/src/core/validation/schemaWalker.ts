/**
 * "Which parts of the schema apply to the value at this path?" Walks the root schema alongside the data,
 * following `$ref`, `allOf`, `if`/`then`/`else` (evaluated against the data) and the type-compatible
 * `oneOf`/`anyOf` alternatives. The mapper uses the answer to list the keys allowed at a place (for
 * did-you-mean), to name the condition behind an `if`/`then` failure, and to tell which alternative of a
 * `oneOf` an ajv error came from. Only called for documents that have errors, and cached per path.
 */
import type { ValuePath } from '../types';
import { isRecord, isSchema, resolveRef, toPointer, typeAccepts, valueAt, type JsonSchema } from './jsonSchema';
import { matchesSchema } from './schemaMatch';

/** An `if` that held for the data, which is why a `then` branch applies. */
export interface Condition {
  readonly schema: JsonSchema;
  /** The value the condition was evaluated on (the object holding e.g. `logicalType`). */
  readonly subject: unknown;
}

export interface ApplicableSchema {
  readonly schema: JsonSchema;
  /** Absolute JSON pointer of `schema` inside the root schema ('' for the root). */
  readonly pointer: string;
  /** Pointers of the `$ref` targets crossed to get here; ajv reports schema paths relative to any of them. */
  readonly refTargets: readonly string[];
  readonly conditions: readonly Condition[];
  /** The `$defs` name this schema was reached through at this location (e.g. `SchemaObject`), for messages. */
  readonly defName: string | undefined;
}

const MAX_EXPANSION = 256;

export class SchemaWalker {
  private readonly cache = new Map<string, readonly ApplicableSchema[]>();

  constructor(readonly root: JsonSchema, private readonly data: unknown) {}

  /** Every schema that applies to the value at `path` of the document. */
  at(path: ValuePath): readonly ApplicableSchema[] {
    const key = toPointer(path);
    const cached = this.cache.get(key);
    if (cached) return cached;
    let result: readonly ApplicableSchema[];
    if (path.length === 0) {
      result = this.expand([{ schema: this.root, pointer: '', refTargets: [''], conditions: [], defName: undefined }], this.data);
    } else {
      const parentPath = path.slice(0, -1);
      result = this.descend(this.at(parentPath), valueAt(this.data, parentPath), path[path.length - 1]!, valueAt(this.data, path));
    }
    this.cache.set(key, result);
    return result;
  }

  /**
   * The schemas that apply at `relativePath` below `start` (a specific branch, for instance), not cached.
   * `everyAlternative` also follows `oneOf`/`anyOf` options whose type does not fit the value: asking "did this
   * error come from inside this branch?" must see the options that failed on their type too.
   */
  from(start: readonly ApplicableSchema[], startPath: ValuePath, relativePath: ValuePath, everyAlternative = false): readonly ApplicableSchema[] {
    let current = this.expand(start, valueAt(this.data, startPath), everyAlternative);
    const path = [...startPath];
    for (const segment of relativePath) {
      const parent = valueAt(this.data, path);
      path.push(segment);
      current = this.descend(current, parent, segment, valueAt(this.data, path), everyAlternative);
    }
    return current;
  }

  private descend(parents: readonly ApplicableSchema[], parentData: unknown, segment: string | number, data: unknown, everyAlternative = false): readonly ApplicableSchema[] {
    const children: ApplicableSchema[] = [];
    for (const parent of parents) {
      for (const [child, pointer] of childSchemas(parent.schema, parent.pointer, segment, parentData)) {
        if (child === true || child === false) continue;
        children.push({ schema: child, pointer, refTargets: parent.refTargets, conditions: parent.conditions, defName: undefined });
      }
    }
    return this.expand(children, data, everyAlternative);
  }

  /** Adds everything reachable at the same instance location: refs, allOf, conditionals, alternatives. */
  private expand(start: readonly ApplicableSchema[], data: unknown, everyAlternative = false): readonly ApplicableSchema[] {
    const result: ApplicableSchema[] = [];
    const seen = new Set<string>();
    const queue = [...start];
    while (queue.length && result.length < MAX_EXPANSION) {
      const entry = queue.shift()!;
      const identity = `${entry.pointer}|${entry.conditions.length}`;
      if (seen.has(identity)) continue;
      seen.add(identity);
      result.push(entry);
      const { schema, pointer } = entry;
      const push = (sub: unknown, subPointer: string, changes: Partial<ApplicableSchema> = {}): void => {
        if (isSchema(sub)) queue.push({ ...entry, schema: sub, pointer: subPointer, ...changes });
      };
      if (schema.$ref) {
        const target = resolveRef(this.root, schema.$ref);
        if (target && isSchema(target.schema)) {
          const defName = /^\/\$defs\/([^/]+)$/.exec(target.pointer)?.[1] ?? entry.defName;
          push(target.schema, target.pointer, { refTargets: [...entry.refTargets, target.pointer], defName });
        }
      }
      schema.allOf?.forEach((sub, index) => push(sub, `${pointer}/allOf/${index}`));
      for (const keyword of ['anyOf', 'oneOf'] as const) {
        schema[keyword]?.forEach((sub, index) => {
          if (isSchema(sub) && (everyAlternative || this.typeCompatible(sub, data))) push(sub, `${pointer}/${keyword}/${index}`);
        });
      }
      if (isSchema(schema.if)) {
        if (matchesSchema(this.root, schema.if, data)) {
          push(schema.then, `${pointer}/then`, { conditions: [...entry.conditions, { schema: schema.if, subject: data }] });
        } else {
          push(schema.else, `${pointer}/else`);
        }
      }
    }
    return result;
  }

  /**
   * True when `schema` (or its `$ref` target) accepts the JSON type of `data`. An alternative that is itself a
   * choice without a type of its own (`anyOf: [{$ref: A}, {$ref: B}]`, as in a relationship's single-reference
   * branch) fits when one of its options does; otherwise a list would be blamed for not being text.
   */
  typeCompatible(schema: JsonSchema, data: unknown): boolean {
    if (!this.typeCompatibleShallow(schema, data)) return false;
    if (schema.type !== undefined) return true;
    for (const options of [schema.anyOf, schema.oneOf]) {
      if (options?.length && !options.some((option) => option === true || (isSchema(option) && this.typeCompatibleShallow(option, data)))) return false;
    }
    return true;
  }

  /** The type check of one option of a choice: its own type and its `$ref` target's, without going deeper. */
  private typeCompatibleShallow(schema: JsonSchema, data: unknown): boolean {
    if (!typeAccepts(schema.type, data)) return false;
    if (!schema.$ref) return true;
    const target = resolveRef(this.root, schema.$ref);
    return !target || !isSchema(target.schema) || typeAccepts(target.schema.type, data);
  }
}

function childSchemas(schema: JsonSchema, pointer: string, segment: string | number, parentData: unknown): [JsonSchema | boolean, string][] {
  const children: [JsonSchema | boolean, string][] = [];
  if (typeof segment === 'string' && isRecord(parentData)) {
    const escaped = segment.replace(/~/g, '~0').replace(/\//g, '~1');
    const declared = schema.properties?.[segment];
    if (declared !== undefined) children.push([declared, `${pointer}/properties/${escaped}`]);
    let matchedPattern = false;
    for (const [pattern, sub] of Object.entries(schema.patternProperties ?? {})) {
      if (safeTest(pattern, segment)) {
        matchedPattern = true;
        children.push([sub, `${pointer}/patternProperties/${pattern.replace(/~/g, '~0').replace(/\//g, '~1')}`]);
      }
    }
    if (declared === undefined && !matchedPattern && schema.additionalProperties !== undefined) {
      children.push([schema.additionalProperties, `${pointer}/additionalProperties`]);
    }
  } else if (typeof segment === 'number' && Array.isArray(parentData)) {
    const tuple = schema.prefixItems ?? (Array.isArray(schema.items) ? schema.items : undefined);
    const tupleKey = schema.prefixItems ? 'prefixItems' : 'items';
    if (tuple && segment < tuple.length) children.push([tuple[segment]!, `${pointer}/${tupleKey}/${segment}`]);
    else if (tuple && schema.additionalItems !== undefined) children.push([schema.additionalItems, `${pointer}/additionalItems`]);
    else if (!tuple && schema.items !== undefined) children.push([schema.items as JsonSchema | boolean, `${pointer}/items`]);
  }
  return children;
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return false;
  }
}

/** The `schemaPath` strings ajv may report for `keyword` of `applicable`: relative to the root or to any ref target. */
export function schemaPathCandidates(applicable: ApplicableSchema, keyword: string): string[] {
  const candidates: string[] = [];
  for (const base of applicable.refTargets) {
    if (applicable.pointer === base || applicable.pointer.startsWith(`${base}/`)) {
      candidates.push(`#${applicable.pointer.slice(base.length)}/${keyword}`);
    }
  }
  return candidates;
}

/** The applicable schema whose `keyword` produced an ajv error with this `schemaPath`, if it can be told. */
export function producerOf(applicables: readonly ApplicableSchema[], keyword: string, schemaPath: string): ApplicableSchema | undefined {
  return applicables.find((applicable) => keyword in applicable.schema && schemaPathCandidates(applicable, keyword).includes(schemaPath));
}

/** Every key that some applicable schema declares (`properties`), in schema order, without duplicates. */
export function declaredKeys(applicables: readonly ApplicableSchema[]): string[] {
  const keys = new Set<string>();
  for (const { schema } of applicables) for (const key of Object.keys(schema.properties ?? {})) keys.add(key);
  return [...keys];
}
