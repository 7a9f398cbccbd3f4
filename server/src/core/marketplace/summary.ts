/**
 * Builds the workspace summary from what the index knows about each descriptor plus the few facts it does not
 * keep (classifications, purpose, score). Contract ids are resolved here, against the entries themselves, so
 * the result is a pure function of its input and the lineage edges match the ports exactly.
 */
import type { DescriptorSummary, PortSummary } from '../workspace/types';
import { missingNodeKey, type CatalogEntry, type CatalogPort, type LineageEdge, type ScoreSummary, type WorkspaceSummary } from './types';

/** Everything the summary needs about one descriptor. */
export interface DescriptorFacts {
  readonly summary: DescriptorSummary;
  readonly classifications: readonly string[];
  readonly purpose: string | undefined;
  readonly score: ScoreSummary | undefined;
}

/** The order `localeCompare` gives, from one collator: `localeCompare` builds one per call (most of a 2,000-entry sort). */
const uriCollator = new Intl.Collator();

/** Longer purposes are cut here: the marketplace shows one line and searching the first sentences is enough. */
export const MAX_PURPOSE_CHARS = 280;

export function buildWorkspaceSummary(facts: Iterable<DescriptorFacts>): WorkspaceSummary {
  const all = [...facts];
  const contractsById = new Map<string, DescriptorSummary[]>();
  for (const { summary } of all) {
    if (summary.kind !== 'DataContract' || summary.id === undefined) continue;
    const list = contractsById.get(summary.id) ?? [];
    list.push(summary);
    contractsById.set(summary.id, list);
  }
  const classificationsByUri = new Map(all.map((fact) => [fact.summary.uri, fact.classifications]));

  const resolvePort = (port: PortSummary): CatalogPort => ({
    name: port.name,
    contractId: port.contractId,
    version: port.version,
    contractUris: resolveContract(contractsById, port.contractId, port.version),
  });

  const entries: CatalogEntry[] = all.map((fact) => {
    const { summary } = fact;
    const inputPorts = summary.inputPorts.map(resolvePort);
    const outputPorts = summary.outputPorts.map(resolvePort);
    const classifications = summary.kind === 'DataProduct'
      ? distinctSorted(outputPorts.flatMap((port) => port.contractUris.flatMap((uri) => classificationsByUri.get(uri) ?? [])))
      : distinctSorted(fact.classifications);
    return {
      uri: summary.uri,
      kind: summary.kind,
      id: summary.id,
      name: summary.name,
      domain: summary.domain,
      owner: summary.owner,
      status: summary.status,
      version: summary.version,
      tags: distinctSorted(summary.tags),
      classifications,
      purpose: shorten(fact.purpose),
      score: fact.score,
      inputPorts,
      outputPorts,
    };
  });
  entries.sort((a, b) => uriCollator.compare(a.uri, b.uri));
  return { entries, edges: lineageEdges(entries) };
}

/**
 * The contracts a port points at. With several contracts under one id (versions side by side), the ones whose
 * version matches the port win; an empty list is a broken link.
 */
function resolveContract(contractsById: ReadonlyMap<string, DescriptorSummary[]>, contractId: string | undefined, version: string | undefined): string[] {
  if (contractId === undefined) return [];
  const candidates = contractsById.get(contractId) ?? [];
  const sameVersion = candidates.filter((contract) => version !== undefined && contract.version === version);
  return (sameVersion.length ? sameVersion : candidates).map((contract) => contract.uri).sort();
}

/** Product -> contract for each output port, contract -> product for each input port; ports without `contractId` draw nothing. */
export function lineageEdges(entries: readonly CatalogEntry[]): LineageEdge[] {
  const edges: LineageEdge[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'DataProduct') continue;
    for (const port of entry.outputPorts) {
      if (port.contractId === undefined) continue;
      const targets = port.contractUris.length ? port.contractUris : [missingNodeKey(port.contractId)];
      for (const target of targets) {
        edges.push({ from: entry.uri, to: target, relation: 'output', contractId: port.contractId, portName: port.name, broken: !port.contractUris.length });
      }
    }
    for (const port of entry.inputPorts) {
      if (port.contractId === undefined) continue;
      const sources = port.contractUris.length ? port.contractUris : [missingNodeKey(port.contractId)];
      for (const source of sources) {
        edges.push({ from: source, to: entry.uri, relation: 'input', contractId: port.contractId, portName: port.name, broken: !port.contractUris.length });
      }
    }
  }
  return edges;
}

/** Distinct `classification` values anywhere under `schema` (objects, properties, nested properties and items). */
export function collectClassifications(value: unknown): string[] {
  const found = new Set<string>();
  const visit = (node: unknown, depth: number): void => {
    if (depth > 64 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item, depth + 1);
      return;
    }
    const record = node as Record<string, unknown>;
    if (typeof record.classification === 'string' && record.classification.trim()) found.add(record.classification.trim());
    visit(record.properties, depth + 1);
    visit(record.items, depth + 1);
  };
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) visit((value as Record<string, unknown>).schema, 0);
  return [...found].sort();
}

/** `description.purpose` when it is a string (ODPS and ODCS both put it there). */
export function descriptorPurpose(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const description = (value as Record<string, unknown>).description;
  if (description === null || typeof description !== 'object') return undefined;
  const purpose = (description as Record<string, unknown>).purpose;
  return typeof purpose === 'string' && purpose.trim() ? purpose.trim() : undefined;
}

function shorten(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > MAX_PURPOSE_CHARS ? `${oneLine.slice(0, MAX_PURPOSE_CHARS - 1)}…` : oneLine;
}

function distinctSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}
