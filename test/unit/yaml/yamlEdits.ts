/**
 * Random edits of YAML text for the incremental-reparse property test. Uniform random offsets and single tokens
 * rarely change the structure; the edits that break an incremental parse are structural: lines with keys or dashes
 * typed at every indentation (mostly relative to the edited line, as an editor indents), text typed in front of a
 * key on its line, keys without `:`, a second `key:` on one line (a mapping on its key's line, which the parser
 * indents like the line and which then swallows what follows), quotes and brackets left open.
 */
import fc from 'fast-check';

export interface Edit {
  /** Which line (a fraction of the line count), and where on it. */
  readonly line: number;
  readonly place: 'line start' | 'after indent' | 'line end' | 'inside';
  readonly inside: number;
  readonly deleteCount: number;
  readonly insert: string;
}

/** Stand-ins in an insertion for the edited line's own indentation, two more, two less (what an editor inserts). */
const SAME_INDENT = '\u0001';
const DEEPER_INDENT = '\u0002';
const SHALLOWER_INDENT = '\u0003';

/** Mostly relative to the line being edited, as an editor indents after Enter; sometimes any column. */
const indent = fc.oneof(
  { weight: 4, arbitrary: fc.constant(SAME_INDENT) },
  { weight: 2, arbitrary: fc.constant(DEEPER_INDENT) },
  { weight: 1, arbitrary: fc.constant(SHALLOWER_INDENT) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 10 }).map((width) => ' '.repeat(width)) },
);
const word = fc.constantFrom('a', 'k', 'name', 'to', 'id', 'urn', 'x y', '2', 'description');
/** Values: mostly well-formed; the rest open a mapping on the key's line, leave a quote or bracket open, etc. */
const value = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('', 'x', 'some text', '2', 'urn:x', '"q"', '[1, 2]', '{a: 1}', 'x # c') },
  { weight: 2, arbitrary: fc.constantFrom('a: b', 'v: w: z', "'q", '"q', '[1,', '|', '|+', '>-', '|1', '!!str x', '- x') },
);
/** One line an author might type: a key with a value, a sequence item, or a word still waiting for its `:`. */
const typedLine = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(indent, fc.constantFrom('', '', '- ', '- - '), word, value).map(([space, dash, key, text]) => `${space}${dash}${key}:${text ? ` ${text}` : ''}`) },
  { weight: 2, arbitrary: fc.tuple(indent, fc.constantFrom('', '- '), word).map(([space, dash, key]) => `${space}${dash}${key}`) },
  { weight: 1, arbitrary: fc.tuple(indent, fc.constantFrom('#', '# a: b', '\t', '-', '? k', ': v', 'k ', '')).map(([space, text]) => `${space}${text}`) },
);
/** Tokens typed one at a time: letters, indicators, quotes, brackets, indentation, newlines, a pasted property. */
const token = fc.constantFrom('a', 'x', 'name', ' ', '  ', '\n', '\n  ', '\n    - ', ': ', '- ', '#', '"', "'", '[', ']', '{', '}', ',', '\t', 'description: text', '\n      - name: new_col\n        logicalType: string');

const insertion = fc.oneof(
  { weight: 3, arbitrary: token },
  // Enter, then one or more new lines (typed or pasted) at any indentation.
  { weight: 4, arbitrary: fc.array(typedLine, { minLength: 1, maxLength: 3 }).map((lines) => `\n${lines.join('\n')}`) },
  // Whole lines pasted in front of a line.
  { weight: 2, arbitrary: fc.array(typedLine, { minLength: 1, maxLength: 2 }).map((lines) => `${lines.join('\n')}\n`) },
  // Text typed in front of a key on its own line: `k: ` makes a mapping on the key's line, `a\n  k: ` a long key.
  { weight: 3, arbitrary: fc.tuple(word, fc.constantFrom(': ', ': x: ', '', ' '), fc.option(typedLine, { nil: undefined })).map(([key, separator, line]) => (line === undefined ? `${key}${separator}` : `${key}${separator}\n${line}`)) },
);

/** A fraction in [0, 1), uniform: fast-check's doubles favour extremes, which would edit the first line most of the time. */
const fraction = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((value) => value / 1_000_000);

export const edit: fc.Arbitrary<Edit> = fc.record({
  line: fraction,
  place: fc.constantFrom('line start', 'after indent', 'line end', 'inside'),
  inside: fraction,
  deleteCount: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.integer({ min: 1, max: 6 }) }, { weight: 1, arbitrary: fc.integer({ min: 7, max: 40 }) }),
  insert: insertion,
});

/** Applies the edit; returns the new text and the offset it happened at (for messages). */
export function applyEdit(text: string, change: Edit): { text: string; at: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const start = starts[Math.floor(change.line * starts.length)]!;
  const newline = text.indexOf('\n', start);
  const end = newline < 0 ? text.length : newline;
  const indentEnd = start + (text.slice(start, end).length - text.slice(start, end).trimStart().length);
  const at = change.place === 'line start' ? start
    : change.place === 'after indent' ? indentEnd
      : change.place === 'line end' ? end
        : start + Math.floor(change.inside * (end - start));
  const own = indentEnd - start;
  const insert = change.insert.replaceAll(SAME_INDENT, ' '.repeat(own)).replaceAll(DEEPER_INDENT, ' '.repeat(own + 2))
    .replaceAll(SHALLOWER_INDENT, ' '.repeat(Math.max(0, own - 2)));
  return { text: text.slice(0, at) + insert + text.slice(Math.min(text.length, at + change.deleteCount)), at };
}
