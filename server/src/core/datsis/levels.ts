/** Maturity levels: names for score bands, so that people can talk about "an Established product". */
import type { MaturityLevel } from './config';

/**
 * The highest level whose minimum the score reaches. Levels are ascending by `min`; a score below the lowest
 * minimum (a badly configured file starting at 20, say) still gets the lowest level's name.
 */
export function levelFor(score: number, levels: readonly MaturityLevel[]): string {
  let name = levels[0]?.name ?? '';
  for (const level of levels) if (score >= level.min) name = level.name;
  return name;
}

/** The band following the given score's level, or undefined at the top: used to say "12 points to Managed". */
export function nextLevel(score: number, levels: readonly MaturityLevel[]): MaturityLevel | undefined {
  return levels.find((level) => level.min > score);
}
