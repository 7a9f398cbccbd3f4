/**
 * Answers "which JSON Schema nodes describe the value at this path?" for completion, hover and the outline.
 *
 * ajv validates, but it cannot tell an editor what *could* be written at a position. This navigator walks our own
 * schemas the way an author reads them: `$ref`, `allOf`, `anyOf`/`oneOf` (the union of the candidates, since the
 * author has not decided yet), `if`/`then`/`else` decided by the sibling values already written (e.g. `logicalType`
 * picks the allowed `logicalTypeOptions`), `properties`, `patternProperties`, `additionalProperties` and `items`.
 *
 * The value-independent part of each schema node (its `$ref`/combinator closure) is computed once and cached by
 * node identity, so a lookup costs a handful of map reads however large the document is.
 */
import type { ValuePath } from '../types';
import { isSchemaObject, matchesSchema, matchesType, valueAt, type JsonSchema } from './schemaMatch';

export type { JsonSchema } from './schemaMatch';

interface Conditional {
  readonly condition: JsonSchema | boolean;
  readonly then: JsonSchema | undefined;
  readonly otherwise: JsonSchema | undefined;
}

interface DependentSchema {
  readonly key: string;
  readonly schema: JsonSchema;
}

/** The static closure of one schema node: every node that always applies, plus the value-dependent parts. */
interface Expansion {
  readonly facets: readonly JsonSchema[];
  /**
   * Facets reached only through `anyOf`/`oneOf`: they describe what *may* be written, so their `required`
   * lists are alternatives, not obligations (e.g. "exactly one of mustBe, mustBeGreaterThan, ...").
   */
  readonly alternatives: ReadonlySet<JsonSchema>;
  readonly conditionals: readonly Conditional[];
  readonly dependents: readonly DependentSchema[];
}

/** The schemas at one location: as written there (`raw`, for docs) and everything that applies (`facets`). */
export interface ResolvedLocation {
  readonly raw: readonly JsonSchema[];
  readonly facets: readonly JsonSchema[];
  /** Keys that must be present in a mapping here (from facets that always apply). */
  readonly required: ReadonlySet<string>;
  /** The value currently at the location (undefined when absent). */
  readonly value: unknown;
}

export interface PropertyCandidate {
  readonly name: string;
  /** The property's schemas as written in the parent's `properties` (unexpanded). */
  readonly schemas: readonly JsonSchema[];
  readonly required: boolean;
}

const NOTHING: ReadonlySet<string> = new Set();
const EMPTY: ResolvedLocation = { raw: [], facets: [], required: NOTHING, value: undefined };

export class SchemaNavigator {
  private readonly expansions = new WeakMap<JsonSchema, Expansion>();
  private readonly refs = new Map<string, JsonSchema | undefined>();
  private readonly patterns = new Map<string, RegExp | undefined>();
  private readonly rootId: string;

  constructor(readonly root: JsonSchema) {
    this.rootId = typeof root.$id === 'string' ? root.$id : '';
  }

  /** Walks `path` from the document root; `rootValue` is the plain value of the whole document. */
  resolve(path: ValuePath, rootValue: unknown): ResolvedLocation {
    let location = this.at([this.root], rootValue);
    for (const segment of path) {
      location = this.child(location, segment);
      if (!location.raw.length) return EMPTY;
    }
    return location;
  }

  /** The location of a child (a property name or an array index) of `parent`. */
  child(parent: ResolvedLocation, segment: string | number): ResolvedLocation {
    const raw = typeof segment === 'number' ? this.itemSchemas(parent.facets, segment) : this.propertySchemas(parent.facets, segment);
    return raw.length ? this.at(raw, valueAt(parent.value, [segment])) : EMPTY;
  }

  /** Everything that applies to `value` given the schemas written for it (`raw`). */
  at(raw: readonly JsonSchema[], value: unknown): ResolvedLocation {
    const facets = new Set<JsonSchema>();
    const required = new Set<string>();
    const visit = (schema: JsonSchema, depth: number): void => {
      if (depth > 32) return; // guards against self-referencing conditionals
      const expansion = this.expand(schema);
      for (const facet of expansion.facets) {
        facets.add(facet);
        if (!expansion.alternatives.has(facet) && Array.isArray(facet.required)) {
          for (const key of facet.required) if (typeof key === 'string') required.add(key);
        }
      }
      // An absent or empty value is judged as an empty mapping: nothing written yet, so only conditions that
      // hold without any key (such as "logicalType is not set") apply.
      const judged = value === undefined || value === null ? {} : value;
      for (const conditional of expansion.conditionals) {
        const branch = matchesSchema(conditional.condition, judged, this.resolveRef) ? conditional.then : conditional.otherwise;
        if (branch) visit(branch, depth + 1);
      }
      if (expansion.dependents.length && isPlainObject(value)) {
        for (const dependent of expansion.dependents) if (dependent.key in value) visit(dependent.schema, depth + 1);
      }
    };
    for (const schema of raw) visit(schema, 0);
    return { raw, facets: filterByType([...facets], value), required, value };
  }

  /** Properties that may be written in a mapping at `location`, in schema order, merged across facets. */
  properties(location: ResolvedLocation): PropertyCandidate[] {
    const byName = new Map<string, JsonSchema[]>();
    for (const facet of location.facets) {
      const properties = facet.properties;
      if (!isSchemaObject(properties)) continue;
      for (const [name, schema] of Object.entries(properties)) {
        if (!isSchemaObject(schema)) continue;
        const list = byName.get(name);
        if (list) list.push(schema);
        else byName.set(name, [schema]);
      }
    }
    return [...byName].map(([name, schemas]) => ({ name, schemas, required: location.required.has(name) }));
  }

  /** Resolves a `$ref` written anywhere in this schema: `#`, `#/$defs/X`, or the root `$id` followed by `#/...`. */
  readonly resolveRef = (ref: string): JsonSchema | undefined => {
    if (this.refs.has(ref)) return this.refs.get(ref);
    let pointer = ref;
    if (this.rootId && pointer.startsWith(this.rootId)) pointer = pointer.slice(this.rootId.length);
    let target: unknown;
    if (pointer === '#' || pointer === '') target = this.root;
    else if (pointer.startsWith('#/')) {
      target = this.root;
      for (const rawToken of pointer.slice(2).split('/')) {
        const token = decodeURIComponent(rawToken).replace(/~1/g, '/').replace(/~0/g, '~');
        target = isSchemaObject(target) || Array.isArray(target) ? (target as Record<string, unknown>)[token] : undefined;
      }
    }
    const resolved = isSchemaObject(target) ? target : undefined;
    this.refs.set(ref, resolved);
    return resolved;
  };

  private expand(schema: JsonSchema): Expansion {
    const cached = this.expansions.get(schema);
    if (cached) return cached;
    const facets: JsonSchema[] = [];
    const alternatives = new Set<JsonSchema>();
    const conditionals: Conditional[] = [];
    const dependents: DependentSchema[] = [];
    const seen = new Set<JsonSchema>();
    const visit = (node: JsonSchema, alternative: boolean): void => {
      if (seen.has(node)) {
        if (!alternative) alternatives.delete(node); // also reached unconditionally
        return;
      }
      seen.add(node);
      facets.push(node);
      if (alternative) alternatives.add(node);
      if (typeof node.$ref === 'string') {
        const target = this.resolveRef(node.$ref);
        if (target) visit(target, alternative);
      }
      if (Array.isArray(node.allOf)) for (const member of node.allOf) if (isSchemaObject(member)) visit(member, alternative);
      for (const keyword of ['anyOf', 'oneOf'] as const) {
        const members = node[keyword];
        if (Array.isArray(members)) for (const member of members) if (isSchemaObject(member)) visit(member, true);
      }
      if (node.if !== undefined && (isSchemaObject(node.if) || typeof node.if === 'boolean')) {
        conditionals.push({
          condition: node.if as JsonSchema | boolean,
          then: isSchemaObject(node.then) ? node.then : undefined,
          otherwise: isSchemaObject(node.else) ? node.else : undefined,
        });
      }
      if (isSchemaObject(node.dependentSchemas)) {
        for (const [key, dependent] of Object.entries(node.dependentSchemas)) {
          if (isSchemaObject(dependent)) dependents.push({ key, schema: dependent });
        }
      }
    };
    visit(schema, false);
    const expansion: Expansion = { facets, alternatives, conditionals, dependents };
    this.expansions.set(schema, expansion);
    return expansion;
  }

  private propertySchemas(facets: readonly JsonSchema[], name: string): JsonSchema[] {
    const named: JsonSchema[] = [];
    for (const facet of facets) {
      const schema = isSchemaObject(facet.properties) ? facet.properties[name] : undefined;
      if (isSchemaObject(schema)) named.push(schema);
    }
    if (named.length) return named;
    const patterned: JsonSchema[] = [];
    for (const facet of facets) {
      if (!isSchemaObject(facet.patternProperties)) continue;
      for (const [pattern, schema] of Object.entries(facet.patternProperties)) {
        if (isSchemaObject(schema) && this.regex(pattern)?.test(name)) patterned.push(schema);
      }
    }
    if (patterned.length) return patterned;
    const additional: JsonSchema[] = [];
    for (const facet of facets) {
      if (isSchemaObject(facet.additionalProperties)) additional.push(facet.additionalProperties);
      else if (isSchemaObject(facet.unevaluatedProperties)) additional.push(facet.unevaluatedProperties);
    }
    return additional;
  }

  private itemSchemas(facets: readonly JsonSchema[], index: number): JsonSchema[] {
    const result: JsonSchema[] = [];
    for (const facet of facets) {
      const prefix = Array.isArray(facet.prefixItems) ? facet.prefixItems : Array.isArray(facet.items) ? facet.items : undefined;
      if (prefix && index >= 0 && index < prefix.length) {
        if (isSchemaObject(prefix[index])) result.push(prefix[index] as JsonSchema);
      } else if (isSchemaObject(facet.items)) result.push(facet.items);
      else if (isSchemaObject(facet.additionalItems)) result.push(facet.additionalItems);
    }
    return result;
  }

  private regex(pattern: string): RegExp | undefined {
    if (!this.patterns.has(pattern)) {
      let compiled: RegExp | undefined;
      try {
        compiled = new RegExp(pattern, 'u');
      } catch {
        compiled = undefined;
      }
      this.patterns.set(pattern, compiled);
    }
    return this.patterns.get(pattern);
  }
}

/**
 * Drops union candidates whose declared `type` cannot hold the value that is already written (e.g. the array form
 * of `relationships[].to` when a string is there), unless that would drop everything.
 */
function filterByType(facets: JsonSchema[], value: unknown): JsonSchema[] {
  if (value === undefined || value === null) return facets;
  const kept = facets.filter((facet) => facet.type === undefined || matchesType(facet.type, value));
  return kept.length ? kept : facets;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
