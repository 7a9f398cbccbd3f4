/**
 * What the panels' buttons do in the editor. "Fix" deliberately goes through VS Code's own code-action
 * machinery (`vscode.executeCodeActionProvider`) rather than a private channel to the server: the panel then
 * applies exactly the quick fix the light bulb offers at the gap, with the same edit and the same command.
 * Which fix that is comes from the score itself (`ScoreGap.fixes`, the titles the server gives its actions).
 */
import * as vscode from 'vscode';
import type { ProtocolRange, ScoreGap } from '../../../server/src/protocol';

export function toRange(range: ProtocolRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** Shows the document with the gap selected, in the editor group where it is already visible if it is. */
export async function revealRange(uri: vscode.Uri, range: ProtocolRange): Promise<void> {
  const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
  const editor = await vscode.window.showTextDocument(uri, { viewColumn: visible?.viewColumn, selection: toRange(range), preserveFocus: false, preview: false });
  editor.revealRange(toRange(range), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export async function openFile(uri: vscode.Uri): Promise<void> {
  const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
  await vscode.window.showTextDocument(uri, { viewColumn: visible?.viewColumn, preview: false });
}

/** Code actions of the last `applyQuickFix` lookup resolve their edits up to this many (the lookup is per click). */
const RESOLVE_LIMIT = 100;

/**
 * The quick fix VS Code offers for this gap: among the code actions at the gap's range, the one titled like
 * the server's first fix for the gap. Matching by title, because several gaps usually share a range (a missing
 * key is reported on its parent) and VS Code does not return the diagnostics an action belongs to.
 */
export async function quickFixFor(uri: vscode.Uri, gap: ScoreGap): Promise<vscode.CodeAction | undefined> {
  const titles = gap.fixes ?? [];
  if (!titles.length) return undefined;
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>(
    'vscode.executeCodeActionProvider', uri, toRange(gap.range), vscode.CodeActionKind.QuickFix.value, RESOLVE_LIMIT);
  // A bare Command has a string `command`; a CodeAction's `command`, if any, is an object.
  const offered = (actions ?? []).filter((action): action is vscode.CodeAction => typeof action.command !== 'string');
  for (const title of titles) {
    const match = offered.find((action) => action.title === title);
    if (match) return match;
  }
  return undefined;
}

/** Applies the gap's quick fix; false when the editor does not offer it (any more). */
export async function applyQuickFix(uri: vscode.Uri, gap: ScoreGap): Promise<boolean> {
  const action = await quickFixFor(uri, gap);
  if (!action) return false;
  // Snippet edits (placeholders to fill in) only become snippets in a visible editor.
  const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
  await vscode.window.showTextDocument(uri, { viewColumn: visible?.viewColumn, preserveFocus: false, preview: false });
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) return false;
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  return true;
}
