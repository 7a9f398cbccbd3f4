/**
 * textDocument/documentLink: http(s) and mailto URLs under `url` keys of descriptors (core/language/links).
 */
import type { Connection } from 'vscode-languageserver';
import { editingKind } from '../core/language/kindSchemas';
import { documentLinks } from '../core/language/links';
import { linkToDocumentLink } from '../convert';
import type { DocumentStore } from '../documents';

export const DOCUMENT_LINK_PROVIDER = { resolveProvider: false };

export function registerDocumentLinks(connection: Connection, store: DocumentStore): void {
  connection.onDocumentLinks((params) => {
    const document = store.get(params.textDocument.uri);
    if (!document) return null;
    const parsed = store.parsed(document);
    if (!editingKind(parsed, document.uri)) return null;
    return documentLinks(parsed).map((link) => linkToDocumentLink(document, link));
  });
}
