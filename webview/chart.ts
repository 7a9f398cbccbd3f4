/**
 * The six-dimension bar chart, drawn as SVG by us: horizontal bars read well in a narrow sidebar, need no
 * library and no CDN, and take their colours from the theme through CSS classes. The chart is one image for
 * screen readers, with every value spelled out in its label.
 */
import type { DimensionBar } from '../server/src/core/marketplace/scoreView';
import { formatScore } from '../server/src/core/marketplace/dimensions';
import { s, type VNode } from './dom';

const ROW = 22;
const LABEL_WIDTH = 104;
const BAR_WIDTH = 150;
const VALUE_WIDTH = 34;
const BAR_HEIGHT = 12;

/** Score band for colouring: numbers, not level names, so it works whatever the levels are called. */
export function band(value: number): 'good' | 'fair' | 'poor' {
  return value >= 75 ? 'good' : value >= 40 ? 'fair' : 'poor';
}

export function dimensionChart(bars: readonly DimensionBar[]): VNode {
  const width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;
  const height = bars.length * ROW;
  const label = `Dimension scores: ${bars.map((bar) => `${bar.label} ${formatScore(bar.value)}`).join(', ')}`;
  return s('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, width: '100%', preserveAspectRatio: 'xMinYMin meet', role: 'img', 'aria-label': label },
    s('title', null, label),
    bars.map((bar, index) => {
      const y = index * ROW;
      return s('g', { key: bar.id, class: `bar ${band(bar.value)}`, transform: `translate(0 ${y})` },
        s('text', { class: 'bar-label', x: 0, y: ROW / 2, 'dominant-baseline': 'middle' }, bar.label),
        s('rect', { class: 'bar-track', x: LABEL_WIDTH, y: (ROW - BAR_HEIGHT) / 2, width: BAR_WIDTH, height: BAR_HEIGHT, rx: 2 }),
        s('rect', { class: 'bar-fill', x: LABEL_WIDTH, y: (ROW - BAR_HEIGHT) / 2, width: (BAR_WIDTH * bar.fraction).toFixed(1), height: BAR_HEIGHT, rx: 2 }),
        s('text', { class: 'bar-value', x: width, y: ROW / 2, 'dominant-baseline': 'middle', 'text-anchor': 'end' }, formatScore(bar.value)),
      );
    }),
  );
}
