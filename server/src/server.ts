/**
 * The datsis language server entry point. Runs over stdio (`node dist/server.js --stdio`, for any LSP editor)
 * or IPC (the VS Code client). This file only wires features together; each feature lives in `features/`.
 */
import { createConnection, ProposedFeatures, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver/node';
import { DocumentStore } from './documents';
import { registerDiagnostics } from './features/diagnostics';
import { SettingsStore } from './settings';

const connection = createConnection(ProposedFeatures.all);
const store = new DocumentStore();
const settings = new SettingsStore(connection);

connection.onInitialize((params): InitializeResult => {
  settings.configure(!!params.capabilities.workspace?.configuration);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
    },
    serverInfo: { name: 'datsis', version: DATSIS_VERSION },
  };
});

connection.onInitialized(() => settings.listen());

registerDiagnostics(connection, store, settings);

store.listen(connection);
connection.listen();
