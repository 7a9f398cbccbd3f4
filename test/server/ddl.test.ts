/**
 * `datsis/ddl` over stdio, as any editor would call it: the SQL of an open contract in the requested dialect (or the
 * dialect of its first database server), the sections in their own fields, null for other documents, an error for
 * an unknown dialect, and the answer follows the document's edits. DDL problems arrive as diagnostics.
 */
import * as assert from 'node:assert/strict';
import { Methods, type DdlParams, type DdlResult } from '../../server/src/protocol';
import { TestLspClient } from './lspClient';

const URI = 'file:///tmp/datsis-ddl-test/orders.odcs.yaml';
const CONTRACT = `apiVersion: v3.1.0
kind: DataContract
id: urn:test:orders
version: 1.0.0
status: active
servers:
  - { server: ex, type: exasol, host: h, port: 8563, schema: SHOP }
schema:
  - name: orders
    quality:
      - { metric: rowCount, mustBeGreaterThan: 0 }
    properties:
      - { name: order_id, logicalType: string, physicalType: "varchar(36)", primaryKey: true }
      - { name: note, logicalType: string, physicalType: "text" }
`;

describe('datsis/ddl request', () => {
  let client: TestLspClient;
  const ddl = (params: DdlParams) => client.connection.sendRequest<DdlResult | null>(Methods.ddl, params);

  before(async () => {
    client = new TestLspClient();
    await client.initialize();
    await client.open(URI, CONTRACT);
  });

  after(async () => {
    await client.dispose();
  });

  it('generates for the contract\'s first database server when no dialect is given', async () => {
    const result = await ddl({ textDocument: { uri: URI } });
    assert.equal(result?.dialect, 'exasol');
    assert.match(result!.sql, /^CREATE TABLE SHOP\.orders \($/m);
    assert.match(result!.samples, /^SELECT order_id\nFROM SHOP\.orders\nLIMIT 10;$/m);
    assert.match(result!.checks, /\(row_count > 0\) AS passed/);
  });

  it('generates the requested dialect and follows edits', async () => {
    assert.match((await ddl({ textDocument: { uri: URI }, dialect: 'duckdb' }))!.sql, /^ {2}note VARCHAR,?$/m);
    await client.replace(URI, CONTRACT.replace('name: note', 'name: remark'));
    assert.match((await ddl({ textDocument: { uri: URI }, dialect: 'duckdb' }))!.sql, /^ {2}remark VARCHAR,?$/m);
  });

  it('reports the DDL problem of the configured dialect as a diagnostic', async () => {
    const diagnostics = await client.diagnostics(URI, (all) => all.some((diagnostic) => diagnostic.code === 'ddl/invalid-physical-type'));
    assert.match(String(diagnostics.find((diagnostic) => diagnostic.code === 'ddl/invalid-physical-type')!.message), /"text" is not valid for Exasol/);
  });

  it('answers null for documents that are not contracts and refuses unknown dialects', async () => {
    const product = 'file:///tmp/datsis-ddl-test/p.odps.yaml';
    await client.open(product, 'apiVersion: v1.0.0\nkind: DataProduct\nid: p\nstatus: draft\n');
    assert.equal(await ddl({ textDocument: { uri: product }, dialect: 'postgres' }), null);
    await assert.rejects(ddl({ textDocument: { uri: URI }, dialect: 'oracle' as never }), /Unknown dialect "oracle"\. Known dialects: exasol, postgres/);
  });
});
