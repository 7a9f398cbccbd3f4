/**
 * Decides each column's SQL type. An explicit `physicalType` wins when it is valid for the dialect; otherwise the
 * `logicalType` (with `logicalTypeOptions`, and the length/precision/scale parsed from the unusable physicalType)
 * is mapped through the dialect's table, and a note plus a problem say what happened. Objects and arrays become the
 * dialect's typed forms where it has them and its JSON fallback where it does not.
 */
import type { PropertyModel } from './contract';
import { DIALECTS } from './dialects/index';
import { checkPhysicalType, parseTypeExpr, type PhysicalCheck, type TypeExpr } from './physicalType';
import { SCALAR_LOGICAL_TYPES, type Dialect, type DdlProblem, type ScalarLogicalType, type SqlType, type TypeFamily } from './types';

export interface ResolvedType {
  readonly type: SqlType;
  /** Remarks for the DDL comment next to the column. */
  readonly notes: readonly string[];
}

const NO_NOTES: readonly string[] = [];
const LOGICAL_TYPES = new Set<string>([...SCALAR_LOGICAL_TYPES, 'object', 'array']);

const PARSE_CACHE = new Map<string, TypeExpr | null>();

/** Physical type strings repeat a lot (`varchar(20)` on hundreds of columns); parse each once. */
function parseCached(physicalType: string): TypeExpr | undefined {
  let parsed = PARSE_CACHE.get(physicalType);
  if (parsed === undefined) {
    if (PARSE_CACHE.size > 5000) PARSE_CACHE.clear();
    parsed = parseTypeExpr(physicalType) ?? null;
    PARSE_CACHE.set(physicalType, parsed);
  }
  return parsed ?? undefined;
}

let familyByName: Map<string, TypeFamily> | undefined;

/** The family of a type name in any dialect, used to infer a missing logical type from the physical one. */
function familyOfName(name: string): TypeFamily | undefined {
  if (!familyByName) {
    familyByName = new Map<string, TypeFamily>([['list', 'array'], ['json', 'json'], ['record', 'struct'], ['text', 'string']]);
    for (const dialect of Object.values(DIALECTS)) {
      for (const [typeName, spec] of Object.entries(dialect.physicalTypes)) if (!familyByName.has(typeName)) familyByName.set(typeName, spec.family);
    }
  }
  return familyByName.get(name);
}

const LOGICAL_OF_FAMILY: Partial<Record<TypeFamily, string>> = {
  string: 'string', uuid: 'string', binary: 'string', integer: 'integer', decimal: 'number', float: 'number', boolean: 'boolean',
  date: 'date', time: 'time', timestamp: 'timestamp', json: 'object', struct: 'object', map: 'object', array: 'array',
};

/** What a physicalType string resolves to in one dialect, with the result shared by every column that uses it. */
interface CheckedType {
  readonly check: PhysicalCheck;
  /** The shared result when the check passed (no notes): most columns get exactly this object. */
  readonly resolved: ResolvedType | undefined;
  /**
   * When the check failed: by scalar logical type (without options), the replacement type with its notes and the
   * problem's message, which are the same for every column that combines the two.
   */
  replacements?: Map<string, { readonly resolved: ResolvedType; readonly message: string }>;
}

/**
 * physicalType text -> its check, per dialect. Contracts repeat a handful of types thousands of times, and the check
 * depends on nothing but the text and the dialect, so it is kept across plans (bounded, like the parse cache).
 */
const CHECKS = new Map<Dialect, Map<string, CheckedType>>();

function checksOf(dialect: Dialect): Map<string, CheckedType> {
  let checks = CHECKS.get(dialect);
  if (!checks) CHECKS.set(dialect, (checks = new Map()));
  return checks;
}

function checkedType(checks: Map<string, CheckedType>, dialect: Dialect, physicalType: string): CheckedType {
  let checked = checks.get(physicalType);
  if (!checked) {
    if (checks.size > 5000) checks.clear();
    const expr = parseCached(physicalType);
    const check: PhysicalCheck = expr ? checkPhysicalType(dialect, expr) : { ok: false, reason: 'it is not a type expression' };
    checked = { check, resolved: check.ok ? { type: check.type, notes: NO_NOTES } : undefined };
    checks.set(physicalType, checked);
  }
  return checked;
}

/** The placeholder type of each known logical type when there is no dialect (`fromLogical`). */
const PLACEHOLDERS = new Map<string, ResolvedType>([...LOGICAL_TYPES].map((logicalType) => [logicalType, { type: { sql: logicalType.toUpperCase(), family: 'other' }, notes: NO_NOTES }]));

/** A scalar logical type without options maps to the same type (and note) every time: one shared result each. */
const PLAIN_LOGICAL = new Map<Dialect, Map<string, ResolvedType>>();

function isScalar(logicalType: string | undefined): logicalType is ScalarLogicalType {
  return logicalType !== undefined && (SCALAR_LOGICAL_TYPES as readonly string[]).includes(logicalType);
}

export class TypeResolver {
  readonly problems: DdlProblem[] = [];

  /** The dialect's physicalType checks, looked up once per resolver rather than once per column. */
  private readonly checks: Map<string, CheckedType> | undefined;

  /** With no dialect only dialect-independent problems (an unknown type) are found; the type is then a placeholder. */
  constructor(private readonly dialect: Dialect | undefined) {
    this.checks = dialect ? checksOf(dialect) : undefined;
  }

  resolve(property: PropertyModel, depth = 0): ResolvedType {
    const dialect = this.dialect;
    if (!dialect) {
      // Without a dialect only a missing type is a problem, and a known logical type never is one.
      const known = property.logicalType !== undefined ? PLACEHOLDERS.get(property.logicalType) : undefined;
      if (known) return known;
    } else {
      // The common cases, without allocating: a valid physicalType, or a plain scalar logicalType.
      if (property.physicalType !== undefined) {
        const checked = checkedType(this.checks!, dialect, property.physicalType);
        const { resolved } = checked;
        if (resolved && !(resolved.type.family === 'array' && isScalar(property.logicalType))) return resolved;
        if (isScalar(property.logicalType) && Object.keys(property.logicalTypeOptions).length === 0) return this.replaced(checked, property, depth);
      } else if (isScalar(property.logicalType) && Object.keys(property.logicalTypeOptions).length === 0) {
        let plain = PLAIN_LOGICAL.get(dialect);
        if (!plain) PLAIN_LOGICAL.set(dialect, (plain = new Map()));
        let resolved = plain.get(property.logicalType);
        if (!resolved) {
          const mapped = dialect.mapLogical({ logicalType: property.logicalType, options: {} });
          resolved = { type: mapped, notes: mapped.note ? [mapped.note] : NO_NOTES };
          plain.set(property.logicalType, resolved);
        }
        return resolved;
      }
    }
    const notes: string[] = [];
    const result = this.resolveInto(property, depth, notes);
    return { type: result, notes: notes.length ? notes : NO_NOTES };
  }

  /** An unusable physicalType with a plain scalar logicalType: the shared replacement, and this column's problem. */
  private replaced(checked: CheckedType, property: PropertyModel, depth: number): ResolvedType {
    const logicalType = property.logicalType!;
    let replacement = checked.replacements?.get(logicalType);
    if (!replacement) {
      const probe = new TypeResolver(this.dialect);
      const notes: string[] = [];
      const type = probe.resolveInto(property, depth, notes);
      replacement = { resolved: { type, notes: notes.length ? notes : NO_NOTES }, message: probe.problems[0]!.message };
      (checked.replacements ??= new Map()).set(logicalType, replacement);
    }
    this.problems.push({ code: 'ddl/invalid-physical-type', message: replacement.message, path: [...property.path, 'physicalType'], severity: 'warning' });
    return replacement.resolved;
  }

  private resolveInto(property: PropertyModel, depth: number, notes: string[]): SqlType {
    const expr = property.physicalType !== undefined ? parseCached(property.physicalType) : undefined;
    if (property.physicalType !== undefined && this.dialect) {
      let checked = checkedType(this.checks!, this.dialect, property.physicalType).check;
      if (checked.ok && checked.type.family === 'array' && isScalar(property.logicalType)) {
        // `varchar[50]` is an array to the engine; with a scalar logicalType it is almost always a mistyped length.
        checked = { ok: false, reason: `it is an array type but logicalType is ${property.logicalType}` };
      }
      if (checked.ok) return checked.type;
      const fallback = this.fromLogical(property, expr, notes, depth);
      const message = `physicalType "${property.physicalType}" is not valid for ${this.dialect.label}: ${checked.reason}. The DDL uses ${fallback.sql} instead.`;
      this.problems.push({ code: 'ddl/invalid-physical-type', message, path: [...property.path, 'physicalType'], severity: 'warning' });
      notes.unshift(`physicalType "${property.physicalType}" is not valid for ${this.dialect.label} (${checked.reason}): using ${fallback.sql}`);
      return fallback;
    }
    return this.fromLogical(property, expr, notes, depth);
  }

  private fromLogical(property: PropertyModel, expr: TypeExpr | undefined, notes: string[], depth: number): SqlType {
    const logicalType = this.logicalTypeOf(property, expr);
    const dialect = this.dialect;
    if (!logicalType) {
      const where = property.logicalType !== undefined ? [...property.path, 'logicalType'] : [...property.path, 'name'];
      const given = property.logicalType !== undefined ? `logicalType "${property.logicalType}" is unknown` : 'it has no logicalType';
      const typeNote = property.physicalType !== undefined ? ` and physicalType "${property.physicalType}" is not a known type` : '';
      this.problems.push({ code: 'ddl/unknown-type', message: `No SQL type for "${property.name}": ${given}${typeNote}. The DDL stores it as text.`, path: where, severity: 'warning' });
      notes.push('no usable logicalType or physicalType: stored as text');
      return dialect ? dialect.mapLogical({ logicalType: 'string', options: {} }) : { sql: 'TEXT', family: 'string' };
    }
    if (!dialect) return { sql: logicalType.toUpperCase(), family: 'other' };
    if (logicalType === 'object') return this.objectType(property, notes, depth);
    if (logicalType === 'array') return this.arrayType(property, notes, depth);
    const scalar = logicalType as ScalarLogicalType;
    const args = expr ? (expr.args.length ? expr.args : expr.arrayBounds) : [];
    const hints = scalar === 'string' ? { length: args[0] } : scalar === 'number' || scalar === 'integer' ? { precision: args[0], scale: args[1] } : {};
    const options = property.logicalType === scalar ? property.logicalTypeOptions : {};
    const mapped = dialect.mapLogical({ logicalType: scalar, options, ...hints });
    if (mapped.note) notes.push(mapped.note);
    return mapped;
  }

  private logicalTypeOf(property: PropertyModel, expr: TypeExpr | undefined): string | undefined {
    if (property.logicalType !== undefined && LOGICAL_TYPES.has(property.logicalType)) return property.logicalType;
    if (!expr) return undefined;
    if (expr.arrayDims > 0) return 'array';
    const family = familyOfName(expr.name);
    return family ? LOGICAL_OF_FAMILY[family] : undefined;
  }

  private objectType(property: PropertyModel, notes: string[], depth: number): SqlType {
    const dialect = this.dialect!;
    const children = property.properties;
    if (children.length && depth < 10) {
      const fields = children.map((child) => ({ name: child.columnName, type: this.resolve(child, depth + 1).type }));
      const struct = dialect.structOf(fields);
      if (struct) return struct;
    }
    if (dialect.jsonFallback.note) notes.push(dialect.jsonFallback.note);
    return dialect.jsonFallback;
  }

  private arrayType(property: PropertyModel, notes: string[], depth: number): SqlType {
    const dialect = this.dialect!;
    const items = property.items;
    if (items && depth < 10) {
      const element = this.resolve(items, depth + 1).type;
      const array = dialect.arrayOf(element);
      if (array) return array;
    }
    if (dialect.jsonFallback.note) notes.push(dialect.jsonFallback.note);
    return dialect.jsonFallback;
  }
}
