/**
 * Helpers for tests that run inside the real VS Code extension host. Everything waits on VS Code events
 * (diagnostics changed, document opened, ...) with a deadline, never on sleeps, so a test is as fast as the
 * extension and fails with a description of what it was still waiting for.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { parseMarkers, type MarkedText } from '../../support/markers';

export const EXTENSION_ID = 'datsis.datsis';
/** Generous, because the first request also starts the language server; a passing wait returns at once. */
export const DEFAULT_TIMEOUT_MS = 20_000;

/** The installed (or development) datsis extension, activated. */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded (known: ${vscode.extensions.all.map((e) => e.id).join(', ')})`);
  await extension.activate();
  return extension;
}

/**
 * Resolves with the first non-undefined value of `check()`, evaluated now and after every `event`; rejects after
 * `timeoutMs` with `describe()` (called then, so it can report the latest state).
 */
export function waitForEvent<T>(
  event: vscode.Event<unknown>,
  check: () => T | undefined,
  describe: () => string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const settle = (done: () => void) => {
      clearTimeout(timer);
      subscription.dispose();
      done();
    };
    const evaluate = () => {
      try {
        const value = check();
        if (value !== undefined) settle(() => resolve(value));
      } catch (error) {
        settle(() => reject(error));
      }
    };
    const subscription = event(evaluate);
    const timer = setTimeout(() => settle(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${describe()}`))), timeoutMs);
    evaluate();
  });
}

/** Waits until the diagnostics of `uri` satisfy `predicate`, and returns them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  return waitForEvent(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      return predicate(diagnostics) ? diagnostics : undefined;
    },
    () => `diagnostics of ${uri.toString()} to match; current: ${describeDiagnostics(vscode.languages.getDiagnostics(uri))}`,
    timeoutMs,
  );
}

/** Only the diagnostics the datsis extension produced. */
export function datsisDiagnostics(diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] {
  return diagnostics.filter((d) => d.source === 'datsis');
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics
    .map((d) => `[${d.source ?? '?'} ${String(typeof d.code === 'object' ? d.code.value : d.code)}] ${formatRange(d.range)} ${d.message}`)
    .join('; ');
}

export function formatRange(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** The `‹…›` ranges of a marked fixture as VS Code ranges in `document` (markers are removed from its text). */
export function markedRanges(document: vscode.TextDocument, fixture: MarkedText): vscode.Range[] {
  return fixture.ranges.map(({ start, end }) => new vscode.Range(document.positionAt(start), document.positionAt(end)));
}

/** A file under the first workspace folder (the `examples/` workspace). */
export function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

/** Opens `uri` in an editor and returns the document once VS Code has it. */
export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/**
 * A descriptor file written from a marked fixture into a fresh temp folder (never into examples/), so tests can
 * create broken files freely. `dispose()` closes nothing but deletes the folder.
 */
export interface TempDescriptor extends vscode.Disposable {
  readonly uri: vscode.Uri;
  readonly fixture: MarkedText;
}

export function writeTempDescriptor(fileName: string, markedText: string): TempDescriptor {
  const dir = mkdtempSync(join(tmpdir(), 'datsis-e2e-'));
  const fixture = parseMarkers(markedText);
  const path = join(dir, fileName);
  writeFileSync(path, fixture.text);
  return { uri: vscode.Uri.file(path), fixture, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Several descriptors written from marked fixtures into one fresh temp folder, for features that cross files. */
export interface TempFolder extends vscode.Disposable {
  uri(fileName: string): vscode.Uri;
  fixture(fileName: string): MarkedText;
}

export function writeTempFolder(markedTexts: Record<string, string>): TempFolder {
  const dir = mkdtempSync(join(tmpdir(), 'datsis-e2e-'));
  const fixtures = new Map<string, MarkedText>();
  for (const [fileName, markedText] of Object.entries(markedTexts)) {
    const fixture = parseMarkers(markedText);
    fixtures.set(fileName, fixture);
    writeFileSync(join(dir, fileName), fixture.text);
  }
  const known = (fileName: string): string => {
    if (!fixtures.has(fileName)) throw new Error(`${fileName} is not one of ${[...fixtures.keys()].join(', ')}`);
    return fileName;
  };
  return {
    uri: (fileName) => vscode.Uri.file(join(dir, known(fileName))),
    fixture: (fileName) => fixtures.get(known(fileName))!,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Closes every editor, so one test's open files do not leak diagnostics or state into the next. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The `‸` positions of a marked fixture as VS Code positions in `document`. */
export function markedPositions(document: vscode.TextDocument, fixture: MarkedText): vscode.Position[] {
  return fixture.positions.map((offset) => document.positionAt(offset));
}

/** Completion labels VS Code would offer at `position` (all providers, as the editor asks them). */
export async function completionLabelsAt(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

/** The hover text (markdown source, joined) VS Code would show at `position`. */
export async function hoverTextAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/**
 * Code actions (quick-fixes included) VS Code would offer for `range`. Servers may compute edits lazily
 * (`codeAction/resolve`); `resolveCount` asks VS Code to resolve that many actions first, so their `edit` is set.
 */
export async function codeActionsFor(uri: vscode.Uri, range: vscode.Range, kind?: vscode.CodeActionKind, resolveCount?: number): Promise<vscode.CodeAction[]> {
  return await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind?.value, resolveCount);
}
