/**
 * The lineage graph as positioned boxes and curves: products -> the contracts their output ports expose ->
 * the products whose input ports consume them. Layout happens here, not in the webview, so it is a pure,
 * tested function and the webview only draws what it is given. Layered left-to-right: a node's column is the
 * longest path leading to it, and each column is ordered by the mean row of its predecessors (a barycentre
 * pass), which keeps most edges from crossing in mesh-sized graphs.
 */
import { entryLabel } from './query';
import { isMissingNodeKey, type CatalogEntry, type LineageEdge, type WorkspaceSummary } from './types';

export type LineageNodeKind = 'product' | 'contract' | 'missing';

export interface LineageNode {
  /** An entry URI, or a `missing:` key for an unresolved contract id. */
  readonly key: string;
  readonly kind: LineageNodeKind;
  readonly label: string;
  /** Second line: domain and version, or "not found" for a broken link. */
  readonly detail: string;
  /** Openable file; undefined for missing contracts. */
  readonly uri: string | undefined;
  readonly level: string | undefined;
  readonly column: number;
  readonly row: number;
  readonly x: number;
  readonly y: number;
}

export interface LineageLink {
  readonly from: string;
  readonly to: string;
  readonly broken: boolean;
  /** SVG path data, a cubic curve from the right edge of `from` to the left edge of `to`. */
  readonly path: string;
  /** Human-readable description for screen readers and tooltips. */
  readonly label: string;
}

export interface LineageGraph {
  readonly nodes: readonly LineageNode[];
  readonly links: readonly LineageLink[];
  readonly width: number;
  readonly height: number;
  readonly brokenCount: number;
}

export const NODE_WIDTH = 168;
export const NODE_HEIGHT = 40;
const GAP_X = 56;
const GAP_Y = 14;
const MARGIN = 4;
const BARYCENTRE_SWEEPS = 4;

export function buildLineage(summary: WorkspaceSummary): LineageGraph {
  const entries = new Map(summary.entries.map((entry) => [entry.uri, entry]));
  const keys = new Set<string>(entries.keys());
  for (const edge of summary.edges) {
    keys.add(edge.from);
    keys.add(edge.to);
  }
  const incoming = adjacency(summary.edges, 'to', 'from');
  const outgoing = adjacency(summary.edges, 'from', 'to');
  const columns = longestPathColumns([...keys].sort(), incoming);

  const byColumn: string[][] = [];
  for (const key of [...keys].sort()) (byColumn[columns.get(key)!] ??= []).push(key);
  orderColumns(byColumn, incoming, outgoing);

  const nodes: LineageNode[] = [];
  const positions = new Map<string, { x: number; y: number }>();
  byColumn.forEach((column, columnIndex) => column.forEach((key, row) => {
    const x = MARGIN + columnIndex * (NODE_WIDTH + GAP_X);
    const y = MARGIN + row * (NODE_HEIGHT + GAP_Y);
    positions.set(key, { x, y });
    nodes.push({ ...describeNode(key, entries.get(key), summary.edges), column: columnIndex, row, x, y });
  }));

  const labels = new Map(nodes.map((node) => [node.key, node.label]));
  const links = summary.edges.map((edge): LineageLink => {
    const from = positions.get(edge.from)!;
    const to = positions.get(edge.to)!;
    const verb = edge.relation === 'output' ? 'exposes' : 'is consumed by';
    return {
      from: edge.from,
      to: edge.to,
      broken: edge.broken,
      path: curve(from.x + NODE_WIDTH, from.y + NODE_HEIGHT / 2, to.x, to.y + NODE_HEIGHT / 2),
      label: `${labels.get(edge.from)} ${verb} ${labels.get(edge.to)}${edge.broken ? ' (broken link: contract not found)' : ''}`,
    };
  });
  const tallest = Math.max(0, ...byColumn.map((column) => column.length));
  return {
    nodes,
    links,
    width: byColumn.length ? 2 * MARGIN + byColumn.length * NODE_WIDTH + (byColumn.length - 1) * GAP_X : 0,
    height: tallest ? 2 * MARGIN + tallest * NODE_HEIGHT + (tallest - 1) * GAP_Y : 0,
    brokenCount: nodes.filter((node) => node.kind === 'missing').length,
  };
}

function describeNode(key: string, entry: CatalogEntry | undefined, edges: readonly LineageEdge[]): Omit<LineageNode, 'column' | 'row' | 'x' | 'y'> {
  if (!entry || isMissingNodeKey(key)) {
    const contractId = edges.find((edge) => edge.from === key || edge.to === key)?.contractId ?? key;
    return { key, kind: 'missing', label: contractId, detail: 'contract not found', uri: undefined, level: undefined };
  }
  const detail = [entry.domain, entry.version && `v${entry.version}`, entry.score && `${Math.round(entry.score.overall)}`].filter(Boolean).join(' · ');
  return { key, kind: entry.kind === 'DataProduct' ? 'product' : 'contract', label: entryLabel(entry), detail, uri: entry.uri, level: entry.score?.level };
}

function adjacency(edges: readonly LineageEdge[], keyField: 'from' | 'to', valueField: 'from' | 'to'): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const edge of edges) {
    const list = map.get(edge[keyField]) ?? [];
    if (!list.includes(edge[valueField])) list.push(edge[valueField]);
    map.set(edge[keyField], list);
  }
  return map;
}

/** Column = length of the longest path from a source; an edge that closes a cycle is ignored (iterative, no recursion limit). */
function longestPathColumns(keys: readonly string[], incoming: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const columns = new Map<string, number>();
  const onStack = new Set<string>();
  for (const start of keys) {
    if (columns.has(start)) continue;
    const stack: { key: string; next: number }[] = [{ key: start, next: 0 }];
    onStack.add(start);
    while (stack.length) {
      const frame = stack[stack.length - 1]!;
      const parents = incoming.get(frame.key) ?? [];
      if (frame.next < parents.length) {
        const parent = parents[frame.next++]!;
        if (!columns.has(parent) && !onStack.has(parent)) {
          onStack.add(parent);
          stack.push({ key: parent, next: 0 });
        }
        continue;
      }
      const column = Math.max(-1, ...parents.map((parent) => columns.get(parent) ?? -1)) + 1;
      columns.set(frame.key, column);
      onStack.delete(frame.key);
      stack.pop();
    }
  }
  return columns;
}

/** Reorders each column by the mean row of its neighbours in the previous (then next) column. */
function orderColumns(byColumn: string[][], incoming: ReadonlyMap<string, readonly string[]>, outgoing: ReadonlyMap<string, readonly string[]>): void {
  const rowOf = new Map<string, number>();
  const record = (column: readonly string[]): void => column.forEach((key, row) => rowOf.set(key, row));
  byColumn.forEach(record);
  const sortBy = (column: string[], neighbours: ReadonlyMap<string, readonly string[]>): void => {
    const weight = new Map(column.map((key, row) => {
      const rows = (neighbours.get(key) ?? []).map((other) => rowOf.get(other)).filter((value): value is number => value !== undefined);
      return [key, rows.length ? rows.reduce((sum, value) => sum + value, 0) / rows.length : row];
    }));
    column.sort((a, b) => weight.get(a)! - weight.get(b)! || (a < b ? -1 : 1));
    record(column);
  };
  for (let sweep = 0; sweep < BARYCENTRE_SWEEPS; sweep++) {
    if (sweep % 2 === 0) for (let index = 1; index < byColumn.length; index++) sortBy(byColumn[index]!, incoming);
    else for (let index = byColumn.length - 2; index >= 0; index--) sortBy(byColumn[index]!, outgoing);
  }
}

function curve(x1: number, y1: number, x2: number, y2: number): string {
  const bend = Math.max(24, (x2 - x1) / 2);
  return `M${x1} ${y1} C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2} ${y2}`;
}
