/**
 * Golden files: the full SQL (DDL, sample queries, quality checks) of every example contract and every official ODCS
 * example, per dialect, under test/golden/ddl/<contract>/<dialect>.sql. PostgreSQL and DuckDB output is also run on
 * the engines (test/db); Exasol, Snowflake, BigQuery and Databricks output is reviewed against the vendors' syntax
 * references (CONTRIBUTING.md, "SQL dialect references"). After an intended change, regenerate with
 *   UPDATE_GOLDEN=1 npx mocha --config test/unit/.mocharc.json test/unit/ddl/golden.test.ts
 * and review the diff.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { generateDdl, renderSqlDocument } from '../../../server/src/core/ddl/generate';
import { DDL_DIALECTS } from '../../../server/src/core/ddl/types';
import { allContracts, REPO_ROOT } from '../../support/ddlCorpus';

const GOLDEN_DIR = join(REPO_ROOT, 'test/golden/ddl');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function goldenFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? goldenFiles(join(dir, entry.name)) : [join(dir, entry.name)]));
}

describe('DDL golden files', () => {
  const contracts = allContracts();
  const expected = new Set<string>();

  for (const contract of contracts) {
    for (const dialect of DDL_DIALECTS) {
      const file = join(GOLDEN_DIR, contract.id, `${dialect}.sql`);
      expected.add(file);
      it(`${contract.id} (${dialect})`, () => {
        const actual = renderSqlDocument(generateDdl(contract.value, dialect));
        if (UPDATE) {
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, actual);
          return;
        }
        assert.ok(existsSync(file), `${relative(REPO_ROOT, file)} is missing: run with UPDATE_GOLDEN=1`);
        assert.equal(actual, readFileSync(file, 'utf8'), `${relative(REPO_ROOT, file)} differs: review, then regenerate with UPDATE_GOLDEN=1`);
      });
    }
  }

  it('has no golden file without a contract', () => {
    if (UPDATE) return;
    const stale = goldenFiles(GOLDEN_DIR).filter((file) => !expected.has(file)).map((file) => relative(REPO_ROOT, file));
    assert.deepEqual(stale, []);
  });

  it('covers the examples and the official examples', () => {
    assert.ok(contracts.some((contract) => contract.id.startsWith('examples/')), 'example contracts found');
    assert.ok(contracts.filter((contract) => contract.id.startsWith('official/')).length >= 10, 'official examples found');
  });
});
