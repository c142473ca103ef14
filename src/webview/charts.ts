// The canvases of one tab: a card per chart (title, canvas, caption), built once and updated
// in place as results stream in. A chart whose key did not change is not drawn again; one
// that did is updated with `update('none')` (no animation), or rebuilt when its config
// carries plugins (a decision boundary's heat map, error bars), which Chart.js cannot swap.
//
// Test hooks on each canvas: data-view, data-chart, and after each draw data-points,
// data-draws, data-legend (the entries its legend shows), data-log-decades (the widest
// span of its logarithmic axes, in decades; 0 without one) and data-row-marks (a heat map's
// marks of each row's best cell).
import {
  CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, LogarithmicScale, PointElement, ScatterController, Title, Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import type { View } from './contract.ts';
import { h } from './dom.ts';
import { countPoints, rowMarks } from './points.ts';
import type { AnyChartConfiguration } from '../report/charts/index.ts';
import { errorBarsPlugin } from '../report/charts/plugins.ts';
import { heatmapPlugin } from '../report/charts/heatmap.ts';
import type { PanelChart, ViewContent } from './views/index.ts';

// Only what the charts of src/report/charts/ use (line and scatter charts on linear, log and
// category axes; legend, tooltip, title, the histogram's fill), so the bundle leaves out the
// rest of Chart.js. A chart of another kind fails loudly: "… is not a registered controller".
Chart.register(LineController, ScatterController, LineElement, PointElement, LinearScale, LogarithmicScale, CategoryScale, Filler, Legend, Tooltip, Title, errorBarsPlugin, heatmapPlugin);

interface Entry {
  card: HTMLElement;
  title: HTMLElement;
  caption: HTMLElement;
  swatch: HTMLElement;
  box: HTMLElement;
  canvas: HTMLCanvasElement;
  chart: Chart | null;
  key: string;
  draws: number;
}

export class ChartBoard {
  private readonly entries = new Map<string, Entry>();
  private readonly notes: HTMLElement;
  private readonly readings: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly grid: HTMLElement;
  private renders = 0;

  constructor(readonly view: View, readonly root: HTMLElement) {
    this.notes = h('ul', { class: 'notes', attrs: { 'aria-live': 'polite' } });
    this.empty = h('p', { class: 'view-empty' });
    this.grid = h('div', { class: 'chart-grid' });
    this.readings = h('ul', { class: 'notes readings', attrs: { 'aria-live': 'polite' } });
    root.append(this.notes, this.empty, this.grid, this.readings);
  }

  /** Draws what changed; `colorOf` gives a per-run chart's variant colour. */
  render(content: ViewContent, colorOf: (variant: string) => string): void {
    this.renders++;
    this.notes.replaceChildren(...content.notes.map((text) => h('li', { text })));
    this.notes.hidden = content.notes.length === 0;
    const readings = content.readings ?? [];
    this.readings.replaceChildren(...readings.map((text) => h('li', { text })));
    this.readings.hidden = readings.length === 0;
    this.empty.textContent = content.empty ?? '';
    this.empty.hidden = content.empty === undefined;

    const wanted = new Set(content.charts.map((c) => c.id));
    for (const [id, entry] of this.entries) {
      if (wanted.has(id)) continue;
      entry.chart?.destroy();
      entry.card.remove();
      this.entries.delete(id);
    }
    let previous: Element | null = null;
    for (const chart of content.charts) {
      const entry = this.entries.get(chart.id) ?? this.create(chart);
      // Keep the cards in the plan's order.
      const expected: Element | null = previous === null ? this.grid.firstElementChild : previous.nextElementSibling;
      if (expected !== entry.card) this.grid.insertBefore(entry.card, expected);
      previous = entry.card;
      this.draw(entry, chart, colorOf);
    }
    this.root.dataset['renders'] = String(this.renders);
  }

  /** The charts drawn now, in the order of their cards. */
  get charts(): { chart: Chart; card: HTMLElement }[] {
    return [...this.entries.values()].filter((e) => e.chart !== null).map((e) => ({ chart: e.chart!, card: e.card }));
  }

  /** Some chart of this view drew a data point at its last draw. */
  get hasPoints(): boolean {
    for (const entry of this.entries.values()) if (entry.canvas.dataset['points'] !== '0') return true;
    return false;
  }

  /** Forgets every drawn key: the next render draws everything (a theme change). */
  invalidate(): void {
    for (const entry of this.entries.values()) entry.key = '';
  }

  destroy(): void {
    for (const entry of this.entries.values()) entry.chart?.destroy();
    this.entries.clear();
    this.grid.replaceChildren();
  }

  private create(chart: PanelChart): Entry {
    const canvas = h('canvas', { data: { view: this.view, chart: chart.id, points: '0', draws: '0' }, attrs: { role: 'img' } });
    const swatch = h('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } });
    const title = h('span', { class: 'chart-title-text' });
    const caption = h('p', { class: 'chart-caption' });
    const box = h('div', { class: 'chart-box' }, canvas);
    const card = h('figure', { class: 'chart-card' }, h('figcaption', { class: 'chart-title' }, swatch, title), box, caption);
    const entry: Entry = { card, title, caption, swatch, box, canvas, chart: null, key: '', draws: 0 };
    this.entries.set(chart.id, entry);
    return entry;
  }

  private draw(entry: Entry, chart: PanelChart, colorOf: (variant: string) => string): void {
    entry.card.className = `chart-card size-${chart.size}`;
    entry.box.style.height = chart.height === undefined ? '' : `${chart.height}px`;
    entry.title.textContent = chart.title;
    entry.canvas.setAttribute('aria-label', chart.title);
    entry.caption.textContent = chart.caption ?? '';
    entry.caption.hidden = chart.caption === undefined;
    entry.swatch.hidden = chart.variant === undefined;
    if (chart.variant !== undefined) entry.swatch.style.backgroundColor = colorOf(chart.variant);
    if (entry.key === chart.key && entry.chart !== null) return;

    let built: AnyChartConfiguration;
    try {
      built = chart.config();
    } catch (error) {
      entry.chart?.destroy();
      entry.chart = null;
      entry.caption.hidden = false;
      entry.caption.textContent = `This chart could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
      entry.key = chart.key;
      return;
    }
    const config = built as ChartConfiguration;
    const current = entry.chart;
    const hasPlugins = (config.plugins?.length ?? 0) > 0 || (current?.config.plugins?.length ?? 0) > 0;
    if (current !== null && !hasPlugins && (current.config as ChartConfiguration).type === config.type) {
      reuseDatasets(current.data, config.data);
      current.options = config.options ?? {};
      current.update('none');
    } else {
      current?.destroy();
      entry.chart = new Chart(entry.canvas, config);
    }
    entry.key = chart.key;
    entry.draws++;
    entry.canvas.dataset['points'] = String(countPoints(built));
    entry.canvas.dataset['legend'] = String(legendEntries(entry.chart));
    entry.canvas.dataset['logDecades'] = String(logDecades(entry.chart));
    entry.canvas.dataset['rowMarks'] = String(rowMarks(built));
    entry.canvas.dataset['draws'] = String(entry.draws);
  }
}

/**
 * Puts `next`'s datasets into the chart's own dataset objects, position by position. Chart.js
 * keeps a dataset's controller and drawn elements for as long as the dataset object is the same:
 * handing it new objects at every update made it build every controller and point again (in a
 * sweep, a fifth of each redraw). A dataset of another chart type at the same place starts anew.
 */
function reuseDatasets(data: ChartConfiguration['data'], next: ChartConfiguration['data']): void {
  const datasets = data.datasets as unknown as Record<string, unknown>[];
  const incoming = next.datasets as unknown as Record<string, unknown>[];
  data.labels = next.labels;
  datasets.length = Math.min(datasets.length, incoming.length);
  incoming.forEach((dataset, i) => {
    const own = datasets[i];
    if (own === undefined || own['type'] !== dataset['type']) {
      datasets[i] = dataset;
      return;
    }
    for (const key of Object.keys(own)) if (!(key in dataset)) delete own[key];
    Object.assign(own, dataset);
  });
}

/** The entries the chart's legend shows (0 without a legend). */
function legendEntries(chart: Chart | null): number {
  const legend = chart?.legend;
  if (legend === undefined || chart?.options.plugins?.legend?.display === false) return 0;
  return legend.legendItems?.length ?? 0;
}

/** The widest span of the chart's logarithmic axes, in decades (two digits). */
function logDecades(chart: Chart | null): number {
  let widest = 0;
  for (const scale of Object.values(chart?.scales ?? {})) {
    if (scale.type === 'logarithmic' && scale.min > 0 && scale.max > scale.min) widest = Math.max(widest, Math.log10(scale.max / scale.min));
  }
  return Math.round(widest * 100) / 100;
}
