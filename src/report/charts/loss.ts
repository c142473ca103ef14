// The Loss view: per variant, the train loss (data term: the mean of the epoch's batch
// losses in train mode, and with training.evalTrain also the whole training set's in eval
// mode) and the test loss (eval mode), and
// in a chart of its own the penalty term when a run has one; logarithmic y axes (the panel's
// Log toggle turns them linear).
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { RunRecord } from '../../results/model.ts';
import type { EpochMetrics } from '../../protocol.ts';
import { axis, baseOptions, epochLine, epochReadout, extent, finite, LIGHT_THEME, niceBounds, positive, type ChartTheme, type EpochPoint } from './common.ts';
import { runLabel } from './labels.ts';
import { variantLegend, type DatasetTag, type SeriesStyle } from './legend.ts';
import { colorOf, displayName, withAlpha } from './palette.ts';

type Point = EpochPoint;

/** How the Loss chart tells its series apart; the variants differ by colour. */
export const LOSS_SERIES = [
  { id: 'test', label: 'test (eval mode)', width: 2.25 },
  { id: 'train', label: 'train (batch mean, train mode)', faded: true, dash: [5, 3], width: 1.75 },
  { id: 'trainEval', label: 'train (eval mode, full set)', faded: true, dash: [1.5, 2.5], width: 1.75 },
  { id: 'diverged', label: 'diverged', marker: 'crossRot' },
] as const satisfies readonly (SeriesStyle & { id: string })[];

/**
 * Per variant, the test loss (eval mode) and the train loss's data term. The penalty term is
 * not here: it is on another scale (an L1 penalty of 100 beside losses of 0.2) and has its
 * own chart, so it never sets this chart's range.
 */
export function lossChart(runs: readonly RunRecord[], colors: ReadonlyMap<string, string>, theme: ChartTheme = LIGHT_THEME, log = true): ChartConfiguration<'line'> {
  const datasets: ChartDataset<'line', Point[]>[] = [];
  const tags: DatasetTag[] = [];
  const add = (dataset: ChartDataset<'line', Point[]>, variant: string, series: string) => {
    datasets.push(dataset);
    tags.push({ variant, series });
  };
  // A log axis cannot show 0 (a train loss that reached it): those become gaps.
  const guard = log ? positive : finite;
  const series = (metrics: readonly EpochMetrics[], pick: (m: EpochMetrics) => number): Point[] => metrics.map((m) => ({ x: m.epoch, y: guard(pick(m)) }));
  for (const run of runs) {
    if (run.metrics.length === 0) continue;
    const color = colorOf(colors, run.variant);
    const name = runLabel(run);
    add(epochLine(`${name} · test`, series(run.metrics, (m) => m.testLoss), color, 2.25), run.variant, 'test');
    add({ ...epochLine(`${name} · train`, series(run.metrics, (m) => m.trainDataLoss), withAlpha(color, 0.55), 1.75), borderDash: [5, 3] }, run.variant, 'train');
    if (run.metrics.some((m) => m.trainEvalLoss !== undefined)) {
      const evalSeries = series(run.metrics, (m) => m.trainEvalLoss ?? Number.NaN);
      add({ ...epochLine(`${name} · train (eval mode, full set)`, evalSeries, withAlpha(color, 0.55), 1.75), borderDash: [1.5, 2.5] }, run.variant, 'trainEval');
    }
    if (run.status === 'diverged') {
      const last = lastFinite(run.metrics);
      if (last !== undefined) {
        add(
          {
            label: `${name} diverged${run.epoch === undefined ? '' : ` at epoch ${run.epoch}`}`,
            data: [{ x: run.epoch ?? last.x, y: last.y }],
            showLine: false,
            pointStyle: 'crossRot',
            pointRadius: 9,
            pointBorderWidth: 2.5,
            borderColor: color,
            backgroundColor: color,
          },
          run.variant,
          'diverged',
        );
      }
    }
  }
  const y = log ? axis('loss (log scale)', theme, 'log') : { ...axis('loss', theme), min: 0 };
  // A diverged run's loss can reach 1e30: let it leave through the top, two decades (linear: a quarter) above the rest.
  const healthy = runs.filter((r) => r.status !== 'diverged' && r.metrics.length > 0);
  if (healthy.length > 0 && healthy.length < runs.filter((r) => r.metrics.length > 0).length) {
    const range = extent(healthy.flatMap((r) => r.metrics.flatMap((m) => [positive(m.trainDataLoss), positive(m.testLoss), positive(m.trainEvalLoss ?? Number.NaN)])));
    if (range !== undefined) Object.assign(y, { max: log ? 10 ** Math.ceil(Math.log10(range[1]) + 2) : niceBounds(0, range[1] * 1.25)[1] });
  }
  const options = baseOptions<'line'>(theme);
  options.scales = { x: { ...axis('epoch', theme), min: 0 }, y };
  epochReadout(options);
  variantLegend(options, theme, legendVariants(runs, colors), LOSS_SERIES, tags);
  return { type: 'line', data: { datasets }, options };
}

/** True when some run's training objective has a penalty term (an L1, L2 or ElasticNet in the loss). */
export function hasPenalty(run: RunRecord): boolean {
  return run.metrics.some((m) => (finite(m.trainPenalty) ?? 0) > 0);
}

/** The penalty term per epoch, per variant that has one: the part of the objective the Loss chart leaves out. */
export function penaltyChart(runs: readonly RunRecord[], colors: ReadonlyMap<string, string>, theme: ChartTheme = LIGHT_THEME, log = true): ChartConfiguration<'line'> {
  const guard = log ? positive : finite;
  const withPenalty = runs.filter(hasPenalty);
  const datasets = withPenalty.map((run) =>
    epochLine(runLabel(run), run.metrics.map((m) => ({ x: m.epoch, y: guard(m.trainPenalty) })), colorOf(colors, run.variant), 2),
  );
  const options = baseOptions<'line'>(theme);
  options.scales = { x: { ...axis('epoch', theme), min: 0 }, y: log ? axis('penalty (log scale)', theme, 'log') : { ...axis('penalty', theme), min: 0 } };
  epochReadout(options);
  return { type: 'line', data: { datasets }, options };
}

/** The variants of these runs, in order, with their colour: the legend's first entries. */
export function legendVariants(runs: readonly Pick<RunRecord, 'variant'>[], colors: ReadonlyMap<string, string>): { variant: string; name: string; color: string }[] {
  const seen = [...new Set(runs.map((r) => r.variant))];
  return seen.map((variant) => ({ variant, name: displayName(variant), color: colorOf(colors, variant) }));
}

/** Where the curves stop: the last epoch with a finite, positive loss. */
function lastFinite(metrics: readonly EpochMetrics[]): Point | undefined {
  for (let i = metrics.length - 1; i >= 0; i--) {
    const m = metrics[i]!;
    const y = positive(m.trainDataLoss) ?? positive(m.testLoss);
    if (y !== null) return { x: m.epoch, y };
  }
  return undefined;
}
