// Test loss against ‖w‖₂: the paths of early stopping and of an explicit penalty on one
// plane. Each variant's own run traces its path epoch by epoch (gradient descent from
// small weights: ‖w‖ grows as it trains); each swept variant traces its path value by
// value (the means over repeats). Ali, Kolter & Tibshirani (2019): for least squares,
// gradient descent at time t and ridge at λ ≈ 1/(lr·t) lie on nearly the same curve.
// Drawn for linear models (their sweep runs keep their coefficients), where the theory holds.
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { ExperimentResults, RunRecord } from '../../results/model.ts';
import { axis, baseOptions, finite, LIGHT_THEME, positive, variantRuns, type Axis, type ChartTheme } from './common.ts';
import { formatNumber } from './format.ts';
import { variantLegend, type DatasetTag, type SeriesStyle } from './legend.ts';
import { legendVariants } from './loss.ts';
import { colorOf, displayName } from './palette.ts';
import { sweepByVariant, sweepTitle } from './sweep.ts';
import { RIDGE_FIELDS } from '../../results/path.ts';

type Point = { x: number; y: number | null };
type Results = Pick<ExperimentResults, 'runs' | 'sweep' | 'sweepOver' | 'normPath'>;

/** The variants' own runs that recorded epochs: their paths are over epochs. */
function epochPathRuns(results: Results): RunRecord[] {
  return variantRuns(results.runs).filter((r) => r.metrics.length > 1);
}

/**
 * Drawn when the file asks for it (`sweep.normPath`, lesson 09) and it holds: a linear model's
 * ridge sweep (its runs kept their coefficients) beside a variant's run over epochs. Not for
 * every ridge sweep of a linear model: in lesson 03 or 10 it was off the lesson and pushed
 * the lesson's own charts down.
 */
export function hasNormPath(results: Results): boolean {
  if (results.normPath !== true) return false;
  if (!RIDGE_FIELDS.has(results.sweepOver ?? '')) return false; // an L1 path is the lasso's lesson, not this one
  const sweepRuns = results.runs.filter((r) => r.sweepValue !== undefined && r.summary !== undefined);
  return results.sweep.length >= 2 && epochPathRuns(results).length > 0 && sweepRuns.length > 0 && sweepRuns.every((r) => r.summary!.path?.coefficients !== undefined);
}

const SERIES = [
  { id: 'epochs', label: 'over epochs: one point per evaluated epoch', width: 2 },
  { id: 'values', label: 'over the swept value: mean over repeats', width: 2, dash: [6, 3], marker: 'circle' },
] satisfies (SeriesStyle & { id: string })[];

export function normPathChart(results: Results, colors: ReadonlyMap<string, string>, theme: ChartTheme = LIGHT_THEME, log = true): ChartConfiguration<'line'> {
  const guard = log ? positive : finite;
  const datasets: ChartDataset<'line', Point[]>[] = [];
  const tags: DatasetTag[] = [];
  const over = sweepTitle(results);
  const readout = new Map<number, (i: number) => string>();
  for (const run of epochPathRuns(results)) {
    const color = colorOf(colors, run.variant);
    readout.set(datasets.length, (i) => `epoch ${run.metrics[i]?.epoch ?? ''}`);
    datasets.push({
      label: `${displayName(run.variant)} (epochs)`,
      data: run.metrics.map((m) => ({ x: m.weightNorm, y: guard(m.testLoss) })),
      borderColor: color,
      backgroundColor: color,
      borderWidth: 2,
      pointRadius: 0,
      pointHoverRadius: 3,
    });
    tags.push({ variant: run.variant, series: 'epochs' });
  }
  for (const [variant, points] of sweepByVariant(results.sweep)) {
    const color = colorOf(colors, variant);
    readout.set(datasets.length, (i) => `${over} = ${formatNumber(points[i]?.value ?? NaN)}`);
    datasets.push({
      label: `${displayName(variant)} (${over})`,
      data: points.map((p) => ({ x: p.weightNorm.mean, y: guard(p.testLoss.mean) })),
      borderColor: color,
      backgroundColor: color,
      borderWidth: 2,
      borderDash: [6, 3],
      pointRadius: 3.5,
    });
    tags.push({ variant, series: 'values' });
  }
  const options = baseOptions<'line'>(theme);
  options.interaction = { mode: 'nearest', intersect: false };
  options.scales = {
    x: { ...axis('‖w‖₂ (weights, biases excluded)', theme), min: 0 } as Axis,
    y: axis(log ? 'test loss (log scale)' : 'test loss', theme, log ? 'log' : 'linear'),
  };
  const tooltip = options.plugins!.tooltip!;
  tooltip.callbacks = {
    ...tooltip.callbacks,
    label: (item) => `${item.dataset.label ?? ''}, ${readout.get(item.datasetIndex)?.(item.dataIndex) ?? ''}: ‖w‖₂ ${formatNumber(item.parsed.x)}, test loss ${formatNumber(item.parsed.y)}`,
  };
  variantLegend(options, theme, legendVariants(tags.map((t) => ({ variant: t.variant! })), colors), SERIES, tags);
  return { type: 'line', data: { datasets }, options };
}
