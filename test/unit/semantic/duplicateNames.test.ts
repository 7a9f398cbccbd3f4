import * as assert from 'node:assert/strict';
import { checkMarked, CONTRACT_HEADER, expectFindingsAtMarkers, PRODUCT_HEADER } from './harness';

describe('semantic rule: duplicate names and ids among siblings', () => {
  it('accepts distinct names', () => {
    expectFindingsAtMarkers(checkMarked(`${CONTRACT_HEADER}schema:\n  - name: orders\n    properties:\n      - name: id\n      - name: total\n  - name: customers\n`, 'semantic/duplicate'));
  });

  it('reports the second schema object with a name already used', () => {
    const [finding] = expectFindingsAtMarkers(checkMarked(`${CONTRACT_HEADER}schema:\n  - name: orders\n  - name: ‹orders›\n`, 'semantic/duplicate'));
    assert.equal(finding!.code, 'semantic/duplicate-name');
    assert.match(finding!.message, /item 1 of the schema objects/);
  });

  it('reports repeated property names within one object, nested levels included, but not across objects', () => {
    const fixture = `${CONTRACT_HEADER}schema:\n  - name: orders\n    properties:\n      - name: id\n      - name: ‹id›\n      - name: address\n        logicalType: object\n        properties:\n          - name: city\n          - name: ‹city›\n  - name: customers\n    properties:\n      - name: id\n`;
    const findings = expectFindingsAtMarkers(checkMarked(fixture, 'semantic/duplicate'));
    assert.match(findings[0]!.message, /properties of `orders`/);
    assert.match(findings[1]!.message, /properties of `address`/);
  });

  it('reports servers that share a name', () => {
    expectFindingsAtMarkers(checkMarked(`${CONTRACT_HEADER}servers:\n  - server: prod\n    type: local\n    path: a\n    format: csv\n  - server: ‹prod›\n    type: local\n    path: b\n    format: csv\n`, 'semantic/duplicate'));
  });

  it('reports a repeated id among the items of any list, such as quality rules', () => {
    const [finding] = expectFindingsAtMarkers(checkMarked(`${CONTRACT_HEADER}schema:\n  - name: orders\n    quality:\n      - id: q1\n        type: text\n      - id: ‹q1›\n        type: text\n`, 'semantic/duplicate'));
    assert.equal(finding!.code, 'semantic/duplicate-id');
  });

  it('allows ports with one name in different versions, but not the same name and version twice', () => {
    expectFindingsAtMarkers(checkMarked(`${PRODUCT_HEADER}outputPorts:\n  - name: orders\n    version: 1.0.0\n  - name: orders\n    version: 2.0.0\n  - name: ‹orders›\n    version: 2.0.0\n`, 'semantic/duplicate'));
  });
});
