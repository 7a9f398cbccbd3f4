/**
 * "Did you mean ...?" for misspelt keys and enum values. Uses the optimal-string-alignment variant of the
 * Damerau-Levenshtein distance (a swapped pair of letters is one typo, as authors experience it) and ignores
 * case, so `Timestamp` suggests `timestamp` and `logicalTpye` suggests `logicalType`.
 */

export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0]![j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** How many typos a word of this length may contain and still be recognised. */
function tolerance(length: number): number {
  if (length <= 3) return 1;
  if (length <= 6) return 2;
  return Math.min(4, Math.floor(length / 3));
}

/**
 * The closest candidate to `input`, or undefined when nothing is close enough to be a typo. A candidate that
 * differs only in case always wins; ties go to the candidate listed first (schemas list common values first).
 */
export function suggest(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === input) continue;
    const lowered = candidate.toLowerCase();
    if (lowered === needle) return candidate;
    const distance = editDistance(needle, lowered);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= tolerance(Math.max(input.length, 1)) ? best : undefined;
}
