// The Weights view: each variant's final weight histogram (its exact zeros counted in the
// legend, since that is what L1 is about) on an x range shared by all variants, and ‖w‖₂
// over the epochs.
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { RunRecord } from '../../results/model.ts';
import type { WeightHistogram } from '../../protocol.ts';
import { axis, baseOptions, epochReadout, extent, finite, LIGHT_THEME, niceBounds, positive, type ChartTheme } from './common.ts';
import { runLabel } from './labels.ts';
import { formatCount, formatNumber, formatPercent } from './format.ts';
import { colorOf, withAlpha } from './palette.ts';

type Point = { x: number; y: number | null };

/** Runs that finished with a histogram. */
export function histogramRuns(runs: readonly RunRecord[]): RunRecord[] {
  return runs.filter((r) => r.summary?.histogram !== undefined && r.summary.histogram.counts.length > 0);
}

/** The largest |edge| over the runs' histograms: one x range makes their widths comparable. */
export function histogramLimit(runs: readonly RunRecord[]): number {
  let limit = 0;
  for (const run of histogramRuns(runs)) {
    const edges = run.summary!.histogram.edges;
    limit = Math.max(limit, Math.abs(edges[0] ?? 0), Math.abs(edges[edges.length - 1] ?? 0));
  }
  return limit === 0 ? 1 : niceBounds(-limit, limit)[1];
}

/** The legend of a histogram: exact zeros are what an L1 proximal step produces. */
export function zerosLabel(h: WeightHistogram): string {
  return `${formatCount(h.exactZeros)} exact zeros of ${formatCount(h.total)}`;
}

/** Under the histogram: the near-zero share, which subgradient L1 moves instead. */
export function nearZeroNote(h: WeightHistogram): string {
  return `${formatPercent(h.total === 0 ? 0 : h.nearZero / h.total)} of the weights have |w| < 1e-3.`;
}

/** A filled step outline over the bins: overlays and prints better than bars. */
export function histogramChart(run: RunRecord, colors: ReadonlyMap<string, string>, limit: number, theme: ChartTheme = LIGHT_THEME): ChartConfiguration<'line'> {
  const h = run.summary!.histogram;
  const color = colorOf(colors, run.variant);
  const steps: Point[] = [{ x: h.edges[0]!, y: 0 }];
  h.counts.forEach((count, i) => steps.push({ x: h.edges[i]!, y: count }));
  steps.push({ x: h.edges[h.edges.length - 1]!, y: h.counts[h.counts.length - 1] ?? 0 });
  steps.push({ x: h.edges[h.edges.length - 1]!, y: 0 });
  const dataset: ChartDataset<'line', Point[]> = {
    label: zerosLabel(h),
    data: steps,
    stepped: 'after',
    fill: 'origin',
    borderColor: color,
    backgroundColor: withAlpha(color, 0.3),
    borderWidth: 1.5,
    pointRadius: 0,
    pointHoverRadius: 0,
    pointStyle: 'rect',
  };
  const options = baseOptions<'line'>(theme);
  options.scales = {
    x: { ...axis('weight value', theme), min: -limit, max: limit },
    y: { ...axis('count', theme), min: 0 },
  };
  // The read-out: the bin under the pointer (the step's left edge) and its count.
  const bin = (index: number) => Math.min(h.counts.length - 1, Math.max(0, index - 1));
  options.interaction = { mode: 'nearest', axis: 'x', intersect: false };
  options.plugins!.tooltip = {
    displayColors: false,
    callbacks: {
      title: (items) => {
        const i = bin(items[0]?.dataIndex ?? 0);
        return `w in [${formatNumber(h.edges[i], 3)}, ${formatNumber(h.edges[i + 1], 3)})`;
      },
      label: (item) => `${formatCount(h.counts[bin(item.dataIndex)] ?? 0)} weights`,
    },
  };
  return { type: 'line', data: { datasets: [dataset] }, options };
}

/** ‖w‖₂ per epoch, one line per variant run. */
export function weightNormChart(runs: readonly RunRecord[], colors: ReadonlyMap<string, string>, theme: ChartTheme = LIGHT_THEME): ChartConfiguration<'line'> {
  const withMetrics = runs.filter((r) => r.metrics.length > 0);
  const datasets: ChartDataset<'line', Point[]>[] = withMetrics.map((run) => {
    const color = colorOf(colors, run.variant);
    return {
      label: runLabel(run),
      data: run.metrics.map((m) => ({ x: m.epoch, y: finite(m.weightNorm) })),
      borderColor: color,
      backgroundColor: color,
      borderWidth: 2,
      pointRadius: 0,
      pointHoverRadius: 3,
      pointStyle: 'line',
    };
  });
  // A run that diverged leaves through the top instead of flattening the others.
  const healthy = withMetrics.filter((r) => r.status !== 'diverged');
  const range = extent((healthy.length > 0 ? healthy : withMetrics).flatMap((r) => r.metrics.map((m) => positive(m.weightNorm))));
  const log = range !== undefined && range[1] / range[0] > 50;
  const y = axis(log ? '‖w‖₂ (log scale)' : '‖w‖₂', theme, log ? 'log' : 'linear');
  if (range !== undefined && healthy.length < withMetrics.length) {
    Object.assign(y, log ? { max: range[1] * 3 } : { max: niceBounds(0, range[1] * 1.25)[1] });
  }
  const options = baseOptions<'line'>(theme);
  options.scales = { x: { ...axis('epoch', theme), min: 0 }, y };
  epochReadout(options);
  return { type: 'line', data: { datasets }, options };
}
