/**
 * DDL problems are diagnostics on the descriptor (source `ddl`), on the node to fix, for the configured dialect or
 * else the contract's first database server.
 */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/core/analyze';
import { parseDescriptor } from '../../../server/src/core/yaml/parse';
import { parseMarkers } from '../../support/markers';

const WITH_SERVER = `apiVersion: v3.1.0
kind: DataContract
id: urn:test
version: 1.0.0
status: active
servers:
  - server: pg
    type: postgres
    host: localhost
    port: 5432
    database: d
    schema: s
schema:
  - name: t
    properties:
      - name: amount
        logicalType: number
        physicalType: ‹float(3,2)›
      - name: code
        logicalType: string
        physicalType: varchar(3)
      - name: weird
        logicalType: ‹decimal›
`;

function ddlFindings(marked: string, ddlDialect?: string) {
  const { text, ranges } = parseMarkers(marked);
  const findings = analyze(parseDescriptor(text), { uri: 'file:///t.odcs.yaml', workspace: undefined, ddlDialect })
    .filter((finding) => finding.source === 'ddl');
  return { findings, ranges };
}

describe('DDL diagnostics', () => {
  it('places an invalid physicalType and an unknown type on their values, for the first server\'s dialect', () => {
    const { findings, ranges } = ddlFindings(WITH_SERVER);
    assert.deepEqual(findings.map((finding) => [finding.code, finding.span]), [
      ['ddl/invalid-physical-type', ranges[0]],
      ['ddl/unknown-type', ranges[1]],
    ]);
    assert.match(findings[0]!.message, /not valid for PostgreSQL/);
    assert.equal(findings[0]!.severity, 'warning');
  });

  it('uses the configured dialect over the contract\'s server', () => {
    // varchar(3) is fine in PostgreSQL (the server) but BigQuery has no VARCHAR.
    const marked = WITH_SERVER.replace('physicalType: varchar(3)', 'physicalType: ‹varchar(3)›');
    const { findings, ranges } = ddlFindings(marked, 'bigquery');
    const invalid = findings.filter((finding) => finding.code === 'ddl/invalid-physical-type');
    assert.deepEqual(invalid.map((finding) => finding.span), [ranges[0], ranges[1]]);
    assert.match(invalid[1]!.message, /"varchar\(3\)" is not valid for BigQuery/);
  });

  it('reports only dialect-independent problems when no dialect is known', () => {
    const noServer = WITH_SERVER.replace(/servers:[\s\S]*?schema:\n/, 'schema:\n').replace('physicalType: ‹float(3,2)›', 'physicalType: float(3,2)');
    const { findings, ranges } = ddlFindings(noServer);
    assert.deepEqual(findings.map((finding) => [finding.code, finding.span]), [['ddl/unknown-type', ranges[0]]]);
  });

  it('stays silent on data products', () => {
    const { findings } = ddlFindings('apiVersion: v1.0.0\nkind: DataProduct\nid: x\nstatus: draft\n');
    assert.deepEqual(findings, []);
  });
});
