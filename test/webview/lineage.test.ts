import * as assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { meshSummary, uriOf } from '../unit/panel/fixtures';
import { launchBrowser, openPanel, type PanelPage } from './browser';

describe('webview: lineage', () => {
  let browser: Browser;
  let panel: PanelPage;
  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); });
  beforeEach(async () => {
    panel = await openPanel(browser, 'lineage');
    await panel.send({ type: 'catalog', summary: meshSummary() });
  });
  afterEach(async () => { await panel.close(); });

  it('draws every product and contract, the links between them, and the broken link dashed', async () => {
    const { page } = panel;
    assert.equal(await page.locator('g.node.product').count(), 3);
    assert.equal(await page.locator('g.node.contract').count(), 4);
    assert.equal(await page.locator('g.node.missing').count(), 1);
    assert.equal(await page.locator('path.link').count(), 6);
    assert.equal(await page.locator('path.link.broken').count(), 1);
    assert.equal(await page.locator('.status').textContent(), '3 products, 4 contracts, 6 links, 1 unresolved contract ids');
    const missing = page.locator('g.node.missing');
    assert.equal(await missing.getAttribute('aria-label'), 'Unresolved contract id urn:missing:stock: broken link');
    assert.equal(await missing.locator('.node-detail').textContent(), 'contract not found');
    // Drawn dashed by the stylesheet: the computed style proves the rule applies.
    const dash = await page.locator('path.link.broken').evaluate((element) => getComputedStyle(element).strokeDasharray);
    assert.notEqual(dash, 'none');
  });

  it('opens a node on click, and not a missing one', async () => {
    const { page } = panel;
    await page.locator('g.node', { hasText: 'POS Transactions' }).click();
    await page.locator('g.node.missing').click();
    const opened = (await panel.posted()).filter((message) => message.type === 'open');
    assert.deepEqual(opened, [{ type: 'open', uri: uriOf('sales/pos.odps.yaml') }]);
  });

  it('moves between nodes with the arrow keys and opens with Enter', async () => {
    const { page } = panel;
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-key'));
    await page.locator('g.node', { hasText: 'POS Transactions' }).focus();
    await page.keyboard.press('ArrowRight');
    const contract = await focused();
    assert.ok(contract === uriOf('sales/receipts.odcs.yaml') || contract === uriOf('sales/daily.odcs.yaml'), `focus went to ${contract}`);
    await page.keyboard.press('ArrowRight');
    assert.equal(await focused(), uriOf('pricing/prices.odps.yaml'));
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    assert.equal((await focused())?.startsWith('file:'), true);
    await page.locator('g.node', { hasText: 'Price Recommendations' }).focus();
    await page.keyboard.press('Enter');
    const opened = (await panel.posted()).filter((message) => message.type === 'open');
    assert.deepEqual(opened, [{ type: 'open', uri: uriOf('pricing/prices.odps.yaml') }]);
  });

  it('fits in a narrow sidebar by scrolling the graph, not the page', async () => {
    const { page } = panel;
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      graph: document.querySelector('svg.lineage')!.getBoundingClientRect().width,
    }));
    assert.ok(widths.graph > widths.viewport, 'the fixture graph should be wider than the sidebar');
    assert.ok(widths.page <= widths.viewport, `the page itself scrolls sideways (${widths.page} > ${widths.viewport})`);
  });
});
