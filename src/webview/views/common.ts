// What the four views share: the report's chart plan filtered to one tab, keys that change
// exactly when a chart's inputs do, and the panel's adjustments to the report's configs
// (VS Code's colours, the Log toggle, screen pixels, hover styling).
import { variantRuns } from '../../report/charts/common.ts';
import { buildChart, planCharts, variantNames, type AnyChartConfiguration, type ChartGroup, type ChartKind, type ChartSpec } from '../../report/charts/index.ts';
import type { ExperimentResults, RunRecord } from '../../results/model.ts';
import type { View } from '../contract.ts';
import type { PanelTheme } from '../theme.ts';
import type { PanelChart, ViewContext } from './types.ts';

export { variantRuns };

/** The report's charts of one group, with ids unique in the panel. */
export function planned(results: ExperimentResults, group: ChartGroup): ChartSpec[] {
  return planCharts(results, 'panel').filter((s) => s.group === group);
}

/** Everything about the runs that a chart of them may show, as one string. */
export function runsKey(runs: readonly RunRecord[], withMetrics = true): string {
  return runs
    .map((r) => `${r.id}:${r.status}:${withMetrics ? r.metrics.length : '-'}:${r.snapshots.length}:${r.data === undefined ? 0 : 1}:${r.summary === undefined ? 0 : 1}`)
    .join('|');
}

export function contextKey(ctx: ViewContext, ...extra: (string | number | boolean | null)[]): string {
  return [ctx.themeRevision, JSON.stringify(ctx.hidden ?? []), ...extra].join(';');
}

/**
 * The results without the variants hidden in the legend, and the palette that keeps every
 * shown variant in its colour (the builders colour variants by their order in the results).
 */
export function hideVariants(results: ExperimentResults, hidden: ReadonlySet<string>, colors: ReadonlyMap<string, string>): { results: ExperimentResults; palette: string[] } {
  const shown = hidden.size === 0 ? results : { ...results, runs: results.runs.filter((r) => !hidden.has(r.variant)), sweep: results.sweep.filter((p) => !hidden.has(p.variant)) };
  return { results: shown, palette: variantNames(shown).map((name) => colors.get(name) ?? '#888888') };
}

/** A panel chart from a spec of the report's plan. */
export function fromSpec(
  spec: ChartSpec,
  view: View,
  results: ExperimentResults,
  ctx: ViewContext,
  key: string,
): PanelChart {
  return {
    id: spec.id,
    view,
    title: spec.title,
    ...(spec.caption === undefined ? {} : { caption: spec.caption }),
    size: spec.size,
    ...(spec.height === undefined ? {} : { height: spec.height }),
    ...(spec.variant === undefined ? {} : { variant: spec.variant }),
    key: `${spec.kind}#${key}`,
    config: () => {
      const config = buildChart(results, spec.kind, spec.runId, ctx.theme, { palette: ctx.theme.palette, log: ctx.logScale });
      panelOptions(config, ctx.theme);
      return config;
    },
  };
}

/** A chart the plan does not hold (e.g. the points before the first fitted curve). */
export function custom(id: string, kind: ChartKind, view: View, title: string, results: ExperimentResults, ctx: ViewContext, key: string, size: ChartSpec['size'] = 'wide'): PanelChart {
  return fromSpec({ id, kind, group: view, title, size }, view, results, ctx, key);
}

/**
 * The panel draws for a screen, again and again while training: the screen's pixel ratio
 * (the report uses at least 2 for print), no animation between streamed frames, and
 * tooltips that look like VS Code's hovers.
 */
export function panelOptions(config: AnyChartConfiguration, theme: PanelTheme): void {
  const options = config.options as { devicePixelRatio?: number; animation?: unknown; plugins?: { tooltip?: Record<string, unknown> } };
  delete options.devicePixelRatio;
  options.animation = false;
  const tooltip = (options.plugins ??= {}).tooltip ??= {};
  Object.assign(tooltip, {
    backgroundColor: theme.hover.background,
    titleColor: theme.hover.text,
    bodyColor: theme.hover.text,
    footerColor: theme.hover.text,
    borderColor: theme.hover.border,
    borderWidth: 1,
    cornerRadius: 3,
    titleFont: { family: theme.font, weight: 'bold' },
    bodyFont: { family: theme.font },
  });
}

export function variantRunsOf(results: ExperimentResults): RunRecord[] {
  return variantRuns(results.runs);
}
