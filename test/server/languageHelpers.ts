/**
 * Shared set-up for the editing-feature server tests: a temporary workspace folder written to disk, a server
 * started on it that has finished indexing (observed through its own work-done progress, never by waiting),
 * and conversions between fixture offsets and LSP positions.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  WorkDoneProgress, WorkDoneProgressCreateRequest, type Position, type Range, type ServerCapabilities, type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestLspClient } from './lspClient';

export interface IndexedWorkspace {
  readonly client: TestLspClient;
  readonly folderUri: string;
  readonly capabilities: ServerCapabilities;
  uriOf(name: string): string;
  dispose(): Promise<void>;
}

/** Writes `files` into a fresh folder, starts the server on it and resolves once the initial indexing is done. */
export async function startIndexedWorkspace(files: Record<string, string>): Promise<IndexedWorkspace> {
  const folder = mkdtempSync(join(tmpdir(), 'datsis-language-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  const client = new TestLspClient();
  const indexed = new Promise<void>((resolve) => {
    client.connection.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
      let indexing = false;
      client.connection.onProgress(WorkDoneProgress.type, token, (value) => {
        if (value.kind === 'begin') indexing = /index/i.test(value.title);
        if (value.kind === 'end' && indexing) resolve();
      });
    });
  });
  const folderUri = pathToFileURL(folder).href;
  const { capabilities } = await client.initialize({ window: { workDoneProgress: true } }, [folderUri]);
  await indexed;
  return {
    client,
    folderUri,
    capabilities,
    uriOf: (name) => pathToFileURL(join(folder, name)).href,
    dispose: async () => {
      await client.dispose();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export function positionAt(text: string, offset: number): Position {
  return TextDocument.create('file:///x', 'yaml', 1, text).positionAt(offset);
}

export function offsetsOf(text: string, range: Range): { start: number; end: number } {
  const document = TextDocument.create('file:///x', 'yaml', 1, text);
  return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}

/** `text` after applying `edit` (snippet placeholders replaced by their defaults when `snippet`). */
export function applyEdit(text: string, edit: TextEdit, snippet: boolean): string {
  const { start, end } = offsetsOf(text, edit.range);
  const inserted = snippet
    ? edit.newText.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{?\d+\}?/g, '')
    : edit.newText;
  return text.slice(0, start) + inserted + text.slice(end);
}
