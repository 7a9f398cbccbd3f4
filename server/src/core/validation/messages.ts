/**
 * One ajv error -> one message written for a data product author: what is wrong, in their words, with the
 * allowed values and a did-you-mean where a typo is likely, and the condition when an `if`/`then` branch is
 * the reason. Fixes are attached only where the intended change is obvious (a misspelt key or value, a
 * quoted boolean, a scalar that should be a list).
 */
import type { ErrorObject } from 'ajv';
import type { Fix, FixValue } from '../fixes/types';
import type { ValuePath } from '../types';
import { isRecord, jsonType, valueAt } from './jsonSchema';
import { actualType, definitionNoun, describeCondition, documentNoun, expectedTypes, keyLabel, listKeys, listValues, vacuousConditionKeys } from './labels';
import type { MappingContext, SchemaProblem } from './problems';
import { declaredKeys, producerOf, type ApplicableSchema } from './schemaWalker';
import { suggest } from './suggest';

/** Known-keys lists longer than this are not spelled out in a message (completion shows them anyway). */
const MAX_LISTED_KEYS = 12;

export function problemForError(error: ErrorObject, path: ValuePath, ctx: MappingContext): SchemaProblem | undefined {
  switch (error.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return unknownKeyProblem(error, path, ctx);
    case 'enum':
      return enumProblem(error, path, ctx);
    case 'const':
      return constProblem(error, path, ctx);
    case 'type':
      return typeProblem(error, path, ctx);
    case 'not':
      return notProblem(path, ctx);
    default:
      return simpleProblem(error, path, ctx);
  }
}

/** Several `required` errors on one mapping become one problem on that mapping's key. */
export function requiredProblem(path: ValuePath, errors: readonly ErrorObject[], ctx: MappingContext): SchemaProblem {
  const applicables = ctx.walker.at(path);
  const missing = [...new Set(errors.map((error) => String(error.params.missingProperty)))];
  const condition = errors.map((error) => conditionPrefix(producerOf(applicables, 'required', error.schemaPath), ctx)).find(Boolean);
  const noun = path.length === 0 ? documentNoun(ctx.kind) : (definitionNoun(applicables.find((a) => a.defName)?.defName) ?? 'entry');
  const keys = listKeys(missing);
  const message = condition
    ? `${condition}this ${noun} needs ${keys}.`
    : `This ${noun} is missing the required key${missing.length > 1 ? 's' : ''} ${keys}.`;
  return { path, placement: 'parent', code: 'schema/required', message, missing };
}

function unknownKeyProblem(error: ErrorObject, path: ValuePath, ctx: MappingContext): SchemaProblem | undefined {
  const key = String(error.params.additionalProperty ?? error.params.unevaluatedProperty);
  const applicables = ctx.walker.at(path);
  const producer = producerOf(applicables, error.keyword, error.schemaPath);
  const allKnown = declaredKeys(applicables);
  // A failing branch takes its keys' "evaluated" mark with it, so ajv then calls known keys unevaluated.
  // The branch's own error is the real problem; this one is noise.
  if (error.keyword === 'unevaluatedProperties' && allKnown.includes(key)) return undefined;
  const allowed = error.keyword === 'additionalProperties' && producer ? Object.keys(producer.schema.properties ?? {}) : allKnown;
  const target = suggest(key, allowed);
  const siblings = valueAt(ctx.data, path);
  const fixes = target && !(isRecord(siblings) && target in siblings)
    ? [fix(`Rename \`${key}\` to \`${target}\``, { kind: 'renameKey', path: [...path, key], newKey: target })]
    : undefined;
  const didYouMean = target ? ` Did you mean \`${target}\`?` : '';
  const condition = conditionPrefix(producer, ctx);
  const untested = producer?.conditions.flatMap(vacuousConditionKeys) ?? [];
  let message: string;
  if (untested.length) {
    const keys = listKeys(untested);
    message = `Which keys ${keyLabel(path)} may contain depends on ${keys}, which ${untested.length > 1 ? 'are' : 'is'} not set; set ${keys} first.`;
    return { path: [...path, key], placement: 'key', code: 'schema/unknown-key', message };
  }
  if (condition) {
    message = `${condition}${keyLabel(path)} may only contain ${listValues(allowed, MAX_LISTED_KEYS * 2)}; \`${key}\` is not one of them.${didYouMean}`;
  } else {
    const noun = path.length === 0 ? `a ${documentNoun(ctx.kind)}` : definitionNoun(applicables.find((a) => a.defName)?.defName);
    const where = path.length === 0 ? `at the top level of ${noun}` : noun ? `in a ${noun}` : `in ${keyLabel(path)}`;
    const known = !target && allowed.length > 0 && allowed.length <= MAX_LISTED_KEYS ? ` Known keys here: ${allowed.join(', ')}.` : '';
    message = `\`${key}\` is not a known key ${where}.${didYouMean}${known}`;
  }
  return { path: [...path, key], placement: 'key', code: 'schema/unknown-key', message, ...(fixes ? { fixes } : {}) };
}

function enumProblem(error: ErrorObject, path: ValuePath, ctx: MappingContext): SchemaProblem {
  const allowed = (error.params.allowedValues as unknown[] | undefined) ?? [];
  const value = valueAt(ctx.data, path);
  const target = typeof value === 'string' ? suggest(value, allowed.filter((v): v is string => typeof v === 'string')) : undefined;
  const condition = conditionPrefix(producerOf(ctx.walker.at(path), 'enum', error.schemaPath), ctx);
  const tail = target ? ` — did you mean \`${target}\`?` : `, not ${actualType(value)}.`;
  const message = `${condition}${keyLabel(path)} must be one of ${listValues(allowed)}${tail}`;
  const fixes = target ? [fix(`Change to \`${target}\``, { kind: 'replaceValue', path, value: target })] : undefined;
  return { path, placement: 'value', code: 'schema/enum', message: capitalise(message), ...(fixes ? { fixes } : {}) };
}

function constProblem(error: ErrorObject, path: ValuePath, ctx: MappingContext): SchemaProblem {
  const expected = error.params.allowedValue as unknown;
  const condition = conditionPrefix(producerOf(ctx.walker.at(path), 'const', error.schemaPath), ctx);
  const message = capitalise(`${condition}${keyLabel(path)} must be \`${String(expected)}\`.`);
  const fixes = isFixValue(expected) ? [fix(`Change to \`${String(expected)}\``, { kind: 'replaceValue', path, value: expected })] : undefined;
  return { path, placement: 'value', code: 'schema/const', message, ...(fixes ? { fixes } : {}) };
}

function typeProblem(error: ErrorObject, path: ValuePath, ctx: MappingContext): SchemaProblem {
  const expected = String(error.params.type).split(',');
  const value = valueAt(ctx.data, path);
  const message = value === null || value === undefined
    ? `${keyLabel(path)} has no value; it must be ${expectedTypes(expected)}.`
    : `${keyLabel(path)} must be ${expectedTypes(expected)}, not ${actualType(value)}.`;
  const fixes = typeFixes(expected, value, path, ctx);
  return { path, placement: 'value', code: 'schema/type', message: capitalise(message), ...(fixes.length ? { fixes } : {}) };
}

function typeFixes(expected: readonly string[], value: unknown, path: ValuePath, ctx: MappingContext): Fix[] {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (expected.includes('boolean') && /^(true|false)$/i.test(trimmed)) {
      return [fix(`Change to ${trimmed.toLowerCase()}`, { kind: 'replaceValue', path, value: trimmed.toLowerCase() === 'true' })];
    }
    if ((expected.includes('integer') || expected.includes('number')) && trimmed !== '' && Number.isFinite(Number(trimmed))) {
      const number = Number(trimmed);
      if (expected.includes('number') || Number.isInteger(number)) return [fix(`Change to the number ${number}`, { kind: 'replaceValue', path, value: number })];
    }
  }
  if (expected.includes('string') && (typeof value === 'number' || typeof value === 'boolean')) {
    const text = ctx.sourceOf(path) ?? String(value);
    return [fix(`Quote it as the text "${text}"`, { kind: 'replaceValue', path, value: text })];
  }
  if (expected.includes('array') && value !== null && value !== undefined && jsonType(value) !== 'object' && jsonType(value) !== 'array') {
    return [fix('Make it a list', { kind: 'replaceValue', path, value: [value as FixValue] })];
  }
  return [];
}

function notProblem(path: ValuePath, ctx: MappingContext): SchemaProblem {
  const producer = ctx.walker.at(path).find((a) => 'not' in a.schema && typeof a.schema.not === 'object');
  const forbidden = (producer?.schema.not as { required?: string[] } | undefined)?.required;
  const present = forbidden?.filter((key) => { const data = valueAt(ctx.data, path); return isRecord(data) && key in data; }) ?? [];
  if (present.length === 1) {
    const key = present[0]!;
    const why = key === 'from' && path.includes('relationships') ? ' A relationship declared on a property always starts at that property, so it has only `to`.' : '';
    return { path: [...path, key], placement: 'key', code: 'schema/not-allowed', message: `\`${key}\` is not allowed here.${why}` };
  }
  return { path, placement: 'value', code: 'schema/not-allowed', message: capitalise(`${keyLabel(path)} has a form that is not allowed here.`) };
}

const FORMAT_EXAMPLES: Record<string, string> = {
  'date-time': 'a date and time such as `2024-05-01T09:30:00Z`',
  date: 'a date such as `2024-05-01`',
  time: 'a time such as `09:30:00Z`',
  uri: 'an absolute URI such as `https://example.com/docs`',
  'uri-reference': 'a URI or relative reference',
  email: 'an e-mail address',
  uuid: 'a UUID such as `0f8fad5b-d9cb-469f-a165-70867728950e`',
};

/** Pattern rules whose regular expression means nothing to an author, keyed by the definition holding them. */
const PATTERN_MEANINGS: Record<string, string> = {
  StableId: 'may only contain letters, digits, `_` and `-` (no spaces, dots or slashes)',
  ShorthandReference: 'must be a reference of the form `object.property`',
  FullyQualifiedReference: 'must be a reference of the form `schema/<object id>/properties/<property id>`, optionally prefixed with `file.yaml#`',
};

function simpleProblem(error: ErrorObject, path: ValuePath, ctx: MappingContext): SchemaProblem {
  const label = keyLabel(path);
  const p = error.params as Record<string, unknown>;
  const producer = producerOf(ctx.walker.at(path), error.keyword, error.schemaPath);
  const condition = conditionPrefix(producer, ctx);
  let code = `schema/${error.keyword}`;
  let message: string;
  switch (error.keyword) {
    case 'pattern': {
      const meaning = producer?.defName ? PATTERN_MEANINGS[producer.defName] : undefined;
      message = meaning ? `${label} ${meaning}.` : `${label} does not have the expected form (it must match \`${String(p.pattern)}\`).`;
      break;
    }
    case 'format':
      message = `${label} must be ${FORMAT_EXAMPLES[String(p.format)] ?? `a valid ${String(p.format)}`}.`;
      break;
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum':
      code = 'schema/range';
      message = `${label} must be ${comparisonWords(String(p.comparison))} ${String(p.limit)}.`;
      break;
    case 'multipleOf':
      code = 'schema/range';
      message = `${label} must be a multiple of ${String(p.multipleOf)}.`;
      break;
    case 'minLength': case 'maxLength':
      code = 'schema/length';
      message = `${label} must be ${error.keyword === 'minLength' ? 'at least' : 'at most'} ${String(p.limit)} character${p.limit === 1 ? '' : 's'} long.`;
      break;
    case 'minItems': case 'maxItems':
      code = 'schema/length';
      message = `${label} must have ${error.keyword === 'minItems' ? 'at least' : 'at most'} ${String(p.limit)} item${p.limit === 1 ? '' : 's'}.`;
      break;
    case 'uniqueItems':
      code = 'schema/unique-items';
      message = `${label} must not repeat a value (items ${Number(p.j) + 1} and ${Number(p.i) + 1} are the same).`;
      break;
    case 'minProperties': case 'maxProperties':
      code = 'schema/length';
      message = `${label} must have ${error.keyword === 'minProperties' ? 'at least' : 'at most'} ${String(p.limit)} key${p.limit === 1 ? '' : 's'}.`;
      break;
    case 'dependentRequired':
      code = 'schema/required';
      message = `\`${String(p.property)}\` also needs \`${String(p.missingProperty)}\`.`;
      return { path, placement: 'parent', code, message };
    default:
      code = 'schema/invalid';
      message = `${label} ${error.message ?? 'is not valid here'}.`;
  }
  return { path, placement: 'value', code, message: capitalise(`${condition}${message}`) };
}

function comparisonWords(comparison: string): string {
  return ({ '>=': 'at least', '<=': 'at most', '>': 'greater than', '<': 'less than' } as Record<string, string>)[comparison] ?? comparison;
}

/** "Because `logicalType` is `number`, " when the producing schema applies only under a condition. */
export function conditionPrefix(producer: ApplicableSchema | undefined, ctx: MappingContext): string {
  const condition = producer?.conditions[producer.conditions.length - 1];
  const described = condition ? describeCondition(ctx.walker.root, condition) : undefined;
  return described ? `Because ${described}, ` : '';
}

function fix(title: string, action: Fix['actions'][number]): Fix {
  return { title, actions: [action], fixAll: false };
}

function isFixValue(value: unknown): value is FixValue {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
