/**
 * The PostgreSQL DDL of every example contract and every official ODCS example runs on a real PostgreSQL server
 * (started by the test in a temporary folder), creates exactly the planned tables, columns and primary keys, and the
 * sample queries and quality checks then run against the created tables.
 */
import assert from 'node:assert/strict';
import type pg from 'pg';
import { generateDdl } from '../../server/src/core/ddl/generate';
import { postgres } from '../../server/src/core/ddl/dialects/postgres';
import { catalogName, quoteIdentifier } from '../../server/src/core/ddl/identifiers';
import { readContract } from '../../server/src/core/ddl/contract';
import { allContracts } from '../support/ddlCorpus';
import { postgresColumns, postgresKeys, runPostgres } from './support/engines';
import { assertCatalogMatches, assertSamplesMatch, expectedTables } from './support/expected';
import { KNOWN_EXAMPLE_PROBLEMS } from './support/knownProblems';
import { startPostgres, type PostgresServer } from './support/postgresServer';

/** Roles are cluster-wide objects that a deployment creates before granting; the test does the same. */
async function createRoles(client: pg.Client, contract: unknown): Promise<void> {
  for (const { role } of readContract(contract).roles) {
    const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [catalogName(postgres.identifiers, role)]);
    if (!exists.rowCount) await client.query(`CREATE ROLE ${quoteIdentifier(postgres.identifiers, role)}`);
  }
}

describe('PostgreSQL runs the generated SQL of every example contract', function () {
  let server: PostgresServer;
  let databases = 0;

  before(async function () {
    this.timeout(180_000);
    server = await startPostgres();
  });

  after(async function () {
    this.timeout(60_000);
    await server?.stop();
  });

  for (const contract of allContracts()) {
    it(`${contract.id}: DDL, sample queries and quality checks`, async () => {
      const output = generateDdl(contract.value, 'postgres');
      const expected = expectedTables(contract.value, 'postgres');
      const database = `contract_${++databases}`;
      const admin = await server.connect();
      await admin.query(`CREATE DATABASE ${database}`);
      await admin.end();
      const client = await server.connect(database);
      try {
        await createRoles(client, contract.value);
        await runPostgres(client, output.ddl);

        const schema = expected.schema ?? 'public';
        const columns = await postgresColumns(client, schema);
        const keys = await postgresKeys(client, schema);
        assertCatalogMatches(expected, columns, keys);

        assertSamplesMatch(expected, await runPostgres(client, output.samples));

        const known = KNOWN_EXAMPLE_PROBLEMS[contract.id];
        if (known) {
          await assert.rejects(runPostgres(client, output.checks), known.postgres, known.why);
          return;
        }
        const checks = await runPostgres(client, output.checks);
        for (const result of checks.filter((each) => each.columns.includes('passed'))) {
          assert.equal(result.rows.length, 1, 'a check returns one row');
          assert.equal(typeof result.rows[0]!.passed, 'boolean');
        }
      } finally {
        await client.end();
      }
    });
  }
});
