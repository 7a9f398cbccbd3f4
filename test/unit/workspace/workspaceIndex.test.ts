import * as assert from 'node:assert/strict';
import type { DescriptorSummary } from '../../../server/src/core/workspace/types';
import { crossFileFingerprint, WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';
import { summarize } from '../../../server/src/core/workspace/summarize';
import { parseDescriptor } from '../../../server/src/core/yaml/parse';

function contract(uri: string, id: string, version = '1.0.0', description = 'orders'): DescriptorSummary {
  return summarize(parseDescriptor(`apiVersion: v3.1.0\nkind: DataContract\nid: ${id}\nversion: ${version}\nstatus: active\ndescription:\n  purpose: ${description}\n`), uri)!;
}

function product(uri: string, id: string, contractIds: readonly string[]): DescriptorSummary {
  const ports = contractIds.map((contractId, i) => `  - name: p${i}\n    version: 1.0.0\n    contractId: ${contractId}\n`).join('');
  return summarize(parseDescriptor(`apiVersion: v1.0.0\nkind: DataProduct\nid: ${id}\nstatus: active\ninputPorts:\n${ports}outputPorts:\n${ports}`), uri)!;
}

describe('workspace index', () => {
  it('answers by uri, by id and lists everything', () => {
    const index = new WorkspaceIndex();
    index.update('file:///a.yaml', contract('file:///a.yaml', 'urn:a'));
    index.update('file:///b.yaml', contract('file:///b.yaml', 'urn:a', '2.0.0'));
    assert.equal(index.byUri('file:///a.yaml')?.id, 'urn:a');
    assert.deepEqual(index.byId('urn:a').map((s) => s.uri), ['file:///a.yaml', 'file:///b.yaml']);
    assert.deepEqual(index.byId('urn:none'), []);
    assert.equal([...index.all()].length, 2);
    assert.equal(index.size, 2);
  });

  it('finds the product ports that use a contract, in both directions', () => {
    const index = new WorkspaceIndex();
    index.update('file:///p.yaml', product('file:///p.yaml', 'p', ['urn:a', 'urn:b']));
    const uses = index.portsUsingContract('urn:a');
    assert.deepEqual(uses.map((u) => [u.product.id, u.port.name, u.direction]), [['p', 'p0', 'input'], ['p', 'p0', 'output']]);
  });

  it('replaces the entries of a file on update, leaving no stale id or port behind', () => {
    const index = new WorkspaceIndex();
    index.update('file:///p.yaml', product('file:///p.yaml', 'p', ['urn:a']));
    const change = index.update('file:///p.yaml', product('file:///p.yaml', 'p2', ['urn:b']));
    assert.equal(change.before?.id, 'p');
    assert.equal(change.after?.id, 'p2');
    assert.deepEqual(index.byId('p'), []);
    assert.deepEqual(index.portsUsingContract('urn:a'), []);
    assert.equal(index.portsUsingContract('urn:b').length, 2);
  });

  it('removes a file, and treats an update with no summary as a removal', () => {
    const index = new WorkspaceIndex();
    index.update('file:///a.yaml', contract('file:///a.yaml', 'urn:a'));
    index.update('file:///b.yaml', contract('file:///b.yaml', 'urn:b'));
    assert.equal(index.remove('file:///a.yaml').before?.id, 'urn:a');
    index.update('file:///b.yaml', undefined);
    assert.equal(index.size, 0);
    assert.deepEqual(index.byId('urn:a'), []);
    assert.equal(index.remove('file:///never.yaml').before, undefined);
  });

  it('fingerprints only what other files depend on', () => {
    const base = contract('file:///a.yaml', 'urn:a', '1.0.0', 'orders');
    assert.equal(crossFileFingerprint(base), crossFileFingerprint(contract('file:///a.yaml', 'urn:a', '1.0.0', 'all orders')), 'a description edit changes nothing for others');
    assert.notEqual(crossFileFingerprint(base), crossFileFingerprint(contract('file:///a.yaml', 'urn:a', '1.1.0')));
    assert.notEqual(crossFileFingerprint(base), crossFileFingerprint(undefined));
  });
});
