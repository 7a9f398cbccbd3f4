/**
 * Places where our schemas deliberately give a different verdict than the official ones.
 * The conformance test fails on any divergence not listed here, and on any entry here that never occurs
 * (so the table cannot silently go stale).
 */
import type { Mutation } from './mutations';

/** Divergences in how a relationship end may be written; REFERENCE_FORMS (odcs-mutations.ts) tags its forms with them. */
export type ReferenceDivergence = 'contract-id-name-reference' | 'nested-name-reference';

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
  {
    id: 'contract-id-name-reference',
    reason:
      'relationships from/to also accept `<contract id>.<object>.<property>` (the contract id in StableId characters plus ' +
      '`:` for urn: ids, [A-Za-z0-9_:-]+): issue #3 asks for references to another contract of the workspace by its id, which the ' +
      'standard\'s one-dot ShorthandReference cannot express; the semantic rule resolves them against the workspace.',
    ours: true,
    official: false,
    appliesTo: (m) => m.standard === 'odcs' && m.kind === 'reference-form' && m.tags.includes('contract-id-name-reference'),
  },
  {
    id: 'nested-name-reference',
    reason:
      'relationships from/to also accept nested name paths `object.property.nested...`: the ODCS documentation writes ' +
      'references to nested properties that way (`accounts.address.street`) although its schema allows one dot only.',
    ours: true,
    official: false,
    appliesTo: (m) => m.standard === 'odcs' && m.kind === 'reference-form' && m.tags.includes('nested-name-reference'),
  },
];

/** Our verdict on a reference form that diverges: what the divergence it names says we answer. */
export function divergentVerdict(id: ReferenceDivergence): 'accepted' | 'rejected' {
  const divergence = ALLOWED_DIVERGENCES.find((candidate) => candidate.id === id);
  if (!divergence) throw new Error(`no allowed divergence "${id}"`);
  return divergence.ours ? 'accepted' : 'rejected';
}
