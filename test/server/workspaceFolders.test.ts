/**
 * Workspace folders added or removed while the server runs (`workspace/didChangeWorkspaceFolders`): an added
 * folder is indexed (with progress, like the initial scan) and open documents are re-validated against it; a
 * removed folder's files leave the index. Every wait is for a message from the server.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkDoneProgress, WorkDoneProgressCreateRequest, type Diagnostic, type InitializeResult } from 'vscode-languageserver-protocol/node';
import { Methods, type WorkspaceSummary } from '../../server/src/protocol';
import { parseMarkers } from '../support/markers';
import { rangeOffsets, TestLspClient } from './lspClient';

const CONTRACT_ID = 'urn:test:contract:shipments';
const CONTRACT = `apiVersion: v3.1.0\nkind: DataContract\nid: ${CONTRACT_ID}\nversion: 1.0.0\nstatus: active\n`;
const PRODUCT = parseMarkers(`apiVersion: v1.0.0
kind: DataProduct
id: urn:test:product:deliveries
version: 1.0.0
status: active
inputPorts:
  - name: shipments
    version: 1.0.0
    contractId: ‹${CONTRACT_ID}›
`);

const unknownContract = (diagnostics: Diagnostic[]): Diagnostic[] => diagnostics.filter((d) => d.code === 'semantic/unknown-contract');

describe('server over stdio: workspace folders added and removed at run time', () => {
  let client: TestLspClient;
  let root: string;
  let initialized: InitializeResult;
  let indexingRuns = 0;
  let indexingWaiters: { count: number; resolve: () => void }[] = [];
  const folderUri = (name: string) => pathToFileURL(join(root, name)).href;
  const productUri = () => pathToFileURL(join(root, 'deliveries', 'deliveries.odps.yaml')).href;
  const contractUri = () => pathToFileURL(join(root, 'logistics', 'shipments.odcs.yaml')).href;
  /** Resolves once `count` indexing progress reports have ended. */
  const indexingEnded = (count: number) => new Promise<void>((resolve) => {
    if (indexingRuns >= count) resolve();
    else indexingWaiters.push({ count, resolve });
  });
  const summaryUris = async () => (await client.connection.sendRequest<WorkspaceSummary>(Methods.workspaceSummary)).entries.map((entry) => entry.uri).sort();

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'datsis-folders-'));
    mkdirSync(join(root, 'deliveries'));
    mkdirSync(join(root, 'logistics'));
    writeFileSync(join(root, 'logistics', 'shipments.odcs.yaml'), CONTRACT);
    client = new TestLspClient();
    client.connection.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
      client.connection.onProgress(WorkDoneProgress.type, token, (value) => {
        if (value.kind !== 'end') return;
        indexingRuns++;
        indexingWaiters = indexingWaiters.filter((waiter) => {
          if (waiter.count > indexingRuns) return true;
          waiter.resolve();
          return false;
        });
      });
    });
    initialized = await client.initialize({ window: { workDoneProgress: true }, workspace: { workspaceFolders: true } }, [folderUri('deliveries')]);
    await indexingEnded(1);
  });
  after(async () => {
    await client?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('asks for folder change notifications', () => {
    assert.deepEqual(initialized.capabilities.workspace?.workspaceFolders, { supported: true, changeNotifications: true });
  });

  it('indexes an added folder, so a product\'s contractId resolves to the contract in it', async () => {
    await client.open(productUri(), PRODUCT.text);
    const before = await client.diagnostics(productUri(), (d) => unknownContract(d).length > 0);
    assert.deepEqual(unknownContract(before).map((d) => rangeOffsets(PRODUCT.text, d)), PRODUCT.ranges);
    assert.deepEqual(await summaryUris(), [productUri()]);

    await client.changeWorkspaceFolders([folderUri('logistics')]);
    await indexingEnded(2);
    await client.diagnostics(productUri(), (d) => unknownContract(d).length === 0);
    assert.deepEqual(await summaryUris(), [productUri(), contractUri()].sort());
  });

  it('drops a removed folder\'s files, and the contractId is unresolved again', async () => {
    await client.changeWorkspaceFolders([], [folderUri('logistics')]);
    const after = await client.diagnostics(productUri(), (d) => unknownContract(d).length > 0);
    assert.deepEqual(unknownContract(after).map((d) => rangeOffsets(PRODUCT.text, d)), PRODUCT.ranges);
    assert.deepEqual(await summaryUris(), [productUri()]);
  });

  it('reads the rules file of an added folder: its minimum score applies to the files in it', async () => {
    mkdirSync(join(root, 'governed'));
    writeFileSync(join(root, 'governed', '.datsis.yaml'), 'minScore: 99\n');
    const uri = pathToFileURL(join(root, 'governed', 'shipments.odcs.yaml')).href;
    await client.open(uri, CONTRACT);
    const belowMinimum = (diagnostics: Diagnostic[]) => diagnostics.some((d) => d.code === 'DATSIS-min-score');
    assert.equal(belowMinimum(await client.diagnostics(uri)), false, 'no minimum before the folder is part of the workspace');
    await client.changeWorkspaceFolders([folderUri('governed')]);
    await client.diagnostics(uri, belowMinimum);
  });
});
