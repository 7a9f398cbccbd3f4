/**
 * textDocument/documentSymbol: the hierarchical outline of a contract or product (core/language/symbols).
 * Plain YAML files that are not descriptors are left to the editor's YAML support.
 */
import type { Connection } from 'vscode-languageserver';
import { editingKind } from '../core/language/kindSchemas';
import { documentSymbols } from '../core/language/symbols';
import { outlineToDocumentSymbol } from '../convert';
import type { DocumentStore } from '../documents';

export function registerDocumentSymbols(connection: Connection, store: DocumentStore): void {
  connection.onDocumentSymbol((params) => {
    const document = store.get(params.textDocument.uri);
    if (!document) return null;
    const parsed = store.parsed(document);
    if (!editingKind(parsed, document.uri)) return null;
    return documentSymbols(parsed).map((symbol) => outlineToDocumentSymbol(document, symbol));
  });
}
