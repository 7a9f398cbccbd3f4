/**
 * textDocument/completion: keys, values, snippets and workspace references at the cursor (core/language).
 */
import type { Connection, CompletionOptions } from 'vscode-languageserver';
import type { AnalysisContexts } from '../analysisContext';
import { completeAt } from '../core/language/completion';
import { candidateToCompletionItem } from '../convert';
import type { DocumentStore } from '../documents';

/** A space after `key:` or `- `, an opening `[` or `,` in a flow list, and the `.` of `object.property`. */
export const COMPLETION_PROVIDER: CompletionOptions = { triggerCharacters: [' ', '[', ',', '.'], resolveProvider: false };

export function registerCompletion(connection: Connection, store: DocumentStore, contexts: AnalysisContexts): void {
  connection.onCompletion((params) => {
    const document = store.get(params.textDocument.uri);
    if (!document) return null;
    const candidates = completeAt(store.parsed(document), document.offsetAt(params.position), contexts.create(document.uri));
    return { isIncomplete: false, items: candidates.map((candidate) => candidateToCompletionItem(document, candidate)) };
  });
}
