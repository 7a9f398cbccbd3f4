/**
 * textDocument/references: on a contract's `id`, the product ports and the relationships of other contracts
 * that use it; on an object or property name, the relationships and SLA elements naming it
 * (core/language/references). Other contracts are read up front, concurrently, so the core stays synchronous.
 */
import type { Connection } from 'vscode-languageserver';
import type { AnalysisContexts } from '../analysisContext';
import { referencesAt } from '../core/language/references';
import type { DocumentStore } from '../documents';
import type { WorkspaceTexts } from './locations';

export function registerReferences(connection: Connection, store: DocumentStore, contexts: AnalysisContexts, texts: WorkspaceTexts): void {
  connection.onReferences(async (params) => {
    const document = store.get(params.textDocument.uri);
    if (!document) return null;
    const context = contexts.create(document.uri);
    const parsed = store.parsed(document);
    if (parsed.kind !== 'DataContract') return null;
    const contractUris = [...(context.workspace?.all() ?? [])]
      .filter((summary) => summary.kind === 'DataContract' && summary.uri !== document.uri)
      .map((summary) => summary.uri);
    const contents = await texts.texts(contractUris);
    const current = store.get(document.uri);
    if (!current || current.version !== document.version) return null; // edited while reading: the answer would be stale
    const targets = referencesAt(parsed, document.offsetAt(params.position), context, { read: (uri) => contents.get(uri) }, params.context.includeDeclaration);
    return texts.locations(targets);
  });
}
