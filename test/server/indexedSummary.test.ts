/**
 * The workspace summary is assembled from what the index computed when it read each file (facts and the part
 * of the score that depends on the file alone). These tests prove that nothing goes stale: a file changed on
 * disk, an unsaved edit and a contract behind a product's port all show in the next answer, and the scores
 * agree with `datsis/score`, which scores the whole document. Every wait is for a server message.
 */
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import type { CatalogEntry } from '../../server/src/core/marketplace/types';
import { Methods, type ScoreResult, type ScoresChangedParams, type WorkspaceSummary } from '../../server/src/protocol';
import { EXAMPLES_DIR } from '../support/examples';
import { TestLspClient } from './lspClient';

const CONTRACT = `apiVersion: v3.1.0
kind: DataContract
id: urn:test:contract:orders
name: orders
version: 1.0.0
status: active
domain: sales
team:
  name: sales-data
  members:
    - username: ana@example.com
      role: owner
description:
  purpose: Every web shop order with its lines, for finance and fulfilment.
schema:
  - name: orders
    physicalName: orders
    description: One row per order.
    properties:
      - name: order_id
        logicalType: string
        description: The order number.
        primaryKey: true
        classification: internal
`;
/**
 * The same contract without documentation, owner or classification. Its schema (what other files' findings
 * depend on) is unchanged, so only its score says that something changed.
 */
const UNDOCUMENTED_CONTRACT = `apiVersion: v3.1.0
kind: DataContract
id: urn:test:contract:orders
name: orders
version: 1.0.0
status: active
schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string
`;

const PRODUCT = `apiVersion: v1.0.0
kind: DataProduct
id: urn:test:product:orders
name: Orders
version: 1.0.0
status: active
outputPorts:
  - name: main
    version: 1.0.0
    contractId: urn:test:contract:orders
`;

/** Files whose workspace rules fail: a duplicated id, a port to no contract, a port version that differs from its contract's. */
const EDGE_CASES: Record<string, string> = {
  'edge/copy-a.odcs.yaml': 'apiVersion: v3.1.0\nkind: DataContract\nid: urn:test:contract:copied\nversion: 1.0.0\nstatus: draft\n',
  'edge/copy-b.odcs.yaml': 'apiVersion: v3.1.0\nkind: DataContract\nid: urn:test:contract:copied\nversion: 2.0.0\nstatus: draft\n',
  'edge/loose-ends.odps.yaml': `apiVersion: v1.0.0
kind: DataProduct
id: urn:test:product:loose-ends
name: Loose ends
status: active
outputPorts:
  - name: nowhere
    version: 1.0.0
    contractId: urn:test:contract:nowhere
  - name: old
    version: 0.9.0
    contractId: urn:test:contract:orders
`,
};

const headline = (score: { overall: number; level: string; dimensions: Readonly<Record<string, number>> } | null | undefined) =>
  score && { overall: score.overall, level: score.level, dimensions: { ...score.dimensions } };

describe('server: the workspace summary follows every change after the index read the files once', () => {
  let client: TestLspClient;
  let folder: string;
  let waiters: { uri: string; resolve: () => void }[] = [];
  const uriOf = (name: string) => pathToFileURL(join(folder, name)).href;
  const contractUri = () => uriOf('orders.odcs.yaml');
  const productUri = () => uriOf('orders.odps.yaml');

  const summary = () => client.connection.sendRequest<WorkspaceSummary>(Methods.workspaceSummary);
  const entry = (result: WorkspaceSummary, uri: string): CatalogEntry => {
    const found = result.entries.find((candidate) => candidate.uri === uri);
    assert.ok(found, `${uri} is listed`);
    return found;
  };
  const score = (uri: string) => client.connection.sendRequest<ScoreResult | null>(Methods.score, { textDocument: { uri } });
  /** Resolves at the next `datsis/scoresChanged` naming `uri` (set up before the action that causes it). */
  const nextScoresChanged = (uri: string) => new Promise<void>((resolve) => waiters.push({ uri, resolve }));
  /** Writes the file and reports it as a watcher would; the next request sees it (the server finishes indexing first). */
  const writeOnDisk = async (name: string, text: string) => {
    writeFileSync(join(folder, name), text);
    await client.changeWatchedFiles([{ uri: uriOf(name), type: FileChangeType.Changed }]);
  };

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'datsis-indexed-summary-'));
    cpSync(EXAMPLES_DIR, join(folder, 'examples'), { recursive: true });
    writeFileSync(join(folder, 'orders.odcs.yaml'), CONTRACT);
    writeFileSync(join(folder, 'orders.odps.yaml'), PRODUCT);
    mkdirSync(join(folder, 'edge'));
    for (const [name, text] of Object.entries(EDGE_CASES)) writeFileSync(join(folder, name), text);
    client = new TestLspClient();
    client.connection.onNotification(Methods.scoresChanged, (params: ScoresChangedParams) => {
      waiters = waiters.filter((waiter) => {
        if (!params.uris.includes(waiter.uri)) return true;
        waiter.resolve();
        return false;
      });
    });
    await client.initialize({}, [pathToFileURL(folder).href]);
  });
  after(async () => {
    await client?.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it('scores every file as datsis/score scores the whole document', async () => {
    const listed = await summary();
    assert.ok(listed.entries.length >= 12, `${listed.entries.length} entries`);
    for (const { uri, score: listedScore } of listed.entries) {
      await client.open(uri, readFileSync(new URL(uri), 'utf8'));
      assert.deepEqual(headline(listedScore), headline(await score(uri)), uri);
      await client.close(uri);
    }
    // The edge cases did lose points to the workspace rules, so the comparison covered them.
    assert.ok(entry(listed, uriOf('edge/copy-a.odcs.yaml')).score!.dimensions.addressable < 100);
    assert.ok(entry(listed, uriOf('edge/loose-ends.odps.yaml')).score!.dimensions.addressable < 100);
  });

  it('shows a file changed on disk in the next summary', async () => {
    assert.equal(entry(await summary(), contractUri()).name, 'orders');
    await writeOnDisk('orders.odcs.yaml', CONTRACT.replace('name: orders\n', 'name: orders_v2\n').replace('status: active', 'status: deprecated'));
    const changed = entry(await summary(), contractUri());
    assert.equal(changed.name, 'orders_v2');
    assert.equal(changed.status, 'deprecated');
    await writeOnDisk('orders.odcs.yaml', CONTRACT);
    assert.equal(entry(await summary(), contractUri()).name, 'orders');
  });

  it('shows an open document\'s unsaved text over the file on disk, and the disk again once it is closed', async () => {
    await client.open(contractUri(), CONTRACT);
    await client.replace(contractUri(), CONTRACT.replace('name: orders\n', 'name: orders_unsaved\n').replace('classification: internal', 'classification: restricted'));
    const unsaved = await summary();
    assert.equal(entry(unsaved, contractUri()).name, 'orders_unsaved');
    assert.deepEqual(entry(unsaved, contractUri()).classifications, ['restricted']);
    assert.deepEqual(entry(unsaved, productUri()).classifications, ['restricted'], 'the product shows its contract\'s unsaved classification');
    await client.close(contractUri());
    const closed = await summary();
    assert.equal(entry(closed, contractUri()).name, 'orders');
    assert.deepEqual(entry(closed, productUri()).classifications, ['internal']);
  });

  it('refolds a product\'s score when its contract changes on disk, in the summary and in datsis/score', async () => {
    const before = await summary();
    await client.open(productUri(), PRODUCT);
    assert.deepEqual(headline(await score(productUri())), headline(entry(before, productUri()).score));

    const rescored = nextScoresChanged(productUri());
    await writeOnDisk('orders.odcs.yaml', UNDOCUMENTED_CONTRACT);
    await rescored;
    const after = await summary();
    assert.ok(entry(after, contractUri()).score!.overall < entry(before, contractUri()).score!.overall, 'the contract scores lower');
    assert.ok(entry(after, productUri()).score!.overall < entry(before, productUri()).score!.overall, 'so does the product that serves it');
    assert.deepEqual(headline(await score(productUri())), headline(entry(after, productUri()).score));

    const restored = nextScoresChanged(productUri());
    await writeOnDisk('orders.odcs.yaml', CONTRACT);
    await restored;
    assert.deepEqual(headline(await score(productUri())), headline(entry(before, productUri()).score));
    assert.deepEqual(headline(entry(await summary(), productUri()).score), headline(entry(before, productUri()).score));
    await client.close(productUri());
  });
});
