/**
 * How validation messages name things: keys in backticks, schema definitions as plain words ("schema
 * property", "quality rule"), JSON types as an author would say them ("a list", "true or false"), and the
 * `if` condition that made a `then` branch apply ("`logicalType` is `number`").
 */
import type { DescriptorKind, ValuePath } from '../types';
import { isRecord, isSchema, jsonType, type JsonSchema } from './jsonSchema';
import { matchesSchema } from './schemaMatch';
import type { Condition } from './schemaWalker';

/** Names for schema definitions where splitting the CamelCase name would read badly. */
const DEFINITION_NOUNS: Record<string, string> = {
  SchemaObject: 'schema object',
  SchemaProperty: 'schema property',
  SchemaBaseProperty: 'schema property',
  SchemaItemProperty: 'array item definition',
  SchemaElement: 'schema element',
  DataQuality: 'quality rule',
  DataQualityLibrary: 'quality rule',
  DataQualitySql: 'SQL quality rule',
  DataQualityCustom: 'custom quality rule',
  ServiceLevelAgreementProperty: 'SLA property',
  SupportItem: 'support channel',
  Support: 'support channel',
  RelationshipSchemaLevel: 'relationship',
  RelationshipPropertyLevel: 'relationship',
  RelationshipBase: 'relationship',
};

export function definitionNoun(defName: string | undefined): string | undefined {
  if (!defName) return undefined;
  const known = DEFINITION_NOUNS[defName];
  if (known) return known;
  if (/Server$/.test(defName) && defName !== 'Server') return 'server';
  return defName.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

export function documentNoun(kind: DescriptorKind): string {
  return kind === 'DataContract' ? 'data contract' : 'data product';
}

/** `logicalType`, or `tags[2]` for an item of a list. */
export function keyLabel(path: ValuePath): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'the document';
  if (typeof last === 'string') return `\`${last}\``;
  const parent = path[path.length - 2];
  return parent === undefined ? `item ${last + 1}` : `\`${String(parent)}[${last}]\``;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a text value',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys to values',
  null: 'empty',
};

export function expectedTypes(types: readonly string[]): string {
  const words = types.map((type) => TYPE_WORDS[type] ?? type);
  return words.length <= 1 ? (words[0] ?? 'something else') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

export function actualType(value: unknown): string {
  const type = jsonType(value);
  if (type === 'string') return `the text "${truncate(String(value))}"`;
  if (type === 'integer' || type === 'number' || type === 'boolean') return `${String(value)} (${TYPE_WORDS[type]})`;
  return TYPE_WORDS[type] ?? type;
}

export function listValues(values: readonly unknown[], max = 15): string {
  const shown = values.slice(0, max).map((value) => String(value));
  return values.length > max ? `${shown.join(', ')} and ${values.length - max} more` : shown.join(', ');
}

export function listKeys(keys: readonly string[]): string {
  const quoted = keys.map((key) => `\`${key}\``);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** "`logicalType` is `number`" for `if: {properties: {logicalType: {const: number}}}`, read against the data. */
export function describeCondition(root: JsonSchema, condition: Condition): string | undefined {
  return describeSchemaCondition(root, condition.schema, condition.subject);
}

/**
 * The keys a condition tests but the data lacks. JSON Schema's `if: {properties: {logicalType: {const: x}}}`
 * also holds when `logicalType` is absent, so without a `logicalType` every branch applies at once; the
 * honest message is then "set `logicalType` first", not a list of one branch's keys.
 */
export function vacuousConditionKeys(condition: Condition): string[] {
  const { schema, subject } = condition;
  const branches = [schema, ...((schema.anyOf ?? schema.oneOf ?? []).filter(isSchema))];
  const tested = new Set<string>();
  for (const branch of branches) {
    if (branch.required?.length) return [];
    for (const key of Object.keys(branch.properties ?? {})) tested.add(key);
  }
  if (tested.size === 0 || !isRecord(subject)) return [];
  return [...tested].every((key) => !(key in subject)) ? [...tested] : [];
}

function describeSchemaCondition(root: JsonSchema, schema: JsonSchema, subject: unknown): string | undefined {
  if (schema.anyOf || schema.oneOf) {
    const branch = (schema.anyOf ?? schema.oneOf)!.find((sub) => isSchema(sub) && matchesSchema(root, sub, subject));
    if (isSchema(branch)) return describeSchemaCondition(root, branch, subject);
  }
  const parts: string[] = [];
  const described = new Set<string>();
  for (const [key, sub] of Object.entries(schema.properties ?? {})) {
    if (!isSchema(sub) || !isRecord(subject) || !(key in subject)) continue;
    if ('const' in sub || sub.enum) {
      parts.push(`\`${key}\` is \`${String(subject[key])}\``);
      described.add(key);
    }
  }
  for (const key of schema.required ?? []) if (!described.has(key)) parts.push(`\`${key}\` is set`);
  return parts.length ? parts.join(' and ') : undefined;
}

/** How to name a string form defined by a pattern, keyed by the definition that holds the pattern. */
const FORM_NAMES: Record<string, string> = {
  ShorthandReference: '`object.property`',
  FullyQualifiedReference: '`schema/<object id>/properties/<property id>` (optionally prefixed with `other-file.yaml#`)',
  NamePathReference: '`<contract id>.<object>.<property>` or a nested `object.parent.child`',
  StableId: 'an id made of letters, digits, `_` and `-`',
};

export function formName(defName: string | undefined, pattern: string | undefined): string {
  return (defName && FORM_NAMES[defName]) ?? (pattern ? `text matching \`${pattern}\`` : 'another form');
}

/**
 * A dotted name that fails every form is usually a `contract.object.property` whose contract id has characters a
 * dotted reference cannot carry (a `+` or `@`), or has a `-` in a later name. The pattern error alone does not say
 * which characters are allowed or how to point into such a contract, so this does.
 */
export function dottedReferenceHint(value: unknown): string {
  if (typeof value !== 'string' || /[/#\s]/.test(value) || value.split('.').length < 3) return '';
  return ' In a dotted reference the first name (a contract id or an object) may use letters, digits, `_`, `:` and `-`, the other names '
    + 'letters, digits and `_` only; for a contract whose id has other characters write its file, `#` and the id path '
    + '(`other.odcs.yaml#/schema/<object id>/properties/<property id>`).';
}
