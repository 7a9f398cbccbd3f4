/**
 * "DATSIS: New Data Product" (the walkthrough's first step): the same scaffold `datsis new product NAME`
 * writes, run in-process through the core, written with `workspace.fs` (so it works in remote and virtual
 * workspaces too), never over an existing file. Opens the product with its first placeholder selected.
 */
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { scaffoldNames } from '../../../server/src/core/scaffold/names';
import { PLACEHOLDER, scaffold } from '../../../server/src/core/scaffold/templates';

/** Optional arguments, so tests and other commands can skip the prompts. */
export interface NewProductArgs {
  readonly name?: string;
  readonly domain?: string;
  /** The folder to write into; default: the first workspace folder (a subfolder named after the domain if given). */
  readonly folder?: vscode.Uri;
}

export async function newDataProduct(args: NewProductArgs = {}): Promise<vscode.Uri | undefined> {
  const name = args.name ?? await vscode.window.showInputBox({
    title: 'New data product (1/2)',
    prompt: 'Name of the data product, e.g. "Demand Forecast"',
    validateInput: (value) => nameProblem(value),
  });
  if (!name || nameProblem(name)) return undefined;
  const domain = args.domain ?? await vscode.window.showInputBox({
    title: 'New data product (2/2)',
    prompt: 'Business domain (optional), e.g. "sales"; leave empty to fill it in later',
  });
  if (domain === undefined) return undefined; // Escape cancels
  const folder = args.folder ?? defaultFolder(domain);
  if (!folder) {
    void vscode.window.showWarningMessage('DATSIS: open a folder first; the new data product is written into it.');
    return undefined;
  }
  const files = scaffold({ kind: 'product', name, domain: domain.trim() || undefined, newId: randomUUID });
  const targets = files.map((file) => ({ uri: vscode.Uri.joinPath(folder, file.fileName), text: file.text }));
  for (const target of targets) {
    if (await exists(target.uri)) {
      void vscode.window.showErrorMessage(`DATSIS: ${vscode.workspace.asRelativePath(target.uri)} already exists; choose another name.`);
      return undefined;
    }
  }
  await vscode.workspace.fs.createDirectory(folder);
  for (const target of targets) await vscode.workspace.fs.writeFile(target.uri, new TextEncoder().encode(target.text));
  const [product] = targets;
  const editor = await vscode.window.showTextDocument(product!.uri, { preview: false });
  const first = new RegExp(PLACEHOLDER.source).exec(product!.text);
  if (first) {
    const range = new vscode.Range(editor.document.positionAt(first.index), editor.document.positionAt(first.index + first[0].length));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
  }
  return product!.uri;
}

function nameProblem(value: string): string | undefined {
  if (!value.trim()) return 'Give the data product a name.';
  try {
    scaffoldNames(value);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function defaultFolder(domain: string): vscode.Uri | undefined {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!root) return undefined;
  return domain.trim() ? vscode.Uri.joinPath(root, scaffoldNames(domain).kebab) : root;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
