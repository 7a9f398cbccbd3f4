/**
 * Gives plain `*.yaml` files the descriptor language when their content says they are one
 * (`kind: DataProduct|DataContract` next to an `apiVersion`), so authors get highlighting and commands without
 * renaming files. Only the language id changes here; the server decides by content on its own.
 */
import * as vscode from 'vscode';
import { LanguageIds } from '../../server/src/protocol';

/** Read at most this much of a file: `kind` and `apiVersion` sit at the top in every real descriptor. */
const SNIFF_CHARS = 8192;
const KIND_LINE = /^kind:\s*["']?(DataProduct|DataContract)["']?\s*(?:#.*)?$/m;
const API_VERSION_LINE = /^apiVersion:\s*\S/m;

export function descriptorLanguageFor(text: string): string | undefined {
  const head = text.slice(0, SNIFF_CHARS);
  const kind = KIND_LINE.exec(head)?.[1];
  if (!kind || !API_VERSION_LINE.test(head)) return undefined;
  return kind === 'DataProduct' ? LanguageIds.product : LanguageIds.contract;
}

export function registerContentDetection(context: vscode.ExtensionContext): void {
  const detect = (document: vscode.TextDocument): void => {
    if (document.languageId !== 'yaml') return;
    if (!vscode.workspace.getConfiguration('datsis', document).get<boolean>('detectByContent', true)) return;
    const language = descriptorLanguageFor(document.getText());
    if (language) void vscode.languages.setTextDocumentLanguage(document, language);
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(detect));
  vscode.workspace.textDocuments.forEach(detect);
}
