import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  CodeActionRequest, CodeActionResolveRequest, CodeActionKind,
  type ClientCapabilities, type CodeAction, type Diagnostic, type SnippetTextEdit, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { expandSnippet } from '../unit/fixes/fillPlaceholders';
import { TestLspClient } from './lspClient';

const EXAMPLES = resolve(__dirname, '../../examples');
const FIX_ALL_KIND = 'source.fixAll.datsis';

/** VS Code's relevant capabilities: versioned edits, snippet edits (LSP 3.18) and lazy edits. */
const SNIPPET_CLIENT: ClientCapabilities = {
  workspace: { workspaceEdit: { documentChanges: true, snippetEditSupport: true } as NonNullable<ClientCapabilities['workspace']>['workspaceEdit'] },
  textDocument: { codeAction: { resolveSupport: { properties: ['edit'] }, codeActionLiteralSupport: { codeActionKind: { valueSet: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] } } } },
};

function exampleText(name: string): string {
  return readFileSync(join(EXAMPLES, name), 'utf8');
}

/** Applies a workspace edit to one document's text the way a client does (snippets expanded to their text). */
function applyWorkspaceEdit(uri: string, text: string, edit: WorkspaceEdit): string {
  const edits: (TextEdit | SnippetTextEdit)[] = edit.documentChanges
    ? edit.documentChanges.flatMap((change) => ('textDocument' in change && change.textDocument.uri === uri ? change.edits : []))
    : edit.changes?.[uri] ?? [];
  assert.ok(edits.length > 0, 'the action edits the document');
  const plain = edits.map((change) => ('snippet' in change ? { range: change.range, newText: expandSnippet(change.snippet.value).text } : change as TextEdit));
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), plain);
}

function datsisCodes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.source === 'DATSIS').map((d) => String(d.code));
}

describe('server over stdio: quick-fixes and fix all', function () {
  this.timeout(60_000);

  describe('with a client that takes snippet edits and resolves edits lazily', () => {
    let client: TestLspClient;
    before(async () => {
      client = new TestLspClient();
      const result = await client.initialize(SNIPPET_CLIENT);
      const provider = result.capabilities.codeActionProvider;
      assert.ok(provider && typeof provider === 'object', 'declares a code action provider with options');
      assert.deepEqual(provider.codeActionKinds, [CodeActionKind.QuickFix, FIX_ALL_KIND]);
      assert.equal(provider.resolveProvider, true);
    });
    after(async () => client.dispose());

    it('offers the fix carried by a diagnostic, resolves it to a snippet edit, and the gap closes once applied', async () => {
      const uri = 'file:///snippet/demand-forecast.odps.yaml';
      const text = exampleText('supply-chain/demand-forecast.odps.yaml');
      await client.open(uri, text);
      const diagnostics = await client.diagnostics(uri, (d) => datsisCodes(d).includes('D-usage'));
      const usage = diagnostics.find((d) => d.code === 'D-usage')!;
      const actions = await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri }, range: usage.range, context: { diagnostics: [usage], only: [CodeActionKind.QuickFix] },
      }) as CodeAction[];
      const quickFix = actions.find((action) => action.diagnostics?.[0]?.code === 'D-usage' && action.title !== 'Fix all DATSIS gaps')!;
      assert.ok(quickFix, JSON.stringify(actions));
      assert.equal(quickFix.kind, CodeActionKind.QuickFix);
      assert.equal(quickFix.edit, undefined, 'the edit is computed on resolve');
      const resolved = await client.connection.sendRequest(CodeActionResolveRequest.type, quickFix);
      const change = resolved.edit!.documentChanges![0]!;
      assert.ok('textDocument' in change && change.textDocument.version === 1, 'a versioned edit');
      const snippet = (change as { edits: (TextEdit | SnippetTextEdit)[] }).edits.find((edit): edit is SnippetTextEdit => 'snippet' in edit);
      assert.ok(snippet, 'a snippet edit');
      assert.match(snippet.snippet.value, /^ {2}usage: .*\$\{1:[^}]+\}/);
      await client.replace(uri, applyWorkspaceEdit(uri, text, resolved.edit!));
      await client.diagnostics(uri, (d) => d.length > 0 && !datsisCodes(d).includes('D-usage'));
    });

    it('marks a single fix without placeholders as preferred and offers "Fix all DATSIS gaps" next to it', async () => {
      const uri = 'file:///snippet/demand-forecast.odcs.yaml';
      await client.open(uri, exampleText('supply-chain/demand-forecast.odcs.yaml'));
      const diagnostics = await client.diagnostics(uri, (d) => datsisCodes(d).includes('SEC-personal-data'));
      const personal = diagnostics.find((d) => d.code === 'SEC-personal-data')!;
      const actions = await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri }, range: personal.range, context: { diagnostics: [personal] },
      }) as CodeAction[];
      const fix = actions.find((action) => action.title !== 'Fix all DATSIS gaps');
      assert.equal(fix?.isPreferred, true, JSON.stringify(actions));
      const fixAll = actions.find((action) => action.title === 'Fix all DATSIS gaps');
      assert.equal(fixAll?.kind, CodeActionKind.QuickFix);
      assert.equal(actions.filter((action) => action.kind?.startsWith('source')).length, 0, 'source actions only when asked for');
    });

    it('"Fix all DATSIS gaps" as a source.fixAll action closes every gap that has a fix-all fix', async () => {
      const uri = 'file:///snippet/price-recommendations.odcs.yaml';
      const text = exampleText('pricing/price-recommendations.odcs.yaml');
      await client.open(uri, text);
      const before = await client.diagnostics(uri, (d) => datsisCodes(d).length > 0);
      const actions = await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: [CodeActionKind.SourceFixAll] },
      }) as CodeAction[];
      assert.deepEqual(actions.map((action) => [action.title, action.kind]), [['Fix all DATSIS gaps', FIX_ALL_KIND]]);
      const resolved = await client.connection.sendRequest(CodeActionResolveRequest.type, actions[0]!);
      const edits = (resolved.edit!.documentChanges![0] as { edits: (TextEdit | SnippetTextEdit)[] }).edits;
      assert.ok(edits.length > 1, 'several separate edits');
      assert.ok(edits.every((edit) => !('snippet' in edit)), 'fix all writes plain text, not one snippet per gap');
      const fixed = applyWorkspaceEdit(uri, text, resolved.edit!);
      const commentsOf = (source: string) => source.split('\n').filter((line) => line.trim().startsWith('#'));
      assert.deepEqual(commentsOf(fixed), commentsOf(text));
      await client.replace(uri, fixed);
      const after = await client.diagnostics(uri, (d) => datsisCodes(d).length < datsisCodes(before).length);
      const stillFixable = after.filter((d) => ((d.data as { fixes?: { fixAll: boolean }[] } | undefined)?.fixes ?? []).some((fix) => fix.fixAll));
      assert.deepEqual(stillFixable.map((d) => d.code), []);
    });
  });

  describe('with a client that takes neither snippets nor lazy edits', () => {
    let client: TestLspClient;
    before(async () => {
      client = new TestLspClient();
      await client.initialize({});
    });
    after(async () => client.dispose());

    it('sends plain text edits right away, with placeholders as their text', async () => {
      const uri = 'file:///plain/demand-forecast.odps.yaml';
      const text = exampleText('supply-chain/demand-forecast.odps.yaml');
      await client.open(uri, text);
      const diagnostics = await client.diagnostics(uri, (d) => datsisCodes(d).includes('D-limitations'));
      const limitations = diagnostics.find((d) => d.code === 'D-limitations')!;
      const actions = await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri }, range: limitations.range, context: { diagnostics: [limitations], only: [CodeActionKind.QuickFix] },
      }) as CodeAction[];
      const fix = actions.find((action) => action.diagnostics?.[0]?.code === 'D-limitations' && action.title !== 'Fix all DATSIS gaps')!;
      const edits = fix.edit!.changes![uri]!;
      assert.equal(edits.length, 1);
      assert.match(edits[0]!.newText, /^ {2}limitations: /);
      assert.doesNotMatch(edits[0]!.newText, /\$\{/);
      await client.replace(uri, applyWorkspaceEdit(uri, text, fix.edit!));
      await client.diagnostics(uri, (d) => d.length > 0 && !datsisCodes(d).includes('D-limitations'));
    });
  });
});
