/**
 * The server must survive whatever an author (or a broken file) throws at it: random and mutated documents, random
 * edit sequences, alias bombs, absurd nesting and huge files. It never crashes, answers every request, and every
 * diagnostic lies inside the document.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, InitializeResult, ServerCapabilities } from 'vscode-languageserver-protocol/node';
import { readExamples } from '../support/examples';
import { TestLspClient } from './lspClient';

function assertInside(text: string, diagnostics: Diagnostic[], context: string): void {
  const document = TextDocument.create('file:///x', 'yaml', 1, text);
  for (const diagnostic of diagnostics) {
    for (const position of [diagnostic.range.start, diagnostic.range.end]) {
      assert.ok(position.line >= 0 && position.line < document.lineCount, `line ${position.line} outside the document ${context}`);
      const lineLength = document.offsetAt({ line: position.line + 1, character: 0 }) - document.offsetAt({ line: position.line, character: 0 });
      assert.ok(position.character >= 0 && position.character <= lineLength, `character ${position.character} outside line ${position.line} ${context}`);
    }
  }
}

/** Every read-only request the server declares, at a given position: each must be answered (any result, no error). */
async function askEverything(client: TestLspClient, capabilities: ServerCapabilities, uri: string, position: { line: number; character: number }): Promise<void> {
  const textDocument = { uri };
  const requests: Promise<unknown>[] = [];
  if (capabilities.hoverProvider) requests.push(client.connection.sendRequest('textDocument/hover', { textDocument, position }));
  if (capabilities.completionProvider) requests.push(client.connection.sendRequest('textDocument/completion', { textDocument, position }));
  if (capabilities.documentSymbolProvider) requests.push(client.connection.sendRequest('textDocument/documentSymbol', { textDocument }));
  if (capabilities.foldingRangeProvider) requests.push(client.connection.sendRequest('textDocument/foldingRange', { textDocument }));
  if (capabilities.definitionProvider) requests.push(client.connection.sendRequest('textDocument/definition', { textDocument, position }));
  if (capabilities.documentLinkProvider) requests.push(client.connection.sendRequest('textDocument/documentLink', { textDocument }));
  if (capabilities.codeLensProvider) requests.push(client.connection.sendRequest('textDocument/codeLens', { textDocument }));
  if (capabilities.codeActionProvider) {
    requests.push(client.connection.sendRequest('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }));
  }
  await Promise.all(requests);
}

const typed = fc.constantFrom('a', ' ', '\n', '\n  ', '- ', ': ', '#', '"', '[', ']', '{', '}', '&x ', '*x', '\t', '\uFFFD', 'kind: DataProduct\n');

describe('server robustness', function () {
  this.timeout(180_000);
  let client: TestLspClient;
  let initialized: InitializeResult;

  before(async () => {
    client = new TestLspClient();
    initialized = await client.initialize();
  });
  after(async () => client.dispose());

  it('survives random documents and random edit sequences, answering every request', async () => {
    const texts = readExamples().map((example) => example.text);
    let run = 0;
    await fc.assert(fc.asyncProperty(
      fc.oneof(
        fc.integer({ min: 0, max: texts.length - 1 }).map((index) => texts[index]!),
        fc.anything({ maxDepth: 4 }).map((value) => `kind: DataContract\napiVersion: v3.1.0\n${stringify({ schema: value })}`),
        fc.string({ maxLength: 200 }),
      ),
      fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 20 }), typed), { maxLength: 6 }),
      async (initial, edits) => {
        const uri = `file:///robust/${run++}.odcs.yaml`;
        let text = initial;
        await client.open(uri, text);
        assertInside(text, await client.diagnosticsForVersion(uri, 1), 'after open');
        for (const [where, deleteCount, insert] of edits) {
          const at = Math.floor(where * text.length);
          text = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + deleteCount));
          const version = await client.replace(uri, text);
          const document = TextDocument.create(uri, 'yaml', version, text);
          await askEverything(client, initialized.capabilities, uri, document.positionAt(at));
          assertInside(text, await client.diagnosticsForVersion(uri, version), `after inserting ${JSON.stringify(insert)} at ${at}`);
        }
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      },
    ), { numRuns: 60, seed: 4242 });
  });

  it('answers an alias bomb with one clear diagnostic and stays responsive', async () => {
    let text = 'apiVersion: v3.1.0\nkind: DataContract\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let level = 1; level < 10; level++) text += `a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]\n`;
    await client.open('file:///bomb.odcs.yaml', text);
    const diagnostics = await client.diagnosticsForVersion('file:///bomb.odcs.yaml', 1);
    assert.deepEqual(diagnostics.map((d) => d.code), ['yaml/alias-limit']);
    await askEverything(client, initialized.capabilities, 'file:///bomb.odcs.yaml', { line: 3, character: 3 });
  });

  it('answers 10,000-deep nesting with diagnostics and stays responsive', async () => {
    const depth = 10_000;
    const text = `apiVersion: v3.1.0\nkind: DataContract\ncustomProperties: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    await client.open('file:///deep.odcs.yaml', text);
    const diagnostics = await client.diagnosticsForVersion('file:///deep.odcs.yaml', 1);
    assertInside(text, diagnostics, 'deep nesting');
    await askEverything(client, initialized.capabilities, 'file:///deep.odcs.yaml', { line: 2, character: 5000 });
  });

  it('refuses a 50 MB file with one clear diagnostic and stays responsive', async () => {
    const line = '# padding padding padding padding padding padding padding padding padding padding\n';
    const text = `apiVersion: v3.1.0\nkind: DataContract\n${line.repeat(Math.ceil((50 * 1024 * 1024) / line.length))}`;
    await client.open('file:///huge.odcs.yaml', text);
    const diagnostics = await client.diagnosticsForVersion('file:///huge.odcs.yaml', 1);
    assert.deepEqual(diagnostics.map((d) => d.code), ['yaml/too-large']);
    assert.match(String(diagnostics[0]!.message), /too large/);
    await askEverything(client, initialized.capabilities, 'file:///huge.odcs.yaml', { line: 0, character: 0 });
  });

  it('is still alive and answering after everything above', async () => {
    await client.open('file:///alive.odcs.yaml', 'kind: DataContract\nname: [oops\n');
    const diagnostics = await client.diagnosticsForVersion('file:///alive.odcs.yaml', 1);
    assert.ok(diagnostics.some((d) => String(d.code).startsWith('yaml/')));
    assert.equal(client.stderr.includes('RangeError'), false, `server stderr: ${client.stderr.slice(0, 500)}`);
  });
});
