import * as assert from 'node:assert/strict';
import { editDistance, suggest } from '../../../server/src/core/validation/suggest';

describe('did-you-mean suggestions', () => {
  it('counts a swapped pair of letters as one edit', () => {
    assert.equal(editDistance('logicalTpye', 'logicalType'), 1);
    assert.equal(editDistance('abc', 'abc'), 0);
    assert.equal(editDistance('', 'abc'), 3);
  });

  it('suggests the closest candidate, ignoring case', () => {
    assert.equal(suggest('Timestamp', ['string', 'timestamp', 'time']), 'timestamp');
    assert.equal(suggest('dat', ['string', 'date', 'time']), 'date');
    assert.equal(suggest('descrption', ['name', 'description', 'domain']), 'description');
  });

  it('prefers the earlier candidate on a tie', () => {
    assert.equal(suggest('tme', ['time', 'tame']), 'time');
  });

  it('suggests nothing when no candidate is close enough to be a typo', () => {
    assert.equal(suggest('purpose', ['string', 'date', 'integer']), undefined);
    assert.equal(suggest('x', []), undefined);
  });

  it('never suggests the input itself', () => {
    assert.equal(suggest('date', ['date']), undefined);
  });
});
