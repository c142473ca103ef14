// Sweep: the final train and test loss against the swept value (log axis when it spans
// decades) with the spread over repeats, beside ‖w‖₂ and the near-zero share against it.
// The means grow while the sweep's runs finish.
import { sweepNotes } from '../../report/charts/sweep.ts';
import { contextKey, fromSpec, planned } from './common.ts';
import type { ViewContent, ViewContext } from './types.ts';

export const NO_SWEEP =
  'This experiment has no sweep. Add one to the file to see the loss, ‖w‖ and sparsity against λ, e.g. "sweep": { "over": "regularization.weightDecay", "values": [0, 0.001, 0.01, 0.1, 1], "repeats": 3 }.';

export function sweepView(ctx: ViewContext): ViewContent {
  const results = ctx.results;
  const sweepRuns = results.runs.filter((r) => r.sweepValue !== undefined);
  const done = sweepRuns.filter((r) => r.status !== 'queued' && r.status !== 'running').length;
  const key = contextKey(ctx, ctx.logScale, done, JSON.stringify(results.sweep.map((p) => [p.variant, p.value, p.gridValue, p.repeats])));
  const charts = planned(results, 'sweep').map((spec) => fromSpec(spec, 'sweep', results, ctx, key));
  const readings = charts.length > 0 ? sweepNotes(results) : [];
  const notes = sweepRuns.length > 0 && done < sweepRuns.length ? [`${done} of ${sweepRuns.length} sweep runs done; the points appear as their runs finish.`] : [];
  return {
    charts,
    notes,
    readings,
    ...(charts.length === 0 && sweepRuns.length === 0 ? { empty: NO_SWEEP } : {}),
  };
}
