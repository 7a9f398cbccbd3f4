/**
 * `logicalTypeOptions` must suit the property's `logicalType`. The schema already rejects options that do
 * not belong to a type it has a rule for, so this rule adds only what the schema cannot say, and stays quiet
 * wherever the schema has reported something inside the options:
 *   - options on a property without a `logicalType` (they constrain nothing),
 *   - options a type does not take, for types the schema leaves open (e.g. `boolean`),
 *   - lower bounds above upper bounds (`minLength: 10` with `maxLength: 5`),
 *   - `required` names of an object that are not among its nested properties.
 */
import type { ValuePath } from '../types';
import { isRecord, objectProperties, records, stringField, type Json } from './model';
import type { RuleProblem, SemanticRule } from './rule';

const NUMERIC = ['multipleOf', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'format'];
const TEMPORAL = ['format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'];

/** Which options each logical type takes, after the ODCS v3.1 reference. */
export const OPTIONS_BY_LOGICAL_TYPE: Readonly<Record<string, readonly string[]>> = {
  string: ['minLength', 'maxLength', 'pattern', 'format'],
  date: TEMPORAL,
  timestamp: [...TEMPORAL, 'timezone', 'defaultTimezone'],
  time: [...TEMPORAL, 'timezone', 'defaultTimezone'],
  integer: NUMERIC,
  number: NUMERIC,
  object: ['minProperties', 'maxProperties', 'required'],
  array: ['minItems', 'maxItems', 'uniqueItems'],
  boolean: [],
};

const BOUNDS: readonly [string, string][] = [
  ['minLength', 'maxLength'], ['minimum', 'maximum'], ['exclusiveMinimum', 'exclusiveMaximum'],
  ['minItems', 'maxItems'], ['minProperties', 'maxProperties'],
];

export const logicalTypeOptionsRule: SemanticRule = {
  id: 'logical-type-options',
  appliesTo: ['DataContract'],
  // One property (and its nested properties) at a time: all of it lies inside one schema object.
  checkObject(object, objectIndex, { schemaFlagged }) {
    const problems: RuleProblem[] = [];
    for (const { property, path } of objectProperties(object, objectIndex)) {
      const options = property.logicalTypeOptions;
      if (!isRecord(options) || Object.keys(options).length === 0) continue;
      const optionsPath = [...path, 'logicalTypeOptions'];
      if (schemaFlagged(optionsPath)) continue;
      const logicalType = stringField(property, 'logicalType');
      if (logicalType === undefined) {
        problems.push({
          path: optionsPath, on: 'key', severity: 'warning', code: 'semantic/logical-type-options',
          message: '`logicalTypeOptions` has no effect without a `logicalType`; add the logical type these options constrain.',
        });
        continue;
      }
      problems.push(...unsuitableOptions(options, optionsPath, logicalType));
      problems.push(...invertedBounds(options, optionsPath));
      if (logicalType === 'object') problems.push(...unknownRequiredNames(property, options, optionsPath));
    }
    return problems;
  },
};

function unsuitableOptions(options: Json, optionsPath: ValuePath, logicalType: string): RuleProblem[] {
  const allowed = OPTIONS_BY_LOGICAL_TYPE[logicalType];
  if (!allowed) return [];
  return Object.keys(options).filter((key) => !allowed.includes(key)).map((key) => ({
    path: [...optionsPath, key], on: 'key' as const, severity: 'warning' as const, code: 'semantic/logical-type-options',
    message: allowed.length
      ? `\`${key}\` does not apply to logicalType \`${logicalType}\`, which takes ${allowed.join(', ')}.`
      : `logicalType \`${logicalType}\` takes no options, so \`${key}\` has no effect.`,
  }));
}

function invertedBounds(options: Json, optionsPath: ValuePath): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const [low, high] of BOUNDS) {
    const min = options[low];
    const max = options[high];
    if (typeof min === 'number' && typeof max === 'number' && min > max) {
      problems.push({
        path: [...optionsPath, low], severity: 'error', code: 'semantic/logical-type-options',
        message: `\`${low}\` (${min}) is greater than \`${high}\` (${max}), so no value can satisfy both.`,
      });
    }
  }
  return problems;
}

function unknownRequiredNames(property: Json, options: Json, optionsPath: ValuePath): RuleProblem[] {
  if (!Array.isArray(options.required) || !Array.isArray(property.properties)) return [];
  const names = new Set(records(property.properties).map(([nested]) => stringField(nested, 'name')));
  return options.required.flatMap((name, index) => (typeof name === 'string' && !names.has(name) ? [{
    path: [...optionsPath, 'required', index], severity: 'warning' as const, code: 'semantic/logical-type-options',
    message: `\`${name}\` is listed as required but is not one of this object's properties.`,
  }] : []));
}
