/**
 * The lineage graph: products, the contracts their output ports expose and the products that consume them,
 * laid out by the core (`buildLineage`) and drawn here as SVG. Nodes are focusable; Enter or click opens the
 * file; arrow keys move along rows and columns. A contract id that nothing defines is drawn dashed and
 * labelled "not found", and so are the links to it.
 */
import type { ToWebviewMessage } from '../client/src/panel/messages';
import { buildLineage, NODE_HEIGHT, NODE_WIDTH, type LineageGraph, type LineageNode } from '../server/src/core/marketplace/lineage';
import { h, patch, s, type VNode } from './dom';
import { post } from './host';

const LABEL_CHARS = 24;
const DETAIL_CHARS = 28;

export class LineageApp {
  private graph: LineageGraph | undefined;
  private error = '';

  constructor(private readonly root: HTMLElement) {
    root.addEventListener('click', (event) => {
      const node = (event.target as Element | null)?.closest<SVGGElement>('[data-action="open"]');
      if (node?.dataset.uri) post({ type: 'open', uri: node.dataset.uri });
    });
    root.addEventListener('keydown', (event) => this.onKey(event));
    this.render();
  }

  receive(message: ToWebviewMessage): void {
    if (message.type === 'catalog') {
      this.graph = buildLineage(message.summary);
      this.error = '';
    } else if (message.type === 'catalogError') {
      this.error = message.message;
    } else return;
    this.render();
  }

  private onKey(event: KeyboardEvent): void {
    const current = (event.target as Element | null)?.closest<SVGGElement>('g.node');
    if (!current || !this.graph) return;
    if ((event.key === 'Enter' || event.key === ' ') && current.dataset.uri) {
      event.preventDefault();
      post({ type: 'open', uri: current.dataset.uri });
      return;
    }
    const at = this.graph.nodes.find((node) => node.key === current.dataset.key);
    if (!at) return;
    const target = neighbour(this.graph.nodes, at, event.key);
    if (!target) return;
    event.preventDefault();
    const element = Array.from(this.root.querySelectorAll<SVGGElement>('g.node')).find((node) => node.dataset.key === target.key);
    element?.focus();
    element?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  private render(): void {
    this.root.setAttribute('aria-busy', String(!this.graph && !this.error));
    patch(this.root, this.content());
  }

  private content(): VNode[] {
    if (this.error) return [h('p', { key: 'error', class: 'error', role: 'alert' }, this.error)];
    const graph = this.graph;
    if (!graph) return [h('p', { key: 'loading', class: 'muted' }, 'Indexing the workspace…')];
    if (!graph.nodes.length) return [h('p', { key: 'empty', class: 'empty' }, 'No data products or contracts in this workspace yet.')];
    const products = graph.nodes.filter((node) => node.kind === 'product').length;
    const contracts = graph.nodes.filter((node) => node.kind === 'contract').length;
    const status = `${products} products, ${contracts} contracts, ${graph.links.length} links` + (graph.brokenCount ? `, ${graph.brokenCount} unresolved contract ids` : '');
    return [
      h('p', { key: 'status', class: 'status muted', role: 'status' }, status),
      h('ul', { key: 'legend', class: 'legend', 'aria-label': 'Legend' },
        h('li', { class: 'legend-product' }, 'Product'),
        h('li', { class: 'legend-contract' }, 'Contract'),
        h('li', { class: 'legend-missing' }, 'Not found')),
      h('div', { key: 'graph', class: 'graph-scroll' },
        s('svg', { class: 'lineage', width: graph.width, height: graph.height, viewBox: `0 0 ${graph.width} ${graph.height}`, role: 'group', 'aria-label': 'Lineage graph. Arrow keys move between nodes, Enter opens.' },
          s('defs', { key: 'defs' },
            s('marker', { id: 'arrow', viewBox: '0 0 8 8', refX: 8, refY: 4, markerWidth: 7, markerHeight: 7, orient: 'auto' }, s('path', { class: 'arrow', d: 'M0 0L8 4L0 8z' })),
            s('marker', { id: 'arrow-broken', viewBox: '0 0 8 8', refX: 8, refY: 4, markerWidth: 7, markerHeight: 7, orient: 'auto' }, s('path', { class: 'arrow broken', d: 'M0 0L8 4L0 8z' }))),
          s('g', { key: 'links', class: 'links', 'aria-hidden': 'true' }, graph.links.map((link, index) =>
            s('path', { key: `${link.from}\u0000${link.to}\u0000${index}`, class: link.broken ? 'link broken' : 'link', d: link.path, 'marker-end': link.broken ? 'url(#arrow-broken)' : 'url(#arrow)' },
              s('title', null, link.label)))),
          s('g', { key: 'nodes', class: 'nodes' }, graph.nodes.map((node) => nodeView(node))))),
    ];
  }
}

function nodeView(node: LineageNode): VNode {
  const label = node.kind === 'missing'
    ? `Unresolved contract id ${node.label}: broken link`
    : `${node.kind === 'product' ? 'Product' : 'Contract'} ${node.label}${node.detail ? `, ${node.detail}` : ''}. Press Enter to open.`;
  return s('g', {
    key: node.key, class: `node ${node.kind}`, transform: `translate(${node.x} ${node.y})`, tabindex: 0,
    role: node.uri ? 'button' : 'img', 'aria-label': label, 'data-key': node.key, 'data-uri': node.uri, 'data-action': node.uri ? 'open' : undefined,
  },
  s('title', null, node.kind === 'missing' ? `${node.label} (not found in the workspace)` : node.label),
  s('rect', { class: 'node-box', width: NODE_WIDTH, height: NODE_HEIGHT, rx: 4 }),
  s('text', { class: 'node-label', x: 8, y: 16 }, truncate(node.label, LABEL_CHARS)),
  s('text', { class: 'node-detail', x: 8, y: 31 }, truncate(node.detail, DETAIL_CHARS)));
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Up/Down within a column, Left/Right to the nearest row of the next column, Home/End to the first/last node. */
export function neighbour(nodes: readonly LineageNode[], from: LineageNode, key: string): LineageNode | undefined {
  const inColumn = (column: number) => nodes.filter((node) => node.column === column);
  const nearestRow = (column: number) => inColumn(column).sort((a, b) => Math.abs(a.row - from.row) - Math.abs(b.row - from.row))[0];
  switch (key) {
    case 'ArrowDown': return inColumn(from.column).find((node) => node.row === from.row + 1);
    case 'ArrowUp': return inColumn(from.column).find((node) => node.row === from.row - 1);
    case 'ArrowRight': return nearestRow(from.column + 1);
    case 'ArrowLeft': return nearestRow(from.column - 1);
    case 'Home': return nodes[0];
    case 'End': return nodes[nodes.length - 1];
    default: return undefined;
  }
}
