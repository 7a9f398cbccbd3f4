/**
 * Property: for random valid contracts (names with quotes, spaces, reserved words and non-Latin letters; every
 * logical type and option; keys, partitions, a foreign key, quality rules, roles) the PostgreSQL and DuckDB DDL runs,
 * and the tables, columns, types, nullability and keys read back from the catalogue match the contract. The sample
 * queries and quality checks run too. Each run uses its own schema.
 */
import assert from 'node:assert/strict';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import type pg from 'pg';
import { generateDdl } from '../../server/src/core/ddl/generate';
import { contractArb, withSchema, type GenContract } from './support/arbitraryContract';
import { duckdbColumns, duckdbKeys, postgresColumns, postgresKeys, runDuckdb, runPostgres, type StatementResult } from './support/engines';
import { startPostgres, type PostgresServer } from './support/postgresServer';
import { catalogDifferences, storedName } from './support/roundTrip';

const RUNS = Number(process.env.DATSIS_PROPERTY_RUNS ?? 60);

function checkResults(results: readonly StatementResult[]): void {
  for (const result of results.filter((each) => each.columns.includes('passed'))) {
    assert.equal(result.rows.length, 1, 'each check returns one row');
    assert.equal(typeof result.rows[0]!.passed, 'boolean');
  }
}

function describeFailure(contract: GenContract, sql: string, error: unknown): Error {
  return new Error(`${(error as Error).message}\n--- contract ---\n${JSON.stringify(contract, null, 1)}\n--- sql ---\n${sql}`);
}

describe('Generated DDL round-trips through real engines (property)', function () {
  this.timeout(600_000);

  describe('PostgreSQL', () => {
    let server: PostgresServer;
    let client: pg.Client;
    let reserved: Set<string>;
    let run = 0;

    before(async () => {
      server = await startPostgres();
      client = await server.connect();
      const { rows } = await client.query<{ word: string }>("SELECT word FROM pg_get_keywords() WHERE catcode IN ('R', 'T')");
      reserved = new Set(rows.map((row) => row.word));
    });

    after(async () => {
      await client?.end();
      await server?.stop();
    });

    it(`${RUNS} random contracts: DDL runs and the catalogue matches the contract`, async () => {
      await fc.assert(fc.asyncProperty(contractArb, async (generated) => {
        const contract = withSchema(generated, `${generated.servers[0]!.schema as string} ${++run}`);
        const output = generateDdl(contract, 'postgres');
        const roles = (contract.roles ?? []).map((role) => role.role);
        for (const role of roles) {
          const name = storedName('postgres', role, reserved);
          const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name]);
          if (!exists.rowCount) await client.query(`CREATE ROLE "${name.replaceAll('"', '""')}"`);
        }
        try {
          await runPostgres(client, output.ddl);
        } catch (error) {
          throw describeFailure(contract, output.ddl, error);
        }
        const schema = storedName('postgres', contract.servers[0]!.schema as string, reserved);
        const differences = catalogDifferences('postgres', contract, await postgresColumns(client, schema), await postgresKeys(client, schema), reserved);
        assert.deepEqual(differences, [], JSON.stringify(contract, null, 1));
        await runPostgres(client, output.samples);
        checkResults(await runPostgres(client, output.checks));
        await client.query('RESET search_path');
      }), { numRuns: RUNS });
    });
  });

  describe('DuckDB', () => {
    let instance: DuckDBInstance;
    let connection: DuckDBConnection;
    let run = 0;

    before(async () => {
      instance = await DuckDBInstance.create(':memory:');
      connection = await instance.connect();
    });

    after(() => {
      connection?.closeSync();
      instance?.closeSync();
    });

    it(`${RUNS} random contracts: DDL runs and the catalogue matches the contract`, async () => {
      await fc.assert(fc.asyncProperty(contractArb, async (generated) => {
        const contract = withSchema(generated, `${generated.servers[1]!.schema as string} ${++run}`);
        const output = generateDdl(contract, 'duckdb');
        try {
          await runDuckdb(connection, output.ddl);
        } catch (error) {
          throw describeFailure(contract, output.ddl, error);
        }
        const schema = contract.servers[1]!.schema as string;
        const differences = catalogDifferences('duckdb', contract, await duckdbColumns(connection, schema), await duckdbKeys(connection, schema), new Set());
        assert.deepEqual(differences, [], JSON.stringify(contract, null, 1));
        await runDuckdb(connection, output.samples);
        checkResults(await runDuckdb(connection, output.checks));
        await connection.run('USE memory.main');
      }), { numRuns: RUNS });
    });
  });
});
