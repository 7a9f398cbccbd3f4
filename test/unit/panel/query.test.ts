import * as assert from 'node:assert/strict';
import { catalogFacets, DEFAULT_QUERY, entryLabel, fileName, indexCatalog, NO_DOMAIN_LABEL, queryCatalog, type MarketQuery } from '../../../server/src/core/marketplace/query';
import { meshSummary } from './fixtures';

describe('marketplace view-model', () => {
  const summary = meshSummary();
  const index = indexCatalog(summary.entries);
  const run = (query: Partial<MarketQuery>) => queryCatalog(index, { ...DEFAULT_QUERY, ...query });
  const labels = (query: Partial<MarketQuery>) => run(query).groups.map((group) => `${group.label}: ${group.entries.map(entryLabel).join(', ')}`);

  it('groups by domain (no-domain last) and sorts by score, unscored last', () => {
    assert.deepEqual(labels({}), [
      'pricing: Price Recommendations, prices',
      'sales: pos_receipts, POS Transactions, daily_sales',
      `${NO_DOMAIN_LABEL}: Lab Product, c-orphan`,
    ]);
    assert.deepEqual(labels({ sort: 'score-asc' }), [
      'pricing: prices, Price Recommendations',
      'sales: daily_sales, POS Transactions, pos_receipts',
      `${NO_DOMAIN_LABEL}: Lab Product, c-orphan`,
    ]);
  });

  it('lists everything in one group when not grouping, by name if asked', () => {
    assert.deepEqual(labels({ groupByDomain: false, sort: 'name' }), ['All: c-orphan, daily_sales, Lab Product, POS Transactions, pos_receipts, Price Recommendations, prices']);
  });

  it('filters by words that must all occur, in any field, ignoring case', () => {
    assert.deepEqual(labels({ text: 'SOFIA', groupByDomain: false }), ['All: Price Recommendations']);
    assert.deepEqual(labels({ text: 'tills receipts', groupByDomain: false }), ['All: POS Transactions']);
    assert.deepEqual(labels({ text: 'prices.odcs', groupByDomain: false }), ['All: prices']);
    assert.deepEqual(run({ text: 'sales nothing-like-this' }).groups, []);
  });

  it('filters by tag, level, classification and kind, and counts what it shows', () => {
    assert.deepEqual(labels({ tag: 'pos', groupByDomain: false }), ['All: pos_receipts, POS Transactions']);
    assert.deepEqual(labels({ level: 'Emerging', groupByDomain: false }), ['All: Price Recommendations, prices']);
    assert.deepEqual(labels({ classification: 'restricted', groupByDomain: false }), ['All: pos_receipts, POS Transactions']);
    const products = run({ kind: 'DataProduct' });
    assert.equal(products.shown, 3);
    assert.equal(products.total, 7);
  });

  it('offers only the facet values that occur, levels in order of maturity', () => {
    const facets = catalogFacets(summary.entries);
    assert.deepEqual(facets.tags, ['pos', 'pricing', 'sales']);
    assert.deepEqual(facets.levels, ['Initial', 'Emerging', 'Established', 'Managed', 'Exemplary']);
    assert.deepEqual(facets.classifications, ['internal', 'public', 'restricted']);
  });

  it('names an entry by name, else id, else file name', () => {
    assert.equal(entryLabel({ name: undefined, id: undefined, uri: 'file:///w/a%20b.odcs.yaml' }), 'a b.odcs.yaml');
    assert.equal(fileName('file:///w/x.odps.yaml?query#frag'), 'x.odps.yaml');
  });
});
