// A 2-D sweep as a heat map: one cell per (sweep.over, sweep.grid.over) pair, coloured by
// its mean final validation loss (test loss without validation data), the chosen cell
// outlined and each row's best cell dotted (the grid model's rowBest: read row by row, the
// dots show how the best grid.over value moves with sweep.over). Chart.js has no heat map, so a scatter chart carries the axes, one invisible
// point per cell for the hover read-out (mean ± sd, min–max and the runs behind it), and a
// plugin registered once paints the cells from the chart's options — like the error bars,
// so a streaming sweep is updated in place.
import type { Chart, ChartConfiguration, Plugin } from 'chart.js';
import type { ExperimentResults } from '../../results/model.ts';
import { gridStat, sweepGrids, type Grid } from '../../results/grid.ts';
import { sweepChoices, type SweepPoint } from '../../results/stats.ts';
import { axis, baseOptions, LIGHT_THEME, type ChartTheme } from './common.ts';
import { formatNumber } from './format.ts';
import { fieldLabel } from './labels.ts';

export const HEATMAP_ID = 'reglabHeatmap';

export interface HeatCell {
  /** Column and row index: the cell spans ±0.5 around them. */
  x: number;
  y: number;
  color: string;
  /** Its mean loss, written in the cell. */
  text: string;
  /** Light text on dark cells. */
  dark: boolean;
}

export interface HeatmapOptions {
  cells: readonly HeatCell[];
  /** The chosen cell (lowest mean), outlined; `final` false draws it dashed (provisional). */
  chosen?: { x: number; y: number; final: boolean };
  /** Each row's lowest mean (Grid.rowBest), marked with a dot; one per row that has a cell. */
  rowBest: readonly { x: number; y: number }[];
  outline: string;
}

/**
 * A heat map's height for its rows: cells about 34 px high (a number and the marks fit) plus
 * the axes, so that a lesson's maps are seen together instead of each filling a panel.
 */
export function heatmapHeight(rows: number): number {
  return 72 + 34 * Math.max(1, rows);
}

/** The mark of a row's best cell, as the caption names it. */
export const ROW_BEST_MARK = '●';

type Sweep = Pick<ExperimentResults, 'sweep' | 'sweepOver' | 'gridOver' | 'runs'>;

/** The grid of `variant` (or the first one), or undefined when the sweep is not 2-D. */
export function gridOf(results: Pick<ExperimentResults, 'sweep'>, variant?: string): Grid | undefined {
  const grids = sweepGrids(results.sweep);
  return grids.find((g) => g.variant === variant) ?? grids[0];
}

export function heatmapChart(results: Sweep, variant: string | undefined, theme: ChartTheme = LIGHT_THEME): ChartConfiguration<'scatter'> {
  const grid = gridOf(results, variant);
  const options = baseOptions<'scatter'>(theme, false);
  if (grid === undefined) return { type: 'scatter', data: { datasets: [] }, options };
  const present = grid.cells.flat().filter((p): p is SweepPoint => p !== undefined);
  const logs = present.map((p) => Math.log(Math.max(gridStat(grid, p).mean, 1e-300)));
  const [low, high] = [Math.min(...logs), Math.max(...logs)];
  const cells: HeatCell[] = [];
  const points: { x: number; y: number; point: SweepPoint }[] = [];
  grid.rows.forEach((_, r) =>
    grid.columns.forEach((_, c) => {
      const point = grid.cells[r]![c];
      if (point === undefined) return;
      const mean = gridStat(grid, point).mean;
      // Low loss bright, high loss dark (viridis, reversed), on a log scale of the grid's own range.
      const t = high > low ? (Math.log(Math.max(mean, 1e-300)) - low) / (high - low) : 0;
      cells.push({ x: c, y: r, color: viridis(1 - t), text: formatNumber(mean, 3), dark: t > 0.45 });
      points.push({ x: c, y: r, point });
    }),
  );
  const choice = sweepChoices(results.sweep, results.runs, results.sweepOver).get(grid.variant);
  const rowBest = grid.rowBest.flatMap((x, y) => (x < 0 ? [] : [{ x, y }]));
  // The chosen cell is the map's brightest (its lowest mean), in every theme: a dark outline and
  // star show on it where the theme's text colour (light in a dark theme) did not.
  const heat: HeatmapOptions = { cells, rowBest, outline: '#1F1F1F' };
  if (choice !== undefined && choice.point.gridValue !== undefined) {
    heat.chosen = { x: grid.columns.indexOf(choice.point.gridValue), y: grid.rows.indexOf(choice.point.value), final: choice.final };
  }
  (options.plugins as Record<string, unknown>)[HEATMAP_ID] = heat;
  const rowTitle = fieldLabel(results.sweepOver ?? 'sweep.over');
  const columnTitle = fieldLabel(results.gridOver ?? 'sweep.grid.over');
  options.scales = {
    x: indexAxis(columnTitle, grid.columns, theme),
    y: indexAxis(rowTitle, grid.rows, theme),
  };
  // Anywhere in a cell reads it out: the nearest cell centre, not only a hit on it.
  options.interaction = { mode: 'nearest', intersect: false };
  options.plugins!.tooltip!.callbacks = {
    title: (items) => {
      const at = points[items[0]?.dataIndex ?? -1];
      return at === undefined ? '' : `${rowTitle} = ${formatNumber(at.point.value)}, ${columnTitle} = ${formatNumber(at.point.gridValue)}`;
    },
    label: (item) => {
      const p = points[item.dataIndex]?.point;
      return p === undefined ? '' : cellReadout(p, grid);
    },
  };
  return {
    type: 'scatter',
    data: {
      datasets: [
        {
          label: `mean final ${grid.on} loss`,
          data: points.map(({ x, y }) => ({ x, y })),
          // Invisible: the plugin paints the cells; the points are there to be hovered.
          pointRadius: 0,
          pointHoverRadius: 0,
          pointHitRadius: 24,
          backgroundColor: 'rgba(0, 0, 0, 0)',
          borderColor: 'rgba(0, 0, 0, 0)',
        },
      ],
    },
    options,
  };
}

/** The hover lines of a cell: the chosen-on loss with its spread over the cell's runs, and the test loss. */
export function cellReadout(p: SweepPoint, grid: Pick<Grid, 'on'>): string[] {
  const runs = `${p.repeats} run${p.repeats === 1 ? '' : 's'}${p.planned > p.repeats ? ` of ${p.planned}` : ''}`;
  const line = (name: string, s: SweepPoint['testLoss']) =>
    `${name}: ${formatNumber(s.mean)} ± ${formatNumber(s.std)} sd (min ${formatNumber(s.min)}, max ${formatNumber(s.max)})`;
  const lines = [grid.on === 'validation' ? line('validation loss', p.validationLoss!) : line('test loss', p.testLoss), runs];
  if (grid.on === 'validation') lines.push(line('test loss (reported only)', p.testLoss));
  return lines;
}

/** A linear axis over indices 0 … n − 1, each tick labelled with its value. */
function indexAxis(title: string, values: readonly number[], theme: ChartTheme) {
  const scale = axis(title, theme) as Record<string, unknown>;
  return {
    ...scale,
    type: 'linear' as const,
    min: -0.5,
    max: values.length - 0.5,
    grid: { display: false },
    afterBuildTicks: (s: { ticks: { value: number }[] }) => {
      s.ticks = values.map((_, i) => ({ value: i }));
    },
    ticks: {
      color: theme.muted,
      font: { family: theme.font },
      autoSkip: false,
      callback: (v: number | string) => {
        const value = values[Number(v)];
        return value === undefined ? '' : formatNumber(value, 3);
      },
    },
  };
}

/** Paints the cells under the (invisible) points, their means in them, and outlines the chosen one. */
export const heatmapPlugin: Plugin<'scatter', Partial<HeatmapOptions>> = {
  id: HEATMAP_ID,
  beforeDatasetsDraw(chart: Chart<'scatter'>, _args, options) {
    const cells = options.cells ?? [];
    if (cells.length === 0) return;
    const { ctx } = chart;
    const x = chart.scales['x']!, y = chart.scales['y']!;
    const box = (cx: number, cy: number) => {
      const left = x.getPixelForValue(cx - 0.5), right = x.getPixelForValue(cx + 0.5);
      const top = y.getPixelForValue(cy + 0.5), bottom = y.getPixelForValue(cy - 0.5);
      return { left, top, width: right - left, height: bottom - top };
    };
    ctx.save();
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    const best = new Set((options.rowBest ?? []).map((m) => `${m.x},${m.y}`));
    for (const cell of cells) {
      const b = box(cell.x, cell.y);
      ctx.fillStyle = cell.color;
      ctx.fillRect(b.left, b.top, b.width, b.height);
      ctx.strokeStyle = 'rgba(255, 255, 255, 0.6)';
      ctx.lineWidth = 1;
      ctx.strokeRect(b.left, b.top, b.width, b.height);
      const size = Math.max(9, Math.min(13, b.width / 4.4, b.height / 3));
      // A row's best cell: its number in bold and a dot in the top right corner (dark, ringed in
      // white, so it shows on bright and dark cells alike), above the number and clear of the
      // chosen cell's star in the top left.
      const marked = best.has(`${cell.x},${cell.y}`);
      ctx.font = `${marked ? 'bold ' : ''}${size}px system-ui, sans-serif`;
      ctx.fillStyle = cell.dark ? '#FFFFFF' : '#1F1F1F';
      ctx.fillText(cell.text, b.left + b.width / 2, b.top + b.height / 2);
      if (!marked) continue;
      const r = Math.max(2.5, Math.min(4, (b.height - size) / 2 - 5));
      ctx.beginPath();
      ctx.arc(b.left + b.width - r - 4, b.top + r + 3, r, 0, 2 * Math.PI);
      ctx.fillStyle = '#1F1F1F';
      ctx.fill();
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = '#FFFFFF';
      ctx.stroke();
    }
    const chosen = options.chosen;
    if (chosen !== undefined && chosen.x >= 0 && chosen.y >= 0) {
      const b = box(chosen.x, chosen.y);
      ctx.strokeStyle = options.outline ?? '#000000';
      ctx.lineWidth = 3;
      ctx.setLineDash(chosen.final ? [] : [6, 4]);
      ctx.strokeRect(b.left + 1.5, b.top + 1.5, b.width - 3, b.height - 3);
      // In the top left corner, above the cell's number even in a compact cell.
      ctx.font = `bold ${Math.round(Math.max(10, Math.min(14, b.height / 3)))}px system-ui, sans-serif`;
      ctx.fillStyle = options.outline ?? '#000000';
      ctx.textAlign = 'left';
      ctx.textBaseline = 'top';
      ctx.fillText(chosen.final ? '★' : '○', b.left + 5, b.top + 3);
    }
    ctx.restore();
  },
};

/** Viridis at t ∈ [0, 1] (0 dark purple, 1 yellow), interpolated between nine of its colours. */
export function viridis(t: number): string {
  const stops = ['#440154', '#472D7B', '#3B528B', '#2C728E', '#21918C', '#28AE80', '#5EC962', '#ADDC30', '#FDE725'];
  const at = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(at));
  const f = at - i;
  const [a, b] = [hex(stops[i]!), hex(stops[i + 1]!)];
  const mix = a.map((v, k) => Math.round(v + (b[k]! - v) * f));
  return `#${mix.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

function hex(color: string): [number, number, number] {
  const n = parseInt(color.slice(1, 7), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
