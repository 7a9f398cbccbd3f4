import * as assert from 'node:assert/strict';
import { parseMarkers } from '../support/markers';
import { rangeOffsets, TestLspClient } from './lspClient';

describe('server over stdio: initialize and YAML syntax errors', () => {
  let client: TestLspClient;

  before(async () => {
    client = new TestLspClient();
  });
  after(async () => client.dispose());

  it('answers initialize with its name and only the capabilities it implements', async () => {
    const result = await client.initialize();
    assert.equal(result.serverInfo?.name, 'datsis');
    assert.ok(result.capabilities.textDocumentSync, 'declares document sync');
  });

  it('reports a duplicate key on the whole second key, for a plain yaml language id', async () => {
    const fixture = parseMarkers('apiVersion: v3.1.0\nkind: DataContract\nid: a\n‹id›: b\n');
    await client.open('file:///dup.odcs.yaml', fixture.text, 'yaml');
    const diagnostics = await client.diagnostics('file:///dup.odcs.yaml', (d) => d.length > 0);
    const duplicate = diagnostics.find((d) => d.code === 'yaml/duplicate-key');
    assert.ok(duplicate, `expected a duplicate-key diagnostic, got ${JSON.stringify(diagnostics)}`);
    assert.deepEqual(rangeOffsets(fixture.text, duplicate), fixture.ranges[0]);
  });

  it('reports a tab used as indentation at the tab', async () => {
    const fixture = parseMarkers('apiVersion: v3.1.0\nkind: DataContract\nschema:\n‹\t›- name: orders\n');
    await client.open('file:///tab.odcs.yaml', fixture.text);
    const diagnostics = await client.diagnostics('file:///tab.odcs.yaml', (d) => d.length > 0);
    const tab = diagnostics.find((d) => d.code === 'yaml/tab-as-indent');
    assert.ok(tab, JSON.stringify(diagnostics));
    assert.deepEqual(rangeOffsets(fixture.text, tab), fixture.ranges[0]);
  });

  it('clears diagnostics once the mistake is fixed', async () => {
    const uri = 'file:///fixed.odcs.yaml';
    await client.open(uri, 'kind: DataContract\nname: [unclosed\n');
    await client.diagnostics(uri, (d) => d.length > 0);
    await client.replace(uri, 'kind: DataContract\nname: closed\n');
    const after = await client.diagnostics(uri, (d) => d.every((x) => x.source !== 'datsis' || !String(x.code).startsWith('yaml/')));
    assert.equal(after.filter((d) => String(d.code).startsWith('yaml/')).length, 0);
  });
});
