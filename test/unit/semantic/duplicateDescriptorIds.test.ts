import * as assert from 'node:assert/strict';
import { checkMarked, expectFindingsAtMarkers, workspaceOf } from './harness';

const contract = (id: string, version: string): string => `apiVersion: v3.1.0\nkind: DataContract\nid: ${id}\nversion: ${version}\nstatus: active\n`;
const OTHER_URI = 'file:///workspace/other/orders-copy.odcs.yaml';

describe('semantic rule: descriptor ids are unique across the workspace', () => {
  it('reports a contract whose id and version another contract already has, on its id', () => {
    const [finding] = expectFindingsAtMarkers(checkMarked('apiVersion: v3.1.0\nkind: DataContract\nid: ‹urn:orders›\nversion: 1.0.0\nstatus: active\n', 'semantic/', workspaceOf([{ uri: OTHER_URI, text: contract('urn:orders', '1.0.0') }])));
    assert.equal(finding!.code, 'semantic/duplicate-descriptor-id');
    assert.match(finding!.message, /`orders-copy\.odcs\.yaml`/);
  });

  it('accepts another version of the same contract, and a product that shares the id', () => {
    const product = 'apiVersion: v1.0.0\nkind: DataProduct\nid: urn:orders\nversion: 1.0.0\nstatus: active\n';
    const workspace = workspaceOf([{ uri: OTHER_URI, text: contract('urn:orders', '2.0.0') }, { uri: 'file:///workspace/p.odps.yaml', text: product }]);
    expectFindingsAtMarkers(checkMarked(contract('urn:orders', '1.0.0'), 'semantic/', workspace));
  });

  it('does not count the document itself, and stays silent without a workspace', () => {
    expectFindingsAtMarkers(checkMarked(contract('urn:orders', '1.0.0'), 'semantic/', workspaceOf([])));
    expectFindingsAtMarkers(checkMarked(contract('urn:orders', '1.0.0'), 'semantic/'));
  });
});
