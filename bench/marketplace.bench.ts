/**
 * The marketplace with 2,000 descriptors (1,000 products, each exposing one of 1,000 contracts and consuming
 * two others). Budgets from the issue: the marketplace opens in <= 1 s, filtering answers in <= 100 ms.
 *
 *  1. server: `datsis/workspaceSummary` from the real server over stdio on a generated workspace on disk
 *     (first request: index wait + read + parse + score every file; then a cached repeat);
 *  2. view-model: index + facets + one query in Node (the code the webview runs);
 *  3. webview in headless Chromium (the production bundle and CSP): catalog message -> rendered and painted,
 *     then one keystroke in the filter box -> re-rendered and painted, for several queries.
 * Medians of several runs after a warm-up.
 *   npx tsx bench/marketplace.bench.ts [--runs N]      (results also in bench/output/marketplace.json)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InitializeRequest, InitializedNotification } from 'vscode-languageserver-protocol/node';
import { catalogFacets, DEFAULT_QUERY, indexCatalog, queryCatalog } from '../server/src/core/marketplace/query';
import type { WorkspaceSummary } from '../server/src/core/marketplace/types';
import { Methods } from '../server/src/protocol';
import { TestLspClient } from '../test/server/lspClient';
import { launchBrowser, openPanel } from '../test/webview/browser';

const PRODUCTS = 1000;
const PROPERTIES = 12;
const DOMAINS = ['sales', 'pricing', 'supply-chain', 'marketing', 'finance', 'logistics', 'hr', 'customer'];
const CLASSES = ['public', 'internal', 'confidential', 'restricted'];
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const OPEN_BUDGET_MS = 1000;
const FILTER_BUDGET_MS = 100;

function contractText(index: number): string {
  const domain = DOMAINS[index % DOMAINS.length]!;
  const lines = [
    'apiVersion: v3.1.0', 'kind: DataContract', `id: urn:bench:contract:${index}`, `name: dataset_${index}`, 'version: 1.0.0',
    `status: ${index % 5 === 0 ? 'draft' : 'active'}`, `domain: ${domain}`, `tags: [${domain}, bench, tier-${index % 3}]`,
    'description:', `  purpose: Dataset ${index} of the ${domain} domain, one row per business event, refreshed daily.`,
    'schema:', `  - name: table_${index}`, '    physicalType: table', '    description: The events.', '    properties:',
  ];
  for (let p = 0; p < PROPERTIES; p++) {
    lines.push(`      - name: column_${p}`, '        logicalType: string', '        physicalType: varchar(100)',
      ...(p % 3 === 0 ? [`        description: Column ${p}.`] : []), ...(p % 4 === 0 ? [`        classification: ${CLASSES[(index + p) % CLASSES.length]}`] : []));
  }
  return `${lines.join('\n')}\n`;
}

function productText(index: number): string {
  const domain = DOMAINS[index % DOMAINS.length]!;
  const inputs = [1, 2].map((step) => (index + step * 37) % PRODUCTS).filter((other) => other !== index);
  return [
    'apiVersion: v1.0.0', 'kind: DataProduct', `id: urn:bench:product:${index}`, `name: Bench Product ${index}`, 'version: 1.0.0',
    `status: ${index % 4 === 0 ? 'draft' : 'active'}`, `domain: ${domain}`, `tags: [${domain}, bench]`,
    'description:', `  purpose: Product ${index} serves dataset ${index} to the ${domain} teams.`,
    ...(index % 2 === 0 ? ['team:', `  name: team-${index % 40}`, '  members:', `    - username: owner${index % 40}@example.com`, `      name: Owner ${index % 40}`, '      role: owner'] : []),
    'inputPorts:', ...inputs.flatMap((other) => [`  - name: in-${other}`, '    version: 1.0.0', `    contractId: urn:bench:contract:${other}`]),
    'outputPorts:', `  - name: out-${index}`, '    version: 1.0.0', '    type: tables', `    contractId: urn:bench:contract:${index}`,
    '',
  ].join('\n');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

async function serverSummary(folder: string): Promise<{ first: number; cached: number; summary: WorkspaceSummary }> {
  const client = new TestLspClient();
  try {
    await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: {}, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'bench' }],
    });
    const started = performance.now();
    await client.connection.sendNotification(InitializedNotification.type, {});
    const summary = await client.connection.sendRequest<WorkspaceSummary>(Methods.workspaceSummary);
    const first = performance.now() - started;
    const cachedRuns: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const again = performance.now();
      await client.connection.sendRequest<WorkspaceSummary>(Methods.workspaceSummary);
      cachedRuns.push(performance.now() - again);
    }
    return { first, cached: median(cachedRuns), summary };
  } finally {
    await client.dispose();
  }
}

function viewModel(summary: WorkspaceSummary): { index: number; query: number } {
  const indexRuns: number[] = [];
  const queryRuns: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const started = performance.now();
    const index = indexCatalog(summary.entries);
    catalogFacets(summary.entries);
    const indexed = performance.now();
    queryCatalog(index, { ...DEFAULT_QUERY, text: 'sales 12' });
    const queried = performance.now();
    if (run === 0) continue; // warm-up
    indexRuns.push(indexed - started);
    queryRuns.push(queried - indexed);
  }
  return { index: median(indexRuns), query: median(queryRuns) };
}

const QUERIES = ['s', 'sa', 'sales', 'bench product 12', 'zzz', ''];

async function webview(summary: WorkspaceSummary): Promise<{ open: number; filters: Record<string, number> }> {
  const browser = await launchBrowser();
  const openRuns: number[] = [];
  const filterRuns: Record<string, number[]> = Object.fromEntries(QUERIES.map((query) => [query, []]));
  try {
    for (let run = 0; run <= RUNS; run++) {
      const panel = await openPanel(browser, 'marketplace', { width: 360 });
      // Timed inside the page: from the message's arrival to the frame after the render (layout and paint done).
      const open = await panel.page.evaluate((data) => new Promise<number>((resolve) => {
        const started = performance.now();
        window.addEventListener('message', () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0)), { once: true });
        window.postMessage(data, '*');
      }), { type: 'catalog', summary } as unknown as Record<string, unknown>);
      for (const query of QUERIES) {
        const elapsed = await panel.page.evaluate((text) => new Promise<number>((resolve) => {
          const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
          const started = performance.now();
          input.value = text;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
        }), query);
        if (run > 0) filterRuns[query]!.push(elapsed);
      }
      if (run > 0) openRuns.push(open);
      await panel.close();
    }
  } finally {
    await browser.close();
  }
  return { open: median(openRuns), filters: Object.fromEntries(QUERIES.map((query) => [query, median(filterRuns[query]!)])) };
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'datsis-bench-marketplace-'));
  try {
    for (let index = 0; index < PRODUCTS; index++) {
      const dir = join(folder, DOMAINS[index % DOMAINS.length]!);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `product-${index}.odps.yaml`), productText(index));
      writeFileSync(join(dir, `dataset-${index}.odcs.yaml`), contractText(index));
    }
    console.error(`marketplace bench: ${PRODUCTS * 2} descriptors in ${folder}, ${RUNS} runs`);
    const server = await serverSummary(folder);
    if (server.summary.entries.length !== PRODUCTS * 2) throw new Error(`the server listed ${server.summary.entries.length} descriptors`);
    const model = viewModel(server.summary);
    const page = await webview(server.summary);
    const results = { descriptors: server.summary.entries.length, edges: server.summary.edges.length, runs: RUNS, server: { first: server.first, cached: server.cached }, viewModel: model, webview: page };
    mkdirSync(join(__dirname, 'output'), { recursive: true });
    writeFileSync(join(__dirname, 'output', 'marketplace.json'), `${JSON.stringify(results, null, 2)}\n`);

    const worstFilter = Math.max(...Object.values(page.filters));
    console.log(`\n### Marketplace with ${results.descriptors} descriptors (${results.edges} lineage edges), medians of ${RUNS} runs\n`);
    console.log('| step | time | budget |');
    console.log('|---|---|---|');
    console.log(`| server: first \`datsis/workspaceSummary\` (index, read, parse, score all) | ${ms(server.first)} | |`);
    console.log(`| server: repeated request (cached facts and scores) | ${ms(server.cached)} | |`);
    console.log(`| view-model: index + facets (Node) | ${ms(model.index)} | |`);
    console.log(`| view-model: one query (Node) | ${ms(model.query)} | |`);
    console.log(`| webview: summary message -> list rendered and painted | ${ms(page.open)} | ${OPEN_BUDGET_MS} ms |`);
    for (const [query, time] of Object.entries(page.filters)) console.log(`| webview: filter "${query}" -> re-rendered and painted | ${ms(time)} | ${FILTER_BUDGET_MS} ms |`);
    console.log(`\nopen ${page.open <= OPEN_BUDGET_MS ? 'within' : 'OVER'} budget; slowest filter ${ms(worstFilter)} ${worstFilter <= FILTER_BUDGET_MS ? 'within' : 'OVER'} budget`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

void main();
