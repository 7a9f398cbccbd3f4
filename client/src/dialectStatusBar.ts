/**
 * The DDL dialect in the status bar while a data contract or its DDL preview is active (`$(database) postgres`);
 * clicking it ("DATSIS: Select DDL Dialect") picks another dialect for that contract and switches its open preview.
 */
import * as vscode from 'vscode';
import { Commands } from '../../server/src/protocol';
import { parsePreviewUri, pickDialect, type DdlPreview } from './ddlPreview';

export function registerDialectStatusBar(context: vscode.ExtensionContext, preview: DdlPreview): void {
  const item = vscode.window.createStatusBarItem('datsis.ddlDialect', vscode.StatusBarAlignment.Right, 99);
  item.name = 'DATSIS DDL Dialect';
  item.command = Commands.selectDdlDialect;

  const update = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    const fromPreview = document ? parsePreviewUri(document.uri) : undefined;
    const source = preview.sourceOf(document);
    if (!document || !source || (!fromPreview && document.languageId !== 'odcs')) {
      item.hide();
      return;
    }
    const dialect = fromPreview?.dialect ?? preview.choices.preferred(source);
    item.text = `$(database) ${dialect ?? 'DDL dialect'}`;
    item.tooltip = dialect ? `DDL preview dialect: ${dialect}. Click to switch.` : 'DDL dialect: from the contract\'s first database server. Click to choose.';
    item.show();
  };

  const select = async (): Promise<void> => {
    const source = preview.sourceOf(vscode.window.activeTextEditor?.document);
    if (!source) return void vscode.window.showInformationMessage('Open an ODCS data contract to choose its DDL dialect.');
    const current = parsePreviewUri(vscode.window.activeTextEditor!.document.uri)?.dialect ?? preview.choices.preferred(source);
    const picked = await pickDialect(current);
    if (picked) preview.choices.set(source, picked);
    update();
  };

  context.subscriptions.push(
    item,
    vscode.commands.registerCommand(Commands.selectDdlDialect, select),
    vscode.window.onDidChangeActiveTextEditor(update),
    preview.choices.onDidChange(update),
    vscode.workspace.onDidChangeConfiguration((event) => { if (event.affectsConfiguration('datsis.ddl.dialect')) update(); }),
  );
  update();
}
