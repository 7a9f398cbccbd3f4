/** Score-panel messages for the webview tests, built from the same mini mesh as the unit tests. */
import type { ScorePanelData } from '../../client/src/panel/messages';
import { buildProductView, type ScoreInput } from '../../server/src/core/marketplace/scoreView';
import { meshSummary, uriOf } from '../unit/panel/fixtures';

export const PRICING_URI = uriOf('pricing/prices.odps.yaml');

export function pricingScore(overrides: Partial<ScoreInput> = {}): ScoreInput {
  return {
    overall: 55,
    level: 'Emerging',
    dimensions: { discoverable: 80, addressable: 70, trustworthy: 40, selfDescribing: 60, interoperable: 65, secure: 20 },
    gaps: [
      { rule: 'D-description-limitations', dimension: 'discoverable', message: 'Say what the product cannot be used for in description.limitations.' },
      { rule: 'S-classification', dimension: 'secure', message: 'Classify the personal columns of the contracts behind the output ports.' },
      { rule: 'T-sla', dimension: 'trustworthy', message: 'Add SLA properties (latency, frequency).' },
      { rule: 'S-roles', dimension: 'secure', message: 'Declare who may read the data (roles).' },
    ],
    ...overrides,
  };
}

export function pricingPanel(overrides: Partial<ScorePanelData> = {}): ScorePanelData {
  const score = overrides.score ?? pricingScore();
  return {
    uri: PRICING_URI,
    fileName: 'prices.odps.yaml',
    kind: 'DataProduct',
    title: 'Price Recommendations',
    score,
    fixes: score.gaps.map((gap) => (gap.rule === 'T-sla' ? null : `Fix ${gap.rule}`)),
    product: buildProductView(meshSummary(), PRICING_URI),
    ...overrides,
  };
}
