import * as assert from 'node:assert/strict';
import { DEFAULT_LEVELS } from '../../../server/src/core/datsis/config';
import { levelFor, nextLevel } from '../../../server/src/core/datsis/levels';
import { CONTRACT_FOLD_SHARE, dimensionScores, MAX_GAPS_PER_RULE, overallScore, scoreDescriptor } from '../../../server/src/core/datsis/score';
import { DIMENSIONS, type DimensionScores, type RuleOutcome } from '../../../server/src/core/datsis/types';
import { parseDescriptor } from '../../../server/src/core/yaml/parse';
import { contextFor, CONTRACT, PRODUCT } from './harness';

const outcome = (dimension: RuleOutcome['dimension'], weight: number, satisfied: number | undefined): RuleOutcome => ({ rule: 'X', dimension, weight, satisfied, gapCount: 0 });

describe('DATSIS scoring math', () => {
  it('is the weighted share of satisfied rules, with coverage fractions', () => {
    const scores = dimensionScores([outcome('discoverable', 3, 1), outcome('discoverable', 1, 0), outcome('trustworthy', 2, 0.25), outcome('trustworthy', 2, 1)]);
    assert.equal(scores.discoverable, 75);
    assert.equal(scores.trustworthy, Math.round((100 * (2 * 0.25 + 2 * 1)) / 4));
  });

  it('leaves out rules that do not apply and rules of weight 0', () => {
    const scores = dimensionScores([outcome('secure', 2, 1), outcome('secure', 5, undefined), outcome('secure', 0, 0)]);
    assert.equal(scores.secure, 100);
  });

  it('scores a dimension without applicable rules 100', () => {
    const scores = dimensionScores([outcome('addressable', 1, 0)]);
    assert.equal(scores.addressable, 0);
    for (const id of ['discoverable', 'trustworthy', 'selfDescribing', 'interoperable', 'secure'] as const) assert.equal(scores[id], 100);
  });

  it('takes the overall score as the rounded mean of the six dimensions', () => {
    const dimensions: DimensionScores = { discoverable: 80, addressable: 100, trustworthy: 40, selfDescribing: 70, interoperable: 90, secure: 51 };
    assert.equal(overallScore(dimensions), Math.round((80 + 100 + 40 + 70 + 90 + 51) / 6));
  });

  it('reports overall, level and outcomes consistently for a real document', () => {
    const report = scoreDescriptor(parseDescriptor(`${CONTRACT}name: orders\n`), contextFor({}))!;
    assert.equal(report.overall, overallScore(report.dimensions));
    assert.deepEqual(report.dimensions, dimensionScores(report.outcomes));
    assert.equal(report.level, levelFor(report.overall, DEFAULT_LEVELS));
    assert.ok(report.gaps.length > 0);
  });

  it('lists at most MAX_GAPS_PER_RULE gaps of a rule but counts every property in the score', () => {
    const total = MAX_GAPS_PER_RULE + 5;
    const properties = Array.from({ length: total }, (_, index) => `      - name: col_${index}\n        examples: [${index}]\n`).join('');
    const half = Array.from({ length: total }, (_, index) => `      - name: doc_${index}\n        description: Column ${index} of the wide table.\n`).join('');
    const report = scoreDescriptor(parseDescriptor(`${CONTRACT}schema:\n  - name: wide\n    properties:\n${properties}${half}`), contextFor({}))!;
    const outcome = report.outcomes.find((o) => o.rule === 'S-property-description')!;
    assert.equal(outcome.gapCount, total);
    assert.equal(outcome.satisfied, 0.5);
    const listed = report.gaps.filter((gap) => gap.rule === 'S-property-description');
    assert.equal(listed.length, MAX_GAPS_PER_RULE);
    assert.match(listed.at(-1)!.message, new RegExp(`\\(${total - MAX_GAPS_PER_RULE} more gaps of S-property-description are not listed`));
  });

  it('scores nothing that is not a descriptor', () => {
    assert.equal(scoreDescriptor(parseDescriptor('just: yaml\n'), contextFor({})), undefined);
  });

  it('re-evaluates when the configuration changes, even for the same parse', () => {
    const parsed = parseDescriptor(`${CONTRACT}name: orders\n`);
    const before = scoreDescriptor(parsed, contextFor({}))!;
    const after = scoreDescriptor(parsed, contextFor({ rules: { rules: { 'D-name': { weight: 0 }, 'D-purpose': { enabled: false } } } }))!;
    assert.equal(after.outcomes.find((o) => o.rule === 'D-name')?.weight, 0);
    assert.equal(after.outcomes.some((o) => o.rule === 'D-purpose'), false);
    assert.notDeepEqual(before.outcomes, after.outcomes);
  });
});

describe('DATSIS maturity levels', () => {
  it('names the highest band whose minimum is reached, boundaries inclusive', () => {
    for (const [index, level] of DEFAULT_LEVELS.entries()) {
      assert.equal(levelFor(level.min, DEFAULT_LEVELS), level.name);
      if (index > 0) assert.equal(levelFor(level.min - 1, DEFAULT_LEVELS), DEFAULT_LEVELS[index - 1]!.name);
    }
    assert.equal(levelFor(100, DEFAULT_LEVELS), DEFAULT_LEVELS.at(-1)!.name);
  });

  it('uses the default bands Initial < 40 <= Emerging < 60 <= Established < 75 <= Managed < 90 <= Exemplary', () => {
    assert.deepEqual([39, 40, 59, 60, 74, 75, 89, 90].map((score) => levelFor(score, DEFAULT_LEVELS)),
      ['Initial', 'Emerging', 'Emerging', 'Established', 'Established', 'Managed', 'Managed', 'Exemplary']);
  });

  it('falls back to the lowest level below every minimum, and knows the next band', () => {
    const levels = [{ name: 'Silver', min: 50 }, { name: 'Gold', min: 80 }];
    assert.equal(levelFor(10, levels), 'Silver');
    assert.equal(nextLevel(60, levels)?.name, 'Gold');
    assert.equal(nextLevel(85, levels), undefined);
  });
});

describe('DATSIS product fold', () => {
  const product = `${PRODUCT}outputPorts:\n  - name: a\n    contractId: urn:c:a\n  - name: b\n    contractId: urn:c:b\n  - name: c\n    contractId: urn:c:missing\n`;
  const contractA: DimensionScores = { discoverable: 100, addressable: 80, trustworthy: 60, selfDescribing: 40, interoperable: 20, secure: 0 };
  const contractB: DimensionScores = { discoverable: 0, addressable: 20, trustworthy: 40, selfDescribing: 60, interoperable: 80, secure: 100 };
  const lookup = (id: string) => (id === 'urn:c:a' ? contractA : id === 'urn:c:b' ? contractB : undefined);

  it('blends the product\'s own scores with the mean of its resolvable output contracts', () => {
    const report = scoreDescriptor(parseDescriptor(product), contextFor({ contractScores: lookup }))!;
    assert.deepEqual(report.foldedContracts, ['urn:c:a', 'urn:c:b']);
    for (const { id } of DIMENSIONS) {
      const contractMean = (contractA[id] + contractB[id]) / 2;
      assert.equal(report.dimensions[id], Math.round((1 - CONTRACT_FOLD_SHARE) * report.own[id] + CONTRACT_FOLD_SHARE * contractMean), id);
    }
    assert.equal(report.overall, overallScore(report.dimensions));
  });

  it('scores a product on its own without a lookup or when no contract resolves', () => {
    const alone = scoreDescriptor(parseDescriptor(product), contextFor({}))!;
    assert.deepEqual(alone.dimensions, alone.own);
    const unresolved = scoreDescriptor(parseDescriptor(product), contextFor({ contractScores: () => undefined }))!;
    assert.deepEqual(unresolved.dimensions, unresolved.own);
    assert.deepEqual(unresolved.foldedContracts, []);
  });

  it('never folds contracts into a contract', () => {
    const report = scoreDescriptor(parseDescriptor(`${CONTRACT}name: x\n`), contextFor({ contractScores: () => contractA }))!;
    assert.deepEqual(report.dimensions, report.own);
  });
});
