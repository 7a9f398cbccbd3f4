/**
 * The one-line score summary shown in the code lens, the status bar and the CLI:
 * `DATSIS 72 · D 80 A 100 T 40 S 70 I 90 S 50 · Established`. Defined once so every surface reads alike.
 */
import { DIMENSIONS, type DimensionScores } from './types';

export interface ScoreHeadline {
  readonly overall: number;
  readonly level: string;
  readonly dimensions: DimensionScores;
}

export function compactSummary(score: ScoreHeadline): string {
  const dimensions = DIMENSIONS.map(({ id, letter }) => `${letter} ${score.dimensions[id]}`).join(' ');
  return `DATSIS ${score.overall} · ${dimensions} · ${score.level}`;
}

/** The short form for narrow places (the status bar): `DATSIS 72 · Established`. */
export function shortSummary(score: Pick<ScoreHeadline, 'overall' | 'level'>): string {
  return `DATSIS ${score.overall} · ${score.level}`;
}
