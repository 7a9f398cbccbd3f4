/**
 * Example contracts whose hand-written (`type: sql`) quality checks cannot run as written. The engine tests expect
 * exactly this failure, so the entry must be removed (and the test then checks the example fully) once the example
 * is fixed: a known problem can never hide a new one.
 */
export interface KnownProblem {
  readonly why: string;
  readonly postgres: RegExp;
  readonly duckdb: RegExp;
}

export const KNOWN_EXAMPLE_PROBLEMS: Readonly<Record<string, KnownProblem>> = {};
