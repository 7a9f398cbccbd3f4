/**
 * The score panel: overall score and level, the dimension chart, the gaps grouped by dimension with "Go to"
 * and "Fix", and for a product its ports. Re-rendered in full on every message and patched into the page, so
 * an update after a fix keeps the scroll position and the focused button.
 */
import type { ScorePanelData, ToWebviewMessage } from '../client/src/panel/messages';
import { formatScore } from '../server/src/core/marketplace/dimensions';
import { buildScoreView, type GapGroup, type PortView } from '../server/src/core/marketplace/scoreView';
import { band, dimensionChart } from './chart';
import { h, patch, type Child, type VNode } from './dom';
import { loadState, post, saveState } from './host';

type State =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'empty'; readonly reason: string }
  | { readonly kind: 'ready'; readonly data: ScorePanelData };

export class ScoreApp {
  private state: State = { kind: 'waiting' };
  private notice = '';

  /** Where the reader was when VS Code last discarded the page (hidden views are unloaded), restored once. */
  private restoreScroll: { uri: string; y: number } | undefined;

  constructor(private readonly root: HTMLElement) {
    root.addEventListener('click', (event) => this.onClick(event));
    const saved = loadState().scroll as { uri?: unknown; y?: unknown } | undefined;
    if (saved && typeof saved.uri === 'string' && typeof saved.y === 'number') this.restoreScroll = { uri: saved.uri, y: saved.y };
    let pending = false;
    window.addEventListener('scroll', () => {
      if (pending || this.state.kind !== 'ready') return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        if (this.state.kind === 'ready') saveState({ scroll: { uri: this.state.data.uri, y: window.scrollY } });
      });
    }, { passive: true });
    this.render();
  }

  receive(message: ToWebviewMessage): void {
    if (message.type === 'score') {
      const otherDescriptor = this.state.kind !== 'ready' || this.state.data.uri !== message.data.uri;
      this.state = { kind: 'ready', data: message.data };
      if (otherDescriptor) {
        // A new descriptor starts at the top (or where the reader left it before the page was reloaded); a new
        // score for the same one keeps the reader where they were.
        this.notice = '';
        this.render();
        const restore = this.restoreScroll?.uri === message.data.uri ? this.restoreScroll.y : 0;
        this.restoreScroll = undefined;
        window.scrollTo(0, restore);
        return;
      }
    } else if (message.type === 'noScore') {
      this.state = { kind: 'empty', reason: message.reason };
      this.notice = '';
    } else if (message.type === 'notice') {
      this.notice = message.message;
    } else return;
    this.render();
  }

  private onClick(event: MouseEvent): void {
    const button = (event.target as Element | null)?.closest<HTMLElement>('button[data-action]');
    if (!button || this.state.kind !== 'ready') return;
    const uri = this.state.data.uri;
    const action = button.dataset.action;
    if (action === 'open' && button.dataset.uri) post({ type: 'open', uri: button.dataset.uri });
    const gap = Number(button.dataset.gap);
    if (!Number.isInteger(gap)) return;
    if (action === 'reveal') post({ type: 'reveal', uri, gap });
    if (action === 'fix' && button.dataset.rule) {
      this.notice = '';
      post({ type: 'fix', uri, gap, rule: button.dataset.rule });
    }
  }

  private render(): void {
    this.root.setAttribute('aria-busy', String(this.state.kind === 'waiting'));
    patch(this.root, [h('div', { key: this.state.kind, class: 'score-page' }, this.page())]);
  }

  private page(): Child[] {
    if (this.state.kind === 'waiting') return [h('p', { class: 'muted' }, 'Loading…')];
    if (this.state.kind === 'empty') return [h('p', { class: 'empty' }, this.state.reason)];
    const data = this.state.data;
    const view = buildScoreView(data.score);
    const kindLabel = data.kind === 'DataProduct' ? 'Data product' : data.kind === 'DataContract' ? 'Data contract' : 'Descriptor';
    const overall = formatScore(view.overall);
    return [
      h('header', { class: 'score-header' },
        h('div', { class: `overall ${band(view.overall)}`, role: 'img', 'aria-label': `DATSIS score ${overall} of 100, level ${view.level}` },
          h('span', { class: 'overall-value' }, overall),
          h('span', { class: 'overall-max' }, '/100')),
        h('div', { class: 'identity' },
          h('span', { class: 'level badge' }, view.level),
          h('h1', { class: 'title' }, data.title),
          h('p', { class: 'muted file', title: data.fileName }, `${kindLabel} · ${data.fileName}`))),
      h('p', { class: 'notice', role: 'status', 'aria-live': 'polite' }, this.notice),
      h('section', { class: 'dimensions', 'aria-labelledby': 'dimensions-heading' },
        h('h2', { id: 'dimensions-heading' }, 'Dimensions'),
        dimensionChart(view.bars)),
      h('section', { class: 'gaps', 'aria-labelledby': 'gaps-heading', 'data-nav-scope': true },
        h('h2', { id: 'gaps-heading' }, view.gapCount ? `Gaps (${view.gapCount})` : 'Gaps'),
        view.gapCount ? view.groups.map((group) => this.gapGroup(group, data)) : h('p', { class: 'muted' }, 'No gaps: every DATSIS rule is met.')),
      data.product ? this.ports('Output ports', 'outputs', data.product.outputs, 'Consumed by') : null,
      data.product ? this.ports('Consumes', 'inputs', data.product.inputs, 'Exposed by') : null,
    ];
  }

  private gapGroup(group: GapGroup, data: ScorePanelData): VNode {
    const seen = new Map<string, number>();
    return h('div', { key: group.dimension, class: 'gap-group' },
      h('h3', null, `${group.label} (${group.gaps.length})`),
      h('ul', { class: 'gap-list', role: 'list' }, group.gaps.map((gap) => {
        // Keyed by content, not index: after a fix the remaining gaps keep their elements (and focus).
        const base = `${gap.rule}\u0000${gap.message}`;
        const occurrence = seen.get(base) ?? 0;
        seen.set(base, occurrence + 1);
        const fix = data.fixes?.[gap.index];
        return h('li', { key: `${base}\u0000${occurrence}`, class: 'gap', 'data-nav-row': true },
          h('p', { class: 'gap-message' }, withCodeSpans(gap.message)),
          h('div', { class: 'gap-footer' },
            h('code', { class: 'rule' }, gap.rule),
            h('span', { class: 'gap-actions' },
              h('button', { type: 'button', class: 'secondary', 'data-action': 'reveal', 'data-gap': gap.index, 'data-nav-item': true, 'aria-label': `Go to: ${gap.message}` }, 'Go to'),
              fix ? h('button', { type: 'button', 'data-action': 'fix', 'data-gap': gap.index, 'data-rule': gap.rule, title: fix, 'aria-label': `Fix: ${fix}` }, 'Fix') : null)));
      })));
  }

  private ports(heading: string, key: string, ports: readonly PortView[], neighbourLabel: string): VNode {
    return h('section', { key, class: 'ports', 'aria-label': heading },
      h('h2', null, `${heading} (${ports.length})`),
      ports.length ? h('ul', { class: 'port-list', role: 'list' }, ports.map((port, index) => h('li', { key: `${index}\u0000${port.port}`, class: 'port' },
        h('p', { class: 'port-name' }, port.port, port.version ? h('span', { class: 'muted' }, ` v${port.version}`) : null),
        port.contracts.length
          ? port.contracts.map((contract) => h('button', { type: 'button', class: 'link', 'data-action': 'open', 'data-uri': contract.uri, 'aria-label': `Open contract ${contract.label}, score ${formatScore(contract.overall)}` },
            h('span', null, contract.label),
            h('span', { class: `pill ${contract.overall === undefined ? '' : band(contract.overall)}` }, formatScore(contract.overall))))
          : h('p', { class: 'broken' }, port.contractId ? `Contract ${port.contractId} is not in the workspace` : 'No contractId'),
        port.products.length ? h('p', { class: 'muted neighbours' }, `${neighbourLabel}: `,
          port.products.map((product, at) => [at ? ', ' : null, h('button', { type: 'button', class: 'link inline', 'data-action': 'open', 'data-uri': product.uri }, product.label)])) : null,
      ))) : h('p', { class: 'muted' }, 'None'));
  }
}

/**
 * Gap messages quote keys in backticks (`description.purpose`); those parts become <code> elements. Still
 * text nodes only: the split is on the backtick character, nothing is parsed as markup.
 */
export function withCodeSpans(message: string): Child[] {
  const parts = message.split('`');
  // An unbalanced backtick leaves the text as it is.
  if (parts.length % 2 === 0) return [message];
  return parts.map((part, index) => (index % 2 === 1 ? h('code', null, part) : part)).filter((part) => part !== '');
}
