import * as assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { meshSummary, uriOf } from '../unit/panel/fixtures';
import { launchBrowser, openPanel, type PanelPage } from './browser';

describe('webview: marketplace', () => {
  let browser: Browser;
  let panel: PanelPage;
  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); });
  beforeEach(async () => {
    panel = await openPanel(browser, 'marketplace');
    await panel.send({ type: 'catalog', summary: meshSummary() });
  });
  afterEach(async () => { await panel.close(); });

  const titles = () => panel.page.locator('.entry-title').allTextContents();
  const groups = () => panel.page.locator('.group-title').allTextContents();

  it('lists every product and contract by domain, best score first, with meta and score', async () => {
    assert.deepEqual(await groups(), ['pricing2', 'sales3', '(no domain)2']);
    assert.deepEqual(await titles(), ['Price Recommendations', 'prices', 'pos_receipts', 'POS Transactions', 'daily_sales', 'Lab Product', 'c-orphan']);
    const pos = panel.page.locator('button.entry', { hasText: 'POS Transactions' });
    assert.equal(await pos.locator('.entry-meta').textContent(), 'product · v2.1.0 · active · Ana · Managed');
    assert.equal(await pos.locator('.pill').textContent(), '88');
    assert.deepEqual(await pos.locator('.tag').allTextContents(), ['pos', 'sales']);
    assert.equal(await pos.getAttribute('aria-label'), 'Open product POS Transactions, score 88, Managed');
    assert.equal(await panel.page.locator('.status').textContent(), '7 items');
  });

  it('filters as you type and says how many match', async () => {
    await panel.page.locator('input[type="search"]').fill('sofia');
    assert.deepEqual(await titles(), ['Price Recommendations']);
    assert.equal(await panel.page.locator('.status').textContent(), '1 of 7 items match');
    await panel.page.locator('input[type="search"]').fill('');
    assert.equal((await titles()).length, 7);
  });

  it('filters by tag, level, classification and kind, sorts and ungroups', async () => {
    const { page } = panel;
    await page.selectOption('select[data-control="classification"]', 'restricted');
    assert.deepEqual(await titles(), ['pos_receipts', 'POS Transactions']);
    await page.selectOption('select[data-control="kind"]', 'DataProduct');
    assert.deepEqual(await titles(), ['POS Transactions']);
    await page.selectOption('select[data-control="classification"]', '');
    await page.selectOption('select[data-control="level"]', 'Initial');
    assert.deepEqual(await titles(), ['Lab Product']);
    await page.selectOption('select[data-control="level"]', '');
    await page.selectOption('select[data-control="kind"]', '');
    await page.selectOption('select[data-control="tag"]', 'pos');
    assert.deepEqual(await titles(), ['pos_receipts', 'POS Transactions']);
    await page.selectOption('select[data-control="tag"]', '');
    await page.selectOption('select[data-control="sort"]', 'score-asc');
    await page.locator('input[data-control="group"]').uncheck();
    assert.deepEqual(await groups(), []);
    assert.deepEqual(await titles(), ['Lab Product', 'prices', 'Price Recommendations', 'daily_sales', 'POS Transactions', 'pos_receipts', 'c-orphan']);
  });

  it('remembers the query in the view state and restores it when the view is re-created', async () => {
    const { page } = panel;
    await page.locator('input[type="search"]').fill('receipts');
    await page.selectOption('select[data-control="sort"]', 'name');
    assert.deepEqual(await panel.state(), { query: { text: 'receipts', tag: '', level: '', classification: '', kind: '', sort: 'name', groupByDomain: true } });
    await panel.reload();
    await panel.send({ type: 'catalog', summary: meshSummary() });
    assert.equal(await page.locator('input[type="search"]').inputValue(), 'receipts');
    assert.equal(await page.locator('select[data-control="sort"]').inputValue(), 'name');
    assert.deepEqual(await titles(), ['POS Transactions', 'pos_receipts']);
  });

  it('opens an entry by click and by keyboard (Down from the filter box, arrows, Enter)', async () => {
    const { page } = panel;
    await page.locator('button.entry', { hasText: 'daily_sales' }).click();
    await page.locator('input[type="search"]').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement?.querySelector('.entry-title')?.textContent), 'prices');
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await page.keyboard.press('Space');
    const opened = (await panel.posted()).filter((message) => message.type === 'open');
    assert.deepEqual(opened, [
      { type: 'open', uri: uriOf('sales/daily.odcs.yaml') },
      { type: 'open', uri: uriOf('pricing/prices.odcs.yaml') },
      { type: 'open', uri: uriOf('lab/orphan.odcs.yaml') },
    ]);
  });

  it('keeps rows (and focus) when the catalog is refreshed', async () => {
    const { page } = panel;
    await page.locator('button.entry', { hasText: 'daily_sales' }).focus();
    await page.evaluate(() => document.activeElement?.setAttribute('data-marker', 'kept'));
    await panel.send({ type: 'catalog', summary: meshSummary() });
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-marker')), 'kept');
  });

  it('fits a 200 px side bar: the controls wrap, the rows truncate, nothing scrolls sideways', async () => {
    const narrow = await openPanel(browser, 'marketplace', { width: 200 });
    try {
      await narrow.send({ type: 'catalog', summary: meshSummary() });
      const { scrollWidth, innerWidth } = await narrow.page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      assert.ok(scrollWidth <= innerWidth, `${scrollWidth} > ${innerWidth}`);
      assert.equal(await narrow.page.locator('.entry-title').count(), 7);
    } finally {
      await narrow.close();
    }
  });

  it('says so when the workspace has no descriptors, and shows errors', async () => {
    await panel.send({ type: 'catalog', summary: { entries: [], edges: [] } });
    assert.equal(await panel.page.locator('.status').textContent(), 'No data products or contracts in this workspace yet.');
    await panel.send({ type: 'catalogError', message: 'The workspace could not be read: boom' });
    assert.equal(await panel.page.locator('[role="alert"]').textContent(), 'The workspace could not be read: boom');
  });
});
