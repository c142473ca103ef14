// The Sweep view: the mean final test loss over repeats against the swept value, with ±std
// bars and the lowest mean starred, the train loss on an axis of its own; beside it ‖w‖₂
// and the share of near-zero weights against the same axis.
import type { Chart, ChartConfiguration, ChartDataset, ChartOptions, LegendItem } from 'chart.js';
import { countRuns } from '../../results/counts.ts';
import type { ExperimentResults } from '../../results/model.ts';
import { standardError, sweepChoices, type Stat, type SweepPoint } from '../../results/stats.ts';
import { chosenValues, heldOutTestNote, type ChosenValue } from '../../results/choice.ts';
import { axis, baseOptions, extent, finite, LIGHT_THEME, niceBounds, positive, type Axis, type ChartTheme } from './common.ts';
import { fieldLabel } from './labels.ts';
import { variantLegend, type DatasetTag, type SeriesStyle } from './legend.ts';
import { legendVariants } from './loss.ts';
import { formatNumber, formatPercent } from './format.ts';
import { colorOf, displayName, withAlpha } from './palette.ts';
import { withErrorBars, type ErrorBars } from './plugins.ts';
import { sweepAxis, type SweepAxis } from './sweep-axis.ts';

type Point = { x: number; y: number | null };
type Sweep = Pick<ExperimentResults, 'sweep' | 'sweepOver' | 'gridOver' | 'runs'>;

/** The swept field in words: "weight decay λ", not the variant the sweep starts from. */
export function sweepTitle(results: Pick<ExperimentResults, 'sweepOver'>): string {
  return results.sweepOver === undefined ? 'swept value' : fieldLabel(results.sweepOver);
}

/** Sweep points per variant, by increasing value. */
export function sweepByVariant(points: readonly SweepPoint[]): Map<string, SweepPoint[]> {
  const groups = new Map<string, SweepPoint[]>();
  for (const p of points) groups.set(p.variant, [...(groups.get(p.variant) ?? []), p]);
  for (const group of groups.values()) group.sort((a, b) => a.value - b.value);
  return groups;
}

const SWEEP_LOSS_SERIES = [
  { id: 'validation', label: 'validation loss, chosen on (left axis; bars: ± 1 standard error)', width: 2.5 },
  { id: 'test', label: 'test loss (left axis; bars: ± sd over repeats)', width: 2.5 },
  { id: 'reported', label: 'test loss, only reported (left axis; bars: ± sd)', dash: [2, 3], width: 1.75 },
  { id: 'train', label: 'train loss, data term (right axis)', faded: true, dash: [5, 4], width: 1.75 },
  { id: 'choice', label: 'lowest mean test loss (a ring while provisional)', marker: 'star' },
  { id: 'min', label: 'λ_min: lowest mean validation loss (a ring while provisional)', marker: 'star' },
  { id: 'oneSe', label: 'λ_1se: largest value within 1 SE of λ_min', marker: 'crossRot' },
] as const satisfies readonly (SeriesStyle & { id: string })[];

/** The validation statistic of a point with its standard error as the spread (glmnet's CV bars). */
function validationWithSe(p: SweepPoint): Stat {
  const v = p.validationLoss!;
  return { ...v, std: standardError(v, p.repeats) };
}

/**
 * The U of a sweep: the mean final test loss against the swept value sets the left axis, so its
 * dip fills the chart; the train loss, which falls by decades as λ goes to 0, has the right
 * axis. A star marks the lowest mean test loss once every run of the sweep has ended; while
 * some train (or after Stop) a ring marks it and it is called provisional.
 */
export function sweepLossChart(results: Sweep, colors: ReadonlyMap<string, string>, theme: ChartTheme = LIGHT_THEME, log = true): ChartConfiguration<'line'> {
  const guard = log ? positive : finite;
  const x = sweepAxis(results.sweep.map((p) => p.value), sweepTitle(results), theme);
  const datasets: ChartDataset<'line', Point[]>[] = [];
  const tags: DatasetTag[] = [];
  const bars: ErrorBars[] = [];
  const readouts: Readouts = new Map();
  const choices = sweepChoices(results.sweep, results.runs, results.sweepOver);
  const groups = sweepByVariant(results.sweep);
  const several = groups.size > 1;
  for (const [variant, points] of groups) {
    const color = colorOf(colors, variant);
    const name = several ? `${displayName(variant)} · ` : '';
    const choice = choices.get(variant);
    const validated = choice?.on === 'validation';
    if (validated) {
      // The curve the choice reads, with glmnet's ±1 SE bars; the test curve beside it is only reported.
      readouts.set(datasets.length, { points, pick: validationWithSe, spreadName: 'SE' });
      bars.push({ datasetIndex: datasets.length, ...spread(points, validationWithSe), offset: -3 });
      datasets.push({ ...statLine(`${name}validation`, points, validationWithSe, x.position, color, guard), borderWidth: 2.5 });
      tags.push({ variant, series: 'validation' });
    }
    readouts.set(datasets.length, { points, pick: (p) => p.testLoss });
    bars.push({ datasetIndex: datasets.length, ...spread(points, (p) => p.testLoss), offset: validated ? 3 : 0 });
    datasets.push(
      validated
        ? { ...statLine(`${name}test (reported only)`, points, (p) => p.testLoss, x.position, withAlpha(color, 0.75), guard), borderDash: [2, 3], borderWidth: 1.75, pointStyle: 'rect' }
        : { ...statLine(`${name}test`, points, (p) => p.testLoss, x.position, color, guard), borderWidth: 2.5 },
    );
    tags.push({ variant, series: validated ? 'reported' : 'test' });
    readouts.set(datasets.length, { points, pick: (p) => p.trainDataLoss });
    datasets.push({ ...statLine(`${name}train (data term)`, points, (p) => p.trainDataLoss, x.position, withAlpha(color, 0.55), positive), yAxisID: 'train', borderDash: [5, 4], borderWidth: 1.75, pointRadius: 2.5 });
    tags.push({ variant, series: 'train' });
    if (choice !== undefined) {
      const at = (p: SweepPoint) => [{ x: x.position(p.value), y: guard(validated ? p.validationLoss!.mean : p.testLoss.mean) }];
      const what = validated ? 'λ_min (validation)' : 'lowest mean test loss';
      datasets.push({
        label: `${name}${choice.final ? what : `${what}, so far (provisional)`}: ${formatNumber(choice.point.value)}`,
        data: at(choice.point),
        showLine: false,
        // A star once every run has ended; a ring around the point while the choice may still change.
        pointStyle: choice.final ? 'star' : 'circle',
        pointRadius: choice.final ? 12 : 10,
        pointBorderWidth: 2,
        borderColor: color,
        backgroundColor: choice.final ? color : 'rgba(0, 0, 0, 0)',
      });
      tags.push({ variant, series: validated ? 'min' : 'choice' });
      if (choice.oneSe !== undefined) {
        datasets.push({
          label: `${name}λ_1se: ${formatNumber(choice.oneSe.value)}`,
          data: at(choice.oneSe),
          showLine: false,
          pointStyle: 'crossRot',
          pointRadius: 11,
          pointBorderWidth: 3,
          borderColor: color,
          backgroundColor: color,
        });
        tags.push({ variant, series: 'oneSe' });
      }
    }
  }
  const validated = [...choices.values()].some((c) => c.on === 'validation');
  const test = extent(
    results.sweep.flatMap((p) => {
      const shown = [p.testLoss, ...(validated && p.validationLoss !== undefined ? [validationWithSe(p)] : [])];
      return shown.flatMap((s) => [guard(s.mean - s.std), guard(s.mean + s.std), guard(s.mean)]);
    }),
  );
  const yTitle = validated ? 'mean final validation and test loss' : 'mean final test loss';
  const y: Axis = log ? axis(`${yTitle} (log scale)`, theme, 'log') : { ...axis(yTitle, theme) };
  if (!log && test !== undefined) {
    // The test curve's own range, padded, so its U fills the chart instead of sitting in a band.
    const pad = (test[1] - test[0]) * 0.08 || Math.abs(test[1]) * 0.1 || 1;
    const [lo, hi] = niceBounds(Math.max(0, test[0] - pad), test[1] + pad);
    Object.assign(y, { min: lo, max: hi });
  } else if (test !== undefined) {
    Object.assign(y, { min: test[0], max: test[1] });
  }
  const train: Axis = {
    ...axis('train loss (right, log scale)', theme, 'log'),
    position: 'right',
    grid: { drawOnChartArea: false },
  } as Axis;
  const options = baseOptions<'line'>(theme);
  options.scales = { x: x.scale, y, train };
  sweepReadout(options, x, sweepTitle(results), readouts);
  variantLegend(options, theme, legendVariants(results.sweep, colors), SWEEP_LOSS_SERIES, tags);
  if (!several) options.plugins!.legend!.labels!.generateLabels = onlySeries(options);
  withErrorBars(options, bars);
  return { type: 'line', data: { datasets }, options };
}

const SWEEP_WEIGHT_SERIES = [
  { id: 'norm', label: '‖w‖₂ (left axis; bars: ± sd)', width: 2 },
  { id: 'sparsity', label: 'share of |w| < 1e-3 (right axis)', dash: [6, 4], width: 2 },
] as const satisfies readonly (SeriesStyle & { id: string })[];

export function sweepWeightsChart(results: Sweep, colors: ReadonlyMap<string, string>, theme: ChartTheme = LIGHT_THEME): ChartConfiguration<'line'> {
  const x = sweepAxis(results.sweep.map((p) => p.value), sweepTitle(results), theme);
  const datasets: ChartDataset<'line', Point[]>[] = [];
  const tags: DatasetTag[] = [];
  const bars: ErrorBars[] = [];
  const readouts: Readouts = new Map();
  const groups = sweepByVariant(results.sweep);
  const several = groups.size > 1;
  for (const [variant, points] of groups) {
    const color = colorOf(colors, variant);
    const name = several ? `${displayName(variant)} · ` : '';
    bars.push({ datasetIndex: datasets.length, ...spread(points, (p) => p.weightNorm) });
    readouts.set(datasets.length, { points, pick: (p) => p.weightNorm });
    datasets.push(statLine(`${name}‖w‖₂`, points, (p) => p.weightNorm, x.position, color));
    tags.push({ variant, series: 'norm' });
    readouts.set(datasets.length, { points, pick: (p) => p.sparsity, percent: true });
    datasets.push({
      ...statLine(`${name}near-zero share`, points, (p) => p.sparsity, x.position, color, finite),
      yAxisID: 'sparsity',
      borderDash: [6, 4],
      pointStyle: 'rect',
      backgroundColor: theme.background,
    });
    tags.push({ variant, series: 'sparsity' });
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
  variantLegend(options, theme, legendVariants(results.sweep, colors), SWEEP_WEIGHT_SERIES, tags);
  if (!several) options.plugins!.legend!.labels!.generateLabels = onlySeries(options);
  withErrorBars(options, bars);
  return { type: 'line', data: { datasets }, options };
}

/** A sweep of one variant: its colour says nothing, so the legend lists the series alone. */
function onlySeries(options: ChartOptions<'line'>): (chart: Chart) => LegendItem[] {
  const all = options.plugins!.legend!.labels!.generateLabels!;
  return (chart) => all(chart).filter((item) => (item as LegendItem & { key?: string }).key?.startsWith('series:'));
}

/**
 * The sentences under the sweep charts, one each: the choice per variant (final or
 * provisional; on validation data, or on the test set and said to be optimistic), and how many runs did not finish, however many values they are spread over.
 */
export function sweepNotes(results: Sweep): string[] {
  const notes: string[] = [];
  const label = sweepTitle(results);
  const several = new Set(results.sweep.map((p) => p.variant)).size > 1;
  // Three digits: a spread over a few repeats is itself uncertain to tens of percent, and
  // four-digit numbers in a sentence read as noise. The hover read-out, CLI and file have more.
  const three = (v: number) => formatNumber(v, 3);
  const heldOut = heldOutTestNote(results);
  const chosen = chosenValues(results);
  const onTest = chosen.filter((c) => c.on === 'test').length;
  for (const c of chosen) {
    const who = several ? `${displayName(c.variant)}: ` : '';
    const runs = (n: number) => `${n} run${n === 1 ? '' : 's'}`;
    const at = (v: ChosenValue) => `${label} = ${formatNumber(v.value)}${v.gridValue === undefined ? '' : `, ${fieldLabel(results.gridOver ?? '')} = ${formatNumber(v.gridValue)}`}`;
    if (c.on === 'test') {
      const what = c.final ? 'Lowest mean test loss' : 'Lowest mean test loss so far (provisional: not every run has finished)';
      notes.push(`${who}${what} ${three(c.min.testLoss)} ± ${three(c.min.testStd)} at ${at(c.min)} (${c.min.runs} repeat${c.min.runs === 1 ? '' : 's'}).`);
      continue;
    }
    const provisional = c.final ? '' : ' (provisional: not every run has finished)';
    const one = (v: ChosenValue) =>
      `${at(v)}: validation ${three(v.validationLoss!)} ± ${three(v.validationSE!)} SE over ${runs(v.runs)}, test ${three(v.testLoss)}`;
    const min = c.min.gridValue === undefined ? `λ_min, ${one(c.min)}` : `Lowest cell, ${one(c.min)}`;
    notes.push(
      `${who}Chosen on the validation loss only${provisional}. ${min}.` +
        (c.oneSe === undefined ? '' : ` λ_1se (the largest within one SE of λ_min), ${one(c.oneSe)}.`) +
        ' The test set was used only for these test losses.' +
        (heldOut === undefined ? '' : ` ${heldOut}`),
    );
  }
  // Said once however many variants it applies to: a sentence per variant pushed the chart
  // below the fold and read as noise.
  if (onTest > 0) {
    notes.push(
      `${onTest > 1 ? 'Each lowest point is' : 'Chosen'} on the test set itself, so ${onTest > 1 ? 'those losses are' : 'that loss is'} optimistic: give data.validation or data.folds to choose on held-out training data.`,
    );
  }
  const sweepRuns = results.runs.filter((r) => r.sweepValue !== undefined);
  const counts = countRuns(sweepRuns);
  const unfinished = counts.stopped + counts.diverged + counts.failed;
  if (unfinished > 0) {
    const how = [[counts.stopped, 'stopped'], [counts.diverged, 'diverged'], [counts.failed, 'failed']].filter(([n]) => Number(n) > 0).map(([n, what]) => `${n} ${what}`);
    notes.push(`${unfinished} of ${sweepRuns.length} sweep runs did not finish (${how.join(', ')}): the means leave them out.`);
  }
  return notes;
}

/** Per dataset index: the sweep points a line is drawn from and the statistic it shows. */
type Readouts = Map<number, { points: readonly SweepPoint[]; pick: (p: SweepPoint) => Stat; percent?: boolean; spreadName?: string }>;

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
      const spreadText = point.repeats > 1 ? ` ± ${format(stat.std)}${readout.spreadName === undefined ? '' : ` ${readout.spreadName}`} (${point.repeats} runs)` : '';
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
