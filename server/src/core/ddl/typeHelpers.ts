/**
 * Small helpers shared by the dialect type tables: reading `logicalTypeOptions`, choosing an integer width, clamping
 * decimals, and building physical type catalogues compactly. Keeping them here keeps each dialect file a table.
 */
import type { LogicalTypeInput, MappedType, PhysicalTypeSpec, TypeFamily } from './types';

export type IntegerKind = 'i8' | 'i16' | 'i32' | 'i64' | 'i128' | 'u8' | 'u16' | 'u32' | 'u64' | 'u128';

const INTEGER_FORMATS: readonly IntegerKind[] = ['i8', 'i16', 'i32', 'i64', 'i128', 'u8', 'u16', 'u32', 'u64', 'u128'];
const I32 = 2 ** 31;
const I64 = 2n ** 63n;
const U64 = 2n ** 64n;

/**
 * The integer width a property needs: its `format` when given (ODCS defaults to `i32`), widened when its
 * `minimum`/`maximum` bounds do not fit 32 bits.
 */
export function integerKind(options: Readonly<Record<string, unknown>>): IntegerKind {
  const format = options.format;
  if (typeof format === 'string' && (INTEGER_FORMATS as readonly string[]).includes(format)) return format as IntegerKind;
  const bounds = [options.minimum, options.maximum, options.exclusiveMinimum, options.exclusiveMaximum]
    .filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  if (bounds.every((value) => value >= -I32 && value < I32)) return 'i32';
  const big = bounds.map((value) => BigInt(Math.trunc(value)));
  if (big.every((value) => value >= -I64 && value < I64)) return 'i64';
  if (big.every((value) => value >= 0n && value < U64)) return 'u64';
  return 'i128';
}

/** Decimal digits needed for the integer kind, for dialects that only have DECIMAL(p, 0). */
export const INTEGER_DIGITS: Readonly<Record<IntegerKind, number>> = {
  i8: 3, i16: 5, i32: 10, i64: 19, i128: 39, u8: 3, u16: 5, u32: 10, u64: 20, u128: 39,
};

export function wantsTimezone(options: Readonly<Record<string, unknown>>): boolean {
  return options.timezone === true;
}

export function stringFormat(options: Readonly<Record<string, unknown>>): string | undefined {
  return typeof options.format === 'string' ? options.format.toLowerCase() : undefined;
}

/** The maximum length from `logicalTypeOptions.maxLength` or a parsed physical type such as `varchar(18)`. */
export function maxLength(input: LogicalTypeInput): number | undefined {
  const fromOptions = input.options.maxLength;
  if (typeof fromOptions === 'number' && Number.isInteger(fromOptions) && fromOptions > 0) return fromOptions;
  return input.length !== undefined && input.length > 0 ? input.length : undefined;
}

/**
 * `NAME(p,s)` within the dialect's limits. Out-of-range precision or scale is clamped, and the note says so, because
 * the DDL must still run while the author sees what changed.
 */
export function decimal(name: string, precision: number, scale: number | undefined, maxPrecision: number, maxScale = maxPrecision): MappedType {
  let p = Math.max(1, Math.trunc(precision));
  let s = Math.max(0, Math.trunc(scale ?? 0));
  const notes: string[] = [];
  if (p > maxPrecision) {
    notes.push(`precision ${p} exceeds the maximum of ${maxPrecision}`);
    p = maxPrecision;
  }
  if (s > Math.min(p, maxScale)) {
    notes.push(`scale ${s} reduced to ${Math.min(p, maxScale)}`);
    s = Math.min(p, maxScale);
  }
  const type = { sql: `${name}(${p},${s})`, family: 'decimal' as const };
  return notes.length ? { ...type, note: notes.join('; ') } : type;
}

/** Precision and scale for a `number`, if the contract gave them (through a parameterised physicalType). */
export function decimalHint(input: LogicalTypeInput): { precision: number; scale: number | undefined } | undefined {
  return input.precision !== undefined && input.precision > 0 ? { precision: input.precision, scale: input.scale } : undefined;
}

/** Builds a physical type catalogue entry for each alias. */
export function catalog(entries: readonly (readonly [names: string, spec: PhysicalTypeSpec])[]): Record<string, PhysicalTypeSpec> {
  const result: Record<string, PhysicalTypeSpec> = Object.create(null) as Record<string, PhysicalTypeSpec>;
  for (const [names, spec] of entries) for (const name of names.split('|')) result[name.trim()] = spec;
  return result;
}

export function spec(canonical: string, family: TypeFamily, extra: Omit<PhysicalTypeSpec, 'canonical' | 'family'> = {}): PhysicalTypeSpec {
  return { canonical, family, ...extra };
}

/** An argument check: each parameter within its inclusive range. */
export function within(...ranges: readonly (readonly [min: number, max: number])[]): (args: readonly number[]) => string | undefined {
  return (args) => {
    for (let i = 0; i < args.length; i++) {
      const range = ranges[Math.min(i, ranges.length - 1)]!;
      if (args[i]! < range[0] || args[i]! > range[1]) return `parameter ${i + 1} must be between ${range[0]} and ${range[1]}`;
    }
    if (args.length === 2 && ranges.length >= 2 && args[1]! > args[0]!) return 'the scale cannot exceed the precision';
    return undefined;
  };
}

/** Exhaustiveness helper for logical type switches. */
export function unknownLogicalType(logicalType: string): never {
  throw new Error(`unhandled logical type ${logicalType}`);
}
