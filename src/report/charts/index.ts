// The chart-config builders, shared by the HTML report and the panel: given results, a
// chart kind (and the run, for per-run charts) they return a Chart.js configuration.
import type { ChartConfiguration } from 'chart.js';
import type { ExperimentResults } from '../../results/model.ts';
import { accuracyChart } from './accuracy.ts';
import { LIGHT_THEME, variantRuns, type ChartTheme } from './common.ts';
import { boundaryChart, fitChart } from './fit.ts';
import { lossChart, penaltyChart } from './loss.ts';
import { variantColors } from './palette.ts';
import type { ChartKind } from './plan.ts';
import { sweepLossChart, sweepWeightsChart } from './sweep.ts';
import { pathChart } from './path.ts';
import { normPathChart } from './norm-path.ts';
import { heatmapChart } from './heatmap.ts';
import { histogramChart, histogramLimit, weightNormChart } from './weights.ts';

export { planCharts, type ChartKind, type ChartSpec, type ChartGroup } from './plan.ts';
export { LIGHT_THEME, type ChartTheme } from './common.ts';
export { variantColors, variantNames, displayName } from './palette.ts';

// Chart.js's configuration types are keyed by chart type; the union is what a canvas gets.
export type AnyChartConfiguration = ChartConfiguration<'line'> | ChartConfiguration<'scatter'>;

/** What the panel changes: its variant colours and its Log toggle. */
export interface BuildOptions {
  /** One colour per variant (hex '#RRGGBB'), in variant order; the report's by default. */
  palette?: readonly string[];
  /** Logarithmic y for the loss charts (default); false: linear. */
  log?: boolean;
}

export function buildChart(results: ExperimentResults, kind: ChartKind, runId?: string, theme: ChartTheme = LIGHT_THEME, options: BuildOptions = {}): AnyChartConfiguration {
  const colors = variantColors(results, options.palette);
  const log = options.log ?? true;
  const runs = variantRuns(results.runs);
  const run = () => {
    const found = results.runs.find((r) => r.id === runId);
    if (found === undefined) throw new Error(`no run "${runId ?? ''}" in "${results.title}"`);
    return found;
  };
  switch (kind) {
    case 'fit':
      return fitChart(runId === undefined ? runs : [run()], colors, theme);
    case 'boundary':
      return boundaryChart(run(), theme);
    case 'loss':
      return lossChart(runs, colors, theme, log);
    case 'penalty':
      return penaltyChart(runs, colors, theme, log);
    case 'accuracy':
      return accuracyChart(runs, colors, theme);
    case 'sweep-loss':
      return sweepLossChart(results, colors, theme, log);
    case 'sweep-weights':
      return sweepWeightsChart(results, colors, theme);
    case 'sweep-grid':
      // runId names the variant whose grid it is (see plan.ts).
      return heatmapChart(results, runId, theme);
    case 'histogram':
      return histogramChart(run(), colors, histogramLimit(runs), theme);
    case 'weight-norm':
      return weightNormChart(runs, colors, theme);
    case 'path':
      return pathChart(results, runId, colors, theme);
    case 'norm-path':
      return normPathChart(results, colors, theme, log);
  }
}
