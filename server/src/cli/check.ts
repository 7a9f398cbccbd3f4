/**
 * `datsis check [paths or globs...]`: validates every descriptor and reports findings for CI.
 * Exit code 0 when clean, 1 when there are errors or a descriptor scores below the bar (`--min-score` or the
 * rules file's `minScore`).
 */
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../core/analyze';
import type { AnalysisContext } from '../core/context';
import { isRulesFileUri } from '../core/datsis/rulesFile';
import { scoreDescriptor } from '../core/datsis/score';
import { compactSummary } from '../core/datsis/summary';
import type { ScoreReport } from '../core/datsis/types';
import type { Finding } from '../core/types';
import { LineIndex } from '../core/yaml/lineIndex';
import { summarize } from '../core/workspace/summarize';
import { WorkspaceIndex } from '../core/workspace/workspaceIndex';
import { parseDescriptor, type ParsedDescriptor } from '../core/yaml/parse';
import { readDescriptorText, resolveInputs } from './files';
import { contractScoreLookup, type RulesSource } from './scoreContext';

export interface FileReport {
  readonly path: string;
  readonly kind: string | undefined;
  readonly findings: readonly Finding[];
  readonly lines: LineIndex;
  /** The file's text (formats that carry fixes compute their edits from it). */
  readonly text: string;
  /** The DATSIS score; undefined for files that are not descriptors (such as the rules file). */
  readonly score?: ScoreReport;
}

export interface CheckOptions {
  /** The workspace rules (`.datsis.yaml` and `--min-score`); its own problems are reported as a file too. */
  readonly rules?: RulesSource;
}

/**
 * Two passes, like the language server: first every file is parsed and summarised into one workspace index,
 * then each is analysed against that index, so cross-file rules (contract ids, duplicate ids, relationships
 * into other contracts) see every file being checked.
 */
export async function checkFiles(inputs: readonly string[], cwd: string, options: CheckOptions = {}): Promise<FileReport[]> {
  const index = new WorkspaceIndex();
  const descriptors: { path: string; uri: string; text: string; parsed: ParsedDescriptor }[] = [];
  for (const path of await resolveInputs(inputs, cwd)) {
    if (isRulesFileUri(path)) continue; // the rules file is read (and reported) through `options.rules`
    const text = await readDescriptorText(path);
    const parsed = parseDescriptor(text);
    if (!parsed.kind && parsed.syntaxFindings.length === 0) continue; // some other YAML file: not ours
    const uri = pathToFileURL(path).href;
    index.update(uri, summarize(parsed, uri));
    descriptors.push({ path, uri, text, parsed });
  }
  const base: Omit<AnalysisContext, 'uri'> = { workspace: index, rules: options.rules?.config };
  const context = { ...base, contractScores: contractScoreLookup(descriptors, base) };
  const reports: FileReport[] = descriptors.map(({ path, uri, text, parsed }) => ({
    path: relative(cwd, path) || path, kind: parsed.kind, findings: analyze(parsed, { ...context, uri }), lines: new LineIndex(text), text,
    score: scoreDescriptor(parsed, { ...context, uri }),
  }));
  const rules = options.rules;
  if (rules?.path && rules.text !== undefined && rules.findings.length) {
    reports.unshift({ path: relative(cwd, rules.path) || rules.path, kind: undefined, findings: rules.findings, lines: new LineIndex(rules.text), text: rules.text });
  }
  return reports;
}

/** Descriptors whose overall score is below `minScore`. */
export function belowMinScore(reports: readonly FileReport[], minScore: number | undefined): FileReport[] {
  return minScore === undefined ? [] : reports.filter((report) => report.score !== undefined && report.score.overall < minScore);
}

export function formatText(reports: readonly FileReport[], minScore?: number): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const report of reports) {
    for (const finding of report.findings) {
      const { line, character } = report.lines.positionAt(finding.span.start);
      if (finding.severity === 'error') errors++;
      else if (finding.severity === 'warning') warnings++;
      lines.push(`${report.path}:${line + 1}:${character + 1}: ${finding.severity} ${finding.message} [${finding.code}]`);
    }
  }
  for (const report of reports) {
    if (report.score) lines.push(`${report.path}: ${compactSummary(report.score)}`);
  }
  const descriptors = reports.filter((report) => report.kind !== undefined || report.score !== undefined).length;
  lines.push(`${descriptors} descriptor(s) checked: ${errors} error(s), ${warnings} warning(s).`);
  const below = belowMinScore(reports, minScore);
  if (minScore !== undefined) {
    lines.push(below.length
      ? `${below.length} descriptor(s) below the minimum DATSIS score of ${minScore}: ${below.map((report) => `${report.path} (${report.score!.overall})`).join(', ')}.`
      : `Every descriptor reaches the minimum DATSIS score of ${minScore}.`);
  }
  return lines.join('\n');
}

export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify(reports.map((report) => ({
    path: report.path,
    kind: report.kind ?? null,
    score: report.score ? { overall: report.score.overall, level: report.score.level, dimensions: report.score.dimensions } : null,
    findings: report.findings.map((finding) => {
      const start = report.lines.positionAt(finding.span.start);
      const end = report.lines.positionAt(finding.span.end);
      return {
        code: finding.code, source: finding.source, severity: finding.severity, message: finding.message,
        start: { line: start.line + 1, column: start.character + 1 }, end: { line: end.line + 1, column: end.character + 1 },
      };
    }),
  })), null, 2);
}

export function hasErrors(reports: readonly FileReport[]): boolean {
  return reports.some((report) => report.findings.some((finding) => finding.severity === 'error'));
}
