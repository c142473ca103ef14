// The regularization path chart: a swept variant's final weights against the swept value
// (log axis when it spans decades, 0 a decade left), as glmnet draws the lasso path. A
// linear model gets one line per coefficient; a model with hidden layers gets each weight
// matrix's ‖W‖₂ (solid) and its largest |w| (dashed). Means over the repeats that finished.
import type { ChartConfiguration, ChartDataset, ChartOptions } from 'chart.js';
import type { ExperimentResults } from '../../results/model.ts';
import { regularizationPaths, type PathSeries, type RegularizationPath } from '../../results/path.ts';
import { axis, baseOptions, LIGHT_THEME, type ChartTheme } from './common.ts';
import { formatNumber } from './format.ts';
import { CLASS_COLORS, colorOf, displayName, withAlpha } from './palette.ts';
import { sweepAxis } from './sweep-axis.ts';
import { sweepTitle } from './sweep.ts';

type Point = { x: number; y: number | null };

/** Up to this many coefficients get a colour and a legend entry each; more are drawn as one family. */
const NAMED_COEFFICIENTS = 10;

/** The path of the variant that `runId` (one of its sweep runs) belongs to. */
export function pathOfRun(results: Pick<ExperimentResults, 'runs'>, runId: string | undefined): RegularizationPath | undefined {
  const variant = results.runs.find((r) => r.id === runId)?.variant;
  return regularizationPaths(results.runs).find((p) => p.variant === variant);
}

export function pathChart(
  results: Pick<ExperimentResults, 'runs' | 'sweepOver'>,
  runId: string | undefined,
  colors: ReadonlyMap<string, string>,
  theme: ChartTheme = LIGHT_THEME,
): ChartConfiguration<'line'> {
  const path = pathOfRun(results, runId);
  if (path === undefined) throw new Error(`no regularization path for run "${runId ?? ''}"`);
  const title = sweepTitle(results);
  const x = sweepAxis(path.values, title, theme);
  const line = (series: PathSeries, color: string, width: number, dash: number[] = []): ChartDataset<'line', Point[]> => ({
    label: series.label,
    data: series.mean.map((y, i) => ({ x: x.position(path.values[i]!), y })),
    borderColor: color,
    backgroundColor: color,
    borderWidth: width,
    borderDash: dash,
    pointRadius: 0,
    pointHoverRadius: 3,
    pointStyle: 'line',
  });
  const variantColor = colorOf(colors, path.variant);
  let datasets: ChartDataset<'line', Point[]>[];
  let yTitle: string;
  const named = path.coefficients !== null && path.coefficients.length <= NAMED_COEFFICIENTS;
  const truth = path.truth;
  if (path.coefficients !== null && truth !== null && !named) {
    // The lesson is which coefficients survive: the true features in the variant's colour, in
    // front; the features with no true weight thin and grey, behind.
    const real = path.coefficients.flatMap((c, j) => (truth[j] !== 0 ? [line(c, variantColor, 2.25)] : []));
    const noise = path.coefficients.flatMap((c, j) => (truth[j] === 0 ? [line(c, withAlpha(theme.muted, 0.5), 1)] : []));
    datasets = [...real, ...noise];
    yTitle = 'coefficient wⱼ (mean over repeats)';
  } else if (path.coefficients !== null) {
    datasets = path.coefficients.map((c, j) =>
      named ? line(c, CLASS_COLORS[j % CLASS_COLORS.length]!, 2) : line(c, withAlpha(variantColor, 0.55), 1.25),
    );
    yTitle = 'coefficient wⱼ (mean over repeats)';
  } else {
    datasets = [
      ...path.layers.map((l, k) => line(l, CLASS_COLORS[k % CLASS_COLORS.length]!, 2.25)),
      ...path.largest.map((l, k) => line(l, withAlpha(variantColor, k === 0 ? 0.9 : 0.45), k === 0 ? 1.75 : 1, [5, 4])),
    ];
    yTitle = '‖W‖₂ per layer (solid), largest |w| (dashed)';
  }
  const families = path.coefficients !== null && truth !== null && !named;
  const options = baseOptions<'line'>(theme, path.coefficients === null || named || families);
  options.interaction = { mode: 'nearest', intersect: false };
  options.scales = { x: x.scale, y: axis(yTitle, theme) };
  readout(options, title, x.zeroAt, path);
  if (families) {
    // One entry per family, not one per coefficient.
    const real = truth!.filter((w) => w !== 0).length;
    const entries = [
      { text: `${real} true feature${real === 1 ? '' : 's'} (w* ≠ 0)`, color: variantColor, width: 2.25 },
      { text: `${truth!.length - real} without a true weight (w* = 0)`, color: withAlpha(theme.muted, 0.7), width: 1.5 },
    ];
    options.plugins!.legend!.labels!.generateLabels = () =>
      entries.map((e) => ({ text: e.text, strokeStyle: e.color, fillStyle: e.color, lineWidth: e.width, pointStyle: 'line', fontColor: theme.text, hidden: false }));
  }
  if (path.coefficients === null) {
    // The ranks below the largest make a family: one legend entry says what the dashed lines are.
    options.plugins!.legend!.labels!.filter = (item) => !/^\d+(nd|rd|th) largest/.test(item.text);
  }
  return { type: 'line', data: { datasets }, options };
}

function readout(options: ChartOptions<'line'>, title: string, zeroAt: number | undefined, path: RegularizationPath): void {
  const tooltip = options.plugins!.tooltip!;
  tooltip.callbacks = {
    ...tooltip.callbacks,
    title: (items) => {
      const item = items[0];
      if (item === undefined) return '';
      const at = item.parsed.x;
      const repeats = path.repeats[item.dataIndex] ?? 0;
      return `${title} = ${at === zeroAt ? '0' : formatNumber(at)} (${repeats} repeat${repeats === 1 ? '' : 's'})`;
    },
    label: (item) => {
      const y = item.parsed.y;
      return `${item.dataset.label ?? ''}: ${y === 0 ? '0 (exactly)' : formatNumber(y)}`;
    },
  };
}

/** The chart's title and the sentence under it: what to read, and the exact zeros one by one. */
export function pathTitle(results: Pick<ExperimentResults, 'sweepOver'>, path: RegularizationPath, several: boolean): string {
  const who = several ? `${displayName(path.variant)}: ` : '';
  const what = path.coefficients !== null ? 'each coefficient' : 'each layer’s ‖W‖₂ and the largest weights';
  return `${who}Regularization path: ${what} against ${sweepTitle(results)}`;
}

export function pathCaption(path: RegularizationPath): string {
  const means = 'Final weights, mean over the repeats at each value.';
  if (path.coefficients === null) {
    return `${means} Solid: ‖W‖₂ of each weight matrix; dashed: the largest |w| over all weights (the darkest is the largest).`;
  }
  const zeros = path.zeros!;
  const n = path.coefficients.length;
  const at = (i: number) => formatNumber(path.values[i]!);
  // Only where the count changes: "none up to 0.05; 1 of 20 from 0.1, 7 from 0.2, …, all 20 from 3."
  const steps: string[] = [];
  zeros.forEach((z, i) => {
    if (i === 0 ? z === 0 : z === zeros[i - 1]) return;
    steps.push(`${z === n ? `all ${n}` : steps.length === 0 ? `${z} of ${n}` : `${z}`} from ${at(i)}`);
  });
  const firstChange = zeros.findIndex((z) => z !== 0);
  const counted =
    firstChange < 0
      ? 'No coefficient is exactly 0 at any value: the penalty shrinks them without zeroing them.'
      : `Exactly 0 in every repeat: ${firstChange > 0 ? `none up to ${at(firstChange - 1)}; ` : ''}${steps.join(', ')}.`;
  return `${means} One line per coefficient${lines(path, n)}. ${counted}${recovered(path)}`;
}

/** How the coefficients' lines are told apart. */
function lines(path: RegularizationPath, n: number): string {
  if (n <= NAMED_COEFFICIENTS) return '';
  if (path.truth === null) return ` (${n} of them, in one colour)`;
  const real = path.truth.filter((w) => w !== 0).length;
  return ` (${n}): in colour the ${real} with a true weight, in grey the ${n - real} without`;
}

/** Where the non-zero coefficients are exactly the true features (the lasso recovers the support). */
function recovered(path: RegularizationPath): string {
  const { truth, coefficients } = path;
  if (truth === null || coefficients === null) return '';
  const exact = path.values.filter((_, i) => coefficients.every((c, j) => (c.mean[i] === 0) === (truth[j] === 0) && c.mean[i] !== null));
  if (exact.length === 0) return ' At no value are the non-zero coefficients exactly the true features.';
  const span = exact.length === 1 ? `at ${formatNumber(exact[0]!)}` : `from ${formatNumber(exact[0]!)} to ${formatNumber(exact.at(-1)!)}`;
  return ` The non-zero coefficients are exactly the true features ${span}${exact.length > 2 ? ` (${exact.length} values)` : ''}.`;
}
