/**
 * `datsis check [paths or globs...]`: validates every descriptor and reports findings for CI.
 * Exit code 0 when clean, 1 when there are errors (or, later, scores below the bar).
 */
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../core/analyze';
import type { Finding } from '../core/types';
import { LineIndex } from '../core/yaml/lineIndex';
import { parseDescriptor } from '../core/yaml/parse';
import { readDescriptorText, resolveInputs } from './files';

export interface FileReport {
  readonly path: string;
  readonly kind: string | undefined;
  readonly findings: readonly Finding[];
  readonly lines: LineIndex;
}

export async function checkFiles(inputs: readonly string[], cwd: string): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const path of await resolveInputs(inputs, cwd)) {
    const text = await readDescriptorText(path);
    const parsed = parseDescriptor(text);
    if (!parsed.kind && parsed.syntaxFindings.length === 0) continue; // some other YAML file: not ours
    reports.push({ path: relative(cwd, path) || path, kind: parsed.kind, findings: analyze(parsed, { uri: pathToFileURL(path).href, workspace: undefined }), lines: new LineIndex(text) });
  }
  return reports;
}

export function formatText(reports: readonly FileReport[]): string {
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
  lines.push(`${reports.length} descriptor(s) checked: ${errors} error(s), ${warnings} warning(s).`);
  return lines.join('\n');
}

export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify(reports.map((report) => ({
    path: report.path,
    kind: report.kind ?? null,
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
