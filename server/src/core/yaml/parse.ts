/**
 * Text -> parsed descriptor. This is the only place that calls the YAML parser, so limits (size, aliases) and
 * the kind detection live in one spot. Everything else works on the `ParsedDescriptor` it returns.
 */
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import type { DescriptorKind, Finding } from '../types';
import { yamlErrorsToFindings } from './syntaxErrors';

/** Beyond this size a descriptor is not parsed at all: a clear finding beats an editor that hangs. */
export const MAX_DESCRIPTOR_CHARS = 20 * 1024 * 1024;
/** Alias expansions allowed when converting to plain values; guards against "billion laughs" documents. */
export const MAX_ALIAS_COUNT = 1000;

export interface ParsedDescriptor {
  readonly text: string;
  /** The YAML document with node ranges, or undefined when the file was refused (too large). */
  readonly document: Document.Parsed | undefined;
  /** The plain JavaScript value of the document (what the schema validates); undefined when unusable. */
  readonly value: unknown;
  /** Decided from the top-level `kind`, so editors that send a plain `yaml` language id work too. */
  readonly kind: DescriptorKind | undefined;
  readonly apiVersion: string | undefined;
  /** YAML-level problems: syntax, duplicate keys, tabs, encoding, size, alias bombs. */
  readonly syntaxFindings: readonly Finding[];
}

export function parseDescriptor(text: string): ParsedDescriptor {
  if (text.length > MAX_DESCRIPTOR_CHARS) {
    const megabytes = (text.length / (1024 * 1024)).toFixed(1);
    return {
      text, document: undefined, value: undefined, kind: undefined, apiVersion: undefined,
      syntaxFindings: [{
        span: { start: 0, end: Math.min(text.length, firstLineLength(text)) },
        message: `This file is too large for datsis (${megabytes} MB; the limit is ${MAX_DESCRIPTOR_CHARS / (1024 * 1024)} MB). Split the contract into several files.`,
        severity: 'error', code: 'yaml/too-large', source: 'yaml',
      }],
    };
  }
  const document = parseDocument(text, PARSE_OPTIONS);
  const syntaxFindings = withEncodingFinding(text, yamlErrorsToFindings(document, text.length));

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    value = undefined;
    syntaxFindings.push({
      span: { start: 0, end: firstLineLength(text) },
      message: `The document could not be read: ${(error as Error).message}. Reduce the use of aliases (*name).`,
      severity: 'error', code: 'yaml/alias-limit', source: 'yaml',
    });
  }
  return { text, document, value, kind: detectKind(document), apiVersion: topLevelString(document, 'apiVersion'), syntaxFindings };
}

/** The options every parse uses, full or incremental, so both agree on what the text means. */
export const PARSE_OPTIONS = { uniqueKeys: true, prettyErrors: true, keepSourceTokens: false, logLevel: 'error' } as const;

/** Puts the encoding finding (if the text has undecodable bytes) in front of the other syntax findings. */
export function withEncodingFinding(text: string, findings: Finding[]): Finding[] {
  const encoding = replacementCharacterFinding(text);
  return encoding ? [encoding, ...findings.filter((finding) => finding.code !== 'yaml/encoding')] : findings;
}

/** `kind: DataContract` / `kind: DataProduct` at the top level, or undefined for any other YAML. */
export function detectKind(document: Document.Parsed | undefined): DescriptorKind | undefined {
  const kind = topLevelString(document, 'kind');
  return kind === 'DataContract' || kind === 'DataProduct' ? kind : undefined;
}

export function topLevelString(document: Document.Parsed | undefined, key: string): string | undefined {
  const contents = document?.contents;
  if (!isMap(contents)) return undefined;
  const node = contents.get(key, true);
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/**
 * Editors decode files for us and replace bytes that are not UTF-8 with U+FFFD; the CLI decodes the same way.
 * One finding at the first replacement is enough to explain every later oddity.
 */
function replacementCharacterFinding(text: string): Finding | undefined {
  const at = text.indexOf('\uFFFD');
  if (at < 0) return undefined;
  return {
    span: { start: at, end: at + 1 },
    message: 'This file is not valid UTF-8: a byte sequence here could not be decoded. Save the file as UTF-8.',
    severity: 'error', code: 'yaml/encoding', source: 'yaml',
  };
}

function firstLineLength(text: string): number {
  const newline = text.indexOf('\n');
  return newline < 0 ? text.length : newline;
}
