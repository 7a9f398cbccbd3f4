/**
 * Syntax highlighting of descriptors (syntaxes/*.tmLanguage.json): SQL inside a contract's `query:` values,
 * YAML again right after them, and a scope of its own for products.
 *
 * VS Code 1.139 has no command that returns TextMate scopes (`_workbench.captureSyntaxTokens` is gone;
 * `_workbench.colorizeTextMateTokens` only times the tokenizer). So the scopes are computed here the way the
 * workbench computes them: with the running VS Code's own `vscode-textmate` and `vscode-oniguruma`, over the
 * grammars every loaded extension contributes (VS Code's YAML and SQL grammars, ours from the extension), and
 * the grammar VS Code picked for the opened document's language id. A last test has the workbench itself
 * tokenize both files, to show it resolves our grammars for the `odcs` and `odps` languages.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, markedRanges, openInEditor, writeTempDescriptor, type TempDescriptor } from './helpers';

// Ranges, in order: for each of the three query styles the SQL keywords SELECT and FROM, then the next YAML key.
const CONTRACT = `apiVersion: v3.1.0
kind: DataContract
id: urn:e2e:grammar
schema:
  - name: orders
    quality:
      - type: sql
        query: |
          ‹SELECT› COUNT(*) ‹FROM› orders WHERE amount < 0
        ‹mustBe›: 0
      - query: |
          ‹SELECT› COUNT(*)
          ‹FROM› orders
        ‹mustBeLessThan›: 10
      - type: sql
        query: ‹SELECT› COUNT(*) ‹FROM› orders
        ‹description›: inline query
`;
const QUERY_STYLES = [
  { name: 'block scalar under a key', embedded: 'meta.embedded.block.sql' },
  { name: 'block scalar as the first key of a list item (`- query: |`)', embedded: 'meta.embedded.block.sql' },
  { name: 'plain scalar on the key\'s line', embedded: 'meta.embedded.inline.sql' },
];

const PRODUCT = `apiVersion: v1.0.0
kind: DataProduct
‹id›: urn:e2e:grammar-product
outputPorts:
  - ‹name›: orders
    version: 1.0.0
`;

interface Token {
  readonly range: vscode.Range;
  readonly text: string;
  readonly scopes: readonly string[];
}

// The few vscode-textmate / vscode-oniguruma shapes used here (the packages ship inside VS Code, without types here).
interface TextMateGrammar {
  tokenizeLine(line: string, state: unknown): { tokens: { startIndex: number; endIndex: number; scopes: string[] }[]; ruleStack: unknown };
}
interface TextMateModule {
  INITIAL: unknown;
  Registry: new (options: {
    onigLib: Promise<unknown>;
    loadGrammar(scopeName: string): Promise<unknown>;
    getInjections(scopeName: string): string[] | undefined;
  }) => { loadGrammar(scopeName: string): Promise<TextMateGrammar | null> };
  parseRawGrammar(content: string, filePath: string): unknown;
}
interface OnigurumaModule {
  loadWASM(data: ArrayBuffer): Promise<void>;
  OnigScanner: new (patterns: string[]) => unknown;
  OnigString: new (text: string) => unknown;
}

interface GrammarContribution {
  readonly language?: string;
  readonly scopeName: string;
  readonly file: string;
  readonly injectTo?: readonly string[];
}

/** Every grammar the loaded extensions contribute (built-in ones included), first one per scope name. */
function grammarContributions(): GrammarContribution[] {
  const byScope = new Map<string, GrammarContribution>();
  for (const extension of vscode.extensions.all) {
    const grammars = (extension.packageJSON as { contributes?: { grammars?: { language?: string; scopeName: string; path: string; injectTo?: string[] }[] } })
      .contributes?.grammars ?? [];
    for (const grammar of grammars) {
      if (byScope.has(grammar.scopeName)) continue;
      byScope.set(grammar.scopeName, { ...grammar, file: vscode.Uri.joinPath(extension.extensionUri, grammar.path).fsPath });
    }
  }
  return [...byScope.values()];
}

interface TextMate {
  readonly registry: InstanceType<TextMateModule['Registry']>;
  /** The tokenizer state before the first line. */
  readonly initialState: unknown;
}

let textMate: Promise<TextMate> | undefined;

/** VS Code's own TextMate engine over the contributed grammars (created once: the WASM can only load once). */
function loadTextMate(): Promise<TextMate> {
  textMate ??= (async () => {
    const requireFromVsCode = createRequire(join(vscode.env.appRoot, 'package.json'));
    let textmate: TextMateModule;
    let oniguruma: OnigurumaModule;
    try {
      textmate = requireFromVsCode('vscode-textmate') as TextMateModule;
      oniguruma = requireFromVsCode('vscode-oniguruma') as OnigurumaModule;
    } catch (error) {
      throw new Error(`VS Code at ${vscode.env.appRoot} does not ship vscode-textmate/vscode-oniguruma where expected: ${String(error)}`);
    }
    const wasm = readFileSync(requireFromVsCode.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const contributions = grammarContributions();
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName) => {
        const contribution = contributions.find((candidate) => candidate.scopeName === scopeName);
        return contribution ? textmate.parseRawGrammar(readFileSync(contribution.file, 'utf8'), contribution.file) : null;
      },
      getInjections: (scopeName) => contributions.filter((candidate) => candidate.injectTo?.includes(scopeName)).map((candidate) => candidate.scopeName),
    });
    return { registry, initialState: textmate.INITIAL };
  })();
  return textMate;
}

/** The tokens of `document` with their scopes, using the grammar contributed for its language id. */
async function tokenize(document: vscode.TextDocument): Promise<Token[]> {
  const contribution = grammarContributions().find((candidate) => candidate.language === document.languageId);
  assert.ok(contribution, `a grammar is contributed for the ${document.languageId} language`);
  const { registry, initialState } = await loadTextMate();
  const grammar = await registry.loadGrammar(contribution.scopeName);
  assert.ok(grammar, `the ${contribution.scopeName} grammar loads`);
  const tokens: Token[] = [];
  let state = initialState;
  for (let line = 0; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    const result = grammar.tokenizeLine(text, state);
    for (const token of result.tokens) {
      tokens.push({ range: new vscode.Range(line, token.startIndex, line, token.endIndex), text: text.slice(token.startIndex, token.endIndex), scopes: token.scopes });
    }
    state = result.ruleStack;
  }
  return tokens;
}

/** The token that starts at the start of `range`, which must cover exactly the range. */
function tokenAt(tokens: readonly Token[], range: vscode.Range): Token {
  const token = tokens.find((candidate) => candidate.range.start.isEqual(range.start));
  assert.ok(token, `a token starts at ${range.start.line}:${range.start.character}`);
  assert.ok(token.range.isEqual(range), `the token "${token.text}" covers exactly the marked text (scopes: ${token.scopes.join(' ')})`);
  return token;
}

const describeToken = (token: Token): string => `"${token.text}": ${token.scopes.join(' ')}`;

describe('syntax highlighting of descriptors in VS Code', () => {
  let contract: TempDescriptor;
  let product: TempDescriptor;

  before(async () => {
    await activateExtension();
    contract = writeTempDescriptor('grammar.odcs.yaml', CONTRACT);
    product = writeTempDescriptor('grammar.odps.yaml', PRODUCT);
  });
  after(async () => {
    await closeAllEditors();
    contract?.dispose();
    product?.dispose();
  });

  QUERY_STYLES.forEach((style, index) => {
    it(`highlights SQL in a ${style.name}, and YAML again after it`, async () => {
      const document = await openInEditor(contract.uri);
      assert.equal(document.languageId, 'odcs');
      const tokens = await tokenize(document);
      const [select, from, nextKey] = markedRanges(document, contract.fixture).slice(index * 3, index * 3 + 3);
      for (const keyword of [select!, from!]) {
        const token = tokenAt(tokens, keyword);
        assert.equal(token.scopes[0], 'source.odcs', describeToken(token));
        assert.ok(token.scopes.includes(style.embedded), `${style.embedded} in ${describeToken(token)}`);
        assert.ok(token.scopes.some((scope) => /^keyword\.[\w.-]+\.sql$/.test(scope)), `an SQL keyword scope in ${describeToken(token)}`);
      }
      const key = tokenAt(tokens, nextKey!);
      assert.ok(key.scopes.includes('entity.name.tag.yaml'), `a YAML key: ${describeToken(key)}`);
      assert.ok(!key.scopes.some((scope) => scope.endsWith('.sql')), `no SQL scope left on the next key: ${describeToken(key)}`);
    });
  });

  it('gives products their own source.odps scope over YAML keys', async () => {
    const document = await openInEditor(product.uri);
    assert.equal(document.languageId, 'odps');
    const tokens = await tokenize(document);
    for (const range of markedRanges(document, product.fixture)) {
      const token = tokenAt(tokens, range);
      assert.equal(token.scopes[0], 'source.odps', describeToken(token));
      assert.ok(token.scopes.includes('entity.name.tag.yaml'), `a YAML key: ${describeToken(token)}`);
    }
    assert.ok(!tokens.some((token) => token.scopes.some((scope) => scope.startsWith('meta.embedded'))), 'no embedded languages in a product');
  });

  it('has the workbench\'s own TextMate tokenizer resolve both grammars', async function () {
    const command = '_workbench.colorizeTextMateTokens';
    if (!(await vscode.commands.getCommands(false)).includes(command)) this.skip();
    for (const uri of [contract.uri, product.uri]) {
      await openInEditor(uri);
      // Throws "Cannot resolve tokenizer for language …" when VS Code has no TextMate grammar for the language.
      const result = await vscode.commands.executeCommand<{ tokenizeTime: number }>(command, uri);
      assert.equal(typeof result.tokenizeTime, 'number', uri.fsPath);
    }
  });
});
