// Fit: the train and test points with each variant's fitted curve, redrawn at every snapshot
// as training goes (the tutorials' plots every N steps, as an animation); for a 2-D
// classifier, one small chart per variant with its decision boundary under the points.
// After training, a scrubber replays the snapshots: `fitEpoch` cuts every run's snapshots there.
import type { ExperimentResults, RunRecord } from '../../results/model.ts';
import { contextKey, custom, fromSpec, planned, runsKey, variantRunsOf } from './common.ts';
import type { PanelChart, ViewContent, ViewContext } from './types.ts';

/** The epochs that have a snapshot in some variant run, in order: the scrubber's stops. */
export function snapshotEpochs(results: ExperimentResults | null): number[] {
  if (results === null) return [];
  const epochs = new Set<number>();
  for (const run of variantRunsOf(results)) for (const s of run.snapshots) epochs.add(s.epoch);
  return [...epochs].sort((a, b) => a - b);
}

/** The results as they were at `epoch`: each run's snapshots up to it. */
export function atEpoch(results: ExperimentResults, epoch: number | null): ExperimentResults {
  if (epoch === null) return results;
  return { ...results, runs: results.runs.map((r) => (r.sweepValue === undefined ? { ...r, snapshots: r.snapshots.filter((s) => s.epoch <= epoch) } : r)) };
}

export function fitView(ctx: ViewContext): ViewContent {
  const results = atEpoch(ctx.results, ctx.fitEpoch);
  const runs = variantRunsOf(results);
  // New epochs alone change nothing here: only snapshots, data and how runs ended do.
  const key = contextKey(ctx, ctx.fitEpoch, runsKey(runs, false));
  const charts: PanelChart[] = planned(results, 'fit').map((spec) => {
    // While training and in a replay the curve is not the final one.
    const title =
      spec.kind !== 'fit' || spec.runId !== undefined ? spec.title
      : ctx.fitEpoch !== null ? `Fit at epoch ${ctx.fitEpoch}: the data and each variant’s curve`
      : ctx.training ? 'Fit: the data and each variant’s latest curve'
      : spec.title;
    return fromSpec({ ...spec, title }, 'fit', results, ctx, key);
  });
  const notes: string[] = [];
  if (charts.length === 0) {
    // Before the first snapshot: the points alone, so something shows as soon as the data is there.
    if (runs.some(isOneInputRegression)) {
      charts.push(custom('panel-fit', 'fit', 'fit', 'Fit: the data (the curves appear at the first snapshot)', results, ctx, key));
    } else if (runs.some((r) => r.data?.train.x[0]?.length === 2 && r.task === 'classification')) {
      notes.push('The decision boundaries appear at the first snapshot.');
    }
  }
  const pending = runs.filter((r) => r.status === 'queued' || (r.status === 'running' && r.snapshots.length === 0)).length;
  if (ctx.training && pending > 0 && charts.length > 0) notes.push(`${pending} variant${pending === 1 ? '' : 's'} waiting for a first snapshot.`);
  return {
    charts,
    notes,
    ...(charts.length === 0 && notes.length === 0
      ? { empty: 'No fit view for this experiment: it is drawn for regressions with one input and for classifiers with two.' }
      : {}),
  };
}

function isOneInputRegression(run: RunRecord): boolean {
  return run.task !== 'classification' && run.data !== undefined && run.data.train.x[0]?.length === 1;
}
