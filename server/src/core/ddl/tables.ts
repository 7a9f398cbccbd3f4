/**
 * Renders the DDL section from a plan: schema, tables with their keys, comments, partitioning and distribution,
 * foreign keys that could not be declared inline, view stubs and grants. Every piece of contract text reaches the
 * output through the dialect's literal and identifier functions or through `lineComment`/`commentBlock`.
 */
import type { RoleModel } from './contract';
import { lineComment, shorten } from './identifiers';
import type { ColumnPlan, DdlPlan, ForeignKeyPlan, TablePlan } from './plan';
import type { Dialect } from './types';

function foreignKeyClause(dialect: Dialect, key: ForeignKeyPlan): string {
  const columns = (list: readonly ColumnPlan[]): string => list.map((column) => column.sql).join(', ');
  return `FOREIGN KEY (${columns(key.fromColumns)}) REFERENCES ${key.to.ref.sql} (${columns(key.toColumns)})${dialect.keys.foreignKey}`;
}

function description(dialect: Dialect, text: string | undefined): string | undefined {
  return text === undefined ? undefined : shorten(text, dialect.maxCommentLength);
}

/** Appends the statements of one table to `out` (one line per item; multi-line items carry their own breaks). */
function createTable(out: string[], dialect: Dialect, table: TablePlan, inlineKeys: readonly ForeignKeyPlan[]): void {
  for (const dropped of table.droppedColumns) out.push(lineComment(dropped));
  const descriptions = table.columns.map((column) => description(dialect, column.property.description));
  const entries: string[] = [];
  table.columns.forEach((column, index) => {
    for (const note of column.notes) entries.push(`  ${lineComment(`${column.property.columnName}: ${note}`)}`);
    const text = descriptions[index];
    entries.push(`  ${column.sql} ${column.type.sql}${column.notNull ? ' NOT NULL' : ''}${text ? dialect.columnComment(text) : ''},`);
  });
  if (table.primaryKey.length) entries.push(`  PRIMARY KEY (${table.primaryKey.map((column) => column.sql).join(', ')})${dialect.keys.primaryKey},`);
  const soleKey = table.primaryKey.length === 1 ? table.primaryKey[0] : undefined;
  for (const column of table.columns) {
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
    partitionColumns: table.partitionKey.map((column) => ({ sql: column.sql, type: column.type, options: column.property.logicalTypeOptions })),
    distributeColumns: table.distributeBy.map((column) => column.sql),
  };
  const { clauses, comments } = dialect.tableClauses(input);
  for (const comment of comments) out.push(lineComment(comment));
  out.push(`CREATE TABLE ${table.ref.sql} (`);
  for (const entry of entries) out.push(entry);
  if (clauses.length) {
    out.push(')');
    clauses.forEach((clause, index) => out.push(index === clauses.length - 1 ? `${clause};` : clause));
  } else {
    out.push(');');
  }
  const columns = table.columns.map((column, index) => ({ sql: column.sql, description: descriptions[index] }));
  for (const statement of dialect.afterTable({ ...input, columns })) out.push(statement);
}

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
  for (const table of plan.tables) {
    for (const role of roles) {
      const rendered = plan.dialect.grant(table.ref, role.role, role.access && /write/i.test(role.access) ? 'write' : 'read');
      lines.add('sql' in rendered ? rendered.sql : lineComment(rendered.comment));
    }
  }
  return [...lines];
}

export function renderDdl(plan: DdlPlan, roles: readonly RoleModel[], header: readonly string[]): string {
  const { dialect } = plan;
  const out: string[] = header.map(lineComment);
  const block = (lines: readonly string[]): void => {
    if (!lines.length) return;
    out.push('');
    for (const line of lines) out.push(line);
  };
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
    const keys = keysFrom.get(table) ?? [];
    const inline = keys.filter((key) => key.to === table || created.has(key.to));
    for (const key of keys) if (!inline.includes(key)) deferred.push(key);
    out.push('');
    createTable(out, dialect, table, inline);
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
  return out.join('\n');
}
