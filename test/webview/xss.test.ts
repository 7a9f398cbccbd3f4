/**
 * The XSS corpus: descriptor text that tries to become markup, script, a URL or a template, fed through every
 * field each view shows. Passing means nothing ran (no `__pwned`), nothing was even attempted (no CSP
 * violation, no request), no element or attribute came from data, and every payload reads back literally.
 */
import * as assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { buildWorkspaceSummary } from '../../server/src/core/marketplace/summary';
import type { WorkspaceSummary } from '../../server/src/core/marketplace/types';
import { buildProductView } from '../../server/src/core/marketplace/scoreView';
import { fact, port, score, uriOf } from '../unit/panel/fixtures';
import { launchBrowser, openPanel, type PanelPage } from './browser';

const PAYLOADS = [
  `<img src=x onerror="window.__pwned='img'">`,
  `</script><script>window.__pwned='script'</script>`,
  `javascript:window.__pwned='js'`,
  "${window.__pwned='template'}",
  "`${window.__pwned='backtick'}`",
  `<svg onload="window.__pwned='svg'"></svg>`,
  `"><iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>`,
  `<a href="javascript:window.__pwned='link'">click me</a>`,
  `{{constructor.constructor('window.__pwned="mustache"')()}}`,
  `<style>body{background:url(https://evil.test/style)}</style>`,
  `<link rel="stylesheet" href="https://evil.test/sheet.css">`,
  `&lt;b&gt;not bold&lt;/b&gt; &amp;`,
  `' onmouseover='window.__pwned="attr"`,
  `\u202Egnp.exe\u202C <b>`,
];

/** A URI that is itself a payload: the page may show and post it, never follow it. */
const EVIL_URI = `javascript:window.__pwned='uri'//<img src=x onerror=alert(1)>`;

function hostileSummary(): WorkspaceSummary {
  return buildWorkspaceSummary(PAYLOADS.flatMap((payload, index) => [
    fact({
      file: `p${index}.odps.yaml`, kind: 'product', id: `p${index}`, name: payload, domain: payload, owner: payload, status: payload,
      version: payload, tags: [payload], purpose: payload, score: score(50, payload), outputs: [port(payload, `c${index}`)], inputs: [port(payload, payload)],
    }),
    fact({ file: `c${index}.odcs.yaml`, kind: 'contract', id: `c${index}`, name: payload, classifications: [payload], score: score(60, payload) }),
  ]));
}

async function assertInert(panel: PanelPage): Promise<void> {
  const { page } = panel;
  assert.equal(await panel.pwned(), false, 'a payload ran');
  assert.deepEqual(await panel.violations(), [], 'something tried to run or load');
  assert.deepEqual(panel.unexpectedRequests, [], 'something was fetched');
  const injected = await page.evaluate(() => document.querySelectorAll('#app img, #app script, #app iframe, #app a, #app style, #app link, #app object, #app embed, #app b, #app svg svg').length);
  assert.equal(injected, 0, 'an element was created from data');
  const handlers = await page.evaluate(() => [...document.querySelectorAll('#app, #app *')].flatMap((element) => [...element.attributes].map((attribute) => attribute.name)).filter((name) => /^on|^href$|^src$|^style$/i.test(name)));
  assert.deepEqual(handlers, [], 'an attribute that could run or load was set');
}

describe('webview: XSS corpus', () => {
  let browser: Browser;
  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); });

  it('the test page enforces the production CSP (an injected inline handler is blocked and reported)', async () => {
    const panel = await openPanel(browser, 'score');
    await panel.page.evaluate(() => document.body.insertAdjacentHTML('beforeend', `<img src="data:," onerror="window.__pwned='canary'">`));
    await panel.page.waitForFunction(() => (window as unknown as { __violations: string[] }).__violations.length > 0);
    assert.equal(await panel.pwned(), false);
    assert.match((await panel.violations())[0]!, /^script-src/);
    await panel.close();
  });

  it('score panel: title, file, level, gaps, fix titles and ports stay text', async () => {
    const panel = await openPanel(browser, 'score');
    const summary = hostileSummary();
    for (const [index, payload] of PAYLOADS.entries()) {
      await panel.send({
        type: 'score',
        data: {
          uri: uriOf(`p${index}.odps.yaml`), fileName: payload, kind: 'DataProduct', title: payload,
          score: { overall: 50, level: payload, dimensions: { discoverable: 50, [payload]: 10 }, gaps: [{ rule: 'D-purpose', dimension: payload, message: payload }] },
          fixes: [payload],
          product: buildProductView(summary, uriOf(`p${index}.odps.yaml`)),
        },
      });
      const { page } = panel;
      assert.equal(await page.locator('h1.title').textContent(), payload);
      // Gap messages show `quoted` parts as code: balanced backticks become <code> elements, the rest stays as typed.
      const backticks = payload.split('`').length - 1;
      assert.equal(await page.locator('.gap-message').textContent(), backticks % 2 === 0 ? payload.replaceAll('`', '') : payload);
      assert.equal(await page.locator('.level').textContent(), payload);
      assert.equal(await page.locator('button[data-action="fix"]').getAttribute('title'), payload);
      assert.equal(await page.locator('.port-name').first().textContent(), payload);
      await page.locator('button[data-action="fix"]').click();
      await page.locator('button[data-action="reveal"]').click();
      await assertInert(panel);
    }
    await panel.send({ type: 'notice', message: PAYLOADS[0]! });
    assert.equal(await panel.page.locator('.notice').textContent(), PAYLOADS[0]);
    await assertInert(panel);
    await panel.close();
  });

  it('marketplace: names, owners, domains, tags, levels, purposes and classifications stay text', async () => {
    const panel = await openPanel(browser, 'marketplace');
    await panel.send({ type: 'catalog', summary: hostileSummary() });
    const { page } = panel;
    const titles = await page.locator('.entry-title').allTextContents();
    for (const payload of PAYLOADS) assert.equal(titles.filter((title) => title === payload).length, 2, `title ${JSON.stringify(payload)}`);
    const tags = await page.locator('.tag').allTextContents();
    for (const payload of PAYLOADS) assert.ok(tags.includes(payload), `tag ${JSON.stringify(payload)}`);
    const groupTitles = await page.locator('.group-title').allTextContents();
    for (const payload of PAYLOADS) assert.ok(groupTitles.some((title) => title.startsWith(payload)), `domain ${JSON.stringify(payload)}`);
    // Filter options are built from the data too.
    const options = await page.locator('select[data-control="classification"] option').allTextContents();
    for (const payload of PAYLOADS) assert.ok(options.includes(payload), `option ${JSON.stringify(payload)}`);
    // The text filter with a payload finds the literal text.
    await page.locator('input[type="search"]').fill(PAYLOADS[0]!);
    assert.ok((await page.locator('.entry-title').allTextContents()).every((title) => title === PAYLOADS[0]));
    await page.locator('button.entry').first().click();
    await page.selectOption('select[data-control="level"]', PAYLOADS[1]!);
    await assertInert(panel);
    await panel.close();
  });

  it('marketplace and lineage: an entry whose URI is a payload is shown and posted, never followed', async () => {
    const summary: WorkspaceSummary = {
      entries: [{ ...hostileSummary().entries[0]!, uri: EVIL_URI, name: 'evil' }],
      edges: [],
    };
    for (const view of ['marketplace', 'lineage'] as const) {
      const panel = await openPanel(browser, view);
      await panel.send({ type: 'catalog', summary });
      await panel.page.locator(view === 'marketplace' ? 'button.entry' : 'g.node').first().click();
      const opened = (await panel.posted()).filter((message) => message.type === 'open');
      assert.deepEqual(opened, [{ type: 'open', uri: EVIL_URI }]);
      await assertInert(panel);
      await panel.close();
    }
  });

  it('lineage: labels, details and broken contract ids stay text', async () => {
    const panel = await openPanel(browser, 'lineage');
    await panel.send({ type: 'catalog', summary: hostileSummary() });
    const { page } = panel;
    const labels = await page.locator('g.node').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
    for (const payload of PAYLOADS) assert.ok(labels.some((label) => label.includes(payload)), `node ${JSON.stringify(payload)}`);
    const titles = await page.locator('g.node > title').allTextContents();
    assert.ok(titles.includes(`${PAYLOADS[0]} (not found in the workspace)`));
    await page.locator('g.node.product').first().click();
    await assertInert(panel);
    await panel.close();
  });
});
