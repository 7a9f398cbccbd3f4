import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeLensRequest, type CodeLens, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { configFromRulesFile } from '../../server/src/core/datsis/rulesFile';
import { scoreDescriptor } from '../../server/src/core/datsis/score';
import { compactSummary } from '../../server/src/core/datsis/summary';
import type { DescriptorSummary, WorkspaceView } from '../../server/src/core/workspace/types';
import { parseDescriptor } from '../../server/src/core/yaml/parse';
import { Commands, Methods, type ScoreResult, type ScoresChangedParams } from '../../server/src/protocol';
import { parseMarkers } from '../support/markers';
import { rangeOffsets, TestLspClient } from './lspClient';

const DISK_RULES = 'requiredTags: [from-disk]\n';

const CONTRACT = `apiVersion: v3.1.0
kind: DataContract
id: urn:acme:contract:orders
name: orders
version: 1.0.0
status: active
description:
  purpose: ‹TODO›
schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string
`;

const PRODUCT = `apiVersion: v1.0.0
kind: DataProduct
id: urn:acme:product:orders
name: Orders
status: active
outputPorts:
  - name: main
    version: 1.0.0
    contractId: urn:acme:contract:orders
`;

const messageText = (diagnostic: Diagnostic): string => (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);

/** The facts the server's workspace index has about the open descriptors (all DATSIS asks of it). */
function workspaceOf(descriptors: readonly { uri: string; text: string }[]): WorkspaceView {
  const summaries = descriptors.map(({ uri, text }) => {
    const parsed = parseDescriptor(text);
    const value = parsed.value as { id?: string; version?: string };
    return { uri, kind: parsed.kind!, id: value.id, version: value.version } as unknown as DescriptorSummary;
  });
  return { byId: (id) => summaries.filter((s) => s.id === id), byUri: (uri) => summaries.find((s) => s.uri === uri), all: () => summaries, portsUsingContract: () => [] };
}

describe('server over stdio: DATSIS scores and code lens', () => {
  let client: TestLspClient;
  let folder: string;
  let folderUri: string;
  const changes: ScoresChangedParams[] = [];
  let waiters: { uri: string; resolve: () => void }[] = [];

  /** Resolves at the next `datsis/scoresChanged` naming `uri` (set up before the action that causes it). */
  const nextScoresChanged = (uri: string) => new Promise<void>((resolve) => waiters.push({ uri, resolve }));
  const score = (uri: string) => client.connection.sendRequest<ScoreResult | null>(Methods.score, { textDocument: { uri } });
  const expectedReport = (text: string, uri: string, rulesText = DISK_RULES, open = [{ uri, text }]) =>
    scoreDescriptor(parseDescriptor(text), { uri, workspace: workspaceOf(open), rules: configFromRulesFile(rulesText) })!;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'datsis-score-'));
    folderUri = pathToFileURL(folder).href;
    writeFileSync(join(folder, '.datsis.yaml'), DISK_RULES);
    client = new TestLspClient();
    client.connection.onNotification(Methods.scoresChanged, (params: ScoresChangedParams) => {
      changes.push(params);
      waiters = waiters.filter((waiter) => {
        if (!params.uris.includes(waiter.uri)) return true;
        waiter.resolve();
        return false;
      });
    });
  });
  after(async () => {
    await client.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it('declares a code lens provider', async () => {
    const result = await client.initialize({ workspace: { codeLens: { refreshSupport: false } } }, [folderUri]);
    assert.ok(result.capabilities.codeLensProvider);
  });

  const contractUri = () => `${folderUri}/orders.odcs.yaml`;

  it('applies the rules file of the workspace folder read from disk at start', async () => {
    await client.open(contractUri(), parseMarkers(CONTRACT).text);
    const diagnostics = await client.diagnostics(contractUri(), (d) => d.some((x) => x.code === 'D-required-tags'));
    const required = diagnostics.find((d) => d.code === 'D-required-tags')!;
    assert.match(messageText(required), /from-disk/);
    assert.equal(required.source, 'DATSIS');
    assert.match(required.codeDescription!.href, /DATSIS\.md#d-required-tags$/);
  });

  it('answers datsis/score with the core\'s score and gap ranges', async () => {
    const { text, ranges } = parseMarkers(CONTRACT);
    const result = (await score(contractUri()))!;
    const expected = expectedReport(text, contractUri());
    assert.equal(result.overall, expected.overall);
    assert.equal(result.level, expected.level);
    assert.deepEqual(result.dimensions, expected.dimensions);
    assert.equal(result.gaps.length, expected.gaps.length);
    const purpose = result.gaps.find((gap) => gap.rule === 'D-purpose')!;
    assert.equal(purpose.dimension, 'discoverable');
    assert.deepEqual(rangeOffsets(text, { range: purpose.range, message: '' }), ranges[0]);
  });

  it('answers null for plain YAML and for unknown documents', async () => {
    await client.open('file:///plain.yaml', 'just: yaml\n');
    assert.equal(await score('file:///plain.yaml'), null);
    assert.equal(await score('file:///never-opened.odcs.yaml'), null);
  });

  it('shows the summary as a code lens on the first line that opens the score', async () => {
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: contractUri() } })) as CodeLens[];
    assert.equal(lenses.length, 1);
    const [lens] = lenses;
    assert.equal(lens!.range.start.line, 0);
    assert.equal(lens!.command?.title, compactSummary(expectedReport(parseMarkers(CONTRACT).text, contractUri())));
    assert.match(lens!.command!.title, /^DATSIS \d+ · D \d+ A \d+ T \d+ S \d+ I \d+ S \d+ · [A-Z][a-z]+$/);
    assert.equal(lens!.command?.command, Commands.showScore);
    assert.deepEqual(lens!.command?.arguments, [contractUri()]);
  });

  it('announces a changed score after an edit', async () => {
    const before = (await score(contractUri()))!;
    const announced = nextScoresChanged(contractUri());
    const improved = parseMarkers(CONTRACT).text.replace('purpose: TODO', 'purpose: Every web shop order with its lines, for finance and fulfilment.');
    await client.replace(contractUri(), improved);
    await announced;
    const after = (await score(contractUri()))!;
    assert.ok(after.dimensions.discoverable > before.dimensions.discoverable, `${after.dimensions.discoverable} > ${before.dimensions.discoverable}`);
    assert.equal(after.gaps.some((gap) => gap.rule === 'D-purpose'), false);
  });

  it('rescores open documents at once when the open rules file is edited, unsaved', async () => {
    const rulesUri = `${folderUri}/.datsis.yaml`;
    const announced = nextScoresChanged(contractUri());
    await client.open(rulesUri, 'rules:\n  S-examples:\n    enabled: false\n');
    await announced;
    const result = (await score(contractUri()))!;
    assert.equal(result.gaps.some((gap) => gap.rule === 'D-required-tags'), false, 'the disk file no longer applies');
    assert.equal(result.gaps.some((gap) => gap.rule === 'S-examples'), false);
    await client.diagnostics(contractUri(), (d) => !d.some((x) => x.code === 'S-examples' || x.code === 'D-required-tags'));
  });

  it('validates the rules file itself', async () => {
    const rulesUri = `${folderUri}/.datsis.yaml`;
    const { text, ranges } = parseMarkers('rules:\n  ‹S-exampels›:\n    enabled: false\n');
    await client.replace(rulesUri, text);
    const diagnostics = await client.diagnostics(rulesUri, (d) => d.some((x) => x.code === 'rules/unknown-rule'));
    const unknown = diagnostics.find((x) => x.code === 'rules/unknown-rule')!;
    assert.deepEqual(rangeOffsets(text, unknown), ranges[0]);
    assert.match(messageText(unknown), /did you mean "S-examples"/);
  });

  it('folds the contract behind an output port into the product, and rescores the product when the contract changes', async () => {
    const productUri = `${folderUri}/orders.odps.yaml`;
    const rulesUri = `${folderUri}/.datsis.yaml`;
    await client.replace(rulesUri, '');
    const announced = nextScoresChanged(productUri);
    await client.open(productUri, PRODUCT);
    await announced;
    const product = (await score(productUri))!;
    const contract = (await score(contractUri()))!;
    const contractText = parseMarkers(CONTRACT).text.replace('purpose: TODO', 'purpose: Every web shop order with its lines, for finance and fulfilment.');
    const own = expectedReport(PRODUCT, productUri, '', [{ uri: productUri, text: PRODUCT }, { uri: contractUri(), text: contractText }]).own;
    for (const dimension of Object.keys(own) as (keyof typeof own)[]) {
      assert.equal(product.dimensions[dimension], Math.round(own[dimension] / 2 + contract.dimensions[dimension] / 2), dimension);
    }
    const productChanged = nextScoresChanged(productUri);
    await client.replace(contractUri(), parseMarkers(CONTRACT).text.replace('purpose: TODO', 'purpose: x').replace(/schema:[\s\S]*$/, ''));
    await productChanged;
    assert.notDeepEqual((await score(productUri))!.dimensions, product.dimensions);
  });
});
