/**
 * The dialect registry, and the mapping from ODCS server types to dialects (a contract's first database server
 * decides the dialect when the user has not chosen one).
 */
import type { Dialect, DialectId } from '../types';
import { bigquery } from './bigquery';
import { databricks } from './databricks';
import { duckdb } from './duckdb';
import { exasol } from './exasol';
import { postgres } from './postgres';
import { snowflake } from './snowflake';

export const DIALECTS: Readonly<Record<DialectId, Dialect>> = { exasol, postgres, snowflake, bigquery, databricks, duckdb };

/** ODCS `servers[].type` values that name one of our dialects (`exasol` is an ODCS 3.2 server type). */
const SERVER_TYPES: Readonly<Record<string, DialectId>> = {
  exasol: 'exasol',
  postgres: 'postgres',
  postgresql: 'postgres',
  snowflake: 'snowflake',
  bigquery: 'bigquery',
  databricks: 'databricks',
  duckdb: 'duckdb',
};

export function dialectForServerType(type: unknown): DialectId | undefined {
  return typeof type === 'string' ? SERVER_TYPES[type.toLowerCase()] : undefined;
}
