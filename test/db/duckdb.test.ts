/**
 * The DuckDB DDL of every example contract and every official ODCS example runs on DuckDB (in process), creates
 * exactly the planned tables, columns, primary and foreign keys, and the sample queries and quality checks then run
 * against the created tables.
 */
import assert from 'node:assert/strict';
import { DuckDBInstance } from '@duckdb/node-api';
import { generateDdl } from '../../server/src/core/ddl/generate';
import { allContracts } from '../support/ddlCorpus';
import { duckdbColumns, duckdbKeys, runDuckdb } from './support/engines';
import { assertCatalogMatches, assertSamplesMatch, expectedTables } from './support/expected';
import { KNOWN_EXAMPLE_PROBLEMS } from './support/knownProblems';

describe('DuckDB runs the generated SQL of every example contract', () => {
  for (const contract of allContracts()) {
    it(`${contract.id}: DDL, sample queries and quality checks`, async () => {
      const output = generateDdl(contract.value, 'duckdb');
      const expected = expectedTables(contract.value, 'duckdb');
      const instance = await DuckDBInstance.create(':memory:');
      const connection = await instance.connect();
      try {
        await runDuckdb(connection, output.ddl);
        const schema = expected.schema ?? 'main';
        const columns = await duckdbColumns(connection, schema);
        const keys = await duckdbKeys(connection, schema);
        assertCatalogMatches(expected, columns, keys);

        assertSamplesMatch(expected, await runDuckdb(connection, output.samples));

        const known = KNOWN_EXAMPLE_PROBLEMS[contract.id];
        const checks = runDuckdb(connection, output.checks);
        if (known) {
          await assert.rejects(checks, known.duckdb, known.why);
          return;
        }
        for (const result of (await checks).filter((each) => each.columns.includes('passed'))) {
          assert.equal(result.rows.length, 1, 'a check returns one row');
          assert.equal(typeof result.rows[0]!.passed, 'boolean');
        }
      } finally {
        connection.closeSync();
        instance.closeSync();
      }
    });
  }
});
