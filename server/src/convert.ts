/**
 * The single place where core types become LSP types. Handlers call the core, then convert here, so no other
 * server file needs to know how offsets map to positions or how severities are numbered.
 */
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity, Span } from './core/types';

export function spanToRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

export function rangeToSpan(document: TextDocument, range: Range): Span {
  return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function findingToDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: spanToRange(document, finding.span),
    message: finding.message,
    severity: SEVERITIES[finding.severity],
    code: finding.code,
    source: finding.source === 'DATSIS' ? 'DATSIS' : 'datsis',
  };
  if (finding.docUrl) diagnostic.codeDescription = { href: finding.docUrl };
  if (finding.data !== undefined) diagnostic.data = finding.data;
  return diagnostic;
}
