/**
 * `datsis ddl`: the dialect from --dialect or the contract's server, --with sections, --out, and the exit codes of
 * `datsis check` (0 clean, 1 problems, 2 usage or file errors). Runs the command function on temporary files.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDdl } from '../../../server/src/cli/ddl';
import { UsageError } from '../../../server/src/cli/files';

const CLEAN = `apiVersion: v3.1.0
kind: DataContract
id: urn:test
version: 1.0.0
status: active
servers:
  - { server: ex, type: exasol, host: h, port: 8563, schema: S }
schema:
  - name: t
    properties:
      - { name: id, logicalType: integer, primaryKey: true, quality: [{ metric: nullValues, mustBe: 0 }] }
`;

describe('datsis ddl', () => {
  let dir: string;
  let out: string;
  let err: string;
  const io = () => ({ cwd: dir, stdout: (text: string) => { out += text; }, stderr: (text: string) => { err += text; } });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'datsis-ddl-'));
    out = '';
    err = '';
    writeFileSync(join(dir, 'c.odcs.yaml'), CLEAN);
    writeFileSync(join(dir, 'bad.odcs.yaml'), CLEAN.replace('logicalType: integer', 'logicalType: integer, physicalType: "float(3,2)"'));
    writeFileSync(join(dir, 'product.odps.yaml'), 'apiVersion: v1.0.0\nkind: DataProduct\nid: p\nstatus: draft\n');
    writeFileSync(join(dir, 'noserver.odcs.yaml'), CLEAN.replace(/servers:\n.*\n/, ''));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the DDL for the contract\'s first database server and exits 0', async () => {
    assert.equal(await runDdl(['c.odcs.yaml'], io()), 0);
    assert.match(out, /^CREATE TABLE S\.t \(/m);
    assert.doesNotMatch(out, /Sample queries/);
    assert.equal(err, '');
  });

  it('adds the sections asked for with --with and honours --dialect', async () => {
    assert.equal(await runDdl(['c.odcs.yaml', '--dialect', 'duckdb', '--with', 'samples,checks'], io()), 0);
    assert.match(out, /^-- DDL$/m);
    assert.match(out, /^-- Sample queries$/m);
    assert.match(out, /^-- Quality checks/m);
    assert.match(out, /^CREATE TABLE t \(/m);
  });

  it('writes --out and reports problems with file:line:col, exiting 1', async () => {
    assert.equal(await runDdl(['bad.odcs.yaml', '--dialect', 'postgres', '--out', 'sql/out.sql'], io()), 1);
    assert.match(readFileSync(join(dir, 'sql/out.sql'), 'utf8'), /CREATE TABLE t \(/);
    assert.equal(out, '');
    assert.match(err, /^bad\.odcs\.yaml:11:\d+: warning physicalType "float\(3,2\)" is not valid for PostgreSQL.*\[ddl\/invalid-physical-type\]$/m);
  });

  it('refuses an unknown dialect, listing the known ones (exit 2)', async () => {
    await assert.rejects(runDdl(['c.odcs.yaml', '--dialect', 'oracle'], io()), (error: unknown) => error instanceof UsageError
      && /unknown dialect "oracle"\. Known dialects: exasol, postgres, snowflake, bigquery, databricks, duckdb/.test(error.message));
  });

  it('refuses files that are not contracts, missing files, and contracts without a dialect', async () => {
    await assert.rejects(runDdl(['product.odps.yaml'], io()), /not an ODCS data contract/);
    await assert.rejects(runDdl(['missing.odcs.yaml'], io()), /no such file/);
    await assert.rejects(runDdl(['noserver.odcs.yaml'], io()), /names no database server; pass --dialect/);
    await assert.rejects(runDdl(['c.odcs.yaml', '--with', 'grants'], io()), /unknown --with "grants"/);
  });
});
