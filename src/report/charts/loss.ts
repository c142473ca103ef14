// The Loss view: per variant, the train loss (data term), the test loss (eval mode) and,
// apart and dashed, the penalty term when the run has one; logarithmic y axis (the panel's
// Log toggle turns it linear).
import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { RunRecord } from '../../experiment/results.ts';
import type { EpochMetrics } from '../../protocol.ts';
import { axis, baseOptions, epochLine, epochReadout, extent, finite, LIGHT_THEME, niceBounds, positive, type ChartTheme, type EpochPoint } from './common.ts';
import { runLabel } from './fit.ts';
import { colorOf, withAlpha } from './palette.ts';

type Point = EpochPoint;

export function lossChart(runs: readonly RunRecord[], colors: ReadonlyMap<string, string>, theme: ChartTheme = LIGHT_THEME, log = true): ChartConfiguration<'line'> {
  const datasets: ChartDataset<'line', Point[]>[] = [];
  // A log axis cannot show 0 (a train loss that reached it, no penalty yet): those become gaps.
  const guard = log ? positive : finite;
  const series = (metrics: readonly EpochMetrics[], pick: (m: EpochMetrics) => number): Point[] => metrics.map((m) => ({ x: m.epoch, y: guard(pick(m)) }));
  for (const run of runs) {
    if (run.metrics.length === 0) continue;
    const color = colorOf(colors, run.variant);
    const name = runLabel(run);
    datasets.push(epochLine(`${name} · test`, series(run.metrics, (m) => m.testLoss), color, 2.25));
    datasets.push(epochLine(`${name} · train`, series(run.metrics, (m) => m.trainDataLoss), withAlpha(color, 0.5), 1.75));
    if (run.metrics.some((m) => (finite(m.trainPenalty) ?? 0) > 0)) {
      datasets.push({ ...epochLine(`${name} · penalty`, series(run.metrics, (m) => m.trainPenalty), color, 1.5), borderDash: [6, 4] });
    }
    if (run.status === 'diverged') {
      const last = lastFinite(run.metrics);
      if (last !== undefined) {
        datasets.push({
          label: `${name} diverged${run.epoch === undefined ? '' : ` at epoch ${run.epoch}`}`,
          data: [{ x: run.epoch ?? last.x, y: last.y }],
          showLine: false,
          pointStyle: 'crossRot',
          pointRadius: 9,
          pointBorderWidth: 2.5,
          borderColor: color,
          backgroundColor: color,
        });
      }
    }
  }
  const y = log ? axis('loss (log scale)', theme, 'log') : { ...axis('loss', theme), min: 0 };
  // A diverged run's loss can reach 1e30: let it leave through the top, two decades (linear: a quarter) above the rest.
  const healthy = runs.filter((r) => r.status !== 'diverged' && r.metrics.length > 0);
  if (healthy.length > 0 && healthy.length < runs.filter((r) => r.metrics.length > 0).length) {
    const range = extent(healthy.flatMap((r) => r.metrics.flatMap((m) => [positive(m.trainDataLoss), positive(m.testLoss)])));
    if (range !== undefined) Object.assign(y, { max: log ? 10 ** Math.ceil(Math.log10(range[1]) + 2) : niceBounds(0, range[1] * 1.25)[1] });
  }
  const options = baseOptions<'line'>(theme);
  options.scales = { x: { ...axis('epoch', theme), min: 0 }, y };
  epochReadout(options);
  return { type: 'line', data: { datasets }, options };
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
