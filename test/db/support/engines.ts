/**
 * Running generated scripts on the real engines and reading their catalogues back, in one shape for both engines so
 * the tests can compare a contract with what PostgreSQL and DuckDB actually created.
 */
import { StatementType, type DuckDBConnection } from '@duckdb/node-api';
import type pg from 'pg';

export interface StatementResult {
  readonly columns: readonly string[];
  readonly rows: readonly Record<string, unknown>[];
}

/**
 * Runs a multi-statement script on PostgreSQL (simple query protocol) and returns the result of each statement
 * that returns rows (queries), leaving out DDL and SET statements.
 */
export async function runPostgres(client: pg.Client, sql: string): Promise<StatementResult[]> {
  const result = (await client.query(sql)) as unknown as pg.QueryResult | pg.QueryResult[];
  return (Array.isArray(result) ? result : [result])
    .filter((each) => each.command === 'SELECT')
    .map((each) => ({ columns: each.fields.map((field) => field.name), rows: each.rows as Record<string, unknown>[] }));
}

/**
 * Runs a script on DuckDB statement by statement (later statements see the tables earlier ones created) and returns
 * the result of each SELECT.
 */
export async function runDuckdb(connection: DuckDBConnection, sql: string): Promise<StatementResult[]> {
  // DuckDB refuses to extract statements from a script of comments only (a contract without tables or rules).
  if (sql.split('\n').every((line) => line.trim() === '' || line.trim().startsWith('--'))) return [];
  const statements = await connection.extractStatements(sql);
  const results: StatementResult[] = [];
  for (let index = 0; index < statements.count; index++) {
    const prepared = await statements.prepare(index);
    const isQuery = prepared.statementType === StatementType.SELECT;
    const reader = await prepared.runAndReadAll();
    if (isQuery) results.push({ columns: reader.columnNames(), rows: reader.getRowObjectsJS() as Record<string, unknown>[] });
  }
  return results;
}

/** A column as the engine's catalogue describes it. */
export interface CatalogColumn {
  readonly table: string;
  readonly column: string;
  readonly dataType: string;
  readonly nullable: boolean;
}

export interface CatalogKey {
  readonly table: string;
  readonly kind: 'PRIMARY KEY' | 'UNIQUE' | 'FOREIGN KEY';
  /** Columns in key order. */
  readonly columns: readonly string[];
  /** For foreign keys: the referenced table and columns. */
  readonly references?: { readonly table: string; readonly columns: readonly string[] };
}

export async function postgresColumns(client: pg.Client, schema: string): Promise<CatalogColumn[]> {
  const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(
    `SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS data_type,
            CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END AS is_nullable
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`, [schema]);
  return rows.map((row) => ({ table: row.table_name, column: row.column_name, dataType: row.data_type, nullable: row.is_nullable === 'YES' }));
}

export async function postgresKeys(client: pg.Client, schema: string): Promise<CatalogKey[]> {
  const { rows } = await client.query<{ table_name: string; contype: string; columns: string[]; ref_table: string | null; ref_columns: string[] | null }>(
    `SELECT c.relname AS table_name, k.contype,
            ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(n, i) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i)::text[] AS columns,
            r.relname AS ref_table,
            CASE WHEN k.confrelid <> 0 THEN ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(n, i) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i)::text[] END AS ref_columns
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_class r ON r.oid = k.confrelid
      WHERE n.nspname = $1 AND k.contype IN ('p', 'u', 'f')
      ORDER BY c.relname, k.contype, k.conname`, [schema]);
  const kinds = { p: 'PRIMARY KEY', u: 'UNIQUE', f: 'FOREIGN KEY' } as const;
  return rows.map((row) => ({
    table: row.table_name, kind: kinds[row.contype as keyof typeof kinds], columns: row.columns,
    ...(row.ref_table ? { references: { table: row.ref_table, columns: row.ref_columns ?? [] } } : {}),
  }));
}

export async function duckdbColumns(connection: DuckDBConnection, schema: string): Promise<CatalogColumn[]> {
  const reader = await connection.runAndReadAll(
    `SELECT table_name, column_name, data_type, is_nullable FROM duckdb_columns() WHERE database_name = current_database() AND NOT internal AND schema_name = $1 ORDER BY table_name, column_index`, [schema]);
  return (reader.getRowObjectsJS() as { table_name: string; column_name: string; data_type: string; is_nullable: boolean }[])
    .map((row) => ({ table: row.table_name, column: row.column_name, dataType: row.data_type, nullable: row.is_nullable }));
}

export async function duckdbKeys(connection: DuckDBConnection, schema: string): Promise<CatalogKey[]> {
  const reader = await connection.runAndReadAll(
    `SELECT table_name, constraint_type, constraint_column_names, referenced_table, referenced_column_names
       FROM duckdb_constraints() WHERE database_name = current_database() AND schema_name = $1 AND constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
      ORDER BY table_name, constraint_type, constraint_index`, [schema]);
  return (reader.getRowObjectsJS() as { table_name: string; constraint_type: CatalogKey['kind']; constraint_column_names: string[]; referenced_table: string | null; referenced_column_names: string[] | null }[])
    .map((row) => ({
      table: row.table_name, kind: row.constraint_type, columns: row.constraint_column_names,
      ...(row.constraint_type === 'FOREIGN KEY' && row.referenced_table ? { references: { table: row.referenced_table, columns: row.referenced_column_names ?? [] } } : {}),
    }));
}
