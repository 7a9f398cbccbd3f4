/**
 * `servers[].type` names the platform, and DDL generation and connection snippets depend on it. Our schema
 * already lists the known types, so this rule speaks only where the schema did not (should the schema ever
 * accept any text there). Exasol is accepted: ODCS 3.2 adds it and datsis generates Exasol DDL.
 */
import { suggest } from '../validation/suggest';
import { records, stringField } from './model';
import type { RuleProblem, SemanticRule } from './rule';

export const KNOWN_SERVER_TYPES: readonly string[] = [
  'api', 'athena', 'azure', 'bigquery', 'clickhouse', 'custom', 'databricks', 'db2', 'denodo', 'dremio', 'duckdb', 'exasol',
  'glue', 'cloudsql', 'hive', 'impala', 'informix', 'kafka', 'kinesis', 'local', 'mysql', 'oracle', 'postgres', 'postgresql',
  'presto', 'pubsub', 'redshift', 's3', 'sftp', 'snowflake', 'sqlserver', 'synapse', 'trino', 'vertica', 'zen',
];

export const serverTypeRule: SemanticRule = {
  id: 'unknown-server-type',
  appliesTo: ['DataContract'],
  check({ value, schemaFlagged }) {
    const problems: RuleProblem[] = [];
    for (const [server, index] of records(value.servers)) {
      const type = stringField(server, 'type');
      const path = ['servers', index, 'type'];
      if (type === undefined || KNOWN_SERVER_TYPES.includes(type) || schemaFlagged(path)) continue;
      const close = suggest(type, KNOWN_SERVER_TYPES);
      problems.push({
        path, severity: 'warning', code: 'semantic/unknown-server-type',
        message: `\`${type}\` is not a known server type${close ? ` — did you mean \`${close}\`?` : `; use \`custom\` for other platforms.`}`,
        ...(close ? { fixes: [{ title: `Change to \`${close}\``, actions: [{ kind: 'replaceValue', path, value: close }], fixAll: false }] } : {}),
      });
    }
    return problems;
  },
};
