/**
 * `physicalType` should store what `logicalType` promises: `logicalType: integer` with `physicalType:
 * varchar(10)` means one of the two is wrong, and generated DDL would pick the wrong column type. Physical
 * types are sorted into a few families across common SQL dialects; types we do not recognise are left alone,
 * so this only speaks when it is sure. A warning: some engines legitimately store, say, dates as text.
 */
import { objectProperties, stringField } from './model';
import type { RuleProblem, SemanticRule } from './rule';

type Family = 'text' | 'integer' | 'decimal' | 'float' | 'boolean' | 'date' | 'timestamp' | 'time' | 'structured' | 'array' | 'semi';

const FAMILIES: Readonly<Record<string, Family>> = {};
const add = (family: Family, names: string): void => {
  for (const name of names.split(' ')) (FAMILIES as Record<string, Family>)[name] = family;
};
add('text', 'char character varchar varchar2 nvarchar nvarchar2 nchar bpchar text string clob nclob ntext tinytext mediumtext longtext citext uuid uniqueidentifier enum');
add('integer', 'int integer int1 int2 int4 int8 int16 int32 int64 int128 tinyint smallint mediumint bigint hugeint serial smallserial bigserial long short byte uint8 uint16 uint32 uint64 utinyint usmallint uinteger ubigint uhugeint');
add('decimal', 'decimal numeric number dec bignumeric bigdecimal money smallmoney');
add('float', 'float float4 float8 float32 float64 double real binary_float binary_double');
add('boolean', 'boolean bool bit');
add('date', 'date');
add('timestamp', 'timestamp timestamptz timestamp_ntz timestamp_ltz timestamp_tz datetime datetime2 datetimeoffset smalldatetime');
add('time', 'time timetz');
add('structured', 'struct record row map object');
add('array', 'array list');
add('semi', 'json jsonb variant super');

/** Which physical families can hold each logical type. */
const ACCEPTS: Readonly<Record<string, readonly Family[]>> = {
  string: ['text', 'semi'],
  integer: ['integer', 'decimal'],
  number: ['integer', 'decimal', 'float'],
  boolean: ['boolean'],
  date: ['date', 'timestamp'],
  timestamp: ['timestamp'],
  time: ['time'],
  object: ['structured', 'semi'],
  array: ['array', 'semi'],
};

const FAMILY_WORDS: Record<Family, string> = {
  text: 'text', integer: 'whole numbers', decimal: 'decimal numbers', float: 'floating-point numbers', boolean: 'true/false values',
  date: 'dates', timestamp: 'timestamps', time: 'times of day', structured: 'structured records', array: 'lists', semi: 'semi-structured data',
};

/** `varchar(10)` -> text, `DECIMAL(12, 2)` -> decimal, `ARRAY<STRING>` / `int[]` -> array; undefined when unknown. */
export function physicalFamily(physicalType: string): { family: Family; scale: number | undefined } | undefined {
  const normalized = physicalType.trim().toLowerCase();
  if (/\[\]$/.test(normalized) || /^(array|list)\s*[<(]/.test(normalized)) return { family: 'array', scale: undefined };
  const base = /^[a-z_][a-z0-9_]*/.exec(normalized)?.[0];
  const family = base ? FAMILIES[base] : undefined;
  if (!family) return undefined;
  const scale = /\(\s*\d+\s*,\s*(\d+)\s*\)/.exec(normalized)?.[1];
  return { family, scale: scale === undefined ? undefined : Number(scale) };
}

export const physicalTypeRule: SemanticRule = {
  id: 'physical-type-mismatch',
  appliesTo: ['DataContract'],
  // One property at a time: all of it lies inside one schema object.
  checkObject(object, objectIndex, { schemaFlagged }) {
    const problems: RuleProblem[] = [];
    for (const { property, path } of objectProperties(object, objectIndex)) {
      const logicalType = stringField(property, 'logicalType');
      const physicalType = stringField(property, 'physicalType');
      if (!logicalType || !physicalType || schemaFlagged([...path, 'logicalType']) || schemaFlagged([...path, 'physicalType'])) continue;
      const accepted = ACCEPTS[logicalType];
      const physical = physicalFamily(physicalType);
      if (!accepted || !physical) continue;
      const fractional = logicalType === 'integer' && physical.family === 'decimal' && (physical.scale ?? 0) > 0;
      if (accepted.includes(physical.family) && !fractional) continue;
      problems.push({
        path: [...path, 'physicalType'], severity: 'warning', code: 'semantic/physical-type-mismatch',
        message: fractional
          ? `\`${physicalType}\` keeps ${physical.scale} decimal places, but \`logicalType\` is \`integer\`; use a scale of 0 or \`logicalType: number\`.`
          : `\`${physicalType}\` stores ${FAMILY_WORDS[physical.family]}, but \`logicalType\` is \`${logicalType}\`; one of the two is wrong.`,
      });
    }
    return problems;
  },
};
