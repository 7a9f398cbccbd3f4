/**
 * Telling a real text from a placeholder. A purpose of "TODO" satisfies the schema and fools a presence check;
 * it does not tell a consumer anything, so it must not earn the points of a real purpose.
 */
import { UNFILLED_PLACEHOLDER } from './model';
import { identifierWords } from './words';

/** Words that, alone or almost alone, mark text as not written yet. */
const PLACEHOLDER_WORDS = new Set([
  'todo', 'tbd', 'tbc', 'tba', 'fixme', 'xxx', 'lorem', 'ipsum', 'placeholder', 'na', 'n/a', 'none', 'null', 'wip',
  'description', 'purpose', 'usage', 'limitations', 'test', 'tmp', 'temp', 'dummy', 'foo', 'bar', 'changeme', 'later',
]);

/** Text that starts like a to-do marker, is lorem ipsum, or is only punctuation. */
const PLACEHOLDER_PATTERN = /^(todo|tbd|tbc|fixme|xxx)\b|lorem ipsum|^[-.?!_*\s]+$/;

/** Fewer characters than this cannot explain what data is for. */
export const MIN_MEANINGFUL_LENGTH = 20;

export type PlaceholderReason = 'empty' | 'placeholder' | 'too-short' | 'repeats-name';

/**
 * Why `text` is not a real description, or undefined when it looks real. `name` is the descriptor's (or the
 * element's) name: a purpose that only repeats it says nothing new.
 */
export function placeholderReason(text: string, name?: string): PlaceholderReason | undefined {
  // Descriptions barely change between keystrokes: remember each verdict (bounded).
  const key = name === undefined ? text : `${text}\u0000${name}`;
  const known = verdicts.get(key);
  if (known !== undefined) return known ?? undefined;
  const verdict = judge(text, name);
  if (verdicts.size >= MEMO_LIMIT) verdicts.clear();
  verdicts.set(key, verdict ?? null);
  return verdict;
}

const MEMO_LIMIT = 100_000;
const verdicts = new Map<string, PlaceholderReason | null>();

function judge(text: string, name: string | undefined): PlaceholderReason | undefined {
  const trimmed = text.trim();
  if (!trimmed) return 'empty';
  const lower = trimmed.toLowerCase();
  if (PLACEHOLDER_PATTERN.test(lower) || UNFILLED_PLACEHOLDER.test(trimmed)) return 'placeholder';
  // Only text that starts with a placeholder word can consist of nothing else; most text is never split.
  const first = /^[a-z0-9/]+/.exec(lower)?.[0];
  if (first && PLACEHOLDER_WORDS.has(first) && lower.split(/[^a-z0-9/]+/).filter(Boolean).every((word) => PLACEHOLDER_WORDS.has(word))) return 'placeholder';
  // Words joined with spaces are at most twice the identifier's length: longer text cannot repeat the name.
  if (name && trimmed.length <= 2 * name.length + 2 && sameWords(trimmed, name)) return 'repeats-name';
  if (trimmed.length < MIN_MEANINGFUL_LENGTH) return 'too-short';
  return undefined;
}

function sameWords(a: string, b: string): boolean {
  const wordsA = identifierWords(a).join(' ');
  return wordsA.length > 0 && wordsA === identifierWords(b).join(' ');
}

export function describePlaceholder(reason: PlaceholderReason): string {
  switch (reason) {
    case 'empty': return 'is empty';
    case 'placeholder': return 'is a placeholder';
    case 'too-short': return `is too short to be useful (fewer than ${MIN_MEANINGFUL_LENGTH} characters)`;
    case 'repeats-name': return 'only repeats the name';
  }
}
