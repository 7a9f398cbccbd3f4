/**
 * Turns the contract model into a plan for one dialect: the SQL name and type of every table and column, keys,
 * partition and distribution columns, resolved foreign keys, and the order to create tables in (referenced tables
 * first, because DuckDB can only declare foreign keys inside CREATE TABLE). Rendering is a separate step, so the
 * DDL, the sample queries and the quality checks all use the same names.
 *
 * Everything that depends on one schema object alone (its column names, types, keys and problems) is planned once
 * per object model and dialect (`planObject`) and kept while the model lives; the contract model keeps unchanged
 * objects identical across keystrokes (contract.ts), so the DDL diagnostics and the preview of an edited contract
 * redo only the edited object. What spans objects (table names, foreign keys, creation order) is redone each time.
 */
import type { ContractModel, ObjectModel, PropertyModel } from './contract';
import { creationOrder, planForeignKeys } from './foreignKeys';
import { quoteIdentifier } from './identifiers';
import { scopeNames } from './nameScope';
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
  /** The columns whose property has relationships, so foreign key planning need not visit every column. */
  readonly relatedColumns: readonly ColumnPlan[];
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

/** The plan of one schema object in one dialect: everything that does not depend on the rest of the contract. */
export interface ObjectPlan {
  readonly columns: readonly ColumnPlan[];
  /** Comments about columns or keys that could not be created. */
  readonly droppedColumns: readonly string[];
  /** Keys, partitioning and distribution: only for tables with columns. */
  readonly primaryKey: readonly ColumnPlan[];
  readonly partitionKey: readonly ColumnPlan[];
  readonly distributeBy: readonly ColumnPlan[];
  /** The columns whose property has relationships, so foreign key planning need not visit every column. */
  readonly relatedColumns: readonly ColumnPlan[];
  /** Problems in the order the contract-wide list wants them: name collisions, types, distribution. */
  readonly collisionProblems: readonly DdlProblem[];
  readonly typeProblems: readonly DdlProblem[];
  readonly distributionProblems: readonly DdlProblem[];
}

const NONE: readonly never[] = [];

function byPosition(position: (property: PropertyModel) => number | undefined) {
  return (a: ColumnPlan, b: ColumnPlan): number => {
    const pa = position(a.property);
    const pb = position(b.property);
    return (pa !== undefined && pa > 0 ? pa : Infinity) - (pb !== undefined && pb > 0 ? pb : Infinity);
  };
}
const byPrimaryKeyPosition = byPosition((property) => property.primaryKeyPosition);
const byPartitionKeyPosition = byPosition((property) => property.partitionKeyPosition);

/** Object plans by dialect and object model; weak, so they go with the contract model they were made from. */
const OBJECT_PLANS = new Map<Dialect, WeakMap<ObjectModel, ObjectPlan>>();

export function planObject(object: ObjectModel, dialect: Dialect): ObjectPlan {
  let plans = OBJECT_PLANS.get(dialect);
  if (!plans) OBJECT_PLANS.set(dialect, (plans = new WeakMap()));
  let plan = plans.get(object);
  if (!plan) {
    plan = computeObjectPlan(object, dialect);
    plans.set(object, plan);
  }
  return plan;
}

function computeObjectPlan(object: ObjectModel, dialect: Dialect): ObjectPlan {
  const { properties } = object;
  const resolver = new TypeResolver(dialect);
  const names = new Array<string>(properties.length);
  for (let position = 0; position < properties.length; position++) names[position] = properties[position]!.columnName;
  const scoped = scopeNames(dialect.identifiers, names);
  const columns: ColumnPlan[] = [];
  let relatedColumns: ColumnPlan[] | undefined;
  let dropped: string[] | undefined;
  let collisionProblems: DdlProblem[] | undefined;
  for (let position = 0; position < properties.length; position++) {
    const property = properties[position]!;
    const duplicateOf = scoped.duplicateOf?.[position];
    if (duplicateOf !== undefined) {
      (dropped ??= []).push(`column "${property.columnName}" left out: it is the same ${dialect.label} identifier as "${duplicateOf}"`);
      (collisionProblems ??= []).push({ code: 'ddl/name-collision', message: `"${property.columnName}" and "${duplicateOf}" are the same column name in ${dialect.label}; the DDL creates only the first.`, path: [...property.path, 'name'], severity: 'warning' });
      continue;
    }
    const { type, notes } = resolver.resolve(property);
    const notNull = (property.required || property.primaryKey) && dialect.allowsNotNull(type);
    const column = { property, sql: scoped.sql[position]!, type, notes, notNull };
    columns.push(column);
    if (property.relationships.length) (relatedColumns ??= []).push(column);
  }
  const plan = {
    columns,
    droppedColumns: dropped ?? NONE,
    primaryKey: NONE as readonly ColumnPlan[],
    partitionKey: NONE as readonly ColumnPlan[],
    distributeBy: NONE as readonly ColumnPlan[],
    relatedColumns: relatedColumns ?? NONE,
    collisionProblems: collisionProblems ?? NONE,
    typeProblems: resolver.problems.length ? resolver.problems : NONE,
    distributionProblems: NONE as readonly DdlProblem[],
  };
  if (object.kind !== 'table' || columns.length === 0) return plan;

  let primaryKey: ColumnPlan[] = [];
  let partitionKey: ColumnPlan[] | undefined;
  for (let index = 0; index < columns.length; index++) {
    const column = columns[index]!;
    if (column.property.primaryKey) primaryKey.push(column);
    if (column.property.partitioned) (partitionKey ??= []).push(column);
  }
  if (primaryKey.length > 1) primaryKey.sort(byPrimaryKeyPosition);
  const unkeyable = primaryKey.find((column) => !dialect.keys.keyable(column.type));
  if (unkeyable) {
    dropped = [...dropped ?? NONE, `primary key (${primaryKey.map((column) => column.property.columnName).join(', ')}) left out: ${dialect.label} cannot key on ${unkeyable.property.columnName} (${unkeyable.type.sql})`];
    primaryKey = [];
  }
  const distributionProblems: DdlProblem[] = [];
  return {
    ...plan,
    droppedColumns: dropped ?? NONE,
    primaryKey: primaryKey.length ? primaryKey : NONE,
    partitionKey: partitionKey ? partitionKey.sort(byPartitionKeyPosition) : NONE,
    distributeBy: dialect.id === 'exasol' ? distributionColumns(object, columns, distributionProblems) : NONE,
    distributionProblems: distributionProblems.length ? distributionProblems : NONE,
  };
}

export function planDdl(model: ContractModel, dialect: Dialect): DdlPlan {
  const rules = dialect.identifiers;
  const server = model.servers.find((candidate) => candidate.dialect === dialect.id);
  const namespace = server ? dialect.namespaceOf(server.fields) : [];
  const prefix = namespace.map((part) => `${quoteIdentifier(rules, part)}.`).join('');

  const relational = model.objects.filter((object) => object.kind !== 'other');
  const objectNames = scopeNames(rules, relational.map((object) => object.tableName));
  const droppedObjects: string[] = [];
  const problems: DdlProblem[] = [];
  const typeProblems: DdlProblem[] = [];
  const distributionProblems: (readonly DdlProblem[])[] = [];
  const tables: TablePlan[] = [];
  const views: DdlPlan['views'][number][] = [];
  const others: { object: ObjectModel; reason: string }[] = model.objects
    .filter((object) => object.kind === 'other')
    .map((object) => ({ object, reason: `physicalType "${object.physicalType}" is neither a table nor a view: no DDL` }));
  const empty: { object: ObjectModel; reason: string }[] = [];
  for (let index = 0; index < relational.length; index++) {
    const object = relational[index]!;
    const duplicateOf = objectNames.duplicateOf?.[index];
    if (duplicateOf !== undefined) {
      droppedObjects.push(`${object.kind} "${object.tableName}" left out: it is the same ${dialect.label} identifier as "${duplicateOf}"`);
      problems.push({ code: 'ddl/name-collision', message: `"${object.tableName}" and "${duplicateOf}" are the same table name in ${dialect.label}; the DDL creates only the first.`, path: [...object.path, 'name'], severity: 'warning' });
      continue;
    }
    const planned = planObject(object, dialect);
    for (const problem of planned.collisionProblems) problems.push(problem);
    for (const problem of planned.typeProblems) typeProblems.push(problem);
    const localSql = objectNames.sql[index]!;
    if (planned.columns.length === 0) empty.push({ object, reason: 'it has no properties, so there are no columns to create' });
    else if (object.kind === 'view') views.push({ object, ref: { sql: prefix + localSql, localSql, name: object.tableName }, columns: planned.columns });
    else {
      tables.push(tablePlan(object, planned, prefix, localSql));
      if (planned.distributionProblems.length) distributionProblems.push(planned.distributionProblems);
    }
  }
  for (const problem of typeProblems) problems.push(problem);
  for (const found of distributionProblems) for (const problem of found) problems.push(problem);
  for (const other of empty) others.push(other);

  const { foreignKeys, skipped } = planForeignKeys(tables, dialect);
  return {
    dialect, namespace, views, problems, foreignKeys, droppedObjects,
    tables: creationOrder(tables, foreignKeys),
    others,
    skippedRelationships: skipped,
  };
}

/**
 * The table plan of each object plan, kept for as long as the object plan lives: while the table's qualified name
 * stays the same, the next plan of the contract reuses it, so the SQL rendered per table plan (tables.ts, samples.ts,
 * checks.ts) is reused after a keystroke elsewhere in the contract.
 */
const TABLE_PLANS = new WeakMap<ObjectPlan, { readonly prefix: string; readonly table: TablePlan }>();

function tablePlan(object: ObjectModel, planned: ObjectPlan, prefix: string, localSql: string): TablePlan {
  const previous = TABLE_PLANS.get(planned);
  if (previous && previous.prefix === prefix && previous.table.ref.localSql === localSql) return previous.table;
  const table: TablePlan = {
    object, ref: { sql: prefix + localSql, localSql, name: object.tableName }, columns: planned.columns, droppedColumns: planned.droppedColumns,
    primaryKey: planned.primaryKey, partitionKey: planned.partitionKey, distributeBy: planned.distributeBy, relatedColumns: planned.relatedColumns,
  };
  TABLE_PLANS.set(planned, { prefix, table });
  return table;
}

function distributionColumns(object: ObjectModel, columns: readonly ColumnPlan[], problems: DdlProblem[]): readonly ColumnPlan[] {
  const setting = object.customProperties.get(EXASOL_DISTRIBUTE_BY);
  if (!setting) return NONE;
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
