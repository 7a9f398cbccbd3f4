/**
 * Results of the editing features, in the core's own terms (offsets, markdown strings). `server/src/convert.ts`
 * turns them into LSP types; the CLI and tests use them directly.
 */
import type { Span } from '../types';

export type CompletionKind = 'property' | 'enumMember' | 'value' | 'snippet' | 'reference';

export interface CompletionCandidate {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /**
   * Text that replaces `replace`. Lines after the first carry their full indentation (editors must insert it
   * as is, without re-indenting). In snippet syntax when `isSnippet`.
   */
  readonly insertText: string;
  readonly isSnippet: boolean;
  readonly replace: Span;
  /** Orders the list: required keys first, then the rest, deprecated keys last. */
  readonly sortText: string;
  readonly filterText?: string;
  readonly deprecated?: boolean;
  /** Open completion again after inserting (the first half of a two-step reference such as `orders.`). */
  readonly retrigger?: boolean;
}

export interface HoverResult {
  readonly markdown: string;
  readonly span: Span;
}

export type OutlineKind = 'namespace' | 'class' | 'field' | 'property' | 'array' | 'object' | 'string' | 'number'
  | 'boolean' | 'interface' | 'event' | 'key' | 'module' | 'constant';

export interface OutlineSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: OutlineKind;
  /** The whole entry (key and value). */
  readonly span: Span;
  /** What to reveal and highlight: the key or the entry's name. */
  readonly selectionSpan: Span;
  readonly children: readonly OutlineSymbol[];
}

export interface FoldingSpan {
  /** Offset on the first line of the region. */
  readonly start: number;
  /** Offset on the last line of the region. */
  readonly end: number;
  readonly kind: 'comment' | 'region';
}

/** A place in some workspace document: the file and the span there (in that file's own offsets). */
export interface TargetLocation {
  readonly uri: string;
  readonly span: Span;
}

export interface LinkSpan {
  readonly span: Span;
  readonly target: string;
}
