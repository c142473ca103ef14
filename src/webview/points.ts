// Counting what a chart draws: the test hooks' `data-points` and `data-row-marks`, and the
// unit tests' measure of the configs built from results. Pure: it reads the configuration only.
import type { AnyChartConfiguration } from '../report/charts/index.ts';
import { HEATMAP_ID, type HeatmapOptions } from '../report/charts/heatmap.ts';

/** Points drawn: data entries with a finite value (gaps, i.e. null y, are not drawn). */
export function countPoints(config: Pick<AnyChartConfiguration, 'data'>): number {
  let count = 0;
  for (const dataset of config.data.datasets) {
    for (const point of dataset.data as unknown[]) if (isDrawn(point)) count++;
  }
  return count;
}

function isDrawn(point: unknown): boolean {
  if (typeof point === 'number') return Number.isFinite(point);
  if (point === null || typeof point !== 'object') return false;
  const { x, y } = point as { x?: unknown; y?: unknown };
  return typeof y === 'number' && Number.isFinite(y) && (x === undefined || (typeof x === 'number' && Number.isFinite(x)));
}

/** A heat map's marks of each row's best cell (0 for other charts). */
export function rowMarks(config: Pick<AnyChartConfiguration, 'options'>): number {
  const plugins = (config.options as { plugins?: Record<string, unknown> } | undefined)?.plugins;
  return (plugins?.[HEATMAP_ID] as Partial<HeatmapOptions> | undefined)?.rowBest?.length ?? 0;
}
