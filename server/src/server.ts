/**
 * The datsis language server entry point. Runs over stdio (`node dist/server.js --stdio`, for any LSP editor)
 * or IPC (the VS Code client). This file only wires features together; each feature lives in `features/`.
 */
import { createConnection, ProposedFeatures, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver/node';
import { AnalysisContexts } from './analysisContext';
import { DocumentStore } from './documents';
import { CODE_LENS_PROVIDER, registerCodeLens } from './features/codeLens';
import { RulesFiles } from './features/rulesFile';
import { registerScore } from './features/score';
import { registerWorkspaceSummary } from './features/workspaceSummary';
import { registerDdl } from './features/ddl';
import { registerDiagnostics } from './features/diagnostics';
import { registerWorkspaceIndex, WORKSPACE_FOLDERS_CAPABILITY } from './features/workspaceIndex';
import { CODE_ACTION_PROVIDER, registerCodeActions } from './features/codeActions';
import { COMPLETION_PROVIDER, registerCompletion } from './features/completion';
import { registerHover } from './features/hover';
import { registerDocumentSymbols } from './features/symbols';
import { registerFolding } from './features/folding';
import { registerDefinition } from './features/definition';
import { registerReferences } from './features/references';
import { DOCUMENT_LINK_PROVIDER, registerDocumentLinks } from './features/links';
import { WorkspaceTexts } from './features/locations';
import { analyze } from './core/analyze';
import { SettingsStore } from './settings';

const connection = createConnection(ProposedFeatures.all);
const store = new DocumentStore();
const settings = new SettingsStore(connection);
const contexts = new AnalysisContexts();
const workspaceIndex = registerWorkspaceIndex(connection, store, contexts);
contexts.provideWorkspace(() => workspaceIndex.view());
const rulesFiles = new RulesFiles(store, settings, contexts);
// Fix all needs every finding of the document, computed exactly as the diagnostics compute them.
const codeActions = registerCodeActions(connection, store, (document) => analyze(store.parsed(document), contexts.create(document.uri)));
const scores = registerScore(connection, store, contexts, workspaceIndex);
const codeLens = registerCodeLens(connection, store, scores);
registerWorkspaceSummary(connection, store, contexts, workspaceIndex);
registerCompletion(connection, store, contexts);
registerHover(connection, store, contexts);
registerDocumentSymbols(connection, store);
registerFolding(connection, store);
const workspaceTexts = new WorkspaceTexts(store);
registerDefinition(connection, store, contexts, workspaceTexts);
registerReferences(connection, store, contexts, workspaceTexts);
registerDocumentLinks(connection, store);

/** Set from the client's capabilities: only a client that announced workspace folders sends their changes. */
let followsFolderChanges = false;

connection.onInitialize((params): InitializeResult => {
  followsFolderChanges = !!params.capabilities.workspace?.workspaceFolders;
  settings.configure(!!params.capabilities.workspace?.configuration);
  codeActions.configure(params.capabilities);
  codeLens.configure(params.capabilities);
  rulesFiles.configure(params);
  workspaceIndex.configure(params);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: CODE_ACTION_PROVIDER,
      codeLensProvider: CODE_LENS_PROVIDER,
      completionProvider: COMPLETION_PROVIDER,
      hoverProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentLinkProvider: DOCUMENT_LINK_PROVIDER,
      workspace: { workspaceFolders: WORKSPACE_FOLDERS_CAPABILITY },
    },
    serverInfo: { name: 'datsis', version: DATSIS_VERSION },
  };
});

connection.onInitialized(() => {
  settings.listen();
  // The index scores every file as it reads it, so it starts scoring once the rules are known.
  workspaceIndex.start(rulesFiles.start());
  if (followsFolderChanges) connection.workspace.onDidChangeWorkspaceFolders((event) => void rulesFiles.changeFolders(event));
});
connection.onShutdown(() => rulesFiles.dispose());

registerDdl(connection, store, settings, contexts);
const diagnostics = registerDiagnostics(connection, store, settings, contexts);
workspaceIndex.onDependentsChanged((uris) => diagnostics.revalidate(uris));

store.listen(connection);
connection.listen();
