// Accuracy per epoch for classifiers: per variant, the test accuracy (eval mode, solid) and the
// training accuracy (faded), up to 100 %. A net that memorises its training set shows
// here as a gap between the two lines that regularization closes.
import type { ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js';
import type { RunRecord } from '../../results/model.ts';
import type { EpochMetrics } from '../../protocol.ts';
import { axis, baseOptions, epochLine, epochReadout, extent, finite, LIGHT_THEME, type ChartTheme, type EpochPoint } from './common.ts';
import { runLabel } from './labels.ts';
import { formatPercent } from './format.ts';
import { variantLegend, type DatasetTag } from './legend.ts';
import { legendVariants } from './loss.ts';
import { colorOf, withAlpha } from './palette.ts';

const ACCURACY_SERIES = [
  { id: 'test', label: 'test (eval mode)', width: 2.25 },
  { id: 'train', label: 'train (eval mode)', faded: true, dash: [5, 3], width: 1.75 },
];

type Point = EpochPoint;

/** True when the run recorded an accuracy (classification runs do, regressions do not). */
export function hasAccuracy(run: RunRecord): boolean {
  return run.metrics.some((m) => m.testAccuracy !== undefined || m.trainAccuracy !== undefined);
}

export function accuracyChart(runs: readonly RunRecord[], colors: ReadonlyMap<string, string>, theme: ChartTheme = LIGHT_THEME): ChartConfiguration<'line'> {
  const datasets: ChartDataset<'line', Point[]>[] = [];
  const tags: DatasetTag[] = [];
  const series = (metrics: readonly EpochMetrics[], pick: (m: EpochMetrics) => number | undefined): Point[] =>
    metrics.map((m) => ({ x: m.epoch, y: finite(pick(m)) }));
  for (const run of runs.filter(hasAccuracy)) {
    const color = colorOf(colors, run.variant);
    const name = runLabel(run);
    datasets.push(epochLine(`${name} · test`, series(run.metrics, (m) => m.testAccuracy), color, 2.25));
    datasets.push({ ...epochLine(`${name} · train`, series(run.metrics, (m) => m.trainAccuracy), withAlpha(color, 0.55), 1.75), borderDash: [5, 3] });
    tags.push({ variant: run.variant, series: 'test' }, { variant: run.variant, series: 'train' });
  }
  // From the tenth below the lowest accuracy to 100 %: the differences that matter are a few
  // points near the top, which a 0-to-100 axis squashes into a band.
  const lowest = extent(runs.flatMap((r) => r.metrics.flatMap((m) => [finite(m.testAccuracy), finite(m.trainAccuracy)])))?.[0] ?? 0;
  const y = { ...axis('accuracy', theme), min: Math.max(0, Math.floor((lowest - 0.02) * 10) / 10), max: 1 };
  (y.ticks as { callback?: unknown }).callback = (value: number | string) => formatPercent(Number(value));
  const options = baseOptions<'line'>(theme);
  options.scales = { x: { ...axis('epoch', theme), min: 0 }, y };
  epochReadout(options);
  variantLegend(options, theme, legendVariants(runs.filter(hasAccuracy), colors), ACCURACY_SERIES, tags);
  const tooltip = options.plugins!.tooltip!;
  tooltip.callbacks = {
    ...tooltip.callbacks,
    label: (item: TooltipItem<'line'>) => `${item.dataset.label ?? ''}: ${formatPercent(item.parsed.y)}`,
  };
  return { type: 'line', data: { datasets }, options };
}
