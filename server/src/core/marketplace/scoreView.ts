/**
 * What the score panel shows for one descriptor, decided here rather than in the webview so it can be tested
 * without a browser: the dimensions in canonical order with bar fractions, the gaps grouped by dimension (each
 * keeping its index in the score's gap list, which is how the panel asks the extension to reveal or fix it),
 * and, for a product, its ports with the contracts behind them.
 */
import { DIMENSION_IDS, dimensionLabel } from './dimensions';
import { entryLabel } from './query';
import type { CatalogEntry, WorkspaceSummary } from './types';

/** The fields of a score the panel reads; the range type is whatever the caller's protocol uses. */
export interface ScoreInput {
  readonly overall: number;
  readonly level: string;
  readonly dimensions: Readonly<Record<string, number>>;
  readonly gaps: readonly { readonly rule: string; readonly dimension: string; readonly message: string }[];
}

export interface DimensionBar {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  /** 0..1, clamped, for the bar length. */
  readonly fraction: number;
}

export interface GapItem {
  /** Index into the score's `gaps`: the handle for "Go to" and "Fix". */
  readonly index: number;
  readonly rule: string;
  readonly message: string;
}

export interface GapGroup {
  readonly dimension: string;
  readonly label: string;
  readonly gaps: readonly GapItem[];
}

export interface ScoreView {
  readonly overall: number;
  readonly level: string;
  readonly bars: readonly DimensionBar[];
  readonly groups: readonly GapGroup[];
  readonly gapCount: number;
}

export function buildScoreView(score: ScoreInput): ScoreView {
  const extra = Object.keys(score.dimensions).filter((id) => !DIMENSION_IDS.includes(id)).sort();
  const ids = [...DIMENSION_IDS.filter((id) => id in score.dimensions), ...extra];
  const bars = ids.map((id) => {
    const value = finiteOr(score.dimensions[id], 0);
    return { id, label: dimensionLabel(id), value, fraction: Math.min(1, Math.max(0, value / 100)) };
  });
  const grouped = new Map<string, GapItem[]>();
  score.gaps.forEach((gap, index) => {
    const list = grouped.get(gap.dimension) ?? [];
    list.push({ index, rule: gap.rule, message: gap.message });
    grouped.set(gap.dimension, list);
  });
  // Canonical D-A-T-S-I-S order, not "weakest first": a fix changes the scores, and groups that reorder
  // under the reader's cursor after every fix are harder to follow than a fixed order. Unknown ones go last.
  const order = (dimension: string): number => (ids.includes(dimension) ? ids.indexOf(dimension) : ids.length);
  const groups = [...grouped.entries()]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([dimension, gaps]) => ({ dimension, label: dimensionLabel(dimension), gaps }));
  return { overall: finiteOr(score.overall, 0), level: score.level, bars, groups, gapCount: score.gaps.length };
}

export interface PortView {
  readonly port: string;
  readonly contractId: string | undefined;
  readonly version: string | undefined;
  /** The contract(s) the id resolves to; empty for a broken link. */
  readonly contracts: readonly { uri: string; label: string; overall: number | undefined; level: string | undefined }[];
  /** Output ports: products that consume this contract. Input ports: products that expose it. */
  readonly products: readonly { uri: string; label: string }[];
}

export interface ProductView {
  readonly outputs: readonly PortView[];
  readonly inputs: readonly PortView[];
}

/** A product's ports and their neighbours, or undefined when `uri` is not a product in the summary. */
export function buildProductView(summary: WorkspaceSummary, uri: string): ProductView | undefined {
  const entries = new Map(summary.entries.map((entry) => [entry.uri, entry]));
  const product = entries.get(uri);
  if (!product || product.kind !== 'DataProduct') return undefined;
  const products = summary.entries.filter((entry) => entry.kind === 'DataProduct' && entry.uri !== uri);
  const describe = (direction: 'input' | 'output') => (port: CatalogEntry['outputPorts'][number]): PortView => {
    const contracts = port.contractUris.map((contractUri) => {
      const contract = entries.get(contractUri);
      return { uri: contractUri, label: contract ? entryLabel(contract) : contractUri, overall: contract?.score?.overall, level: contract?.score?.level };
    });
    const otherSide = direction === 'output' ? 'inputPorts' : 'outputPorts';
    const neighbours = port.contractId === undefined ? [] : products
      .filter((other) => other[otherSide].some((candidate) => candidate.contractId === port.contractId))
      .map((other) => ({ uri: other.uri, label: entryLabel(other) }));
    return { port: port.name ?? '(unnamed port)', contractId: port.contractId, version: port.version, contracts, products: neighbours };
  };
  return { outputs: product.outputPorts.map(describe('output')), inputs: product.inputPorts.map(describe('input')) };
}

function finiteOr(value: number | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
