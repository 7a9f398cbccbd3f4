/**
 * DATSIS quick-fixes in real VS Code, as a user applies them from the light bulb: on a copy of the poorest
 * example contract, one fix adds a missing block and the score in the code lens rises; "Fix all DATSIS gaps"
 * (`source.fixAll.datsis`) lifts the contract to a higher maturity level. Neither may leave a schema or YAML
 * error behind. The copy lives in a temp folder, so the examples stay as they are.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { parse } from 'yaml';
import { DEFAULT_LEVELS } from '../../../server/src/core/datsis/config';
import {
  activateExtension, closeAllEditors, codeActionsFor, describeDiagnostics, openInEditor, waitForDiagnostics, workspaceFile,
  writeTempDescriptor, type TempDescriptor,
} from './helpers';

const POOR_CONTRACT = 'supply-chain/demand-forecast.odcs.yaml';
/** The gap fixed one at a time: the contract names no support channel, and the fix adds a `support` block. */
const MISSING_BLOCK_RULE = 'T-support';
const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('datsis');
/** Enough for every action VS Code returns here to come back with its (lazily computed) edit. */
const RESOLVE_ALL = 100;

interface LensScore {
  readonly overall: number;
  readonly level: string;
  readonly title: string;
}

const codeOf = (diagnostic: vscode.Diagnostic): string =>
  String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);
const isScoreGap = (diagnostic: vscode.Diagnostic): boolean => diagnostic.source === 'DATSIS';
/** Schema, YAML and semantic errors: what a fix must never introduce. */
const errorsOf = (diagnostics: readonly vscode.Diagnostic[]): vscode.Diagnostic[] =>
  diagnostics.filter((diagnostic) => diagnostic.source === 'datsis' && diagnostic.severity === vscode.DiagnosticSeverity.Error);

/** The score the code lens on the first line shows: `DATSIS 33 · D 0 A 85 … · Initial`. */
async function lensScore(uri: vscode.Uri): Promise<LensScore> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
  const titles = lenses.map((lens) => lens.command?.title ?? '');
  const title = titles.find((text) => text.startsWith('DATSIS '));
  const match = title && /^DATSIS (\d+) · .* · (\S+)$/.exec(title);
  if (!title || !match) throw new Error(`no DATSIS code lens on ${uri.toString()}: ${JSON.stringify(titles)}`);
  return { overall: Number(match[1]), level: match[2]!, title };
}

function levelRank(level: string): number {
  const rank = DEFAULT_LEVELS.findIndex((candidate) => candidate.name === level);
  assert.ok(rank >= 0, `${level} is one of ${DEFAULT_LEVELS.map((candidate) => candidate.name).join(', ')}`);
  return rank;
}

/** Applies a code action as VS Code's light bulb does: its edit, then its command. */
async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit && action.edit.size > 0, `"${action.title}" comes with an edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `"${action.title}" applied`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

describe('DATSIS quick-fixes in VS Code', () => {
  let temp: TempDescriptor | undefined;

  before(activateExtension);
  beforeEach(() => {
    temp = writeTempDescriptor('demand-forecast.odcs.yaml', readFileSync(workspaceFile(POOR_CONTRACT).fsPath, 'utf8'));
  });
  afterEach(async () => {
    await closeAllEditors();
    temp?.dispose();
    temp = undefined;
  });

  /** Opens the copy and waits until it is scored (its DATSIS gaps are in). */
  async function openScored(uri: vscode.Uri): Promise<{ document: vscode.TextDocument; gaps: vscode.Diagnostic[]; score: LensScore }> {
    const document = await openInEditor(uri);
    const diagnostics = await waitForDiagnostics(uri, (all) => all.some(isScoreGap));
    assert.deepEqual(errorsOf(diagnostics), [], `the copy starts without errors: ${describeDiagnostics(diagnostics)}`);
    return { document, gaps: diagnostics.filter(isScoreGap), score: await lensScore(uri) };
  }

  it('applies the quick-fix for a missing block: the block appears and the score rises', async () => {
    const { uri } = temp!;
    const { document, gaps, score: before } = await openScored(uri);
    const gap = gaps.find((diagnostic) => codeOf(diagnostic) === MISSING_BLOCK_RULE);
    assert.ok(gap, `the copy has a ${MISSING_BLOCK_RULE} gap: ${describeDiagnostics(gaps)}`);
    assert.equal(parse(document.getText()).support, undefined);

    const actions = await codeActionsFor(uri, gap.range, vscode.CodeActionKind.QuickFix, RESOLVE_ALL);
    const fix = actions.find((action) => action.kind?.value === vscode.CodeActionKind.QuickFix.value
      && action.diagnostics?.some((diagnostic) => codeOf(diagnostic) === MISSING_BLOCK_RULE));
    assert.ok(fix, `a quick-fix for ${MISSING_BLOCK_RULE} among ${actions.map((action) => action.title).join(', ')}`);
    await applyCodeAction(fix);

    const after = await waitForDiagnostics(uri, (all) => all.some(isScoreGap) && !all.some((diagnostic) => codeOf(diagnostic) === MISSING_BLOCK_RULE));
    assert.deepEqual(errorsOf(after), [], `no errors after "${fix.title}": ${describeDiagnostics(after)}`);
    const support = parse(document.getText()).support as unknown;
    assert.ok(Array.isArray(support) ? support.length > 0 : support, `"${fix.title}" added a support block:\n${document.getText()}`);
    const score = await lensScore(uri);
    assert.ok(score.overall > before.overall, `the code lens went from "${before.title}" to "${score.title}"`);
  });

  it('applies "Fix all DATSIS gaps": the contract reaches a higher maturity level', async () => {
    const { uri } = temp!;
    const { document, gaps, score: before } = await openScored(uri);
    const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    const actions = await codeActionsFor(uri, whole, FIX_ALL_KIND, RESOLVE_ALL);
    const fixAll = actions.find((action) => action.kind?.value === FIX_ALL_KIND.value);
    assert.ok(fixAll, `a ${FIX_ALL_KIND.value} action among ${actions.map((action) => `${action.title} (${action.kind?.value})`).join(', ')}`);
    assert.equal(fixAll.title, 'Fix all DATSIS gaps');
    const textBefore = document.getText();
    await applyCodeAction(fixAll);
    assert.notEqual(document.getText(), textBefore, 'the fixes changed the contract');

    const after = await waitForDiagnostics(uri, (all) => all.filter(isScoreGap).length < gaps.length);
    assert.deepEqual(errorsOf(after), [], `no errors after fixing all gaps: ${describeDiagnostics(after)}`);
    const score = await lensScore(uri);
    assert.ok(score.overall > before.overall, `the code lens went from "${before.title}" to "${score.title}"`);
    assert.ok(levelRank(score.level) > levelRank(before.level), `the level rose: "${before.title}" -> "${score.title}"`);
  });
});
