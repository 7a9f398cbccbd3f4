/**
 * The score summary as a code lens on the first line, so the score is visible without opening anything:
 * `DATSIS 72 · D 80 A 100 T 40 S 70 I 90 S 50 · Established`. Clicking runs `datsis.showScore`.
 * Whenever a score changes, also without the document changing (rules file, settings, a contract behind a
 * product), the client is asked to refresh its lenses.
 */
import { CodeLensRefreshRequest, type ClientCapabilities, type CodeLens, type Connection } from 'vscode-languageserver';
import { compactSummary } from '../core/datsis/summary';
import type { DocumentStore } from '../documents';
import { Commands } from '../protocol';
import type { Scores } from './score';

export const CODE_LENS_PROVIDER = { resolveProvider: false };

export function registerCodeLens(connection: Connection, store: DocumentStore, scores: Scores): { configure(capabilities: ClientCapabilities): void } {
  let canRefresh = false;

  connection.onCodeLens((params): CodeLens[] => {
    const document = store.get(params.textDocument.uri);
    const report = document && scores.reportFor(document);
    if (!report) return [];
    return [{
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      command: { title: compactSummary(report), command: Commands.showScore, arguments: [params.textDocument.uri] },
    }];
  });

  scores.onDidChangeScores(() => {
    if (canRefresh) void connection.sendRequest(CodeLensRefreshRequest.type);
  });

  return {
    configure(capabilities) {
      canRefresh = !!capabilities.workspace?.codeLens?.refreshSupport;
    },
  };
}
