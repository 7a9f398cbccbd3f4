/**
 * Gives plain `*.yaml` files the descriptor language when their content says they are one
 * (`kind: DataProduct|DataContract` next to an `apiVersion`), so authors get highlighting and commands without
 * renaming files. Only the language id changes here; the server decides by content on its own.
 */
import * as vscode from 'vscode';
import { sniffDescriptorKind } from '../../server/src/core/yaml/sniff';
import { LanguageIds } from '../../server/src/protocol';

export function registerContentDetection(context: vscode.ExtensionContext): void {
  const detect = (document: vscode.TextDocument): void => {
    if (document.languageId !== 'yaml') return;
    if (!vscode.workspace.getConfiguration('datsis', document).get<boolean>('detectByContent', true)) return;
    const kind = sniffDescriptorKind(document.getText());
    if (kind) void vscode.languages.setTextDocumentLanguage(document, kind === 'DataProduct' ? LanguageIds.product : LanguageIds.contract);
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(detect));
  vscode.workspace.textDocuments.forEach(detect);
}
