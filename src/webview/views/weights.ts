// Weights: each variant's final weight histogram with its count of exact zeros (what L1 is
// about), and ‖w‖₂ over the epochs, which grows as the runs train.
import { contextKey, fromSpec, planned, runsKey, variantRunsOf } from './common.ts';
import type { ViewContent, ViewContext } from './types.ts';

export function weightsView(ctx: ViewContext): ViewContent {
  const results = ctx.results;
  const runs = variantRunsOf(results);
  const key = contextKey(ctx, runsKey(runs));
  const specs = planned(results, 'weights');
  // ‖w‖ over epochs first: it is there while training; the histograms come at the end.
  specs.sort((a, b) => Number(a.kind === 'histogram') - Number(b.kind === 'histogram'));
  const charts = specs.map((spec) => fromSpec(spec, 'weights', results, ctx, key));
  const unfinished = runs.filter((r) => r.summary === undefined && (r.status === 'queued' || r.status === 'running')).length;
  const notes = unfinished > 0 && charts.length > 0 ? ['Each variant’s weight histogram appears when its run finishes.'] : [];
  return {
    charts,
    notes,
    ...(charts.length === 0 ? { empty: ctx.training ? '‖w‖ appears with the first epochs, the histograms when the runs finish.' : 'No weights view: no variant run recorded an epoch.' } : {}),
  };
}
