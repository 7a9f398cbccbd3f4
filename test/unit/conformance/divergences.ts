/**
 * Places where our schemas deliberately give a different verdict than the official ones.
 * The conformance test fails on any divergence not listed here, and on any entry here that never occurs
 * (so the table cannot silently go stale).
 */
import type { Mutation } from './mutations';

export interface AllowedDivergence {
  id: string;
  reason: string;
  /** Verdicts we expect when the divergence happens. */
  ours: boolean;
  official: boolean;
  appliesTo(mutation: Mutation): boolean;
}

export const ALLOWED_DIVERGENCES: readonly AllowedDivergence[] = [
  {
    id: 'exasol-server-type',
    reason:
      'servers[].type "exasol" (with optional host, port, database, schema) is accepted ahead of ODCS 3.2, which adds it; ' +
      'DATSIS generates Exasol DDL and needs contracts to be able to say they live on Exasol.',
    ours: true,
    official: false,
    appliesTo: (m) => m.standard === 'odcs' && m.tags.includes('exasol'),
  },
];
