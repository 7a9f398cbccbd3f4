/**
 * The workspace marketplace: every product and contract, filtered by text, kind, tag, level and
 * classification, sorted by score or name, grouped by domain; Enter or click opens the file. The query lives in
 * the webview (and in its saved state), so filtering never waits for the extension; the summary is indexed once
 * per update and each keystroke is one pass over it (see bench/marketplace.bench.ts).
 */
import type { ToWebviewMessage } from '../client/src/panel/messages';
import { formatScore } from '../server/src/core/marketplace/dimensions';
import {
  catalogFacets, DEFAULT_QUERY, entryLabel, fileName, indexCatalog, queryCatalog,
  type CatalogFacets, type IndexedCatalog, type MarketQuery, type SortOrder,
} from '../server/src/core/marketplace/query';
import type { CatalogEntry } from '../server/src/core/marketplace/types';
import { band } from './chart';
import { h, patch, type Child, type VNode } from './dom';
import { loadState, post, saveState } from './host';

/** Rows rendered at first; more on request. Nobody scans 2,000 rows, and the DOM stays small and fast. */
export const PAGE_SIZE = 200;

const SORTS: readonly { value: SortOrder; label: string }[] = [
  { value: 'score-desc', label: 'Score: high to low' },
  { value: 'score-asc', label: 'Score: low to high' },
  { value: 'name', label: 'Name' },
];

export class MarketplaceApp {
  private catalog: IndexedCatalog | undefined;
  private facets: CatalogFacets = { tags: [], levels: [], classifications: [] };
  private query: MarketQuery;
  private limit = PAGE_SIZE;
  private error = '';

  constructor(private readonly root: HTMLElement) {
    this.query = restoreQuery(loadState().query);
    root.addEventListener('click', (event) => this.onClick(event));
    root.addEventListener('input', (event) => this.onInput(event));
    root.addEventListener('change', (event) => this.onInput(event));
    this.render();
  }

  receive(message: ToWebviewMessage): void {
    if (message.type === 'catalog') {
      this.catalog = indexCatalog(message.summary.entries);
      this.facets = catalogFacets(message.summary.entries);
      this.error = '';
    } else if (message.type === 'catalogError') {
      this.error = message.message;
    } else return;
    this.render();
  }

  private onClick(event: MouseEvent): void {
    const button = (event.target as Element | null)?.closest<HTMLElement>('button[data-action]');
    if (!button) return;
    if (button.dataset.action === 'open' && button.dataset.uri) post({ type: 'open', uri: button.dataset.uri });
    if (button.dataset.action === 'more') {
      this.limit += PAGE_SIZE;
      this.render();
    }
  }

  private onInput(event: Event): void {
    const control = event.target instanceof HTMLElement ? event.target.dataset.control : undefined;
    if (!control) return;
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const value = target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value;
    const next: Record<string, unknown> = { ...this.query };
    if (control === 'group') next.groupByDomain = value === true;
    else if (control in DEFAULT_QUERY) next[control] = String(value);
    this.query = restoreQuery(next);
    this.limit = PAGE_SIZE;
    saveState({ query: this.query });
    this.render();
  }

  /** Re-renders the list; exposed so the benchmark can time one filter pass end to end. */
  render(): void {
    this.root.setAttribute('aria-busy', String(!this.catalog && !this.error));
    patch(this.root, [h('div', { key: 'market', class: 'market' }, this.toolbar(), this.results())]);
    this.syncControls();
  }

  private toolbar(): VNode {
    const q = this.query;
    const select = (control: string, label: string, anyLabel: string, values: readonly string[]) =>
      h('select', { key: control, 'data-control': control, 'aria-label': label, title: label },
        h('option', { value: '' }, anyLabel),
        values.map((value) => h('option', { key: value, value }, value)));
    return h('div', { key: 'toolbar', class: 'toolbar', role: 'search' },
      h('input', { key: 'text', type: 'search', 'data-control': 'text', 'aria-label': 'Filter products and contracts', placeholder: 'Filter by name, owner, tag…', spellcheck: 'false', once: { value: q.text } }),
      h('div', { key: 'filters', class: 'filters' },
        h('select', { key: 'kind', 'data-control': 'kind', 'aria-label': 'Kind', title: 'Kind' },
          h('option', { value: '' }, 'All kinds'),
          h('option', { value: 'DataProduct' }, 'Products'),
          h('option', { value: 'DataContract' }, 'Contracts')),
        select('tag', 'Tag', 'Any tag', this.facets.tags),
        select('level', 'Level', 'Any level', this.facets.levels),
        select('classification', 'Classification', 'Any classification', this.facets.classifications),
        h('select', { key: 'sort', 'data-control': 'sort', 'aria-label': 'Sort', title: 'Sort' }, SORTS.map((sort) => h('option', { value: sort.value }, sort.label))),
        h('label', { key: 'group', class: 'check' }, h('input', { type: 'checkbox', 'data-control': 'group' }), 'Group by domain')));
  }

  private results(): Child[] {
    if (this.error) return [h('p', { key: 'error', class: 'error', role: 'alert' }, this.error)];
    if (!this.catalog) return [h('p', { key: 'loading', class: 'muted' }, 'Indexing the workspace…')];
    const view = queryCatalog(this.catalog, this.query);
    let budget = this.limit;
    const groups: VNode[] = [];
    for (const group of view.groups) {
      if (budget <= 0) break;
      const entries = group.entries.slice(0, budget);
      budget -= entries.length;
      groups.push(h('section', { key: `group:${group.key}`, class: 'group', 'aria-label': `${group.label}, ${group.entries.length} items` },
        this.query.groupByDomain ? h('h2', { class: 'group-title' }, group.label, h('span', { class: 'count' }, String(group.entries.length))) : null,
        h('ul', { class: 'entries', role: 'list' }, entries.map((entry) => this.row(entry)))));
    }
    const rendered = Math.min(view.shown, this.limit);
    const status = view.total === 0
      ? 'No data products or contracts in this workspace yet.'
      : view.shown === view.total ? `${view.total} items` : `${view.shown} of ${view.total} items match`;
    return [
      h('p', { key: 'status', class: 'status muted', role: 'status', 'aria-live': 'polite' }, status),
      h('div', { key: 'list', class: 'results', 'data-nav-scope': true }, groups),
      rendered < view.shown
        ? h('button', { key: 'more', type: 'button', class: 'secondary more', 'data-action': 'more' }, `Show ${Math.min(PAGE_SIZE, view.shown - rendered)} more (${view.shown - rendered} not shown)`)
        : null,
    ];
  }

  private row(entry: CatalogEntry): VNode {
    const kind = entry.kind === 'DataProduct' ? 'product' : 'contract';
    const title = entryLabel(entry);
    const score = entry.score;
    const meta = [kind, entry.version && `v${entry.version}`, entry.status, entry.owner].filter(Boolean).join(' · ');
    const label = `Open ${kind} ${title}${score ? `, score ${formatScore(score.overall)}, ${score.level}` : ', not scored'}`;
    return h('li', { key: entry.uri, class: 'entry-item' },
      h('button', { type: 'button', class: `entry ${kind}`, 'data-action': 'open', 'data-uri': entry.uri, 'data-nav-item': true, 'aria-label': label, title: fileName(entry.uri) },
        h('span', { class: 'entry-head' },
          h('span', { class: `kind-icon ${kind}`, 'aria-hidden': 'true' }, kind === 'product' ? 'P' : 'C'),
          h('span', { class: 'entry-title' }, title),
          h('span', { class: `pill ${score ? band(score.overall) : ''}` }, formatScore(score?.overall))),
        h('span', { class: 'entry-meta muted' }, score ? `${meta} · ${score.level}` : meta),
        entry.tags.length ? h('span', { class: 'entry-tags' }, entry.tags.map((tag) => h('span', { key: tag, class: 'tag' }, tag))) : null));
  }

  /** Selects and the checkbox show the query (their DOM state is not an attribute the patcher manages). */
  private syncControls(): void {
    for (const control of this.root.querySelectorAll<HTMLSelectElement>('select[data-control]')) {
      const value = String((this.query as unknown as Record<string, unknown>)[control.dataset.control ?? ''] ?? '');
      if (control.value !== value) control.value = value;
    }
    const group = this.root.querySelector<HTMLInputElement>('input[data-control="group"]');
    if (group) group.checked = this.query.groupByDomain;
  }
}

/** A saved or edited query, with every field checked: saved state outlives versions of this code. */
function restoreQuery(saved: unknown): MarketQuery {
  const record = saved !== null && typeof saved === 'object' ? saved as Record<string, unknown> : {};
  const text = (key: keyof MarketQuery): string => (typeof record[key] === 'string' ? record[key] as string : DEFAULT_QUERY[key] as string);
  const kind = record.kind === 'DataProduct' || record.kind === 'DataContract' ? record.kind : '';
  const sort = SORTS.some((option) => option.value === record.sort) ? record.sort as SortOrder : DEFAULT_QUERY.sort;
  return {
    text: text('text'), tag: text('tag'), level: text('level'), classification: text('classification'), kind, sort,
    groupByDomain: typeof record.groupByDomain === 'boolean' ? record.groupByDomain : DEFAULT_QUERY.groupByDomain,
  };
}
