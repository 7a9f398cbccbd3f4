/**
 * "DATSIS: Preview DDL": a read-only SQL document beside a data contract, showing the DDL, one sample query per table
 * and the quality rules as SQL checks for one dialect. It is a virtual document (`datsis-ddl:` scheme) whose content
 * comes from the server's `datsis/ddl` request; edits to the contract refresh it after a short pause (VS Code applies
 * the new content as minimal edits, so the reader's scroll position stays). The dialect is in the tab title
 * (`orders.odcs.yaml — postgres.sql`), chosen from the user's pick, else `datsis.ddl.dialect`, else the contract's
 * first database server, else a quick pick. Copy and "save as .sql" work on the preview or its contract.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { renderSqlDocument } from '../../server/src/core/ddl/document';
import { Commands, DIALECTS, Methods, type DdlParams, type DdlResult, type DialectId } from '../../server/src/protocol';

export const DDL_SCHEME = 'datsis-ddl';
/** Refresh the preview this long after the last keystroke in its contract. */
const REFRESH_DELAY_MS = 75;

const DIALECT_LABELS: Readonly<Record<DialectId, string>> = {
  exasol: 'Exasol', postgres: 'PostgreSQL', snowflake: 'Snowflake', bigquery: 'BigQuery', databricks: 'Databricks', duckdb: 'DuckDB',
};

export function isDialect(value: unknown): value is DialectId {
  return typeof value === 'string' && (DIALECTS as readonly string[]).includes(value);
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}

/** The preview URI of a contract in a dialect; its path is the tab title. */
export function previewUri(source: vscode.Uri, dialect: DialectId): vscode.Uri {
  const query = new URLSearchParams({ source: source.toString(), dialect }).toString();
  return vscode.Uri.from({ scheme: DDL_SCHEME, path: `/${baseName(source)} — ${dialect}.sql`, query });
}

export function parsePreviewUri(uri: vscode.Uri): { source: vscode.Uri; dialect: DialectId } | undefined {
  if (uri.scheme !== DDL_SCHEME) return undefined;
  const query = new URLSearchParams(uri.query);
  const source = query.get('source');
  const dialect = query.get('dialect');
  return source && isDialect(dialect) ? { source: vscode.Uri.parse(source), dialect } : undefined;
}

/** The dialect the user picked per contract in this session; it wins over the setting and the contract's servers. */
export class DialectChoices {
  private readonly chosen = new Map<string, DialectId>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  get(source: vscode.Uri): DialectId | undefined {
    return this.chosen.get(source.toString());
  }

  set(source: vscode.Uri, dialect: DialectId): void {
    this.chosen.set(source.toString(), dialect);
    this.emitter.fire(source);
  }

  /** The user's pick, else the `datsis.ddl.dialect` setting; undefined means "ask the contract". */
  preferred(source: vscode.Uri): DialectId | undefined {
    const setting = vscode.workspace.getConfiguration('datsis', source).get<string>('ddl.dialect');
    return this.get(source) ?? (isDialect(setting) ? setting : undefined);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

export async function pickDialect(current: DialectId | undefined): Promise<DialectId | undefined> {
  const items = DIALECTS.map((id) => ({ label: id, description: DIALECT_LABELS[id], picked: id === current }));
  const picked = await vscode.window.showQuickPick(items, { title: 'SQL dialect for the DDL preview', placeHolder: current ? `Currently ${current}` : 'Pick the database to generate DDL for' });
  return picked?.label;
}

class DdlContentProvider implements vscode.TextDocumentContentProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly client: LanguageClient) {}

  refresh(uri: vscode.Uri): void {
    this.emitter.fire(uri);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const target = parsePreviewUri(uri);
    if (!target) return '-- This preview link is not valid.\n';
    const title = `-- ${baseName(target.source)}: ${DIALECT_LABELS[target.dialect]} (switch with "DATSIS: Select DDL Dialect" or the status bar)\n\n`;
    try {
      const params: DdlParams = { textDocument: { uri: target.source.toString() }, dialect: target.dialect };
      const result = await this.client.sendRequest<DdlResult | null>(Methods.ddl, params);
      if (!result) return `${title}-- ${baseName(target.source)} is not an open ODCS data contract (kind: DataContract).\n`;
      return title + renderSqlDocument({ ddl: result.sql, samples: result.samples, checks: result.checks });
    } catch (error) {
      return `${title}-- The DDL could not be generated: ${String((error as Error).message ?? error).replace(/\s+/g, ' ')}\n`;
    }
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

export interface DdlPreview {
  readonly choices: DialectChoices;
  /** The contract a document belongs to: itself, or the contract behind a preview. */
  sourceOf(document: vscode.TextDocument | undefined): vscode.Uri | undefined;
}

export function registerDdlPreview(context: vscode.ExtensionContext, client: LanguageClient): DdlPreview {
  const provider = new DdlContentProvider(client);
  const choices = new DialectChoices();
  const timers = new Map<string, NodeJS.Timeout>();

  const openPreviews = (source: vscode.Uri): vscode.Uri[] => vscode.workspace.textDocuments
    .map((document) => document.uri)
    .filter((uri) => parsePreviewUri(uri)?.source.toString() === source.toString());

  const sourceOf = (document: vscode.TextDocument | undefined): vscode.Uri | undefined => {
    if (!document) return undefined;
    return parsePreviewUri(document.uri)?.source ?? (document.languageId === 'odcs' || document.languageId === 'yaml' ? document.uri : undefined);
  };

  /** The dialect for a contract, asking the server for the contract's own and the user as a last resort. */
  const resolveDialect = async (source: vscode.Uri): Promise<DialectId | undefined> => {
    const preferred = choices.preferred(source);
    if (preferred) return preferred;
    const params: DdlParams = { textDocument: { uri: source.toString() } };
    const result = await client.sendRequest<DdlResult | null>(Methods.ddl, params).catch(() => null);
    if (result?.dialect) return result.dialect;
    const picked = await pickDialect(undefined);
    if (picked) choices.set(source, picked);
    return picked;
  };

  const show = async (source: vscode.Uri, dialect: DialectId, column?: vscode.ViewColumn): Promise<void> => {
    const document = await vscode.workspace.openTextDocument(previewUri(source, dialect));
    await vscode.window.showTextDocument(document, { viewColumn: column ?? vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
  };

  const previewDdl = async (uri?: vscode.Uri): Promise<void> => {
    const source = uri instanceof vscode.Uri ? (parsePreviewUri(uri)?.source ?? uri) : sourceOf(vscode.window.activeTextEditor?.document);
    if (!source) {
      void vscode.window.showInformationMessage('Open an ODCS data contract (*.odcs.yaml) to preview its DDL.');
      return;
    }
    const dialect = await resolveDialect(source);
    if (dialect) await show(source, dialect);
  };

  /** Text of the preview for the active editor (the preview itself, or the contract's open preview). */
  const activePreview = (): vscode.TextDocument | undefined => {
    const document = vscode.window.activeTextEditor?.document;
    if (document?.uri.scheme === DDL_SCHEME) return document;
    const source = sourceOf(document);
    const uri = source ? openPreviews(source)[0] : undefined;
    return uri ? vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString()) : undefined;
  };

  const copyDdl = async (): Promise<void> => {
    const preview = activePreview();
    if (!preview) return void vscode.window.showInformationMessage('Open the DDL preview first ("DATSIS: Preview DDL").');
    await vscode.env.clipboard.writeText(preview.getText());
    void vscode.window.setStatusBarMessage('DDL copied to the clipboard', 3000);
  };

  const saveDdl = async (): Promise<void> => {
    const preview = activePreview();
    const target = preview ? parsePreviewUri(preview.uri) : undefined;
    if (!preview || !target) return void vscode.window.showInformationMessage('Open the DDL preview first ("DATSIS: Preview DDL").');
    const stem = baseName(target.source).replace(/\.(odcs|datacontract)\.ya?ml$|\.ya?ml$/, '');
    const defaultUri = target.source.scheme === 'file' ? vscode.Uri.joinPath(target.source, '..', `${stem}.${target.dialect}.sql`) : undefined;
    const destination = await vscode.window.showSaveDialog({ defaultUri, filters: { SQL: ['sql'] }, title: 'Save the generated SQL' });
    if (!destination) return;
    await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(preview.getText()));
    void vscode.window.setStatusBarMessage(`Saved ${baseName(destination)}`, 3000);
  };

  /** Switching the dialect replaces the contract's open previews by previews in the new dialect, in place. */
  choices.onDidChange(async (source) => {
    const dialect = choices.get(source);
    if (!dialect) return;
    for (const old of openPreviews(source)) {
      if (parsePreviewUri(old)?.dialect === dialect) continue;
      const tab = vscode.window.tabGroups.all.flatMap((group) => group.tabs)
        .find((candidate) => candidate.input instanceof vscode.TabInputText && candidate.input.uri.toString() === old.toString());
      await show(source, dialect, tab?.group.viewColumn);
      if (tab) await vscode.window.tabGroups.close(tab, true);
    }
  });

  context.subscriptions.push(
    provider, choices,
    vscode.workspace.registerTextDocumentContentProvider(DDL_SCHEME, provider),
    vscode.commands.registerCommand(Commands.previewDdl, previewDdl),
    vscode.commands.registerCommand(Commands.copyDdl, copyDdl),
    vscode.commands.registerCommand(Commands.saveDdl, saveDdl),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.uri.scheme === DDL_SCHEME || event.contentChanges.length === 0) return;
      const previews = openPreviews(event.document.uri);
      if (!previews.length) return;
      const key = event.document.uri.toString();
      clearTimeout(timers.get(key));
      timers.set(key, setTimeout(() => {
        timers.delete(key);
        for (const uri of previews) provider.refresh(uri);
      }, REFRESH_DELAY_MS));
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('datsis.ddl.dialect')) return;
      const setting = vscode.workspace.getConfiguration('datsis').get<string>('ddl.dialect');
      if (!isDialect(setting)) return;
      const sources = new Set(vscode.workspace.textDocuments.map((document) => parsePreviewUri(document.uri)?.source.toString()).filter((uri): uri is string => !!uri));
      for (const source of sources) if (!choices.get(vscode.Uri.parse(source))) choices.set(vscode.Uri.parse(source), setting);
    }),
    { dispose: () => timers.forEach((timer) => clearTimeout(timer)) },
  );
  return { choices, sourceOf };
}
