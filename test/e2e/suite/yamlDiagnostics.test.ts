/**
 * YAML mistakes in a descriptor reach the Problems panel through the real language client: the diagnostic
 * comes from source `datsis`, sits exactly on the mistake (marked `‹…›` in the fixture) and goes away once the
 * text is fixed in the editor.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension, closeAllEditors, datsisDiagnostics, describeDiagnostics, formatRange, markedRanges, openInEditor,
  waitForDiagnostics, writeTempDescriptor, type TempDescriptor,
} from './helpers';

const codeOf = (diagnostic: vscode.Diagnostic): string =>
  String(typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);

describe('YAML syntax errors as diagnostics', () => {
  let temp: TempDescriptor | undefined;

  before(activateExtension);
  afterEach(async () => {
    await closeAllEditors();
    temp?.dispose();
    temp = undefined;
  });

  it('reports a duplicate key on the whole second key', async () => {
    temp = writeTempDescriptor('duplicate.odcs.yaml', 'apiVersion: v3.1.0\nkind: DataContract\nid: a\n‹id›: b\n');
    const document = await openInEditor(temp.uri);
    const [expected] = markedRanges(document, temp.fixture);
    const diagnostics = await waitForDiagnostics(temp.uri, (all) => datsisDiagnostics(all).some((d) => codeOf(d) === 'yaml/duplicate-key'));
    const duplicate = datsisDiagnostics(diagnostics).find((d) => codeOf(d) === 'yaml/duplicate-key')!;
    assert.equal(duplicate.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(formatRange(duplicate.range), formatRange(expected!), describeDiagnostics(diagnostics));
  });

  it('reports a tab used as indentation at the tab', async () => {
    temp = writeTempDescriptor('tab.odcs.yaml', 'apiVersion: v3.1.0\nkind: DataContract\nschema:\n‹\t›- name: orders\n');
    const document = await openInEditor(temp.uri);
    const [expected] = markedRanges(document, temp.fixture);
    const diagnostics = await waitForDiagnostics(temp.uri, (all) => datsisDiagnostics(all).some((d) => codeOf(d) === 'yaml/tab-as-indent'));
    const tab = datsisDiagnostics(diagnostics).find((d) => codeOf(d) === 'yaml/tab-as-indent')!;
    assert.equal(formatRange(tab.range), formatRange(expected!), describeDiagnostics(diagnostics));
  });

  it('clears the YAML diagnostic once the mistake is fixed in the editor', async () => {
    temp = writeTempDescriptor('fixed.odcs.yaml', 'apiVersion: v3.1.0\nkind: DataContract\nid: a\n‹id›: b\n');
    const document = await openInEditor(temp.uri);
    const isYamlProblem = (d: vscode.Diagnostic) => codeOf(d).startsWith('yaml/');
    await waitForDiagnostics(temp.uri, (all) => datsisDiagnostics(all).some(isYamlProblem));
    const [duplicateKey] = markedRanges(document, temp.fixture);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(temp.uri, duplicateKey!, 'name');
    assert.ok(await vscode.workspace.applyEdit(edit), 'edit applied');
    const after = await waitForDiagnostics(temp.uri, (all) => !datsisDiagnostics(all).some(isYamlProblem));
    assert.deepEqual(datsisDiagnostics(after).filter(isYamlProblem), []);
  });
});
