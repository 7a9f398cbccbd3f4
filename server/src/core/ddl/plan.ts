/**
 * Turns the contract model into a plan for one dialect: the SQL name and type of every table and column, keys,
 * partition and distribution columns, resolved foreign keys, and the order to create tables in (referenced tables
 * first, because DuckDB can only declare foreign keys inside CREATE TABLE). Rendering is a separate step, so the
 * DDL, the sample queries and the quality checks all use the same names.
 */
import type { ContractModel, ObjectModel, PropertyModel, RelationshipModel } from './contract';
import { nameScope, quoteIdentifier } from './identifiers';
import { TypeResolver } from './typeResolution';
import type { DdlProblem, Dialect, SqlType, TableRef } from './types';

/** Custom property on a schema object naming the Exasol distribution key column(s). */
export const EXASOL_DISTRIBUTE_BY = 'exasolDistributeBy';

export interface ColumnPlan {
  readonly property: PropertyModel;
  readonly sql: string;
  readonly type: SqlType;
  readonly notes: readonly string[];
  readonly notNull: boolean;
}

export interface TablePlan {
  readonly object: ObjectModel;
  readonly ref: TableRef;
  readonly columns: readonly ColumnPlan[];
  /** Comments about columns or keys that could not be created. */
  readonly droppedColumns: readonly string[];
  readonly primaryKey: readonly ColumnPlan[];
  readonly partitionKey: readonly ColumnPlan[];
  readonly distributeBy: readonly ColumnPlan[];
}

export interface ForeignKeyPlan {
  readonly from: TablePlan;
  readonly fromColumns: readonly ColumnPlan[];
  readonly to: TablePlan;
  readonly toColumns: readonly ColumnPlan[];
}

export interface DdlPlan {
  readonly dialect: Dialect;
  readonly namespace: readonly string[];
  /** Tables in creation order (referenced tables first). */
  readonly tables: readonly TablePlan[];
  readonly views: readonly { readonly object: ObjectModel; readonly ref: TableRef; readonly columns: readonly ColumnPlan[] }[];
  /** Objects that produce no table or view, with the reason (rendered as comments). */
  readonly others: readonly { readonly object: ObjectModel; readonly reason: string }[];
  /** Objects left out because their name is the same identifier as an earlier object's. */
  readonly droppedObjects: readonly string[];
  readonly foreignKeys: readonly ForeignKeyPlan[];
  /** Relationships that produce no constraint, with the reason (rendered as comments). */
  readonly skippedRelationships: readonly string[];
  readonly problems: readonly DdlProblem[];
}

function byPosition(position: (property: PropertyModel) => number | undefined) {
  return (a: ColumnPlan, b: ColumnPlan): number => {
    const pa = position(a.property);
    const pb = position(b.property);
    return (pa !== undefined && pa > 0 ? pa : Infinity) - (pb !== undefined && pb > 0 ? pb : Infinity);
  };
}

export function planDdl(model: ContractModel, dialect: Dialect): DdlPlan {
  const problems: DdlProblem[] = [];
  const resolver = new TypeResolver(dialect);
  const server = model.servers.find((candidate) => candidate.dialect === dialect.id);
  const namespace = server ? dialect.namespaceOf(server.fields) : [];
  const qualify = (sql: string): string => [...namespace.map((part) => quoteIdentifier(dialect.identifiers, part)), sql].join('.');

  const relational = model.objects.filter((object) => object.kind !== 'other');
  const objectNames = nameScope(dialect.identifiers, relational.map((object) => object.tableName));
  const droppedObjects: string[] = [];
  const planned: { object: ObjectModel; ref: TableRef; columns: ColumnPlan[]; dropped: string[] }[] = [];
  relational.forEach((object, index) => {
    const scoped = objectNames[index]!;
    if (scoped.duplicateOf !== undefined) {
      droppedObjects.push(`${object.kind} "${object.tableName}" left out: it is the same ${dialect.label} identifier as "${scoped.duplicateOf}"`);
      problems.push({ code: 'ddl/name-collision', message: `"${object.tableName}" and "${scoped.duplicateOf}" are the same table name in ${dialect.label}; the DDL creates only the first.`, path: [...object.path, 'name'], severity: 'warning' });
      return;
    }
    const columnNames = nameScope(dialect.identifiers, object.properties.map((property) => property.columnName));
    const columns: ColumnPlan[] = [];
    const dropped: string[] = [];
    object.properties.forEach((property, position) => {
      const name = columnNames[position]!;
      if (name.duplicateOf !== undefined) {
        dropped.push(`column "${property.columnName}" left out: it is the same ${dialect.label} identifier as "${name.duplicateOf}"`);
        problems.push({ code: 'ddl/name-collision', message: `"${property.columnName}" and "${name.duplicateOf}" are the same column name in ${dialect.label}; the DDL creates only the first.`, path: [...property.path, 'name'], severity: 'warning' });
        return;
      }
      const { type, notes } = resolver.resolve(property);
      const notNull = (property.required || property.primaryKey) && dialect.allowsNotNull(type);
      columns.push({ property, sql: name.sql, type, notes, notNull });
    });
    planned.push({ object, ref: { sql: qualify(scoped.sql), localSql: scoped.sql, name: object.tableName }, columns, dropped });
  });
  problems.push(...resolver.problems);

  const tables = new Map<ObjectModel, TablePlan>();
  const views: DdlPlan['views'][number][] = [];
  const others: { object: ObjectModel; reason: string }[] = model.objects
    .filter((object) => object.kind === 'other')
    .map((object) => ({ object, reason: `physicalType "${object.physicalType}" is neither a table nor a view: no DDL` }));
  for (const { object, ref, columns, dropped } of planned) {
    if (columns.length === 0) {
      others.push({ object, reason: 'it has no properties, so there are no columns to create' });
      continue;
    }
    if (object.kind === 'view') {
      views.push({ object, ref, columns });
      continue;
    }
    let primaryKey = columns.filter((column) => column.property.primaryKey).sort(byPosition((property) => property.primaryKeyPosition));
    const unkeyable = primaryKey.find((column) => !dialect.keys.keyable(column.type));
    if (unkeyable) {
      dropped.push(`primary key (${primaryKey.map((column) => column.property.columnName).join(', ')}) left out: ${dialect.label} cannot key on ${unkeyable.property.columnName} (${unkeyable.type.sql})`);
      primaryKey = [];
    }
    tables.set(object, {
      object, ref, columns, droppedColumns: dropped, primaryKey,
      partitionKey: columns.filter((column) => column.property.partitioned).sort(byPosition((property) => property.partitionKeyPosition)),
      distributeBy: dialect.id === 'exasol' ? distributionColumns(object, columns, problems) : [],
    });
  }

  const { foreignKeys, skipped } = planForeignKeys([...tables.values()], dialect);
  return {
    dialect, namespace, views, problems, foreignKeys, droppedObjects,
    tables: creationOrder([...tables.values()], foreignKeys),
    others,
    skippedRelationships: skipped,
  };
}

function distributionColumns(object: ObjectModel, columns: readonly ColumnPlan[], problems: DdlProblem[]): ColumnPlan[] {
  const setting = object.customProperties.get(EXASOL_DISTRIBUTE_BY);
  if (!setting) return [];
  const names = typeof setting.value === 'string' ? [setting.value] : Array.isArray(setting.value) ? setting.value : [];
  const result: ColumnPlan[] = [];
  names.forEach((name, index) => {
    const column = columns.find((candidate) => candidate.property.name === name || candidate.property.columnName === name);
    if (column) result.push(column);
    else {
      const path = Array.isArray(setting.value) ? [...setting.path, index] : setting.path;
      problems.push({ code: 'ddl/unknown-column', message: `${EXASOL_DISTRIBUTE_BY} names "${String(name)}", which is not a property of "${object.name}".`, path, severity: 'warning' });
    }
  });
  return result;
}

/** Lookup of tables and columns by id, logical name and physical name (ids first, as references prefer them). */
class ReferenceIndex {
  private readonly tables = new Map<string, TablePlan>();
  /** Built on first use: most tables are never referenced. */
  private readonly columns = new Map<TablePlan, Map<string, ColumnPlan>>();

  constructor(tables: readonly TablePlan[]) {
    for (const table of tables) setOnce(this.tables, table.object.id, table);
    for (const table of tables) setOnce(this.tables, table.object.name, table);
    for (const table of tables) setOnce(this.tables, table.object.tableName, table);
  }

  private columnsOf(table: TablePlan): Map<string, ColumnPlan> {
    let columns = this.columns.get(table);
    if (!columns) {
      columns = new Map<string, ColumnPlan>();
      for (const column of table.columns) setOnce(columns, column.property.id, column);
      for (const column of table.columns) setOnce(columns, column.property.name, column);
      for (const column of table.columns) setOnce(columns, column.property.columnName, column);
      this.columns.set(table, columns);
    }
    return columns;
  }

  /** Finds the table and column a relationship end points to: `table.column` or `schema/<id>/properties/<id>`. */
  resolve(reference: string): { table: TablePlan; column: ColumnPlan } | string {
    if (reference.includes('#')) return `"${reference}" points to another file`;
    let tableKey: string;
    let columnKey: string;
    if (reference.includes('/')) {
      const parts = reference.replace(/^\//, '').split('/');
      if (parts.length !== 4 || parts[2] !== 'properties') return `"${reference}" does not name a property`;
      [, tableKey, , columnKey] = parts as [string, string, string, string];
    } else {
      const dot = reference.indexOf('.');
      if (dot < 0) return `"${reference}" is not of the form table.column`;
      tableKey = reference.slice(0, dot);
      columnKey = reference.slice(dot + 1);
    }
    const table = this.tables.get(tableKey);
    if (!table) return `no table "${tableKey}" in this contract`;
    const column = this.columnsOf(table).get(columnKey);
    return column ? { table, column } : `"${table.object.name}" has no property "${columnKey}"`;
  }
}

function setOnce<T>(map: Map<string, T>, key: string | undefined, value: T): void {
  if (key !== undefined && !map.has(key)) map.set(key, value);
}

const COMPATIBLE: Readonly<Record<string, string>> = { integer: 'number', decimal: 'number' };

function planForeignKeys(tables: readonly TablePlan[], dialect: Dialect): { foreignKeys: ForeignKeyPlan[]; skipped: string[] } {
  const foreignKeys: ForeignKeyPlan[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  const index = new ReferenceIndex(tables);
  const consider = (table: TablePlan, relationship: RelationshipModel, from: readonly string[] | ColumnPlan): void => {
    const label = `relationship to ${relationship.to.join(', ')}`;
    const fromColumns: ColumnPlan[] = [];
    for (const reference of Array.isArray(from) ? from : [from]) {
      if (typeof reference !== 'string') { fromColumns.push(reference as ColumnPlan); continue; }
      const resolved = index.resolve(reference);
      if (typeof resolved === 'string') return void skipped.push(`${table.ref.name}: ${label} not generated: ${resolved}`);
      if (resolved.table !== table) return void skipped.push(`${table.ref.name}: ${label} not generated: "${reference}" is not a column of this table`);
      fromColumns.push(resolved.column);
    }
    const targets = relationship.to.map((reference) => index.resolve(reference));
    const failed = targets.find((target): target is string => typeof target === 'string');
    if (failed) return void skipped.push(`${table.ref.name}: ${label} not generated: ${failed}`);
    const resolved = targets as { table: TablePlan; column: ColumnPlan }[];
    const target = resolved[0]!.table;
    if (resolved.some((end) => end.table !== target)) return void skipped.push(`${table.ref.name}: ${label} not generated: the target columns are in different tables`);
    if (resolved.length !== fromColumns.length) return void skipped.push(`${table.ref.name}: ${label} not generated: ${fromColumns.length} source column(s) but ${resolved.length} target column(s)`);
    let toColumns = resolved.map((end) => end.column);
    const keyOrder = target.primaryKey;
    const isPrimaryKey = keyOrder.length === toColumns.length && keyOrder.every((column) => toColumns.includes(column));
    const isUnique = dialect.keys.targets === 'primaryKeyOrUnique' && dialect.keys.unique !== undefined && toColumns.length === 1
      && toColumns[0]!.property.unique && dialect.keys.keyable(toColumns[0]!.type);
    if (!isPrimaryKey && !isUnique) {
      const needs = dialect.keys.targets === 'primaryKey' || dialect.keys.unique === undefined ? 'the primary key' : 'the primary key or a unique column';
      return void skipped.push(`${table.ref.name}: ${label} not generated: ${dialect.label} can only reference ${needs} of ${target.ref.name}`);
    }
    let sourceColumns = fromColumns;
    if (isPrimaryKey) {
      // Pair each source column with its target, then list both in the order of the target's key.
      const pairs = keyOrder.map((key) => fromColumns[toColumns.indexOf(key)]!);
      sourceColumns = pairs;
      toColumns = [...keyOrder];
    }
    const mismatch = sourceColumns.findIndex((column, i) => (COMPATIBLE[column.type.family] ?? column.type.family) !== (COMPATIBLE[toColumns[i]!.type.family] ?? toColumns[i]!.type.family));
    if (mismatch >= 0) return void skipped.push(`${table.ref.name}: ${label} not generated: ${sourceColumns[mismatch]!.sql} (${sourceColumns[mismatch]!.type.sql}) cannot reference ${toColumns[mismatch]!.sql} (${toColumns[mismatch]!.type.sql})`);
    const key = `${table.ref.sql}(${sourceColumns.map((column) => column.sql)})>${target.ref.sql}(${toColumns.map((column) => column.sql)})`;
    if (seen.has(key)) return;
    seen.add(key);
    foreignKeys.push({ from: table, fromColumns: sourceColumns, to: target, toColumns });
  };
  for (const table of tables) {
    for (const relationship of table.object.relationships) consider(table, relationship, relationship.from ?? []);
    for (const column of table.columns) {
      for (const relationship of column.property.relationships) consider(table, relationship, column);
    }
  }
  return { foreignKeys, skipped };
}

/**
 * Referenced tables before referencing ones, otherwise in contract order; tables in a reference cycle keep contract
 * order (their keys are added afterwards). Kahn's algorithm, always taking the earliest ready table.
 */
function creationOrder(tables: readonly TablePlan[], foreignKeys: readonly ForeignKeyPlan[]): TablePlan[] {
  const index = new Map(tables.map((table, position) => [table, position]));
  const waitingOn = tables.map(() => new Set<number>());
  const dependents = tables.map(() => [] as number[]);
  for (const key of foreignKeys) {
    const from = index.get(key.from)!;
    const to = index.get(key.to)!;
    if (from !== to && !waitingOn[from]!.has(to)) {
      waitingOn[from]!.add(to);
      dependents[to]!.push(from);
    }
  }
  const done = new Array<boolean>(tables.length).fill(false);
  const ready = new MinHeap();
  waitingOn.forEach((waiting, position) => { if (waiting.size === 0) ready.push(position); });
  const order: TablePlan[] = [];
  let nextUnplaced = 0;
  while (order.length < tables.length) {
    let position = ready.pop();
    if (position === undefined) {
      // A cycle: take the earliest table still waiting.
      while (done[nextUnplaced]) nextUnplaced++;
      position = nextUnplaced;
    }
    if (done[position]) continue;
    done[position] = true;
    order.push(tables[position]!);
    for (const dependent of dependents[position]!) {
      const waiting = waitingOn[dependent]!;
      waiting.delete(position);
      if (waiting.size === 0 && !done[dependent]) ready.push(dependent);
    }
  }
  return order;
}

/** A binary min-heap of table positions. */
class MinHeap {
  private readonly items: number[] = [];

  push(value: number): void {
    const items = this.items;
    items.push(value);
    let at = items.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (items[parent]! <= value) break;
      items[at] = items[parent]!;
      at = parent;
    }
    items[at] = value;
  }

  pop(): number | undefined {
    const items = this.items;
    if (!items.length) return undefined;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length) {
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        if (left >= items.length) break;
        const child = left + 1 < items.length && items[left + 1]! < items[left]! ? left + 1 : left;
        if (items[child]! >= last) break;
        items[at] = items[child]!;
        at = child;
      }
      items[at] = last;
    }
    return top;
  }
}
