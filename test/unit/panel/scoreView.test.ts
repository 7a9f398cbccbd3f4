import * as assert from 'node:assert/strict';
import { buildProductView, buildScoreView } from '../../../server/src/core/marketplace/scoreView';
import { meshSummary, uriOf } from './fixtures';

describe('score panel view-model', () => {
  const view = buildScoreView({
    overall: 63,
    level: 'Established',
    dimensions: { secure: 10, discoverable: 120, addressable: 50, trustworthy: Number.NaN, selfDescribing: 75, interoperable: 0, extra: 40 },
    gaps: [
      { rule: 'SEC-roles', dimension: 'secure', message: 'Declare roles.' },
      { rule: 'D-purpose', dimension: 'discoverable', message: 'Write a purpose.' },
      { rule: 'SEC-classification', dimension: 'secure', message: 'Classify email.' },
      { rule: 'X-new', dimension: 'extra', message: 'A dimension the panel does not know yet.' },
    ],
  });

  it('lists dimensions in D-A-T-S-I-S order, unknown ones last, with clamped bar fractions', () => {
    assert.deepEqual(view.bars.map((bar) => [bar.label, bar.value, bar.fraction]), [
      ['Discoverable', 120, 1],
      ['Addressable', 50, 0.5],
      ['Trustworthy', 0, 0],
      ['Self-describing', 75, 0.75],
      ['Interoperable', 0, 0],
      ['Secure', 10, 0.1],
      ['extra', 40, 0.4],
    ]);
  });

  it('groups gaps by dimension in the same order, keeping each gap\'s index for Go to and Fix', () => {
    assert.deepEqual(view.groups.map((group) => [group.label, group.gaps.map((gap) => gap.index)]), [
      ['Discoverable', [1]],
      ['Secure', [0, 2]],
      ['extra', [3]],
    ]);
    assert.equal(view.gapCount, 4);
  });

  it('shows a product\'s ports with contract scores, consumers and producers', () => {
    const product = buildProductView(meshSummary(), uriOf('sales/pos.odps.yaml'))!;
    assert.deepEqual(product.outputs.map((out) => [out.port, out.contracts.map((c) => `${c.label} ${c.overall}`), out.products.map((p) => p.label)]), [
      ['receipts', ['pos_receipts 91'], ['Price Recommendations']],
      ['daily', ['daily_sales 74'], ['Price Recommendations']],
    ]);
    const pricing = buildProductView(meshSummary(), uriOf('pricing/prices.odps.yaml'))!;
    assert.deepEqual(pricing.inputs.map((input) => [input.port, input.contracts.length, input.products.map((p) => p.label)]), [
      ['receipts', 1, ['POS Transactions']],
      ['daily', 1, ['POS Transactions']],
      ['stock', 0, []],
    ]);
  });

  it('has no product view for a contract or an unknown file', () => {
    assert.equal(buildProductView(meshSummary(), uriOf('sales/receipts.odcs.yaml')), undefined);
    assert.equal(buildProductView(meshSummary(), uriOf('nowhere.odps.yaml')), undefined);
  });
});
