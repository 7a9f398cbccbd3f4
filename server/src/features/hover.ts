/**
 * textDocument/hover: schema docs on keys and values, contract summaries on `contractId`, target properties on
 * relationship ends (core/language/hover).
 */
import type { Connection } from 'vscode-languageserver';
import type { AnalysisContexts } from '../analysisContext';
import { hoverAt } from '../core/language/hover';
import { hoverToLsp } from '../convert';
import type { DocumentStore } from '../documents';

export function registerHover(connection: Connection, store: DocumentStore, contexts: AnalysisContexts): void {
  connection.onHover((params) => {
    const document = store.get(params.textDocument.uri);
    if (!document) return null;
    const hover = hoverAt(store.parsed(document), document.offsetAt(params.position), contexts.create(document.uri));
    return hover ? hoverToLsp(document, hover) : null;
  });
}
