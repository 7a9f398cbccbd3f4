/**
 * Snowflake and BigQuery have no engine here, so besides the golden files their output is parsed by
 * node-sql-parser in that dialect, for the statements the parser supports: the sample queries and the generated
 * quality checks (both dialects) and CREATE SCHEMA (Snowflake). Hand-written `type: sql` checks are the author's
 * SQL and are not parsed; CREATE TABLE with COMMENT/OPTIONS clauses is beyond the parser and covered by golden files.
 */
import assert from 'node:assert/strict';
import { Parser } from 'node-sql-parser';
import { generateDdl } from '../../../server/src/core/ddl/generate';
import { allContracts } from '../../support/ddlCorpus';

const parser = new Parser();

/** Statements of a generated script: comment lines dropped, split at line-ending semicolons. */
function statements(sql: string): string[] {
  return sql.split('\n').filter((line) => !line.startsWith('--')).join('\n')
    .split(/;\n/).map((statement) => statement.trim().replace(/;$/, '')).filter(Boolean);
}

function generatedChecks(sql: string): string[] {
  return statements(sql).filter((statement) => /^SELECT (failing_count|row_count)\b/.test(statement));
}

describe('Snowflake and BigQuery output parses with node-sql-parser', () => {
  for (const database of ['snowflake', 'bigquery'] as const) {
    for (const contract of allContracts()) {
      it(`${contract.id} (${database}): sample queries and generated checks`, () => {
        const output = generateDdl(contract.value, database);
        const selects = [...statements(output.samples), ...generatedChecks(output.checks)];
        for (const statement of selects) {
          assert.doesNotThrow(() => parser.astify(statement, { database }), `${database} could not parse:\n${statement}`);
        }
        if (database === 'snowflake') {
          for (const statement of statements(output.ddl).filter((each) => each.startsWith('CREATE SCHEMA'))) {
            assert.doesNotThrow(() => parser.astify(statement, { database }), statement);
          }
        }
      });
    }
  }

  it('parses something: the corpus has sample queries and checks in both dialects', () => {
    const output = generateDdl(allContracts().find((contract) => contract.id === 'official/full-example')!.value, 'bigquery');
    assert.ok(statements(output.samples).length >= 2);
    assert.ok(generatedChecks(output.checks).length >= 2);
  });
});
