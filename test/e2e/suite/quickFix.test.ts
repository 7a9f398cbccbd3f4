/**
 * DATSIS quick-fixes in real VS Code, as a user applies them from the light bulb: on a copy of the poorest
 * example contract, one fix adds a missing block and the score in the code lens rises; "Fix all DATSIS gaps"
 * (`source.fixAll.datsis`) lifts the contract to a higher maturity level. Neither may leave a schema or YAML
 * error behind. The copy lives in a temp folder, so the examples stay as they are.
 */
import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { isScalar, parse, parseDocument } from 'yaml';
import { DEFAULT_LEVELS } from '../../../server/src/core/datsis/config';
import {
  activateExtension, closeAllEditors, codeActionsFor, describeDiagnostics, openInEditor, waitForDiagnostics, workspaceFile,
  writeTempDescriptor, type TempDescriptor,
} from './helpers';

const POOR_CONTRACT = 'supply-chain/demand-forecast.odcs.yaml';
/** The gap fixed one at a time: the contract names no support channel, and its fix adds a `support` block. */
const MISSING_BLOCK = { rule: 'T-support', key: 'support' };
const FIX_ALL_TITLE = 'Fix all DATSIS gaps';
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

/**
 * The example's text with a fresh `id` (replaced in place, at the range the yaml parser reports): with the
 * example's own id the copy would rightly be reported as a duplicate of the example in the workspace.
 */
function copyWithOwnId(path: string): string {
  const text = readFileSync(path, 'utf8');
  const id = parseDocument(text).get('id', true);
  assert.ok(isScalar(id) && id.range, `${path} has an id`);
  const [start, end] = id.range;
  return `${text.slice(0, start)}${randomUUID()}${text.slice(end)}`;
}

function levelRank(level: string): number {
  const rank = DEFAULT_LEVELS.findIndex((candidate) => candidate.name === level);
  assert.ok(rank >= 0, `${level} is one of ${DEFAULT_LEVELS.map((candidate) => candidate.name).join(', ')}`);
  return rank;
}

/**
 * Applies a code action as VS Code's light bulb does: its edit, then its command. The edit may consist of
 * snippet edits only, which `WorkspaceEdit.size` and `entries()` do not count, so its effect is checked on the text.
 */
async function applyCodeAction(document: vscode.TextDocument, action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `"${action.title}" comes with an edit`);
  const before = document.getText();
  assert.ok(await vscode.workspace.applyEdit(action.edit), `"${action.title}" applied`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  assert.notEqual(document.getText(), before, `"${action.title}" changed the contract`);
  assert.ok(!/\$\{\d|\$\d/.test(document.getText()), `no snippet syntax left in the contract after "${action.title}":\n${document.getText()}`);
}

describe('DATSIS quick-fixes in VS Code', () => {
  let temp: TempDescriptor | undefined;

  before(activateExtension);
  beforeEach(() => {
    temp = writeTempDescriptor('demand-forecast.odcs.yaml', copyWithOwnId(workspaceFile(POOR_CONTRACT).fsPath));
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
    const gap = gaps.find((diagnostic) => codeOf(diagnostic) === MISSING_BLOCK.rule);
    assert.ok(gap, `the copy has a ${MISSING_BLOCK.rule} gap: ${describeDiagnostics(gaps)}`);
    assert.equal((parse(document.getText()) as Record<string, unknown>)[MISSING_BLOCK.key], undefined);

    // Several gaps share this range, VS Code's API drops a code action's `diagnostics` and hides snippet edits
    // from `WorkspaceEdit.entries()`: the fix is told apart by its title naming the block. The gap
    // disappearing below proves it was the fix for this gap.
    const actions = await codeActionsFor(uri, gap.range, vscode.CodeActionKind.QuickFix, RESOLVE_ALL);
    const namesBlock = new RegExp(`\\b${MISSING_BLOCK.key}\\b`, 'i');
    const fix = actions.find((action) => action.kind?.value === vscode.CodeActionKind.QuickFix.value
      && action.title !== FIX_ALL_TITLE && namesBlock.test(action.title));
    assert.ok(fix, `a quick-fix adding ${MISSING_BLOCK.key} among ${actions.map((action) => action.title).join(', ')}`);
    await applyCodeAction(document, fix);

    const after = await waitForDiagnostics(uri, (all) => all.some(isScoreGap) && !all.some((diagnostic) => codeOf(diagnostic) === MISSING_BLOCK.rule));
    assert.deepEqual(errorsOf(after), [], `no errors after "${fix.title}": ${describeDiagnostics(after)}`);
    const remaining = new Set(after.filter(isScoreGap).map(codeOf));
    const alsoGone = [...new Set(gaps.map(codeOf))].filter((code) => code !== MISSING_BLOCK.rule && !remaining.has(code));
    assert.deepEqual(alsoGone, [], `"${fix.title}" fixed one gap, not several`);
    const block = (parse(document.getText()) as Record<string, unknown>)[MISSING_BLOCK.key];
    assert.ok(Array.isArray(block) ? block.length > 0 : block, `"${fix.title}" added a ${MISSING_BLOCK.key} block:\n${document.getText()}`);
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
    assert.equal(fixAll.title, FIX_ALL_TITLE);
    await applyCodeAction(document, fixAll);

    const after = await waitForDiagnostics(uri, (all) => all.filter(isScoreGap).length < gaps.length);
    assert.deepEqual(errorsOf(after), [], `no errors after fixing all gaps: ${describeDiagnostics(after)}`);
    const score = await lensScore(uri);
    assert.ok(score.overall > before.overall, `the code lens went from "${before.title}" to "${score.title}"`);
    assert.ok(levelRank(score.level) > levelRank(before.level), `the level rose: "${before.title}" -> "${score.title}"`);
  });
});
