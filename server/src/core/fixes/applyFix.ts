/**
 * The edit engine's entry points: one fix -> text edits, every "fix all" fix of a set of findings -> one
 * non-overlapping edit set, and applying edits to a text. Actions run one after another on a re-parsed working
 * copy (so a parent created by one action is filled by the next), and the composer turns the whole sequence
 * into minimal edits on the original text.
 */
import type { Finding } from '../types';
import type { ParsedDescriptor } from '../yaml/parse';
import type { ComposedEdit } from './compose';
import { composeFixes } from './composeFixes';
import { escapeSnippetText } from './snippet';
import { TrackedText } from './trackedText';
import { fixesOf, type Fix, type TextEdit } from './types';

export interface FixEditOptions {
  /** Emit placeholders as LSP snippet tab stops (`${1:text}`); otherwise as their plain text. */
  readonly snippets: boolean;
}

const PLAIN: FixEditOptions = { snippets: false };

/** The edits that apply `fix` to the descriptor; empty when the fix no longer applies or would break the YAML. */
export function fixToEdits(parsed: ParsedDescriptor, fix: Fix, options: FixEditOptions = PLAIN): TextEdit[] {
  return finish(composeFixes(parsed, [fix]), parsed.text, options.snippets);
}

/**
 * One edit set applying every fix marked `fixAll` (the first such fix of each finding; identical fixes once).
 * Fixes that would break the YAML are skipped, the others still apply.
 */
export function fixAllEdits(parsed: ParsedDescriptor, findings: readonly Finding[], options: FixEditOptions = PLAIN): TextEdit[] {
  return finish(composeFixes(parsed, fixAllCandidates(findings)), parsed.text, options.snippets);
}

/** The fixes "Fix all" applies for these findings, in finding order, without duplicates. */
export function fixAllCandidates(findings: readonly Finding[]): Fix[] {
  const seen = new Set<string>();
  const fixes: Fix[] = [];
  for (const finding of findings) {
    const fix = fixesOf(finding).find((candidate) => candidate.fixAll);
    if (!fix) continue;
    const identity = JSON.stringify(fix.actions);
    if (seen.has(identity)) continue;
    seen.add(identity);
    fixes.push(fix);
  }
  return fixes;
}

/** Applies non-overlapping edits (in any order) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let result = '';
  let position = 0;
  for (const edit of ordered) {
    if (edit.span.start < position) throw new Error(`overlapping edits at offset ${edit.span.start}`);
    result += text.slice(position, edit.span.start) + edit.newText;
    position = edit.span.end;
  }
  return result + text.slice(position);
}

function finish(edits: readonly ComposedEdit[], original: string, snippets: boolean): TextEdit[] {
  const hasTabstops = edits.some((edit) => edit.text.tabstops.length > 0);
  if (!snippets || !hasTabstops) return edits.map((edit) => ({ span: edit.span, newText: edit.text.text }));
  // One snippet edit per fix: clients run a single snippet session, so tab stops in several edits would not
  // chain. The unchanged text between the edits is carried over (escaped), byte for byte.
  const first = edits[0]!;
  const last = edits[edits.length - 1]!;
  const parts: TrackedText[] = [];
  edits.forEach((edit, index) => {
    if (index > 0) parts.push(new TrackedText(original.slice(edits[index - 1]!.span.end, edit.span.start)));
    parts.push(edit.text);
  });
  const merged = TrackedText.concat(...parts);
  return [{ span: { start: first.span.start, end: last.span.end }, newText: toSnippet(merged), snippet: true }];
}

/** Writes tracked text as an LSP snippet, numbering tab stops 1, 2, ... in order of appearance. */
export function toSnippet(tracked: TrackedText): string {
  const numbers = new Map<string, number>();
  const stops = [...tracked.tabstops].sort((a, b) => a.start - b.start);
  let result = '';
  let position = 0;
  for (const stop of stops) {
    if (stop.start < position) continue; // overlapping stops cannot both be placeholders
    if (!numbers.has(stop.id)) numbers.set(stop.id, numbers.size + 1);
    const number = numbers.get(stop.id)!;
    const text = tracked.text.slice(stop.start, stop.end);
    result += escapeSnippetText(tracked.text.slice(position, stop.start));
    result += text ? `\${${number}:${escapeSnippetText(text)}}` : `\${${number}}`;
    position = stop.end;
  }
  return result + escapeSnippetText(tracked.text.slice(position));
}
