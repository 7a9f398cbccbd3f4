import * as assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPanel, type PanelPage } from './browser';
import { PRICING_URI, pricingPanel, pricingScore } from './fixtures';

describe('webview: score panel', () => {
  let browser: Browser;
  let panel: PanelPage;
  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); });
  beforeEach(async () => { panel = await openPanel(browser, 'score'); });
  afterEach(async () => { await panel.close(); });

  it('says what to open when no descriptor is active', async () => {
    await panel.send({ type: 'noScore', reason: 'Open a data product or data contract to see its DATSIS score.' });
    assert.equal(await panel.page.locator('.empty').textContent(), 'Open a data product or data contract to see its DATSIS score.');
  });

  it('shows the overall score, level, a bar per dimension and the gaps by dimension', async () => {
    await panel.send({ type: 'score', data: pricingPanel() });
    const { page } = panel;
    assert.equal(await page.locator('.overall-value').textContent(), '55');
    assert.equal(await page.locator('.level').textContent(), 'Emerging');
    assert.equal(await page.locator('.overall').getAttribute('aria-label'), 'DATSIS score 55 of 100, level Emerging');
    assert.deepEqual(await page.locator('.bar-label').allTextContents(), ['Discoverable', 'Addressable', 'Trustworthy', 'Self-describing', 'Interoperable', 'Secure']);
    assert.deepEqual(await page.locator('.bar-value').allTextContents(), ['80', '70', '40', '60', '65', '20']);
    assert.deepEqual(await page.locator('.gap-group h3').allTextContents(), ['Discoverable (1)', 'Trustworthy (1)', 'Secure (2)']);
    const secureBar = page.locator('.bar').nth(5);
    assert.equal(await secureBar.getAttribute('class'), 'bar poor');
    assert.equal(Number(await secureBar.locator('.bar-fill').getAttribute('width')), 30);
  });

  it('offers Fix only where the editor has a quick fix, and posts the gap index and rule', async () => {
    await panel.send({ type: 'score', data: pricingPanel() });
    const sla = panel.page.locator('.gap', { hasText: 'Add SLA properties' });
    assert.equal(await sla.locator('button[data-action="fix"]').count(), 0);
    const roles = panel.page.locator('.gap', { hasText: 'Declare who may read' });
    assert.equal(await roles.locator('button[data-action="fix"]').getAttribute('aria-label'), 'Fix: Fix S-roles');
    await roles.locator('button[data-action="fix"]').click();
    await roles.locator('button[data-action="reveal"]').click();
    const posted = (await panel.posted()).filter((message) => message.type !== 'ready');
    assert.deepEqual(posted, [
      { type: 'fix', uri: PRICING_URI, gap: 3, rule: 'S-roles' },
      { type: 'reveal', uri: PRICING_URI, gap: 3 },
    ]);
  });

  it('shows the `quoted` keys of a gap message as code, as text nodes only', async () => {
    const gaps = [{ rule: 'D-purpose', dimension: 'discoverable', message: 'Add `description.purpose` to `<b>x</b>` here' }];
    await panel.send({ type: 'score', data: pricingPanel({ score: pricingScore({ gaps }), fixes: [null] }) });
    const message = panel.page.locator('.gap-message');
    assert.deepEqual(await message.locator('code').allTextContents(), ['description.purpose', '<b>x</b>']);
    assert.equal(await message.textContent(), 'Add description.purpose to <b>x</b> here');
    assert.equal(await message.locator('b').count(), 0);
  });

  it('shows no Fix buttons while the fixes are unknown, but still Go to', async () => {
    await panel.send({ type: 'score', data: pricingPanel({ fixes: undefined }) });
    assert.equal(await panel.page.locator('button[data-action="fix"]').count(), 0);
    assert.equal(await panel.page.locator('button[data-action="reveal"]').count(), 4);
  });

  it('updates in place after a fix: same elements, same scroll position, focus kept', async () => {
    const { page } = panel;
    await page.setViewportSize({ width: 320, height: 260 });
    await panel.send({ type: 'score', data: pricingPanel() });
    const goTo = page.locator('.gap', { hasText: 'Declare who may read' }).locator('button[data-action="reveal"]');
    await goTo.focus();
    const scrollBefore = await page.evaluate(() => window.scrollY);
    const topBefore = (await goTo.boundingBox())!.y;
    assert.ok(scrollBefore > 0, 'the fixture must be taller than the viewport');
    await page.evaluate(() => {
      (window as unknown as { __marked: Element | null }).__marked = document.querySelector('.gap-group');
      document.querySelector('.chart')?.setAttribute('data-marker', 'kept');
    });

    // The classification gap (just above the focused one) was fixed: one gap fewer, Secure went up, the overall score rose.
    const fixed = pricingScore({ overall: 61, dimensions: { ...pricingScore().dimensions, secure: 30 } });
    const gaps = fixed.gaps.filter((gap) => gap.rule !== 'S-classification');
    await panel.send({ type: 'score', data: pricingPanel({ score: { ...fixed, gaps } }) });

    assert.equal(await page.locator('.overall-value').textContent(), '61');
    assert.equal(await page.locator('.gap').count(), 3);
    // Still scrolled, and the focused gap has not moved on screen (the browser's scroll anchoring absorbs
    // the removed gap above it; a rebuilt page would have jumped to the top).
    assert.ok(await page.evaluate(() => window.scrollY) > 0);
    assert.ok(Math.abs((await goTo.boundingBox())!.y - topBefore) < 1, `the focused gap moved on screen: ${topBefore} -> ${(await goTo.boundingBox())!.y}, scroll ${scrollBefore} -> ${await page.evaluate(() => window.scrollY)}`);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Go to: Declare who may read the data (roles).');
    assert.equal(await page.locator('.chart').getAttribute('data-marker'), 'kept', 'the chart element was rebuilt instead of patched');
    assert.equal(await page.evaluate(() => (window as unknown as { __marked: Element }).__marked.isConnected), true);
  });

  it('lists a product\'s ports with the contracts behind them, their scores and a broken link', async () => {
    await panel.send({ type: 'score', data: pricingPanel() });
    const { page } = panel;
    const outputs = page.locator('section.ports').nth(0);
    const inputs = page.locator('section.ports').nth(1);
    assert.equal(await outputs.locator('h2').textContent(), 'Output ports (1)');
    assert.match(await outputs.locator('button.link').first().textContent() ?? '', /^prices42$/);
    assert.equal(await inputs.locator('h2').textContent(), 'Consumes (3)');
    assert.deepEqual(await inputs.locator('.port-name').allTextContents(), ['receipts v2.1.0', 'daily v1.3.0', 'stock v1.0.0']);
    assert.equal(await inputs.locator('.broken').textContent(), 'Contract urn:missing:stock is not in the workspace');
    await inputs.locator('button.link.inline', { hasText: 'POS Transactions' }).first().click();
    const opened = (await panel.posted()).filter((message) => message.type === 'open');
    assert.deepEqual(opened, [{ type: 'open', uri: 'file:///workspace/sales/pos.odps.yaml' }]);
  });

  it('is usable from the keyboard: arrows move between gaps and across a gap\'s buttons', async () => {
    await panel.send({ type: 'score', data: pricingPanel() });
    const { page } = panel;
    await page.locator('button[data-action="reveal"]').first().focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Go to: Add SLA properties (latency, frequency).');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Go to: Classify the personal columns of the contracts behind the output ports.');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-action')), 'fix');
    await page.keyboard.press('Enter');
    const fixes = (await panel.posted()).filter((message) => message.type === 'fix');
    assert.deepEqual(fixes, [{ type: 'fix', uri: PRICING_URI, gap: 1, rule: 'S-classification' }]);
    await page.keyboard.press('End');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Go to: Declare who may read the data (roles).');
    await page.keyboard.press('Home');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'Go to: Say what the product cannot be used for in description.limitations.');
  });

  it('comes back where the reader was after VS Code reloads the hidden view', async () => {
    const { page } = panel;
    await page.setViewportSize({ width: 320, height: 260 });
    await panel.send({ type: 'score', data: pricingPanel() });
    await page.evaluate(() => new Promise((resolve) => {
      window.addEventListener('scroll', () => requestAnimationFrame(() => requestAnimationFrame(resolve)), { once: true });
      window.scrollTo(0, 150);
    }));
    await panel.reload();
    await panel.send({ type: 'score', data: pricingPanel() });
    assert.equal(await page.evaluate(() => window.scrollY), 150);
    // Another descriptor starts at the top.
    await panel.reload();
    await panel.send({ type: 'score', data: pricingPanel({ uri: 'file:///workspace/other.odps.yaml' }) });
    assert.equal(await page.evaluate(() => window.scrollY), 0);
  });

  for (const theme of ['vscode-light', 'vscode-dark', 'vscode-high-contrast'] as const) {
    it(`fits a 200 px side bar without sideways scrolling (${theme})`, async () => {
      const narrow = await openPanel(browser, 'score', { width: 200, theme });
      try {
        await narrow.send({ type: 'score', data: pricingPanel() });
        const { scrollWidth, innerWidth } = await narrow.page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
        assert.ok(scrollWidth <= innerWidth, `${scrollWidth} > ${innerWidth}`);
        if (theme === 'vscode-high-contrast') {
          // High contrast draws outlines where other themes use fills: the bar tracks get the contrast border.
          const stroke = await narrow.page.locator('.bar-track').first().evaluate((element) => getComputedStyle(element).stroke);
          assert.equal(stroke, 'rgb(111, 195, 223)');
        }
      } finally {
        await narrow.close();
      }
    });
  }

  it('runs without a single CSP violation or outside request', async () => {
    await panel.send({ type: 'score', data: pricingPanel() });
    assert.deepEqual(await panel.violations(), []);
    assert.deepEqual(panel.unexpectedRequests, []);
  });
});
