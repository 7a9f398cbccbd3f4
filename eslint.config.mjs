// @ts-check
/**
 * Lint configuration. Besides the recommended rules it enforces the architecture: the core under
 * server/src/core imports nothing from VS Code or the LSP libraries, and the server never imports the client.
 */
import tseslint from 'typescript-eslint';

const EDITOR_MODULES = ['vscode', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-protocol',
  'vscode-languageserver-protocol/*', 'vscode-languageserver-textdocument', 'vscode-languageclient', 'vscode-languageclient/*',
  'vscode-jsonrpc', 'vscode-jsonrpc/*'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-test/**', 'node_modules/**', '.tools/**', 'test/e2e/output/**', 'bench/output/**', '**/*.mjs', '**/*.js', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: EDITOR_MODULES, message: 'The core is editor-independent: convert to LSP/VS Code types in server/src or client/src.' },
          { group: ['**/client/**', '../**/features/**', '../convert', '../documents', '../server', '../protocol', '../../protocol'], message: 'The core must not depend on the wiring around it.' },
        ],
      }],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['vscode', '**/client/**'], message: 'The server runs outside VS Code: no vscode API, no client code.' }] }],
    },
  },
);
