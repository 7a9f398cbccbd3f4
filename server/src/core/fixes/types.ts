/**
 * A fix is data, not code: analyzers describe WHAT to change in value-path terms, and one edit engine
 * (core/fixes/) turns that into minimal text edits through the `yaml` CST, keeping comments, key order and
 * quoting elsewhere byte-for-byte. Fixes travel inside `Finding.data.fixes` so the LSP code-action handler and
 * the CLI can apply them without re-running the analysis.
 */
import type { Span, ValuePath } from '../types';

/**
 * A JSON value to write. Strings may hold snippet placeholders `${1:text}`; the engine emits them as a snippet
 * where the client supports it and as the plain placeholder text otherwise.
 */
export type FixValue = string | number | boolean | null | FixValue[] | { [key: string]: FixValue };

export type FixAction =
  /** Add `key: value` to the mapping at `parentPath` (creating missing parent mappings); no-op if present. */
  | { readonly kind: 'insertKey'; readonly parentPath: ValuePath; readonly key: string; readonly value: FixValue }
  /** Replace the scalar or block at `path` with `value`. */
  | { readonly kind: 'replaceValue'; readonly path: ValuePath; readonly value: FixValue }
  /** Append `value` to the sequence at `path`, creating the sequence if the key is missing. */
  | { readonly kind: 'appendItem'; readonly path: ValuePath; readonly value: FixValue }
  /** Rename the key at `path` (last segment) to `newKey`, keeping its value. */
  | { readonly kind: 'renameKey'; readonly path: ValuePath; readonly newKey: string };

export interface Fix {
  /** Shown as the quick-fix title, e.g. "Add a description to property `email`". */
  readonly title: string;
  readonly actions: readonly FixAction[];
  /** True when the fix is safe to apply in "Fix all" without asking (deterministic, placeholders only). */
  readonly fixAll: boolean;
}

/** The shape of `Finding.data` for findings that carry fixes. */
export interface FindingFixData {
  readonly fixes: readonly Fix[];
}

/**
 * One text replacement computed by the edit engine: replace `span` of the original text with `newText`.
 * Edits of one result never overlap; when `newText` is a snippet it uses the LSP snippet grammar.
 */
export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
  /** True when `newText` is in snippet syntax (placeholders as tab stops, `$`, `}` and `\\` escaped). */
  readonly snippet?: boolean;
}

/** Reads the fixes a finding carries in `data.fixes`, tolerating findings without data. */
export function fixesOf(finding: { readonly data?: unknown }): readonly Fix[] {
  const data = finding.data as Partial<FindingFixData> | null | undefined;
  return data && Array.isArray(data.fixes) ? data.fixes : [];
}
