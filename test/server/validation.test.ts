/**
 * Validation over stdio: schema and semantic findings arrive as diagnostics on the exact ranges marked in the
 * fixtures, with their codes and quick-fix data, exactly as any LSP editor would receive them.
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { parseMarkers } from '../support/markers';
import { rangeOffsets, TestLspClient } from './lspClient';

const HEADER = 'apiVersion: v3.1.0\nkind: DataContract\nid: urn:orders\nversion: 1.0.0\nstatus: active\n';

describe('server over stdio: schema and semantic validation', () => {
  let client: TestLspClient;

  before(async () => {
    client = new TestLspClient();
    await client.initialize();
  });
  after(async () => client.dispose());

  const codesOf = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => String(d.code));

  it('puts an unknown key on the key and a bad enum value on the value, with fixes', async () => {
    const fixture = parseMarkers(`${HEADER}schema:\n  - name: orders\n    ‹physicalNme›: orders_v1\n    properties:\n      - name: placed_at\n        logicalType: ‹timestmp›\n`);
    const uri = 'file:///validation/typos.odcs.yaml';
    await client.open(uri, fixture.text);
    const diagnostics = await client.diagnostics(uri, (d) => codesOf(d).includes('schema/enum'));
    const schema = diagnostics.filter((d) => String(d.code).startsWith('schema/'));
    assert.deepEqual(codesOf(schema), ['schema/unknown-key', 'schema/enum'], JSON.stringify(schema));
    assert.deepEqual(schema.map((d) => rangeOffsets(fixture.text, d)), fixture.ranges);
    assert.match(String(schema[0]!.message), /did you mean `physicalName`\?/i);
    assert.match(String(schema[1]!.message), /did you mean `timestamp`\?/);
    const fix = (schema[1]!.data as { fixes: { actions: unknown[] }[] }).fixes[0]!;
    assert.deepEqual(fix.actions, [{ kind: 'replaceValue', path: ['schema', 0, 'properties', 0, 'logicalType'], value: 'timestamp' }]);
  });

  it('reports semantic problems on their node, and clears them when fixed', async () => {
    const marked = `${HEADER}schema:\n  - name: orders\n    properties:\n      - name: id\n      - name: ‹id›\n`;
    const fixture = parseMarkers(marked);
    const uri = 'file:///validation/duplicates.odcs.yaml';
    await client.open(uri, fixture.text);
    const diagnostics = await client.diagnostics(uri, (d) => codesOf(d).includes('semantic/duplicate-name'));
    const duplicate = diagnostics.find((d) => d.code === 'semantic/duplicate-name')!;
    assert.deepEqual(rangeOffsets(fixture.text, duplicate), fixture.ranges[0]);
    await client.replace(uri, fixture.text.replace(/- name: id\n$/, '- name: total\n'));
    await client.diagnostics(uri, (d) => !codesOf(d).includes('semantic/duplicate-name'));
  });

  it('stays silent about other files when there is no workspace', async () => {
    const uri = 'file:///validation/product.odps.yaml';
    await client.open(uri, 'apiVersion: v1.0.0\nkind: DataProduct\nid: p\nstatus: active\noutputPorts:\n  - name: orders\n    version: 1.0.0\n    contractId: urn:nowhere\n');
    const diagnostics = await client.diagnostics(uri);
    assert.ok(!codesOf(diagnostics).some((code) => code.startsWith('semantic/')), JSON.stringify(diagnostics));
  });

  it('gives a v3.0 contract one message about the version instead of a wall of errors', async () => {
    const fixture = parseMarkers('apiVersion: ‹v3.0.2›\nkind: DataContract\nid: c\nversion: 1.0.0\nstatus: active\nschema:\n  - name: t\n    properties:\n      - logicalType: text\n      - physicalType: int\n');
    const uri = 'file:///validation/legacy.odcs.yaml';
    await client.open(uri, fixture.text);
    const diagnostics = await client.diagnostics(uri, (d) => codesOf(d).includes('schema/legacy-api-version'));
    const schema = diagnostics.filter((d) => String(d.code).startsWith('schema/'));
    assert.equal(schema.length, 1, JSON.stringify(schema));
    assert.deepEqual(rangeOffsets(fixture.text, schema[0]!), fixture.ranges[0]);
  });
});
