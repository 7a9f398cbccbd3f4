/**
 * `datsis check --format sarif`: SARIF 2.1.0 for code-scanning dashboards. One run; one rule per finding code
 * (with the rule's documentation as `helpUri`); one result per finding, located relative to `%SRCROOT%` (the
 * folder the check ran in) with 1-based lines and UTF-16 columns, as the editor counts them. Quick-fixes travel
 * as SARIF fixes (viewers such as the VS Code SARIF viewer can apply them); DATSIS scores sit in property bags.
 */
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { DATSIS_DOCS_URL } from '../core/datsis/analyzer';
import { ruleById } from '../core/datsis/rubric';
import { fixesOf, fixToEdits, type TextEdit } from '../core/fixes';
import type { Finding, Severity } from '../core/types';
import type { LineIndex } from '../core/yaml/lineIndex';
import { parseDescriptor } from '../core/yaml/parse';
import type { FileReport } from './check';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The project's home: the docs URL without the path to the document. */
export const INFORMATION_URI = DATSIS_DOCS_URL.replace(/\/blob\/.*$/, '');
const SRCROOT = 'SRCROOT';

const LEVELS: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(reports: readonly FileReport[], cwd: string, version: string): string {
  const rules: Sarif.ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const results: Sarif.Result[] = [];
  const artifacts: Sarif.Artifact[] = [];

  reports.forEach((report, artifactIndex) => {
    const artifactLocation: Sarif.ArtifactLocation = { uri: toUriReference(report.path), uriBaseId: SRCROOT, index: artifactIndex };
    artifacts.push({
      location: { uri: artifactLocation.uri, uriBaseId: SRCROOT },
      ...(report.score ? { properties: { datsisScore: report.score.overall, datsisLevel: report.score.level, datsisDimensions: { ...report.score.dimensions } } } : {}),
    });
    const parsed = report.findings.some((finding) => fixesOf(finding).length) ? parseDescriptor(report.text) : undefined;
    for (const finding of report.findings) {
      if (!ruleIndex.has(finding.code)) {
        ruleIndex.set(finding.code, rules.length);
        rules.push(describeRule(finding));
      }
      const fixes = parsed ? sarifFixes(finding, report.lines, artifactLocation, (fix) => fixToEdits(parsed, fix)) : [];
      results.push({
        ruleId: finding.code,
        ruleIndex: ruleIndex.get(finding.code)!,
        level: LEVELS[finding.severity],
        message: { text: finding.message },
        locations: [{ physicalLocation: { artifactLocation, region: region(report.lines, finding.span.start, finding.span.end) } }],
        ...(fixes.length ? { fixes } : {}),
        ...(finding.source === 'DATSIS' ? { properties: { tags: ['DATSIS'] } } : {}),
      });
    }
  });

  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'datsis', version, semanticVersion: version, informationUri: INFORMATION_URI, rules } },
      originalUriBaseIds: { [SRCROOT]: { uri: asFolderUri(cwd) } },
      invocations: [{ executionSuccessful: true }],
      columnKind: 'utf16CodeUnits',
      artifacts,
      results,
    }],
  };
  return JSON.stringify(log, null, 2);
}

function describeRule(finding: Finding): Sarif.ReportingDescriptor {
  const rubricRule = finding.source === 'DATSIS' ? ruleById(finding.code) : undefined;
  return {
    id: finding.code,
    shortDescription: { text: rubricRule?.title ?? finding.code },
    ...(rubricRule ? { fullDescription: { text: rubricRule.expects.replace(/`/g, '') } } : {}),
    ...(finding.docUrl ? { helpUri: finding.docUrl } : {}),
    defaultConfiguration: { level: LEVELS[rubricRule?.severity ?? finding.severity] },
    properties: { tags: [finding.source], ...(rubricRule ? { dimension: rubricRule.dimension } : {}) },
  };
}

function sarifFixes(finding: Finding, lines: LineIndex, artifactLocation: Sarif.ArtifactLocation, editsOf: (fix: ReturnType<typeof fixesOf>[number]) => TextEdit[]): Sarif.Fix[] {
  return fixesOf(finding).flatMap((fix) => {
    const edits = editsOf(fix);
    if (!edits.length) return [];
    return [{
      description: { text: fix.title },
      artifactChanges: [{
        artifactLocation,
        replacements: edits.map((edit) => ({ deletedRegion: region(lines, edit.span.start, edit.span.end), insertedContent: { text: edit.newText } })),
      }],
    }];
  });
}

/** A 1-based SARIF region; columns count UTF-16 code units (`columnKind`). */
function region(lines: LineIndex, start: number, end: number): Sarif.Region {
  const from = lines.positionAt(start);
  const to = lines.positionAt(end);
  return { startLine: from.line + 1, startColumn: from.character + 1, endLine: to.line + 1, endColumn: to.character + 1 };
}

/** A relative path as a URI reference (forward slashes, percent-encoded). */
function toUriReference(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function asFolderUri(folder: string): string {
  const uri = pathToFileURL(folder).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}
