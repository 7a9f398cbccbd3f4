/**
 * Fixture position markers: tests write `‹` and `›` around a range (or `‸` for a single position) inside the
 * fixture text, and read the offsets back here, so no test hard-codes a line or column number.
 */
export interface MarkedText {
  /** The text with every marker removed. */
  readonly text: string;
  /** Offsets of `‸` markers, in order. */
  readonly positions: number[];
  /** `[start, end)` offsets of `‹…›` pairs, in order of their opening marker. */
  readonly ranges: { start: number; end: number }[];
}

export function parseMarkers(marked: string): MarkedText {
  let text = '';
  const positions: number[] = [];
  const ranges: { start: number; end: number }[] = [];
  const open: number[] = [];
  for (const char of marked) {
    if (char === '‸') positions.push(text.length);
    else if (char === '‹') {
      open.push(ranges.length);
      ranges.push({ start: text.length, end: -1 });
    } else if (char === '›') {
      const index = open.pop();
      if (index === undefined) throw new Error('Unbalanced › marker in fixture');
      ranges[index]!.end = text.length;
    } else text += char;
  }
  if (open.length) throw new Error('Unclosed ‹ marker in fixture');
  return { text, positions, ranges };
}
