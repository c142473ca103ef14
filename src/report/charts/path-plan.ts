// The path charts an experiment gets: one per swept variant whose sweep runs kept their final
// weights, in the Sweep group beside the loss against λ. Each spec names the variant's first
// sweep run, from which the chart finds the variant.
import type { ExperimentResults } from '../../results/model.ts';
import { firstPathRun, regularizationPaths } from '../../results/path.ts';
import { pathCaption, pathTitle } from './path.ts';
import type { ChartSpec } from './plan.ts';

export function pathSpecs(results: ExperimentResults, idOf: (runId: string) => string): ChartSpec[] {
  const paths = regularizationPaths(results.runs);
  return paths.flatMap((path) => {
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
  });
}
