/**
 * The single place where core types become LSP types. Handlers call the core, then convert here, so no other
 * server file needs to know how offsets map to positions or how severities are numbered.
 */
import {
  CompletionItemKind, CompletionItemTag, DiagnosticSeverity, FoldingRangeKind, InsertTextFormat, InsertTextMode, MarkupKind, SymbolKind,
  type CompletionItem, type Diagnostic, type DocumentLink, type DocumentSymbol, type FoldingRange, type Hover, type Location, type Range,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CompletionCandidate, CompletionKind, FoldingSpan, HoverResult, LinkSpan, OutlineKind, OutlineSymbol, TargetLocation,
} from './core/language/types';
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

const COMPLETION_KINDS: Record<CompletionKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  enumMember: CompletionItemKind.EnumMember,
  value: CompletionItemKind.Value,
  snippet: CompletionItemKind.Snippet,
  reference: CompletionItemKind.Reference,
};

/** Multi-line insert texts carry their full indentation, so editors must insert them as they are. */
export function candidateToCompletionItem(document: TextDocument, candidate: CompletionCandidate): CompletionItem {
  const item: CompletionItem = {
    label: candidate.label,
    kind: COMPLETION_KINDS[candidate.kind],
    sortText: candidate.sortText,
    textEdit: { range: spanToRange(document, candidate.replace), newText: candidate.insertText },
    insertTextFormat: candidate.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    insertTextMode: InsertTextMode.asIs,
  };
  if (candidate.detail) item.detail = candidate.detail;
  if (candidate.documentation) item.documentation = { kind: MarkupKind.Markdown, value: candidate.documentation };
  if (candidate.filterText) item.filterText = candidate.filterText;
  if (candidate.deprecated) item.tags = [CompletionItemTag.Deprecated];
  if (candidate.retrigger) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  return item;
}

export function hoverToLsp(document: TextDocument, hover: HoverResult): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: spanToRange(document, hover.span) };
}

const SYMBOL_KINDS: Record<OutlineKind, SymbolKind> = {
  namespace: SymbolKind.Namespace, class: SymbolKind.Class, field: SymbolKind.Field, property: SymbolKind.Property,
  array: SymbolKind.Array, object: SymbolKind.Object, string: SymbolKind.String, number: SymbolKind.Number,
  boolean: SymbolKind.Boolean, interface: SymbolKind.Interface, event: SymbolKind.Event, key: SymbolKind.Key,
  module: SymbolKind.Module, constant: SymbolKind.Constant,
};

export function outlineToDocumentSymbol(document: TextDocument, symbol: OutlineSymbol): DocumentSymbol {
  const result: DocumentSymbol = {
    name: symbol.name || ' ',
    kind: SYMBOL_KINDS[symbol.kind],
    range: spanToRange(document, symbol.span),
    selectionRange: spanToRange(document, symbol.selectionSpan),
    children: symbol.children.map((child) => outlineToDocumentSymbol(document, child)),
  };
  if (symbol.detail) result.detail = symbol.detail;
  return result;
}

export function foldingSpanToRange(document: TextDocument, span: FoldingSpan): FoldingRange {
  return {
    startLine: document.positionAt(span.start).line,
    endLine: document.positionAt(span.end).line,
    kind: span.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region,
  };
}

export function linkToDocumentLink(document: TextDocument, link: LinkSpan): DocumentLink {
  return { range: spanToRange(document, link.span), target: link.target };
}

/** `target` lies in `targetDocument` (which may be another file than the one the request came from). */
export function targetToLocation(targetDocument: TextDocument, target: TargetLocation): Location {
  return { uri: target.uri, range: spanToRange(targetDocument, target.span) };
}
