/**
 * The DATSIS score of the active descriptor in the status bar (`DATSIS 72 · Established`), kept current by the
 * server's `datsis/scoresChanged` notification (no polling, received through the shared `onScoresChanged`
 * event), and the `datsis.showScore` command, which reveals the DATSIS score panel; should the panel fail to
 * open, a quick pick with the six dimensions and every gap stands in (picking a gap reveals it).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { compactSummary, shortSummary } from '../../server/src/core/datsis/summary';
import { DIMENSIONS } from '../../server/src/core/datsis/types';
import { Commands, LanguageIds, Methods, type DimensionId, type ScoreGap, type ScoreResult, type TextDocumentParams } from '../../server/src/protocol';

const SCORED_LANGUAGES: readonly string[] = [LanguageIds.contract, LanguageIds.product, 'yaml'];

export function registerScoreStatusBar(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  onScoresChanged: vscode.Event<readonly string[]>,
  revealPanel: (uri: vscode.Uri) => Promise<void>,
): void {
  const item = vscode.window.createStatusBarItem('datsis.score', vscode.StatusBarAlignment.Right, 100);
  item.name = 'DATSIS Score';
  item.command = Commands.showScore;
  let request = 0;

  const requestScore = async (uri: string): Promise<ScoreResult | null> => {
    const params: TextDocumentParams = { textDocument: { uri } };
    return client.sendRequest<ScoreResult | null>(Methods.score, params);
  };

  const update = async (): Promise<void> => {
    const document = vscode.window.activeTextEditor?.document;
    const mine = ++request;
    if (!document || !SCORED_LANGUAGES.includes(document.languageId)) {
      item.hide();
      return;
    }
    let score: ScoreResult | null = null;
    try {
      score = await requestScore(document.uri.toString());
    } catch {
      score = null; // server restarting: the next notification brings the score back
    }
    if (mine !== request) return; // a newer update is under way
    if (!score) {
      item.hide();
      return;
    }
    item.text = `$(checklist) ${shortSummary(score)}`;
    item.tooltip = new vscode.MarkdownString(`${compactSummary(score)}\n\n${score.gaps.length} gap(s). Click for the breakdown.`);
    item.show();
  };

  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
    onScoresChanged((uris) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && uris.includes(active)) void update();
    }),
    vscode.commands.registerCommand(Commands.showScore, async (uri?: string) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri.toString();
      if (!target) return;
      try {
        return await revealPanel(vscode.Uri.parse(target));
      } catch {
        // the side bar could not be shown (e.g. views disabled by policy): fall back to the quick pick
      }
      const score = await requestScore(target);
      if (!score) {
        void vscode.window.showInformationMessage('DATSIS: the active file is not a data contract or data product (or scoring is turned off).');
        return;
      }
      await showScoreQuickPick(vscode.Uri.parse(target), score);
    }),
  );
  void update();
}

interface GapItem extends vscode.QuickPickItem {
  readonly gap?: ScoreGap;
  readonly dimension?: DimensionId;
}

/** Dimensions first (picking one narrows the list to its gaps), then the gaps (picking one reveals it). */
export async function showScoreQuickPick(uri: vscode.Uri, score: ScoreResult, only?: DimensionId): Promise<void> {
  const titleOf = (id: DimensionId) => DIMENSIONS.find((dimension) => dimension.id === id)?.title ?? id;
  const gaps = score.gaps.filter((gap) => !only || gap.dimension === only);
  const items: GapItem[] = [];
  if (!only) {
    items.push({ label: 'Dimensions', kind: vscode.QuickPickItemKind.Separator });
    for (const { id, title } of DIMENSIONS) {
      const count = score.gaps.filter((gap) => gap.dimension === id).length;
      items.push({ label: `${title}  ${score.dimensions[id]}`, description: count ? `${count} gap(s)` : 'no gaps', dimension: id });
    }
  }
  items.push({ label: `Gaps${only ? ` · ${titleOf(only)}` : ''} (${gaps.length})`, kind: vscode.QuickPickItemKind.Separator });
  for (const gap of gaps) {
    items.push({ label: `$(circle-small) ${gap.rule}`, description: `${titleOf(gap.dimension)} · line ${gap.range.start.line + 1}`, detail: gap.message, gap });
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: compactSummary(score),
    placeHolder: only ? `Gaps of ${titleOf(only)}: pick one to go to it` : 'Pick a dimension to see its gaps, or a gap to go to it',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked?.dimension) return showScoreQuickPick(uri, score, picked.dimension);
  if (picked?.gap) {
    const { start, end } = picked.gap.range;
    const range = new vscode.Range(start.line, start.character, end.line, end.character);
    await vscode.window.showTextDocument(uri, { selection: range });
  }
}
