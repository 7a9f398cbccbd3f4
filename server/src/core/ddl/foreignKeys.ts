/**
 * Foreign keys of a plan: relationship ends resolved to tables and columns, checked against what the dialect can
 * reference, and the order to create tables in (referenced tables first). Split from plan.ts because this is the
 * part that spans objects and is redone for every plan, while object plans are memoised.
 */
import type { RelationshipModel } from './contract';
import type { ColumnPlan, ForeignKeyPlan, TablePlan } from './plan';
import type { Dialect } from './types';

/** A relationship end, split into the table and column it names, or why it names none. */
type ParsedReference = { readonly tableKey: string; readonly columnKey: string } | string;

/**
 * Parsed relationship ends by reference text. The texts of unchanged objects are the very same strings after a
 * keystroke, so the next plan finds them here; the map is bounded like the type caches.
 */
const PARSED_REFERENCES = new Map<string, ParsedReference>();

/** Splits `table.column` or `schema/<id>/properties/<id>`. */
function parseReference(reference: string): ParsedReference {
  let parsed = PARSED_REFERENCES.get(reference);
  if (parsed === undefined) {
    if (PARSED_REFERENCES.size > 50_000) PARSED_REFERENCES.clear();
    parsed = splitReference(reference);
    PARSED_REFERENCES.set(reference, parsed);
  }
  return parsed;
}

function splitReference(reference: string): ParsedReference {
  if (reference.includes('#')) return `"${reference}" points to another file`;
  if (reference.includes('/')) {
    const parts = reference.replace(/^\//, '').split('/');
    if (parts.length !== 4 || parts[2] !== 'properties') return `"${reference}" does not name a property`;
    return { tableKey: parts[1]!, columnKey: parts[3]! };
  }
  const dot = reference.indexOf('.');
  if (dot < 0) return `"${reference}" is not of the form table.column`;
  return { tableKey: reference.slice(0, dot), columnKey: reference.slice(dot + 1) };
}

/**
 * Column lookups by column list (a table's `columns` is its object plan's, kept while the object is unchanged): the
 * column each key names, by id first, then logical name, then physical name, as references prefer them.
 */
const COLUMN_LOOKUPS = new WeakMap<readonly ColumnPlan[], Map<string, ColumnPlan | null>>();

function columnNamed(columns: readonly ColumnPlan[], key: string): ColumnPlan | undefined {
  let lookup = COLUMN_LOOKUPS.get(columns);
  if (!lookup) COLUMN_LOOKUPS.set(columns, (lookup = new Map()));
  let column = lookup.get(key);
  if (column === undefined) {
    column = columns.find((candidate) => candidate.property.id === key)
      ?? columns.find((candidate) => candidate.property.name === key)
      ?? columns.find((candidate) => candidate.property.columnName === key)
      ?? null;
    lookup.set(key, column);
  }
  return column ?? undefined;
}

/** Lookup of tables by id, logical name and physical name (ids first, as references prefer them). */
class ReferenceIndex {
  private readonly tables = new Map<string, TablePlan>();

  constructor(tables: readonly TablePlan[]) {
    for (const table of tables) setOnce(this.tables, table.object.id, table);
    for (const table of tables) setOnce(this.tables, table.object.name, table);
    for (const table of tables) setOnce(this.tables, table.object.tableName, table);
  }

  /** Finds the table and column a relationship end points to: `table.column` or `schema/<id>/properties/<id>`. */
  resolve(reference: string): { table: TablePlan; column: ColumnPlan } | string {
    const parsed = parseReference(reference);
    if (typeof parsed === 'string') return parsed;
    const table = this.tables.get(parsed.tableKey);
    if (!table) return `no table "${parsed.tableKey}" in this contract`;
    const column = columnNamed(table.columns, parsed.columnKey);
    return column ? { table, column } : `"${table.object.name}" has no property "${parsed.columnKey}"`;
  }
}

function setOnce<T>(map: Map<string, T>, key: string | undefined, value: T): void {
  if (key !== undefined && !map.has(key)) map.set(key, value);
}

const COMPATIBLE: Readonly<Record<string, string>> = { integer: 'number', decimal: 'number' };

function comparable(column: ColumnPlan): string {
  return COMPATIBLE[column.type.family] ?? column.type.family;
}

export function sameColumns(a: readonly ColumnPlan[], b: readonly ColumnPlan[]): boolean {
  return a.length === b.length && a.every((column, index) => column === b[index]);
}

/** What planning the foreign keys of one contract collects; one per plan, passed along instead of closures. */
interface ForeignKeyState {
  readonly dialect: Dialect;
  readonly index: ReferenceIndex;
  readonly foreignKeys: ForeignKeyPlan[];
  /** The keys planned so far, by source table, to leave out a relationship given twice. */
  readonly bySource: Map<TablePlan, ForeignKeyPlan[]>;
  readonly skipped: string[];
}

export function planForeignKeys(tables: readonly TablePlan[], dialect: Dialect): { foreignKeys: ForeignKeyPlan[]; skipped: string[] } {
  const state: ForeignKeyState = { dialect, index: new ReferenceIndex(tables), foreignKeys: [], bySource: new Map(), skipped: [] };
  for (const table of tables) {
    for (const relationship of table.object.relationships) consider(state, table, relationship, relationship.from ?? []);
    for (const column of table.relatedColumns) {
      for (const relationship of column.property.relationships) consider(state, table, relationship, column);
    }
  }
  return { foreignKeys: state.foreignKeys, skipped: state.skipped };
}

function skip(state: ForeignKeyState, table: TablePlan, relationship: RelationshipModel, reason: string): void {
  state.skipped.push(`${table.ref.name}: relationship to ${relationship.to.join(', ')} not generated: ${reason}`);
}

/** Plans the key of one relationship of `table`; `from` is the property it sits on, or the schema-level sources. */
function consider(state: ForeignKeyState, table: TablePlan, relationship: RelationshipModel, from: readonly string[] | ColumnPlan): void {
  const { dialect, index } = state;
  let fromColumns: ColumnPlan[];
  if (!Array.isArray(from)) fromColumns = [from as ColumnPlan];
  else {
    fromColumns = [];
    for (const reference of from as readonly string[]) {
      const resolved = index.resolve(reference);
      if (typeof resolved === 'string') return skip(state, table, relationship, resolved);
      if (resolved.table !== table) return skip(state, table, relationship, `"${reference}" is not a column of this table`);
      fromColumns.push(resolved.column);
    }
  }
  const resolved: { table: TablePlan; column: ColumnPlan }[] = [];
  for (const reference of relationship.to) {
    const end = index.resolve(reference);
    if (typeof end === 'string') return skip(state, table, relationship, end);
    resolved.push(end);
  }
  const target = resolved[0]!.table;
  if (resolved.some((end) => end.table !== target)) return skip(state, table, relationship, 'the target columns are in different tables');
  if (resolved.length !== fromColumns.length) return skip(state, table, relationship, `${fromColumns.length} source column(s) but ${resolved.length} target column(s)`);
  let toColumns = resolved.map((end) => end.column);
  const keyOrder = target.primaryKey;
  const isPrimaryKey = keyOrder.length === toColumns.length && keyOrder.every((column) => toColumns.includes(column));
  const isUnique = dialect.keys.targets === 'primaryKeyOrUnique' && dialect.keys.unique !== undefined && toColumns.length === 1
    && toColumns[0]!.property.unique && dialect.keys.keyable(toColumns[0]!.type);
  if (!isPrimaryKey && !isUnique) {
    const needs = dialect.keys.targets === 'primaryKey' || dialect.keys.unique === undefined ? 'the primary key' : 'the primary key or a unique column';
    return skip(state, table, relationship, `${dialect.label} can only reference ${needs} of ${target.ref.name}`);
  }
  let sourceColumns = fromColumns;
  if (isPrimaryKey) {
    // Pair each source column with its target, then list both in the order of the target's key.
    const targets = toColumns;
    sourceColumns = keyOrder.map((key) => fromColumns[targets.indexOf(key)]!);
    toColumns = [...keyOrder];
  }
  const mismatch = sourceColumns.findIndex((column, i) => comparable(column) !== comparable(toColumns[i]!));
  if (mismatch >= 0) return skip(state, table, relationship, `${sourceColumns[mismatch]!.sql} (${sourceColumns[mismatch]!.type.sql}) cannot reference ${toColumns[mismatch]!.sql} (${toColumns[mismatch]!.type.sql})`);
  // The same key twice (same columns to the same target) is created once. Column names are unique per table, so
  // comparing the plans compares the SQL.
  let planned = state.bySource.get(table);
  if (planned?.some((key) => key.to === target && sameColumns(key.fromColumns, sourceColumns) && sameColumns(key.toColumns, toColumns))) return;
  const key = { from: table, fromColumns: sourceColumns, to: target, toColumns };
  if (!planned) state.bySource.set(table, (planned = []));
  planned.push(key);
  state.foreignKeys.push(key);
}

/**
 * Referenced tables before referencing ones, otherwise in contract order; tables in a reference cycle keep contract
 * order (their keys are added afterwards). Kahn's algorithm, always taking the earliest ready table.
 */
export function creationOrder(tables: readonly TablePlan[], foreignKeys: readonly ForeignKeyPlan[]): TablePlan[] {
  if (foreignKeys.length === 0) return tables.slice();
  const count = tables.length;
  const index = new Map<TablePlan, number>();
  for (let position = 0; position < count; position++) index.set(tables[position]!, position);
  /** How many distinct tables each table still waits for. */
  const waiting = new Int32Array(count);
  const dependents: (number[] | undefined)[] = new Array<number[] | undefined>(count);
  const edges = new Set<number>();
  for (const key of foreignKeys) {
    const from = index.get(key.from)!;
    const to = index.get(key.to)!;
    const edge = from * count + to;
    if (from !== to && !edges.has(edge)) {
      edges.add(edge);
      waiting[from]!++;
      (dependents[to] ??= []).push(from);
    }
  }
  const done = new Uint8Array(count);
  const ready = new MinHeap();
  for (let position = 0; position < count; position++) if (waiting[position] === 0) ready.push(position);
  const order: TablePlan[] = [];
  let nextUnplaced = 0;
  while (order.length < count) {
    let position = ready.pop();
    if (position === undefined) {
      // A cycle: take the earliest table still waiting.
      while (done[nextUnplaced]) nextUnplaced++;
      position = nextUnplaced;
    }
    if (done[position]) continue;
    done[position] = 1;
    order.push(tables[position]!);
    for (const dependent of dependents[position] ?? []) {
      if (--waiting[dependent]! === 0 && !done[dependent]) ready.push(dependent);
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
