/**
 * textDocument/foldingRange: block mappings and sequences, block scalars and comment runs of descriptors
 * (core/language/folding).
 */
import type { Connection } from 'vscode-languageserver';
import { foldingRanges } from '../core/language/folding';
import { editingKind } from '../core/language/kindSchemas';
import { foldingSpanToRange } from '../convert';
import type { DocumentStore } from '../documents';

export function registerFolding(connection: Connection, store: DocumentStore): void {
  connection.onFoldingRanges((params) => {
    const document = store.get(params.textDocument.uri);
    if (!document) return null;
    const parsed = store.parsed(document);
    if (!editingKind(parsed, document.uri)) return null;
    return foldingRanges(parsed).map((span) => foldingSpanToRange(document, span));
  });
}
