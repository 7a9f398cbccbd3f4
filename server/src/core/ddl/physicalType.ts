/**
 * `physicalType` strings, parsed. A contract says `numeric(12,3)`, `VARCHAR(20)`, `timestamp(3) with time zone` or
 * `ARRAY<STRUCT<a INT64>>`; the generator needs the type name, its numeric parameters and its element types to
 * check the type against a dialect and to carry precision, scale and length over when the type itself is not
 * usable there. Nothing of the original string is ever pasted into SQL: valid types are re-rendered from the parse.
 */
import type { Dialect, PhysicalTypeSpec, SqlType } from './types';

export interface TypeExpr {
  /** Lower-case words joined by single spaces: `double precision`, `timestamp with time zone`. */
  readonly name: string;
  /** Numeric parameters, e.g. `[12, 3]` for `numeric(12,3)`. */
  readonly args: readonly number[];
  /** Element types of `ARRAY<T>`, `MAP<K, V>`, `MAP(K, V)`. */
  readonly params: readonly TypeExpr[];
  /** Named fields of `STRUCT<a T>` / `STRUCT(a T)`; undefined when the type has none. */
  readonly fields: readonly { readonly name: string; readonly type: TypeExpr }[] | undefined;
  /** Count of `[]` suffixes (PostgreSQL and DuckDB arrays). */
  readonly arrayDims: number;
  /** Sizes written inside the brackets, `varchar[50]` → [50] (some tools write lengths that way). */
  readonly arrayBounds: readonly number[];
}

type Token = { kind: 'word' | 'number' | 'quoted' | 'punct'; text: string };

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  const pattern = /\s+|([A-Za-z_][A-Za-z0-9_$]*)|(\d+)|"((?:[^"]|"")*)"|`((?:[^`]|``)*)`|([()<>,[\]:])/y;
  let at = 0;
  while (at < text.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) return undefined;
    at = pattern.lastIndex;
    if (match[1] !== undefined) tokens.push({ kind: 'word', text: match[1] });
    else if (match[2] !== undefined) tokens.push({ kind: 'number', text: match[2] });
    else if (match[3] !== undefined) tokens.push({ kind: 'quoted', text: match[3].replaceAll('""', '"') });
    else if (match[4] !== undefined) tokens.push({ kind: 'quoted', text: match[4].replaceAll('``', '`') });
    else if (match[5] !== undefined) tokens.push({ kind: 'punct', text: match[5] });
  }
  return tokens;
}

/** Parses a physical type string; undefined when it is not a type expression at all. */
export function parseTypeExpr(text: string): TypeExpr | undefined {
  if (text.length > 1000) return undefined;
  const tokens = tokenize(text.trim());
  if (!tokens || tokens.length === 0) return undefined;
  const parser = new TypeParser(tokens);
  const type = parser.type();
  return type && parser.done() ? type : undefined;
}

class TypeParser {
  private at = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  done(): boolean {
    return this.at === this.tokens.length;
  }

  private peek(text?: string): Token | undefined {
    const token = this.tokens[this.at];
    return token && (text === undefined || (token.kind === 'punct' && token.text === text)) ? token : undefined;
  }

  private take(text: string): boolean {
    if (!this.peek(text)) return false;
    this.at++;
    return true;
  }

  private words(): string[] {
    const words: string[] = [];
    while (this.tokens[this.at]?.kind === 'word') words.push(this.tokens[this.at++]!.text.toLowerCase());
    return words;
  }

  type(depth = 0): TypeExpr | undefined {
    if (depth > 20) return undefined;
    const words = this.words();
    if (words.length === 0) return undefined;
    let args: number[] = [];
    let params: TypeExpr[] = [];
    let fields: { name: string; type: TypeExpr }[] | undefined;
    const isStruct = words[0] === 'struct' || words[0] === 'row' || words[0] === 'object';
    if (this.peek('(')) {
      const numbers = this.numberList();
      if (numbers) {
        args = numbers;
      } else {
        this.take('(');
        const inner = isStruct ? this.fieldList(')', depth) : this.typeList(')', depth);
        if (!inner) return undefined;
        if (isStruct) fields = inner as { name: string; type: TypeExpr }[];
        else params = inner as TypeExpr[];
      }
      words.push(...this.words());
    } else if (this.take('<')) {
      const inner = isStruct ? this.fieldList('>', depth) : this.typeList('>', depth);
      if (!inner) return undefined;
      if (isStruct) fields = inner as { name: string; type: TypeExpr }[];
      else params = inner as TypeExpr[];
    }
    let arrayDims = 0;
    const arrayBounds: number[] = [];
    while (this.take('[')) {
      if (this.tokens[this.at]?.kind === 'number') arrayBounds.push(Number(this.tokens[this.at++]!.text));
      if (!this.take(']')) return undefined;
      arrayDims++;
    }
    return { name: words.join(' '), args, params, fields, arrayDims, arrayBounds };
  }

  /** `(12, 3)` → [12, 3]; leaves the position unchanged and returns undefined when the list is not all numbers. */
  private numberList(): number[] | undefined {
    const start = this.at;
    this.take('(');
    const numbers: number[] = [];
    for (;;) {
      const token = this.tokens[this.at];
      if (token?.kind !== 'number') break;
      numbers.push(Number(token.text));
      this.at++;
      if (this.take(')')) return numbers;
      if (!this.take(',')) break;
    }
    this.at = start;
    return undefined;
  }

  private typeList(close: string, depth: number): TypeExpr[] | undefined {
    const types: TypeExpr[] = [];
    do {
      const type = this.type(depth + 1);
      if (!type) return undefined;
      types.push(type);
    } while (this.take(','));
    return this.take(close) ? types : undefined;
  }

  private fieldList(close: string, depth: number): { name: string; type: TypeExpr }[] | undefined {
    const fields: { name: string; type: TypeExpr }[] = [];
    do {
      const nameToken = this.tokens[this.at];
      if (!nameToken || (nameToken.kind !== 'word' && nameToken.kind !== 'quoted')) return undefined;
      this.at++;
      this.take(':');
      const type = this.type(depth + 1);
      if (!type) return undefined;
      fields.push({ name: nameToken.text, type });
    } while (this.take(','));
    return this.take(close) ? fields : undefined;
  }
}

export type PhysicalCheck = { readonly ok: true; readonly type: SqlType } | { readonly ok: false; readonly reason: string };

/** Checks a parsed type against the dialect's catalogue and renders it in the dialect's canonical spelling. */
export function checkPhysicalType(dialect: Dialect, expr: TypeExpr): PhysicalCheck {
  let base = checkBase(dialect, expr);
  if (!base.ok) return base;
  if (expr.arrayDims > 0 && !dialect.arraySuffix) return { ok: false, reason: `${dialect.label} does not write arrays as "type[]"` };
  for (let dim = 0; dim < expr.arrayDims && base.ok; dim++) {
    const array = dialect.arrayOf(base.type);
    base = array ? { ok: true, type: array } : { ok: false, reason: `${dialect.label} cannot nest this array` };
  }
  return base;
}

function checkBase(dialect: Dialect, expr: TypeExpr): PhysicalCheck {
  const spec: PhysicalTypeSpec | undefined = dialect.physicalTypes[expr.name];
  if (!spec) return { ok: false, reason: `${dialect.label} has no type "${expr.name.toUpperCase()}"` };
  const [min, max] = spec.args ?? [0, 0];
  if (expr.args.length < min || expr.args.length > max) {
    return { ok: false, reason: max === 0 ? `${spec.canonical} takes no parameters in ${dialect.label}` : `${spec.canonical} takes ${min === max ? min : `${min} to ${max}`} parameter(s) in ${dialect.label}` };
  }
  const argProblem = spec.checkArgs?.(expr.args);
  if (argProblem) return { ok: false, reason: `${spec.canonical}(${expr.args.join(',')}): ${argProblem}` };
  if (!spec.container) {
    if (expr.params.length || expr.fields) return { ok: false, reason: `${spec.canonical} has no element types in ${dialect.label}` };
    const sql = spec.render ? spec.render(expr.args) : expr.args.length ? `${spec.canonical}(${expr.args.join(',')})` : spec.canonical;
    return { ok: true, type: { sql, family: spec.family } };
  }
  if (spec.container === 'struct') {
    if (!expr.fields?.length) return { ok: false, reason: `${spec.canonical} needs its fields in ${dialect.label}` };
    const fields: { name: string; type: SqlType }[] = [];
    for (const field of expr.fields) {
      const checked = checkPhysicalType(dialect, field.type);
      if (!checked.ok) return checked;
      fields.push({ name: field.name, type: checked.type });
    }
    const struct = dialect.structOf(fields);
    return struct ? { ok: true, type: struct } : { ok: false, reason: `${dialect.label} has no typed records` };
  }
  const arity = spec.container === 'map' ? 2 : 1;
  if (expr.params.length !== arity || expr.fields) return { ok: false, reason: `${spec.canonical} needs ${arity} element type(s) in ${dialect.label}` };
  const children: SqlType[] = [];
  for (const param of expr.params) {
    const checked = checkPhysicalType(dialect, param);
    if (!checked.ok) return checked;
    children.push(checked.type);
  }
  if (spec.container === 'array') {
    const array = dialect.arrayOf(children[0]!);
    return array ? { ok: true, type: array } : { ok: false, reason: `${dialect.label} cannot nest this array` };
  }
  const sqls = children.map((child) => child.sql);
  return { ok: true, type: { sql: spec.renderChildren?.(sqls) ?? `${spec.canonical}<${sqls.join(', ')}>`, family: 'map' } };
}
