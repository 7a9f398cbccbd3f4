/**
 * What makes a server entry a full address, per server type: the keys a consumer (or a tool) needs to connect
 * without asking anyone. Our own table, kept to the connection essentials; `exasol` is included ahead of ODCS
 * 3.2 because it is a first-class DDL target here.
 */
export const SERVER_ADDRESS_KEYS: Readonly<Record<string, readonly string[]>> = {
  api: ['location'],
  athena: ['stagingDir', 'schema'],
  azure: ['location', 'format'],
  bigquery: ['project', 'dataset'],
  clickhouse: ['host', 'port', 'database'],
  cloudsql: ['host', 'port', 'database', 'schema'],
  databricks: ['catalog', 'schema'],
  db2: ['host', 'port', 'database'],
  denodo: ['host', 'port'],
  dremio: ['host', 'port'],
  duckdb: ['database'],
  exasol: ['host', 'port', 'schema'],
  glue: ['account', 'database'],
  hive: ['host', 'database'],
  impala: ['host', 'database'],
  informix: ['host', 'database'],
  kafka: ['host'],
  kinesis: ['stream'],
  local: ['path', 'format'],
  mysql: ['host', 'port', 'database'],
  oracle: ['host', 'port', 'serviceName'],
  postgres: ['host', 'port', 'database', 'schema'],
  postgresql: ['host', 'port', 'database', 'schema'],
  presto: ['host'],
  pubsub: ['project'],
  redshift: ['database', 'schema'],
  s3: ['location'],
  sftp: ['location'],
  snowflake: ['account', 'database', 'schema'],
  sqlserver: ['host', 'database', 'schema'],
  synapse: ['host', 'port', 'database'],
  trino: ['host', 'port', 'catalog', 'schema'],
  vertica: ['host', 'port', 'database', 'schema'],
  zen: ['host', 'database'],
};

/** For types we do not know (and `custom`): any one of these keys counts as an address. */
export const GENERIC_ADDRESS_KEYS: readonly string[] = ['host', 'location', 'url', 'path', 'account', 'project', 'database'];

/** Placeholder values a quick-fix writes for a missing address key. */
export function addressPlaceholder(key: string, index: number): string | number {
  if (key === 'port') return `\${${index}:5432}`;
  if (key === 'host') return `\${${index}:db.example.com}`;
  if (key === 'location') return `\${${index}:s3://bucket/path}`;
  return `\${${index}:${key}}`;
}
