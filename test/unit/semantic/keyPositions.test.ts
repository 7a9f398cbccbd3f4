import * as assert from 'node:assert/strict';
import { checkMarked, CONTRACT_HEADER, expectFindingsAtMarkers } from './harness';

const object = (properties: string): string => `${CONTRACT_HEADER}schema:\n  - name: orders\n    properties:\n${properties}`;

describe('semantic rule: primaryKeyPosition and partitionKeyPosition', () => {
  it('accepts positions 1, 2, 3 and ignores -1', () => {
    expectFindingsAtMarkers(checkMarked(object('      - name: a\n        primaryKey: true\n        primaryKeyPosition: 2\n      - name: b\n        primaryKey: true\n        primaryKeyPosition: 1\n      - name: c\n        primaryKeyPosition: -1\n'), 'semantic/'));
  });

  it('reports a position used twice on the second property', () => {
    const [finding] = expectFindingsAtMarkers(checkMarked(object('      - name: a\n        primaryKeyPosition: 1\n      - name: b\n        primaryKeyPosition: ‹1›\n'), 'semantic/primary-key'));
    assert.equal(finding!.severity, 'error');
    assert.match(finding!.message, /already taken by `a` in `orders`/);
  });

  it('reports a gap on the position after it', () => {
    const [finding] = expectFindingsAtMarkers(checkMarked(object('      - name: a\n        primaryKeyPosition: 1\n      - name: b\n        primaryKeyPosition: ‹3›\n'), 'semantic/primary-key'));
    assert.match(finding!.message, /no property has position 2/);
  });

  it('reports positions that do not start at 1, and 0, which is not a position', () => {
    const findings = expectFindingsAtMarkers(checkMarked(object('      - name: a\n        partitionKeyPosition: ‹0›\n      - name: b\n        partitionKeyPosition: ‹2›\n'), 'semantic/partition-key'));
    assert.match(findings[0]!.message, /counts from 1/);
    assert.match(findings[1]!.message, /no property has position 1/);
  });

  it('checks each object on its own', () => {
    expectFindingsAtMarkers(checkMarked(`${CONTRACT_HEADER}schema:\n  - name: a\n    properties:\n      - name: x\n        primaryKeyPosition: 1\n  - name: b\n    properties:\n      - name: y\n        primaryKeyPosition: 1\n`, 'semantic/'));
  });

  it('reports a position on a property that says it is not part of the key', () => {
    const [finding] = expectFindingsAtMarkers(checkMarked(object('      - name: a\n        partitioned: false\n        partitionKeyPosition: ‹1›\n'), 'semantic/partition-key'));
    assert.match(finding!.message, /`partitioned: false`/);
  });
});
