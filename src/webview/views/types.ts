// What a view (one tab) gives the page: its charts, each a Chart.js configuration with the
// card around it, and sentences for what it cannot draw.
import type { AnyChartConfiguration, ChartSpec } from '../../report/charts/index.ts';
import type { ExperimentResults } from '../../results/model.ts';
import type { View } from '../contract.ts';
import type { PanelTheme } from '../theme.ts';

export interface PanelChart {
  /** data-chart: stable across draws, so a chart is updated in place, not rebuilt. */
  id: string;
  view: View;
  title: string;
  caption?: string;
  size: ChartSpec['size'];
  /** ChartSpec.height: the chart box's height in CSS pixels, instead of the size's. */
  height?: number;
  /** The variant whose colour the card wears, for charts of one run. */
  variant?: string;
  /** Changes whenever what the chart shows changes; an unchanged key skips the draw. */
  key: string;
  config: () => AnyChartConfiguration;
}

export interface ViewContent {
  charts: PanelChart[];
  /** Shown above the charts: what is still coming (runs in progress, snapshots awaited), hints. */
  notes: string[];
  /**
   * Shown under the charts: sentences that read them (a sweep's chosen values and how far to
   * trust them). Under, so the chart itself is the first thing the panel shows.
   */
  readings?: string[];
  /** Shown instead of charts when there are none. */
  empty?: string;
}

export interface ViewContext {
  results: ExperimentResults;
  theme: PanelTheme;
  /** Bumped when the theme changes, so every chart's key changes with it. */
  themeRevision: number;
  logScale: boolean;
  training: boolean;
  /** The Fit view's scrubber: the snapshot epoch to show (null: the latest). */
  fitEpoch: number | null;
  /** Variants the user hid in the legend (already left out of `results`; part of every key). */
  hidden?: readonly string[];
}
