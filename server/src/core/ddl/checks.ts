/**
 * ODCS quality rules as SQL checks. Each library rule becomes one query returning the failing count (rows that break
 * the rule), the total row count, and `passed`, the rule's threshold (`mustBe`, `mustBeLessThan`, ...) applied to the
 * failing count, or to its percentage when the rule's unit is `percent`. `rowCount` returns the row count instead.
 * `type: sql` rules are passed through with `${table}` / `${column}` filled in. Text and custom rules are listed as
 * comments, because there is no SQL to run for them.
 */
import type { QualityModel } from './contract';
import { lineComment } from './identifiers';
import type { ColumnPlan, DdlPlan, TablePlan } from './plan';
import { SectionText } from './sectionText';
import type { Dialect } from './types';

type Json = Readonly<Record<string, unknown>>;

const OPERATORS: readonly (readonly [key: string, sql: string])[] = [
  ['mustBe', '='], ['mustNotBe', '<>'],
  ['mustBeGreaterThan', '>'], ['mustBeGreaterOrEqualTo', '>='], ['mustBeGreaterThanOrEqualTo', '>='],
  ['mustBeLessThan', '<'], ['mustBeLessOrEqualTo', '<='], ['mustBeLessThanOrEqualTo', '<='],
  ['mustBeBetween', 'BETWEEN'], ['mustNotBeBetween', 'NOT BETWEEN'],
];

const NUMERIC = new Set(['integer', 'decimal', 'float']);

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** `value op threshold` for the rule's operator, or undefined when it has no numeric threshold. */
function threshold(rule: Json, value: string, fallback?: readonly [string, number]): { sql: string; text: string } | undefined {
  let found: (typeof OPERATORS)[number] | undefined;
  for (let index = 0; index < OPERATORS.length && !found; index++) if (rule[OPERATORS[index]![0]] !== undefined) found = OPERATORS[index];
  if (!found) return fallback ? { sql: `${value} ${fallback[0]} ${fallback[1]}`, text: `${fallback[0]} ${fallback[1]}` } : undefined;
  const key = found[0];
  const op = found[1];
  const operand = rule[key];
  if (op.endsWith('BETWEEN')) {
    if (!Array.isArray(operand) || operand.length !== 2 || !operand.every(isFiniteNumber)) return undefined;
    const [low, high] = [Math.min(...operand), Math.max(...operand)];
    return { sql: `${value} ${op} ${low} AND ${high}`, text: `${op.toLowerCase()} ${low} and ${high}` };
  }
  return isFiniteNumber(operand) ? { sql: `${value} ${op} ${operand}`, text: `${op} ${operand}` } : undefined;
}

/** The column expression and literal list for `IN (...)`, typed so every engine can compare them. */
function inList(dialect: Dialect, column: ColumnPlan, values: readonly unknown[]): { expr: string; literals: string[] } {
  const family = column.type.family;
  if (NUMERIC.has(family) && values.every(isFiniteNumber)) return { expr: column.sql, literals: values.map(String) };
  if (family === 'boolean' && values.every((value) => typeof value === 'boolean')) return { expr: column.sql, literals: values.map((value) => (value ? 'TRUE' : 'FALSE')) };
  const literals = values.map((value) => dialect.stringLiteral(typeof value === 'string' ? value : JSON.stringify(value)));
  return { expr: family === 'string' ? column.sql : dialect.castToText(column.sql), literals };
}

function argumentList(rule: Json, key: string): unknown[] | undefined {
  const args = rule.arguments;
  if (typeof args !== 'object' || args === null || Array.isArray(args)) return undefined;
  const value = (args as Json)[key];
  return Array.isArray(value) ? value : undefined;
}

function argumentString(rule: Json, key: string): string | undefined {
  const args = rule.arguments as Json | undefined;
  const value = typeof args === 'object' && args !== null ? args[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The rows breaking a row-level rule, as a condition on the column; a string is a reason it cannot be written. */
function failingCondition(dialect: Dialect, metric: string, rule: Json, column: ColumnPlan): string {
  const col = column.sql;
  if (metric === 'nullValues') return `${col} IS NULL`;
  if (metric === 'missingValues') {
    const missing = (argumentList(rule, 'missingValues') ?? []).filter((value) => value !== null && value !== undefined);
    if (!missing.length) return `${col} IS NULL`;
    const { expr, literals } = inList(dialect, column, missing);
    return `${col} IS NULL OR ${expr} IN (${literals.join(', ')})`;
  }
  // invalidValues: valid means listed in validValues (when given) and matching pattern (when given).
  const parts: string[] = [];
  const valid = argumentList(rule, 'validValues');
  if (valid) {
    const listed = valid.filter((value) => value !== null && value !== undefined);
    if (listed.length) {
      const { expr, literals } = inList(dialect, column, listed);
      parts.push(`${expr} NOT IN (${literals.join(', ')})`);
    } else {
      parts.push('1 = 1');
    }
  }
  const pattern = argumentString(rule, 'pattern');
  if (pattern !== undefined) parts.push(dialect.notMatching(column.type.family === 'string' ? col : dialect.castToText(col), pattern));
  return parts.length ? `${col} IS NOT NULL AND (${parts.join(' OR ')})` : '';
}

function rowMetricQuery(table: TablePlan, failing: string, rule: Json, failingExpr?: string): string {
  const percent = rule.unit === 'percent';
  const value = percent ? 'COALESCE(100.0 * failing_count / NULLIF(total_count, 0), 0)' : 'failing_count';
  const test = threshold(rule, value, ['=', 0]);
  const passed = test ? `,\n  (${test.sql}) AS passed` : '';
  const count = failingExpr ?? `COUNT(CASE WHEN ${failing} THEN 1 END)`;
  return `SELECT failing_count, total_count${passed}\nFROM (SELECT ${count} AS failing_count, COUNT(*) AS total_count FROM ${table.ref.sql}) AS q;`;
}

function duplicateQuery(table: TablePlan, columns: readonly ColumnPlan[], rule: Json): string {
  if (columns.length === 1) return rowMetricQuery(table, '', rule, `COUNT(${columns[0]!.sql}) - COUNT(DISTINCT ${columns[0]!.sql})`);
  const percent = rule.unit === 'percent';
  const value = percent ? 'COALESCE(100.0 * failing_count / NULLIF(total_count, 0), 0)' : 'failing_count';
  const test = threshold(rule, value, ['=', 0]);
  const passed = test ? `,\n  (${test.sql}) AS passed` : '';
  const keys = columns.map((column) => column.sql).join(', ');
  return `SELECT failing_count, total_count${passed}\nFROM (\n  SELECT COALESCE(SUM(group_rows - 1), 0) AS failing_count, (SELECT COUNT(*) FROM ${table.ref.sql}) AS total_count\n`
    + `  FROM (SELECT COUNT(*) AS group_rows FROM ${table.ref.sql} GROUP BY ${keys} HAVING COUNT(*) > 1) AS duplicate_groups\n) AS q;`;
}

function passThrough(table: TablePlan, column: ColumnPlan | undefined, query: string): string {
  let sql = query.replaceAll('${table}', table.ref.sql).replaceAll('${object}', table.ref.sql);
  if (column) sql = sql.replaceAll('${column}', column.sql).replaceAll('${property}', column.sql);
  sql = sql.trim().replace(/;+\s*$/, '').trimEnd();
  const lastLine = sql.slice(sql.lastIndexOf('\n') + 1);
  return lastLine.includes('--') ? `${sql}\n;` : `${sql};`;
}

function renderRule(dialect: Dialect, table: TablePlan, column: ColumnPlan | undefined, { rule }: QualityModel): string[] {
  const type = typeof rule.type === 'string' ? rule.type : 'library';
  const metric = typeof rule.metric === 'string' ? rule.metric : typeof rule.rule === 'string' ? rule.rule : undefined;
  const label = [rule.id, rule.name].find((value): value is string => typeof value === 'string') ?? metric ?? type;
  const where = column ? `${table.ref.name}.${column.property.columnName}` : table.ref.name;
  const severity = typeof rule.severity === 'string' ? `, ${rule.severity}` : '';
  const about = typeof rule.description === 'string' ? `: ${rule.description}` : '';
  const header = lineComment(`${label} (${type === 'library' ? metric ?? 'library' : type} on ${where}${severity})${about}`);

  if (type === 'text') return [header, lineComment('a text rule: nothing to run')];
  if (type === 'custom') return [header, lineComment(`runs on ${typeof rule.engine === 'string' ? rule.engine : 'a custom engine'}, not as SQL`)];
  if (type === 'sql') {
    if (typeof rule.query !== 'string' || !rule.query.trim()) return [header, lineComment('no query given')];
    const test = threshold(rule, 'result');
    return [header, ...(test ? [lineComment(`passes when the result ${test.text}`)] : []), passThrough(table, column, rule.query)];
  }
  switch (metric) {
    case 'rowCount': {
      const test = threshold(rule, 'row_count', ['>', 0]);
      const passed = test ? `,\n  (${test.sql}) AS passed` : '';
      return [header, `SELECT row_count${passed}\nFROM (SELECT COUNT(*) AS row_count FROM ${table.ref.sql}) AS q;`];
    }
    case 'duplicateValues': {
      if (column) return [header, duplicateQuery(table, [column], rule)];
      const names = argumentList(rule, 'properties') ?? [];
      const columns = names.map((name) => table.columns.find((candidate) => candidate.property.name === name || candidate.property.columnName === name));
      if (!columns.length || columns.some((found) => !found)) return [header, lineComment('name the columns in arguments.properties to check duplicates across them')];
      return [header, duplicateQuery(table, columns as ColumnPlan[], rule)];
    }
    case 'nullValues':
    case 'missingValues':
    case 'invalidValues': {
      if (!column) return [header, lineComment(`${metric} needs a property: put the rule on the property it checks`)];
      const failing = failingCondition(dialect, metric, rule, column);
      if (!failing) return [header, lineComment('give arguments.validValues or arguments.pattern to say which values are valid')];
      return [header, rowMetricQuery(table, failing, rule)];
    }
    default:
      return [header, lineComment(metric ? `metric "${metric}" has no SQL rendering` : 'no metric given')];
  }
}

/** The checks of each table plan (plans of unchanged tables are reused after an edit, see plan.ts). */
const CHECKS = new WeakMap<TablePlan, string>();

function rememberChecks(table: TablePlan, sql: string): void {
  CHECKS.set(table, sql);
}

/** Appends the checks of one table, one block per rule. */
function tableChecks(out: SectionText<TablePlan>, dialect: Dialect, table: TablePlan): void {
  for (const rule of table.object.quality) out.push(renderRule(dialect, table, undefined, rule).join('\n'));
  const { columns } = table;
  for (let index = 0; index < columns.length; index++) {
    const column = columns[index]!;
    const rules = column.property.quality;
    for (let at = 0; at < rules.length; at++) out.push(renderRule(dialect, table, column, rules[at]!).join('\n'));
  }
}

function isSql({ rule }: QualityModel): boolean {
  return rule.type === 'sql';
}

export function renderChecks(plan: DdlPlan): string {
  const out = new SectionText<TablePlan>('\n\n', rememberChecks);
  const handWritten = plan.tables.some((table) => table.object.quality.some(isSql) || table.columns.some((column) => column.property.quality.some(isSql)));
  if (handWritten && plan.namespace.length) {
    out.push([lineComment('The hand-written checks below name tables without their schema:'), plan.dialect.useNamespace(plan.namespace)].join('\n'));
  }
  for (const table of plan.tables) {
    const start = out.mark();
    const previous = CHECKS.get(table);
    if (previous !== undefined) out.push(previous);
    else tableChecks(out, plan.dialect, table);
    out.endItem(table, start);
  }
  return !out.isEmpty() ? `${out.text()}\n` : `${lineComment('No quality rules in this contract.')}\n`;
}
