import * as assert from 'node:assert/strict';
import { checkMarked, expectFindingsAtMarkers, fixesOf, PRODUCT_HEADER, workspaceOf } from './harness';

const ORDERS_URI = 'file:///workspace/sales/orders.odcs.yaml';
const ORDERS = 'apiVersion: v3.1.0\nkind: DataContract\nid: urn:sales:orders\nname: orders\nversion: 1.2.0\nstatus: active\n';
const PRODUCT_URI = 'file:///workspace/sales/orders.odps.yaml';

const product = (ports: string): string => `${PRODUCT_HEADER}outputPorts:\n${ports}`;

describe('semantic rule: product ports name contracts of the workspace', () => {
  it('accepts a port whose contract exists at that version', () => {
    expectFindingsAtMarkers(checkMarked(product('  - name: orders\n    version: 1.2.0\n    contractId: urn:sales:orders\n'), 'semantic/', workspaceOf([{ uri: ORDERS_URI, text: ORDERS }]), PRODUCT_URI));
  });

  it('warns about a contractId that matches no contract, suggesting a close one', () => {
    const [finding] = expectFindingsAtMarkers(checkMarked(product('  - name: orders\n    version: 1.2.0\n    contractId: ‹urn:sales:order›\n'), 'semantic/', workspaceOf([{ uri: ORDERS_URI, text: ORDERS }]), PRODUCT_URI));
    assert.equal(finding!.code, 'semantic/unknown-contract');
    assert.equal(finding!.severity, 'warning');
    assert.deepEqual(fixesOf(finding!)[0]!.actions[0], { kind: 'replaceValue', path: ['outputPorts', 0, 'contractId'], value: 'urn:sales:orders' });
  });

  it('warns about a version the contract does not have, offering the contract version', () => {
    const [finding] = expectFindingsAtMarkers(checkMarked(product('  - name: orders\n    version: ‹1.1.0›\n    contractId: urn:sales:orders\n'), 'semantic/', workspaceOf([{ uri: ORDERS_URI, text: ORDERS }]), PRODUCT_URI));
    assert.equal(finding!.code, 'semantic/contract-version-mismatch');
    assert.match(finding!.message, /is at version `1\.2\.0`, not `1\.1\.0`/);
    assert.deepEqual(fixesOf(finding!)[0]!.actions[0], { kind: 'replaceValue', path: ['outputPorts', 0, 'version'], value: '1.2.0' });
  });

  it('checks the inputContracts of output ports too', () => {
    const ports = '  - name: orders\n    version: 1.2.0\n    contractId: urn:sales:orders\n    inputContracts:\n      - id: ‹urn:crm:customers›\n        version: 1.0.0\n';
    expectFindingsAtMarkers(checkMarked(product(ports), 'semantic/', workspaceOf([{ uri: ORDERS_URI, text: ORDERS }]), PRODUCT_URI));
  });

  it('stays silent without a workspace index', () => {
    expectFindingsAtMarkers(checkMarked(product('  - name: orders\n    version: 1.2.0\n    contractId: urn:nowhere\n'), 'semantic/', undefined, PRODUCT_URI));
  });
});
