import * as assert from 'node:assert/strict';
import { checkMarked, CONTRACT_HEADER, expectFindingsAtMarkers } from './harness';

const rule = (query: string): string => `${CONTRACT_HEADER}schema:\n  - name: orders\n    quality:\n      - type: sql\n        ${query}\n        mustBe: 0\n`;

describe('semantic rule: SQL quality rules have a query', () => {
  it('accepts a rule with a query', () => {
    expectFindingsAtMarkers(checkMarked(rule('query: SELECT COUNT(*) FROM orders'), 'semantic/'));
  });

  it('reports a blank query on its value', () => {
    const [finding] = expectFindingsAtMarkers(checkMarked(rule("query: ‹'   '›"), 'semantic/'));
    assert.equal(finding!.code, 'semantic/empty-sql-query');
  });

  it('reports an empty query on its key', () => {
    expectFindingsAtMarkers(checkMarked(rule("‹query›: ''"), 'semantic/'));
  });

  it('leaves a missing query to the schema', () => {
    expectFindingsAtMarkers(checkMarked(`${CONTRACT_HEADER}schema:\n  - name: orders\n    quality:\n      - type: sql\n        mustBe: 0\n`, 'semantic/'));
  });
});
