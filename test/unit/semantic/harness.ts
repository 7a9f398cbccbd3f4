/**
 * Runs the semantic layer on a fixture whose expected spans are marked with `‹ ›`, keeping only the findings
 * of the rule under test; cross-file rules get a workspace index built from the other fixture files.
 */
import { semanticAnalyzer } from '../../../server/src/core/semantic/semanticAnalyzer';
import { summarize } from '../../../server/src/core/workspace/summarize';
import { WorkspaceIndex } from '../../../server/src/core/workspace/workspaceIndex';
import { parseDescriptor } from '../../../server/src/core/yaml/parse';
import { parseMarkers } from '../../support/markers';
import type { SchemaRun } from '../validation/harness';

export { CONTRACT_HEADER, expectFindingsAtMarkers, fixesOf, PRODUCT_HEADER } from '../validation/harness';

export const FIXTURE_URI = 'file:///workspace/sales/fixture.odcs.yaml';

export interface OtherFile {
  readonly uri: string;
  readonly text: string;
}

/** A workspace index holding `files` (and, when given, the fixture itself under FIXTURE_URI). */
export function workspaceOf(files: readonly OtherFile[]): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const { uri, text } of files) index.update(uri, summarize(parseDescriptor(text), uri));
  return index;
}

export function checkMarked(marked: string, codePrefix: string, workspace?: WorkspaceIndex, uri = FIXTURE_URI): SchemaRun {
  const { text, ranges } = parseMarkers(marked);
  const parsed = parseDescriptor(text);
  workspace?.update(uri, summarize(parsed, uri));
  const findings = semanticAnalyzer(parsed, { uri, workspace }).filter((finding) => finding.code.startsWith(codePrefix));
  return { text, findings, ranges };
}
