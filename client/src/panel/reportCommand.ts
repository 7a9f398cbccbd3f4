/**
 * "DATSIS: Workspace report": writes the scores of every product and contract as Markdown (to paste into a
 * wiki or a pull request) and as a standalone HTML page beside it, then opens the Markdown. The rendering is
 * the core's (escaped for each format); this file only picks the place and writes the files.
 */
import { posix } from 'node:path';
import * as vscode from 'vscode';
import { renderHtmlReport, renderMarkdownReport } from '../../../server/src/core/marketplace/report';
import type { WorkspaceCatalog } from './catalog';

export const REPORT_FILE_NAME = 'datsis-report.md';

/** Runs the command; `target` (the `.md` file) skips the save dialog, for tests and keybindings. */
export async function writeWorkspaceReport(catalog: WorkspaceCatalog, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const markdownUri = target ?? await vscode.window.showSaveDialog({
    title: 'Save the DATSIS workspace report',
    defaultUri: folder ? vscode.Uri.joinPath(folder, REPORT_FILE_NAME) : undefined,
    filters: { Markdown: ['md'] },
  });
  if (!markdownUri) return undefined;
  const htmlUri = markdownUri.with({ path: markdownUri.path.replace(/(\.md)?$/i, '.html') });
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'DATSIS: collecting scores' },
    () => catalog.get(),
  );
  const reportDir = posix.dirname(markdownUri.path);
  const options = {
    generatedAt: new Date().toISOString(),
    // Links relative to the report, so the report and the workspace can be moved together.
    linkFor: (uri: string) => {
      const entry = vscode.Uri.parse(uri);
      if (entry.scheme !== markdownUri.scheme || entry.authority !== markdownUri.authority) return uri;
      return posix.relative(reportDir, entry.path).split('/').map(encodeURIComponent).join('/');
    },
  };
  const encoder = new TextEncoder();
  await vscode.workspace.fs.writeFile(markdownUri, encoder.encode(renderMarkdownReport(summary, options)));
  await vscode.workspace.fs.writeFile(htmlUri, encoder.encode(renderHtmlReport(summary, options)));
  await vscode.window.showTextDocument(markdownUri, { preview: false });
  void vscode.window.showInformationMessage(`DATSIS report written: ${posix.basename(markdownUri.path)} and ${posix.basename(htmlUri.path)} (${summary.entries.length} descriptors).`);
  return markdownUri;
}
