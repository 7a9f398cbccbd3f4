import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InitializeRequest, InitializedNotification } from 'vscode-languageserver-protocol/node';
import { Methods, type WorkspaceSummary } from '../../server/src/protocol';
import { EXAMPLES_DIR as EXAMPLES, readExamples } from '../support/examples';
import { TestLspClient } from './lspClient';

/** The example files by kind, read from the folder itself so the test follows the examples as they evolve. */
const uriOf = (path: string) => pathToFileURL(join(EXAMPLES, path)).href;
const exampleFiles = (suffix: string) => readExamples().filter((example) => example.name.endsWith(suffix)).map((example) => example.uri).sort();

describe('server: datsis/workspaceSummary', () => {
  let client: TestLspClient;
  before(async () => {
    client = new TestLspClient();
    await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: pathToFileURL(EXAMPLES).href, capabilities: {},
      workspaceFolders: [{ uri: pathToFileURL(EXAMPLES).href, name: 'examples' }],
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
  });
  after(async () => { await client?.dispose(); });

  const summary = () => client.connection.sendRequest<WorkspaceSummary>(Methods.workspaceSummary);

  it('lists every example product and contract with its facts and score', async () => {
    const result = await summary();
    const urisOf = (kind: string) => result.entries.filter((entry) => entry.kind === kind).map((entry) => entry.uri).sort();
    assert.deepEqual(urisOf('DataProduct'), exampleFiles('.odps.yaml'));
    assert.deepEqual(urisOf('DataContract'), exampleFiles('.odcs.yaml'));
    assert.ok(result.entries.every((entry) => entry.score !== undefined), 'every example is scored');
    const pricing = result.entries.find((entry) => entry.uri === uriOf('pricing/dynamic-price-recommendations.odps.yaml'))!;
    assert.equal(pricing.domain, 'pricing');
    assert.equal(pricing.owner, 'Sofia Marino'); // the team member with role owner
    assert.deepEqual(pricing.tags, ['consumer-aligned', 'dynamic-pricing', 'pricing']);
    assert.ok(pricing.score && pricing.score.overall > 0 && pricing.score.level);
    const pos = result.entries.find((entry) => entry.uri === uriOf('sales/pos-transactions.odcs.yaml'))!;
    assert.ok(pos.classifications.includes('restricted'));
  });

  it('links the whole mesh: every example port resolves', async () => {
    const result = await summary();
    assert.equal(result.edges.filter((edge) => edge.relation === 'output').length, 6);
    assert.equal(result.edges.filter((edge) => edge.relation === 'input').length, 5);
    assert.deepEqual(result.edges.filter((edge) => edge.broken), []);
  });

  it('rescores a product when a contract behind its output port changes (unsaved edit)', async () => {
    const productUri = uriOf('pricing/dynamic-price-recommendations.odps.yaml');
    const contractUri = uriOf('pricing/price-recommendations.odcs.yaml');
    const before = await summary();
    const scoreOf = (result: WorkspaceSummary, uri: string) => result.entries.find((entry) => entry.uri === uri)!.score!.overall;
    const text = readFileSync(new URL(contractUri), 'utf8');
    // Keep only the top-level identity of the contract: every quality it had is gone.
    const stripped = text.split('\n').filter((line) => /^(apiVersion|kind|id|version|status|name):/.test(line)).join('\n');
    await client.open(contractUri, text);
    await client.replace(contractUri, stripped);
    const after = await summary();
    assert.ok(scoreOf(after, contractUri) < scoreOf(before, contractUri), 'the contract itself scores lower');
    assert.ok(scoreOf(after, productUri) < scoreOf(before, productUri), 'so does the product that exposes it');
    await client.replace(contractUri, text);
    assert.equal(scoreOf(await summary(), productUri), scoreOf(before, productUri), 'and recovers with the original text');
  });

  it('follows unsaved edits of open documents, including a broken link', async () => {
    const uri = uriOf('pricing/dynamic-price-recommendations.odps.yaml');
    const text = readFileSync(new URL(uri), 'utf8');
    await client.open(uri, text);
    const edited = text.replace('contractId: urn:hrg:contract:supply-chain:inventory-positions', 'contractId: urn:hrg:contract:nowhere');
    assert.notEqual(edited, text);
    await client.replace(uri, edited);
    const result = await summary();
    const broken = result.edges.filter((edge) => edge.broken);
    assert.deepEqual(broken.map((edge) => [edge.contractId, edge.to]), [['urn:hrg:contract:nowhere', uri]]);
  });
});
