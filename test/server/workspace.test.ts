/**
 * The workspace index over stdio: the server indexes a real temporary folder at start (reporting progress),
 * follows opened documents and watched-file events, and re-validates the open documents that depend on what
 * changed. Every wait is for a message from the server, never for time to pass.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  FileChangeType, WorkDoneProgress, WorkDoneProgressCreateRequest, type Diagnostic, type WorkDoneProgressBegin,
} from 'vscode-languageserver-protocol/node';
import { parseMarkers } from '../support/markers';
import { rangeOffsets, TestLspClient } from './lspClient';

const contract = (id: string, version = '1.0.0'): string => `apiVersion: v3.1.0\nkind: DataContract\nid: ${id}\nversion: ${version}\nstatus: active\n`;
const product = (id: string, port: string): string => `apiVersion: v1.0.0\nkind: DataProduct\nid: ${id}\nversion: 1.0.0\nstatus: active\ninputPorts:\n  - name: in\n    version: 1.0.0\n    contractId: ${port}\n`;

const unknownContract = (diagnostics: Diagnostic[]): Diagnostic[] => diagnostics.filter((d) => d.code === 'semantic/unknown-contract');

describe('server over stdio: workspace index', () => {
  let client: TestLspClient;
  let folder: string;
  const uriOf = (...parts: string[]): string => pathToFileURL(join(folder, ...parts)).href;
  const progress: WorkDoneProgressBegin[] = [];
  let reports = 0;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'datsis-workspace-'));
    mkdirSync(join(folder, 'sales'));
    mkdirSync(join(folder, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(folder, 'sales', 'orders.odcs.yaml'), contract('urn:orders'));
    writeFileSync(join(folder, 'node_modules', 'pkg', 'vendored.odcs.yaml'), contract('urn:vendored'));
    writeFileSync(join(folder, 'config.yaml'), 'kind: Deployment\nreplicas: 2\n');
    client = new TestLspClient();
    const indexed = new Promise<void>((resolve) => {
      client.connection.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
        client.connection.onProgress(WorkDoneProgress.type, token, (value) => {
          if (value.kind === 'begin') progress.push(value);
          if (value.kind === 'report') reports++;
          if (value.kind === 'end' && progress.some((begin) => /index/i.test(begin.title))) resolve();
        });
      });
    });
    await client.initialize({ window: { workDoneProgress: true }, workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } }, [pathToFileURL(folder).href]);
    await indexed;
  });

  after(async () => {
    await client.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it('reports the initial indexing as work-done progress and watches YAML files', () => {
    assert.ok(progress.some((begin) => /index/i.test(begin.title)), JSON.stringify(progress));
    assert.ok(reports > 0, 'reports progress while indexing');
    const watcher = client.registrations.find((registration) => registration.method === 'workspace/didChangeWatchedFiles');
    assert.deepEqual((watcher?.registerOptions as { watchers: unknown[] } | undefined)?.watchers, [{ globPattern: '**/*.{yaml,yml}' }]);
  });

  it('resolves a contractId from the files on disk, and skips node_modules', async () => {
    const uri = uriOf('sales', 'orders.odps.yaml');
    const fixture = parseMarkers(`${product('p-orders', 'urn:orders')}  - name: vendored\n    version: 1.0.0\n    contractId: ‹urn:vendored›\n`);
    await client.open(uri, fixture.text);
    const diagnostics = await client.diagnostics(uri, (d) => unknownContract(d).length > 0);
    assert.deepEqual(unknownContract(diagnostics).map((d) => rangeOffsets(fixture.text, d)), fixture.ranges);
  });

  it('reports an unresolved contractId, then clears it when the contract is opened', async () => {
    const productUri = uriOf('sales', 'customers.odps.yaml');
    const fixture = parseMarkers(product('p-customers', '‹urn:customers›'));
    await client.open(productUri, fixture.text);
    const before = await client.diagnostics(productUri, (d) => unknownContract(d).length === 1);
    assert.deepEqual(rangeOffsets(fixture.text, unknownContract(before)[0]!), fixture.ranges[0]);
    await client.open(uriOf('crm', 'customers.odcs.yaml'), contract('urn:customers'));
    await client.diagnostics(productUri, (d) => unknownContract(d).length === 0);
  });

  it('follows contracts created and deleted on disk', async () => {
    const productUri = uriOf('sales', 'payments.odps.yaml');
    await client.open(productUri, product('p-payments', 'urn:payments'));
    await client.diagnostics(productUri, (d) => unknownContract(d).length === 1);
    const path = join(folder, 'sales', 'payments.odcs.yaml');
    writeFileSync(path, contract('urn:payments'));
    await client.changeWatchedFiles([{ uri: pathToFileURL(path).href, type: FileChangeType.Created }]);
    await client.diagnostics(productUri, (d) => unknownContract(d).length === 0);
    unlinkSync(path);
    await client.changeWatchedFiles([{ uri: pathToFileURL(path).href, type: FileChangeType.Deleted }]);
    await client.diagnostics(productUri, (d) => unknownContract(d).length === 1);
  });

  it('uses the open text over the file on disk, and the disk again after closing', async () => {
    const productUri = uriOf('sales', 'orders-v2.odps.yaml');
    await client.open(productUri, product('p-orders-2', 'urn:orders'));
    await client.diagnostics(productUri, (d) => d.every((x) => !String(x.code).startsWith('semantic/')));
    const contractUri = uriOf('sales', 'orders.odcs.yaml');
    await client.open(contractUri, contract('urn:orders-renamed'));
    await client.diagnostics(productUri, (d) => unknownContract(d).length === 1);
    await client.close(contractUri);
    await client.diagnostics(productUri, (d) => unknownContract(d).length === 0);
  });

  it('reports a duplicate contract id against the indexed file, on the id', async () => {
    const uri = uriOf('sales', 'orders-copy.odcs.yaml');
    const fixture = parseMarkers('apiVersion: v3.1.0\nkind: DataContract\nid: ‹urn:orders›\nversion: 1.0.0\nstatus: active\n');
    await client.open(uri, fixture.text);
    const diagnostics = await client.diagnostics(uri, (d) => d.some((x) => x.code === 'semantic/duplicate-descriptor-id'));
    const duplicate = diagnostics.find((d) => d.code === 'semantic/duplicate-descriptor-id')!;
    assert.deepEqual(rangeOffsets(fixture.text, duplicate), fixture.ranges[0]);
    assert.match(String(duplicate.message), /`orders\.odcs\.yaml`/);
  });

  it('forgets a closed file from outside the workspace folders, which no watcher follows', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'datsis-outside-'));
    const outsideUri = pathToFileURL(join(outside, 'stray.odcs.yaml')).href;
    writeFileSync(join(outside, 'stray.odcs.yaml'), contract('urn:stray'));
    await client.open(outsideUri, contract('urn:stray'));
    const insideUri = uriOf('sales', 'stray-twin.odcs.yaml');
    await client.open(insideUri, contract('urn:stray'));
    await client.diagnostics(insideUri, (d) => d.some((x) => x.code === 'semantic/duplicate-descriptor-id'));
    // The file stays on disk: once closed, it is simply not part of the workspace any more.
    await client.close(outsideUri);
    const after = await client.diagnostics(insideUri, (d) => !d.some((x) => x.code === 'semantic/duplicate-descriptor-id'));
    assert.equal(after.filter((d) => d.code === 'semantic/duplicate-descriptor-id').length, 0);
    await client.close(insideUri);
    rmSync(outside, { recursive: true, force: true });
  });
});
