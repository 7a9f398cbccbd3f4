/**
 * textDocument/definition: `contractId` -> the contract's `id`, relationship ends and SLA elements -> the
 * property they name, possibly in another file (core/language/definition).
 */
import type { Connection } from 'vscode-languageserver';
import type { AnalysisContexts } from '../analysisContext';
import { definitionAt } from '../core/language/definition';
import type { DocumentStore } from '../documents';
import type { WorkspaceTexts } from './locations';

export function registerDefinition(connection: Connection, store: DocumentStore, contexts: AnalysisContexts, texts: WorkspaceTexts): void {
  connection.onDefinition(async (params) => {
    const document = store.get(params.textDocument.uri);
    if (!document) return null;
    const targets = definitionAt(store.parsed(document), document.offsetAt(params.position), contexts.create(document.uri));
    return targets.length ? texts.locations(targets) : null;
  });
}
