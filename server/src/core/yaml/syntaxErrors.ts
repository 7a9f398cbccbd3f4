/**
 * Turns the `yaml` package's errors into one clear finding per mistake. The parser often reports a cascade
 * (an unclosed flow sequence yields several errors); authors need the first, placed on the offending token.
 */
import { isMap, isPair, isScalar, visit, type Document, type YAMLError } from 'yaml';
import type { Finding, Span } from '../types';

const HUMAN_MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: 'Duplicate key: this key already appears in the same mapping. The later value would silently win.',
  TAB_AS_INDENT: 'Tabs are not allowed for indentation in YAML; indent with spaces.',
  BAD_INDENT: 'Bad indentation: this line is not aligned with its siblings.',
  MULTIPLE_DOCS: 'A descriptor holds exactly one YAML document; remove the extra `---` document.',
  MISSING_CHAR: 'Missing character: a quote or bracket is not closed.',
  BLOCK_AS_IMPLICIT_KEY: 'A block value cannot be used as a key; is a `:` missing or misplaced?',
  MULTILINE_IMPLICIT_KEY: 'A key must fit on one line; is a `:` missing on the previous line?',
  UNEXPECTED_TOKEN: 'Unexpected token here.',
  BAD_SCALAR_START: 'A plain value cannot start with this character; quote the value.',
  BAD_DQ_ESCAPE: 'Invalid escape sequence in a double-quoted string.',
  BAD_ALIAS: 'This alias refers to an anchor that does not exist.',
  KEY_OVER_1024_CHARS: 'A key must not be longer than 1024 characters.',
};

/** Codes for which the parser's own wording is more specific than ours, so we append it. */
const APPEND_PARSER_DETAIL = new Set(['UNEXPECTED_TOKEN', 'BAD_INDENT', 'MISSING_CHAR']);

export function yamlErrorsToFindings(document: Document.Parsed, textLength: number): Finding[] {
  const findings: Finding[] = [];
  const linesWithError = new Set<number>();
  const all: { error: YAMLError; severity: 'error' | 'warning' }[] = [
    ...document.errors.map((error) => ({ error, severity: 'error' as const })),
    ...document.warnings.map((error) => ({ error, severity: 'warning' as const })),
  ];
  for (const { error, severity } of all) {
    const line = error.linePos?.[0]?.line ?? error.pos[0];
    // One finding per line: later errors on the same line are almost always the same mistake echoed.
    if (linesWithError.has(line) && error.code !== 'DUPLICATE_KEY') continue;
    linesWithError.add(line);
    const span = error.code === 'DUPLICATE_KEY' ? duplicateKeySpan(document, error.pos[0]) : clampSpan(error.pos, textLength);
    findings.push({
      span,
      message: humanMessage(error),
      severity,
      code: `yaml/${error.code.toLowerCase().replace(/_/g, '-')}`,
      source: 'yaml',
    });
  }
  // In document order, not the parser's (it reports some errors while composing, after later ones): authors read
  // top-down, and an incremental reparse, which merges the findings of one reparsed item, produces the same order.
  return findings.sort((a, b) => a.span.start - b.span.start);
}

function humanMessage(error: YAMLError): string {
  const ours = HUMAN_MESSAGES[error.code];
  const parserLine = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.message;
  if (!ours) return parserLine;
  return APPEND_PARSER_DETAIL.has(error.code) && parserLine && !ours.includes(parserLine) ? `${ours} (${parserLine})` : ours;
}

function clampSpan(pos: [number, number], textLength: number): Span {
  const start = Math.max(0, Math.min(pos[0], textLength));
  const end = Math.max(start, Math.min(pos[1], textLength));
  return { start, end: end === start && start < textLength ? start + 1 : end };
}

/** The parser points at the first character of a duplicate key; the author needs the whole key underlined. */
function duplicateKeySpan(document: Document.Parsed, keyStart: number): Span {
  let found: Span | undefined;
  visit(document, {
    Pair(_key, pair) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.range?.[0] === keyStart) {
        found = { start: pair.key.range[0], end: pair.key.range[1] };
        return visit.BREAK;
      }
      return undefined;
    },
    Map(_key, map) {
      return isMap(map) && map.range && (map.range[1] < keyStart || map.range[0] > keyStart) ? visit.SKIP : undefined;
    },
  });
  return found ?? { start: keyStart, end: keyStart + 1 };
}
