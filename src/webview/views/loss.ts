// Loss: train (data term) and test loss per variant per epoch, with the penalty term drawn
// apart (dashed); logarithmic y unless the Log toggle is off. Classifiers add their accuracy.
import { contextKey, fromSpec, planned, runsKey, variantRunsOf } from './common.ts';
import type { ViewContent, ViewContext } from './types.ts';

export function lossView(ctx: ViewContext): ViewContent {
  const results = ctx.results;
  const key = contextKey(ctx, ctx.logScale, runsKey(variantRunsOf(results)));
  const charts = planned(results, 'loss').map((spec) => {
    const chart = fromSpec(spec, 'loss', results, ctx, key);
    if (spec.kind === 'loss' && !ctx.logScale) chart.caption = `${spec.caption ?? ''} Linear y axis.`;
    return chart;
  });
  return {
    charts,
    notes: [],
    ...(charts.length === 0 ? { empty: ctx.training ? 'The loss curves appear with the first epochs.' : 'No loss curves: no variant run recorded an epoch.' } : {}),
  };
}
