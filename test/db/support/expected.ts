/**
 * What the engines should contain after running a contract's DDL, derived from the contract through the plan the
 * generator itself uses, so the tests compare the engine's catalogue with the names and keys the DDL promised.
 */
import assert from 'node:assert/strict';
import { readContract } from '../../../server/src/core/ddl/contract';
import { DIALECTS } from '../../../server/src/core/ddl/dialects/index';
import { quoteIdentifier } from '../../../server/src/core/ddl/identifiers';
import { planDdl, type DdlPlan } from '../../../server/src/core/ddl/plan';
import type { DialectId, IdentifierRules } from '../../../server/src/core/ddl/types';
import type { CatalogColumn, CatalogKey, StatementResult } from './engines';

/** The name an engine stores for an identifier written as `sql` (the inverse of quoting). */
export function storedName(rules: IdentifierRules, sql: string): string {
  if (sql.startsWith(rules.quote) && sql.endsWith(rules.quote)) return sql.slice(1, -1).replaceAll(rules.quote + rules.quote, rules.quote);
  return rules.fold === 'upper' ? sql.toUpperCase() : rules.fold === 'lower' ? sql.toLowerCase() : sql;
}

export interface ExpectedTable {
  readonly name: string;
  readonly columns: readonly string[];
  readonly primaryKey: readonly string[];
}

export function expectedTables(contract: unknown, dialect: DialectId): { plan: DdlPlan; schema: string | undefined; tables: ExpectedTable[] } {
  const plan = planDdl(readContract(contract), DIALECTS[dialect]);
  const rules = plan.dialect.identifiers;
  const last = plan.namespace[plan.namespace.length - 1];
  return {
    plan,
    schema: last === undefined ? undefined : storedName(rules, quoteIdentifier(rules, last)),
    tables: plan.tables.map((table) => ({
      name: storedName(rules, table.ref.localSql),
      columns: table.columns.map((column) => storedName(rules, column.sql)),
      primaryKey: table.primaryKey.map((column) => storedName(rules, column.sql)),
    })),
  };
}

type Expected = ReturnType<typeof expectedTables>;

/** The engine created exactly the promised tables, with their columns in order, primary keys and foreign keys. */
export function assertCatalogMatches(expected: Expected, columns: readonly CatalogColumn[], keys: readonly CatalogKey[]): void {
  for (const table of expected.tables) {
    assert.deepEqual(columns.filter((column) => column.table === table.name).map((column) => column.column), table.columns, `columns of ${table.name}`);
    const primaryKey = keys.find((key) => key.table === table.name && key.kind === 'PRIMARY KEY');
    assert.deepEqual(primaryKey?.columns ?? [], table.primaryKey, `primary key of ${table.name}`);
  }
  assert.equal(new Set(columns.map((column) => column.table)).size, expected.tables.length, 'no other tables');
  assert.equal(keys.filter((key) => key.kind === 'FOREIGN KEY').length, expected.plan.foreignKeys.length, 'foreign keys');
}

/** One sample query per table, each selecting only that table's columns. */
export function assertSamplesMatch(expected: Expected, samples: readonly StatementResult[]): void {
  assert.equal(samples.length, expected.tables.length, 'one sample query per table');
  samples.forEach((result, index) => assert.ok(result.columns.length > 0 && result.columns.every((name) => expected.tables[index]!.columns.includes(name))));
}
