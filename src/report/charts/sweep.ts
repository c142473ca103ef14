// The Sweep view: the mean final train and test loss over repeats against the swept value,
// with ±std bars and the best value (lowest mean test loss) starred; beside it ‖w‖₂ and
// the share of near-zero weights against the same axis.
import type { ChartConfiguration, ChartDataset, ChartOptions } from 'chart.js';
import { bestSweepValues, type ExperimentResults, type Stat, type SweepPoint } from '../../experiment/results.ts';
import { axis, baseOptions, finite, LIGHT_THEME, positive, type Axis, type ChartTheme } from './common.ts';
import { formatNumber, formatPercent } from './format.ts';
import { colorOf, displayName, withAlpha } from './palette.ts';
import { errorBarsPlugin, type ErrorBars } from './plugins.ts';
import { sweepAxis, type SweepAxis } from './sweep-axis.ts';

type Point = { x: number; y: number | null };
type Sweep = Pick<ExperimentResults, 'sweep' | 'sweepOver' | 'runs'>;

export function sweepTitle(results: Pick<ExperimentResults, 'sweepOver'>): string {
  return results.sweepOver ?? 'swept value';
}

/** Sweep points per variant, by increasing value. */
export function sweepByVariant(points: readonly SweepPoint[]): Map<string, SweepPoint[]> {
  const groups = new Map<string, SweepPoint[]>();
  for (const p of points) groups.set(p.variant, [...(groups.get(p.variant) ?? []), p]);
  for (const group of groups.values()) group.sort((a, b) => a.value - b.value);
  return groups;
}

export function sweepLossChart(results: Sweep, colors: ReadonlyMap<string, string>, theme: ChartTheme = LIGHT_THEME, log = true): ChartConfiguration<'line'> {
  const guard = log ? positive : finite;
  const x = sweepAxis(results.sweep.map((p) => p.value), sweepTitle(results), theme);
  const datasets: ChartDataset<'line', Point[]>[] = [];
  const bars: ErrorBars[] = [];
  const readouts: Readouts = new Map();
  const best = bestSweepValues(results.sweep);
  for (const [variant, points] of sweepByVariant(results.sweep)) {
    const color = colorOf(colors, variant);
    const name = displayName(variant);
    const add = (label: string, pick: (p: SweepPoint) => Stat, lineColor: string, offset: number) => {
      bars.push({ datasetIndex: datasets.length, ...spread(points, pick), offset });
      readouts.set(datasets.length, { points, pick });
      datasets.push(statLine(label, points, pick, x.position, lineColor, guard));
    };
    add(`${name} · test`, (p) => p.testLoss, color, 2);
    add(`${name} · train`, (p) => p.trainLoss, withAlpha(color, 0.5), -2);
    const top = best.get(variant);
    if (top !== undefined) {
      datasets.push({
        label: `${name} · best: ${formatNumber(top.value)}`,
        data: [{ x: x.position(top.value), y: guard(top.testLoss.mean) }],
        showLine: false,
        pointStyle: 'star',
        pointRadius: 11,
        pointBorderWidth: 2,
        borderColor: color,
        backgroundColor: color,
      });
    }
  }
  const options = baseOptions<'line'>(theme);
  options.scales = { x: x.scale, y: log ? axis('final loss (log scale)', theme, 'log') : { ...axis('final loss', theme), min: 0 } };
  sweepReadout(options, x, sweepTitle(results), readouts);
  return { type: 'line', data: { datasets }, options, plugins: [errorBarsPlugin(bars)] };
}

export function sweepWeightsChart(results: Sweep, colors: ReadonlyMap<string, string>, theme: ChartTheme = LIGHT_THEME): ChartConfiguration<'line'> {
  const x = sweepAxis(results.sweep.map((p) => p.value), sweepTitle(results), theme);
  const datasets: ChartDataset<'line', Point[]>[] = [];
  const bars: ErrorBars[] = [];
  const readouts: Readouts = new Map();
  for (const [variant, points] of sweepByVariant(results.sweep)) {
    const color = colorOf(colors, variant);
    const name = displayName(variant);
    bars.push({ datasetIndex: datasets.length, ...spread(points, (p) => p.weightNorm) });
    readouts.set(datasets.length, { points, pick: (p) => p.weightNorm });
    datasets.push(statLine(`${name} · ‖w‖₂`, points, (p) => p.weightNorm, x.position, color));
    readouts.set(datasets.length, { points, pick: (p) => p.sparsity, percent: true });
    datasets.push({
      ...statLine(`${name} · near-zero share`, points, (p) => p.sparsity, x.position, color, finite),
      yAxisID: 'sparsity',
      borderDash: [6, 4],
      pointStyle: 'rect',
      backgroundColor: theme.background,
    });
  }
  const norms = results.sweep.map((p) => p.weightNorm.mean).filter((v) => v > 0);
  const normLog = norms.length > 0 && Math.max(...norms) / Math.min(...norms) > 30;
  const sparsity: Axis = {
    ...axis('near-zero share (dashed)', theme),
    position: 'right',
    min: 0,
    suggestedMax: 0.1,
    grid: { drawOnChartArea: false },
  } as Axis;
  (sparsity.ticks as { callback?: unknown }).callback = (value: number | string) => formatPercent(Number(value));
  const options = baseOptions<'line'>(theme);
  options.scales = {
    x: x.scale,
    y: axis(normLog ? '‖w‖₂ (solid, log scale)' : '‖w‖₂ (solid)', theme, normLog ? 'log' : 'linear'),
    sparsity,
  };
  sweepReadout(options, x, sweepTitle(results), readouts);
  return { type: 'line', data: { datasets }, options, plugins: [errorBarsPlugin(bars)] };
}

/** Sentences under the sweep charts: the best value per variant and values whose runs broke. */
export function sweepNotes(results: Sweep): string[] {
  const notes: string[] = [];
  const label = sweepTitle(results);
  for (const [variant, top] of bestSweepValues(results.sweep)) {
    notes.push(
      `${displayName(variant)}: lowest mean test loss ${formatNumber(top.testLoss.mean)} ± ${formatNumber(top.testLoss.std)} at ${label} = ${formatNumber(top.value)} (${top.repeats} repeat${top.repeats === 1 ? '' : 's'}).`,
    );
  }
  const broken = new Map<string, { value: number; variant: string; count: number; total: number }>();
  for (const run of results.runs) {
    if (run.sweepValue === undefined) continue;
    const key = `${run.variant}\u0000${run.sweepValue}`;
    const entry = broken.get(key) ?? { value: run.sweepValue, variant: run.variant, count: 0, total: 0 };
    entry.total++;
    // Runs still queued or training are not broken: only those that ended without a result.
    if (run.status === 'diverged' || run.status === 'failed' || run.status === 'cancelled') entry.count++;
    broken.set(key, entry);
  }
  for (const e of broken.values()) {
    if (e.count === 0) continue;
    notes.push(`${displayName(e.variant)} at ${label} = ${formatNumber(e.value)}: ${e.count} of ${e.total} runs did not finish, so the means leave them out.`);
  }
  return notes;
}

/** Per dataset index: the sweep points a line is drawn from and the statistic it shows. */
type Readouts = Map<number, { points: readonly SweepPoint[]; pick: (p: SweepPoint) => Stat; percent?: boolean }>;

/** Hover read-out: the swept value (0 where a log axis draws it a decade left) and mean ± std over the repeats. */
function sweepReadout(options: ChartOptions<'line'>, x: SweepAxis, title: string, readouts: Readouts): void {
  const tooltip = options.plugins!.tooltip!;
  tooltip.callbacks = {
    ...tooltip.callbacks,
    title: (items) => {
      const at = items[0]?.parsed.x;
      return at === undefined || at === null ? '' : `${title} = ${at === x.zeroAt ? '0' : formatNumber(at)}`;
    },
    label: (item) => {
      const readout = readouts.get(item.datasetIndex);
      const point = readout?.points[item.dataIndex];
      if (readout === undefined || point === undefined) return `${item.dataset.label ?? ''}: ${formatNumber(item.parsed.y)}`;
      const stat = readout.pick(point);
      const format = readout.percent ? formatPercent : (v: number) => formatNumber(v);
      const spreadText = point.repeats > 1 ? ` ± ${format(stat.std)} (${point.repeats} repeats)` : '';
      return `${item.dataset.label ?? ''}: ${format(stat.mean)}${spreadText}`;
    },
  };
}

function statLine(
  label: string,
  points: readonly SweepPoint[],
  pick: (p: SweepPoint) => Stat,
  position: (v: number) => number,
  color: string,
  guard: (v: number) => number | null = positive,
): ChartDataset<'line', Point[]> {
  return {
    label,
    data: points.map((p) => ({ x: position(p.value), y: guard(pick(p).mean) })),
    borderColor: color,
    backgroundColor: color,
    borderWidth: 2,
    pointRadius: 3.5,
    pointStyle: 'circle',
  };
}

function spread(points: readonly SweepPoint[], pick: (p: SweepPoint) => Stat): { low: (number | null)[]; high: (number | null)[] } {
  return {
    low: points.map((p) => (pick(p).std > 0 ? pick(p).mean - pick(p).std : null)),
    high: points.map((p) => (pick(p).std > 0 ? pick(p).mean + pick(p).std : null)),
  };
}
