/**
 * The workspace summary: one flat, JSON-safe record per descriptor plus the lineage edges between them. It is
 * what the server answers to `datsis/workspaceSummary` and what the marketplace, the lineage graph, the product
 * section of the score panel and the workspace report are all computed from, so every view agrees on the facts.
 * Defined in the core (not in protocol.ts) because the pure view-models and the report renderer work on it;
 * protocol.ts re-exports it for the wire.
 */
import type { DescriptorKind } from '../types';

/** The part of a DATSIS score that lists and reports need (the gaps stay with `datsis/score`). */
export interface ScoreSummary {
  /** 0..100. */
  readonly overall: number;
  readonly level: string;
  /** Dimension id -> 0..100. */
  readonly dimensions: Readonly<Record<string, number>>;
}

export interface CatalogPort {
  readonly name: string | undefined;
  readonly contractId: string | undefined;
  readonly version: string | undefined;
  /** URIs of the workspace contracts this port's `contractId` resolves to; empty when the link is broken. */
  readonly contractUris: readonly string[];
}

/** One product or contract as the marketplace lists it. */
export interface CatalogEntry {
  readonly uri: string;
  readonly kind: DescriptorKind;
  readonly id: string | undefined;
  readonly name: string | undefined;
  readonly domain: string | undefined;
  readonly owner: string | undefined;
  readonly status: string | undefined;
  readonly version: string | undefined;
  readonly tags: readonly string[];
  /**
   * Distinct `classification` values: a contract's own (objects and properties); for a product, those of the
   * contracts behind its output ports, since that is the data a consumer would get.
   */
  readonly classifications: readonly string[];
  /** `description.purpose`, shortened; searched by the text filter. */
  readonly purpose: string | undefined;
  /** Undefined when the descriptor could not be scored (unreadable YAML, scorer not available). */
  readonly score: ScoreSummary | undefined;
  readonly inputPorts: readonly CatalogPort[];
  readonly outputPorts: readonly CatalogPort[];
}

/**
 * A lineage edge. `from`/`to` are node keys: an entry's URI, or `missingNodeKey(contractId)` for a contract id
 * that nothing in the workspace defines (a broken link).
 */
export interface LineageEdge {
  readonly from: string;
  readonly to: string;
  /** `output`: product -> contract it exposes; `input`: contract -> product that consumes it. */
  readonly relation: 'output' | 'input';
  readonly contractId: string;
  readonly portName: string | undefined;
  readonly broken: boolean;
}

export interface WorkspaceSummary {
  readonly entries: readonly CatalogEntry[];
  readonly edges: readonly LineageEdge[];
}

const MISSING_PREFIX = 'missing:';

/** The node key of an unresolved contract id; cannot collide with a URI because URIs have a scheme like `file:`. */
export function missingNodeKey(contractId: string): string {
  return `${MISSING_PREFIX}${contractId}`;
}

export function isMissingNodeKey(key: string): boolean {
  return key.startsWith(MISSING_PREFIX);
}
