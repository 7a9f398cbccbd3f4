import * as assert from 'node:assert/strict';
import { RUBRIC } from '../../../server/src/core/datsis/rubric';
import { DIMENSIONS } from '../../../server/src/core/datsis/types';
import { registeredRuleCases } from './harness';
import './rules.addressable.test';
import './rules.discoverable.test';
import './rules.interoperable.test';
import './rules.secure.test';
import './rules.selfDescribing.test';
import './rules.trustworthy.test';

describe('DATSIS rubric table', () => {
  it('has an accepting and a rejecting test case for every rule', () => {
    const missing = RUBRIC.filter((rule) => {
      const cases = registeredRuleCases().get(rule.id);
      return !cases || cases.accepted === 0 || cases.rejected === 0;
    }).map((rule) => rule.id);
    assert.deepEqual(missing, []);
  });

  it('has unique ids that start with their dimension prefix', () => {
    assert.equal(new Set(RUBRIC.map((rule) => rule.id)).size, RUBRIC.length);
    for (const rule of RUBRIC) {
      const prefix = DIMENSIONS.find((dimension) => dimension.id === rule.dimension)!.prefix;
      assert.match(rule.id, new RegExp(`^${prefix}-[a-z]+(-[a-z]+)*$`), rule.id);
    }
  });

  it('gives every dimension at least one rule for contracts and one for products', () => {
    for (const { id } of DIMENSIONS) {
      for (const kind of ['DataContract', 'DataProduct']) {
        assert.ok(RUBRIC.some((rule) => rule.dimension === id && (rule.appliesTo === 'both' || rule.appliesTo === kind)), `${id} has no rule for ${kind}`);
      }
    }
  });
});
