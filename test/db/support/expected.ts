/**
 * What the engines should contain after running a contract's DDL, derived from the contract through the plan the
 * generator itself uses, so the tests compare the engine's catalogue with the names and keys the DDL promised.
 */
import { readContract } from '../../../server/src/core/ddl/contract';
import { DIALECTS } from '../../../server/src/core/ddl/dialects/index';
import { quoteIdentifier } from '../../../server/src/core/ddl/identifiers';
import { planDdl, type DdlPlan } from '../../../server/src/core/ddl/plan';
import type { DialectId, IdentifierRules } from '../../../server/src/core/ddl/types';

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
