// The path charts an experiment gets: one per swept variant whose sweep runs kept their final
// weights, in the Sweep group beside the loss against λ. Each spec names the variant's first
// sweep run, from which the chart finds the variant.
import type { ExperimentResults } from '../../results/model.ts';
import { firstPathRun, regularizationPaths } from '../../results/path.ts';
import { hasNormPath } from './norm-path.ts';
import { pathCaption, pathTitle } from './path.ts';
import { sweepTitle } from './sweep.ts';
import type { ChartSpec } from './plan.ts';

export function pathSpecs(results: ExperimentResults, idOf: (runId: string) => string, id: string): ChartSpec[] {
  const paths = regularizationPaths(results.runs);
  const normPath: ChartSpec[] = hasNormPath(results)
    ? [{
        id,
        kind: 'norm-path',
        group: 'sweep',
        title: `Test loss against ‖w‖₂: each variant’s run over its epochs, the sweep over ${sweepTitle(results)}`,
        caption:
          'Solid: each variant’s own run, one point per evaluated epoch: trained from small weights without a penalty, ‖w‖₂ grows as it trains, so stopping early picks a point on this line. Dashed with dots: the sweep, one point per value (mean over repeats). For least squares the two paths nearly coincide (Ali, Kolter & Tibshirani 2019): stopping at epoch t acts like a penalty of λ ≈ 1/(lr·t).',
        size: 'wide',
      }]
    : [];
  return [...normPath, ...paths.flatMap((path) => {
    const runId = firstPathRun(results.runs, path.variant);
    if (runId === undefined) return [];
    return [{
      id: idOf(runId),
      kind: 'path' as const,
      group: 'sweep' as const,
      runId,
      variant: path.variant,
      title: pathTitle(results, path, paths.length > 1),
      caption: pathCaption(path),
      size: 'wide' as const,
    }];
  })];
}
