/**
 * Renders the DDL section from a plan: schema, tables with their keys, comments, partitioning and distribution,
 * foreign keys that could not be declared inline, view stubs and grants. Every piece of contract text reaches the
 * output through the dialect's literal and identifier functions or through `lineComment`/`commentBlock`.
 */
import type { RoleModel } from './contract';
import { lineComment, shorten } from './identifiers';
import { sameColumns } from './foreignKeys';
import type { ColumnPlan, DdlPlan, ForeignKeyPlan, TablePlan } from './plan';
import { SectionText } from './sectionText';
import type { Dialect, TableClauseInput } from './types';

function columnList(columns: readonly ColumnPlan[]): string {
  return columns.length === 1 ? columns[0]!.sql : columns.map((column) => column.sql).join(', ');
}

function foreignKeyClause(dialect: Dialect, key: ForeignKeyPlan): string {
  return `FOREIGN KEY (${columnList(key.fromColumns)}) REFERENCES ${key.to.ref.sql} (${columnList(key.toColumns)})${dialect.keys.foreignKey}`;
}

function description(dialect: Dialect, text: string | undefined): string | undefined {
  return text === undefined ? undefined : shorten(text, dialect.maxCommentLength);
}

/** A table with the keys declared inside its CREATE TABLE, and the text it rendered to (set once it is final). */
interface RenderedTable {
  readonly table: TablePlan;
  readonly inlineKeys: readonly ForeignKeyPlan[];
  sql: string;
}

/**
 * The statements of each table plan, with the keys declared inline. Table plans stay the same objects across plans
 * of an edited contract for every table the edit did not touch (plan.ts), so the preview after a keystroke renders
 * only the edited table; the keys are compared because they depend on the other tables.
 */
const RENDERED = new WeakMap<TablePlan, RenderedTable>();

function rememberTable(rendered: RenderedTable, sql: string): void {
  rendered.sql = sql;
  RENDERED.set(rendered.table, rendered);
}

function sameKeys(a: readonly ForeignKeyPlan[], b: readonly ForeignKeyPlan[]): boolean {
  return a.length === b.length && a.every((key, index) => {
    const other = b[index]!;
    return key.to === other.to && sameColumns(key.fromColumns, other.fromColumns) && sameColumns(key.toColumns, other.toColumns);
  });
}

/** Appends the statements of one table to `out`, one line each (COMMENT ON and the like come from the dialect). */
function createTable(out: SectionText<RenderedTable>, dialect: Dialect, table: TablePlan, inlineKeys: readonly ForeignKeyPlan[]): void {
  for (const dropped of table.droppedColumns) out.push(lineComment(dropped));
  const { columns } = table;
  const descriptions = new Array<string | undefined>(columns.length);
  const entries: string[] = [];
  for (let index = 0; index < columns.length; index++) {
    const column = columns[index]!;
    for (let at = 0; at < column.notes.length; at++) entries.push(`  ${lineComment(`${column.property.columnName}: ${column.notes[at]!}`)}`);
    const text = description(dialect, column.property.description);
    descriptions[index] = text;
    entries.push(`  ${column.sql} ${column.type.sql}${column.notNull ? ' NOT NULL' : ''}${text ? dialect.columnComment(text) : ''},`);
  }
  if (table.primaryKey.length) entries.push(`  PRIMARY KEY (${columnList(table.primaryKey)})${dialect.keys.primaryKey},`);
  const soleKey = table.primaryKey.length === 1 ? table.primaryKey[0] : undefined;
  for (let index = 0; index < columns.length; index++) {
    const column = columns[index]!;
    if (!column.property.unique || column === soleKey) continue;
    if (!dialect.keys.keyable(column.type)) out.push(lineComment(`${column.property.columnName} is unique in the contract: ${dialect.label} cannot key on ${column.type.sql}`));
    else if (dialect.keys.unique !== undefined) entries.push(`  UNIQUE (${column.sql})${dialect.keys.unique},`);
    else out.push(lineComment(`${column.property.columnName} is unique in the contract: ${dialect.label} has no UNIQUE constraint`));
  }
  for (const key of inlineKeys) entries.push(`  ${foreignKeyClause(dialect, key)},`);
  // The last definition takes no comma (notes are comment lines and never last).
  const last = entries.length - 1;
  entries[last] = entries[last]!.slice(0, -1);

  const input = {
    table: table.ref,
    description: description(dialect, table.object.description),
    partitionColumns: table.partitionKey.length ? table.partitionKey.map((column) => ({ sql: column.sql, type: column.type, options: column.property.logicalTypeOptions })) : NO_PARTITIONS,
    distributeColumns: table.distributeBy.length ? table.distributeBy.map((column) => column.sql) : NO_NAMES,
  };
  const { clauses, comments } = dialect.tableClauses(input);
  for (const comment of comments) out.push(lineComment(comment));
  out.push(`CREATE TABLE ${table.ref.sql} (`);
  for (let index = 0; index < entries.length; index++) out.push(entries[index]!);
  if (clauses.length) {
    out.push(')');
    for (let index = 0; index < clauses.length; index++) out.push(index === clauses.length - 1 ? `${clauses[index]};` : clauses[index]!);
  } else {
    out.push(');');
  }
  dialect.afterTable(out, input, columns, descriptions);
}

const NO_PARTITIONS: TableClauseInput['partitionColumns'] = [];
const NO_NAMES: readonly string[] = [];
const NO_KEYS: readonly ForeignKeyPlan[] = [];

function viewStub(view: DdlPlan['views'][number]): string[] {
  const sources = new Set([...view.object.transformSourceObjects, ...view.columns.flatMap((column) => column.property.transformSourceObjects)]);
  const lines = [
    lineComment(`View ${view.ref.name}: no DDL is generated for views. A stub to start from, built from the contract's transformLogic:`),
    lineComment(`CREATE VIEW ${view.ref.sql} AS`),
    '-- SELECT',
  ];
  view.columns.forEach((column, index) => {
    const separator = index < view.columns.length - 1 ? ',' : '';
    const logic = column.property.transformLogic ? `  -- transformLogic: ${column.property.transformLogic}` : '';
    lines.push(lineComment(`  ${column.sql}${separator}${logic}`));
  });
  lines.push(lineComment(`FROM ${sources.size ? [...sources].join(', ') : '<source tables>'};`));
  return lines;
}

function grants(plan: DdlPlan, roles: readonly RoleModel[]): string[] {
  const lines = new Set<string>();
  const access = roles.map((role) => (role.access && /write/i.test(role.access) ? 'write' : 'read'));
  for (const table of plan.tables) {
    for (let index = 0; index < roles.length; index++) {
      const rendered = plan.dialect.grant(table.ref, roles[index]!.role, access[index]!);
      lines.add('sql' in rendered ? rendered.sql : lineComment(rendered.comment));
    }
  }
  return [...lines];
}

export function renderDdl(plan: DdlPlan, roles: readonly RoleModel[], header: readonly string[]): string {
  const { dialect } = plan;
  const out = new SectionText<RenderedTable>('\n', rememberTable);
  const block = (lines: readonly string[]): void => {
    if (!lines.length) return;
    out.push('');
    for (const line of lines) out.push(line);
  };
  for (const line of header) out.push(lineComment(line));
  const schema = dialect.createSchema(plan.namespace);
  if (schema) block([schema]);
  block(plan.droppedObjects.map(lineComment));

  const keysFrom = new Map<TablePlan, ForeignKeyPlan[]>();
  for (const key of plan.foreignKeys) {
    const list = keysFrom.get(key.from);
    if (list) list.push(key);
    else keysFrom.set(key.from, [key]);
  }
  const created = new Set<TablePlan>();
  const deferred: ForeignKeyPlan[] = [];
  for (const table of plan.tables) {
    const keys = keysFrom.get(table) ?? NO_KEYS;
    const inlineKeys = keys.filter((key) => key.to === table || created.has(key.to));
    for (const key of keys) if (!inlineKeys.includes(key)) deferred.push(key);
    out.push('');
    const start = out.mark();
    const previous = RENDERED.get(table);
    if (previous && sameKeys(previous.inlineKeys, inlineKeys)) out.push(previous.sql);
    else createTable(out, dialect, table, inlineKeys);
    out.endItem({ table, inlineKeys, sql: '' }, start);
    created.add(table);
  }
  for (const view of plan.views) block(viewStub(view));
  for (const { object, reason } of plan.others) block([lineComment(`${object.name}: ${reason}`)]);

  const keyLines = deferred.map((key) => (dialect.keys.alterTableAdd
    ? `ALTER TABLE ${key.from.ref.sql} ADD ${foreignKeyClause(dialect, key)};`
    : lineComment(`${key.from.ref.name} -> ${key.to.ref.name}: ${dialect.label} declares foreign keys only in CREATE TABLE and these tables reference each other: ${foreignKeyClause(dialect, key)}`)));
  for (const skipped of plan.skippedRelationships) keyLines.push(lineComment(skipped));
  block(keyLines);

  const grantLines = grants(plan, roles);
  if (grantLines.length) block([lineComment('Access from the contract\'s roles'), ...grantLines]);
  out.push('');
  return out.text();
}
