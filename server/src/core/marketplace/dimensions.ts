/**
 * Dimension names and score formatting for the views and the report. The dimensions themselves (ids, order,
 * titles) belong to the DATSIS module; this only adapts them to what a list or a chart needs.
 */
import { DIMENSIONS } from '../datsis/types';

/** The six dimension ids in canonical D-A-T-S-I-S order. */
export const DIMENSION_IDS: readonly string[] = DIMENSIONS.map((dimension) => dimension.id);

export function dimensionLabel(id: string): string {
  return DIMENSIONS.find((dimension) => dimension.id === id)?.title ?? id;
}

/** A score as shown to people: whole numbers, since the decimals of a heuristic score mean nothing. */
export function formatScore(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '–' : String(Math.round(value));
}
