// What every chart shares: the theme, axes with titles, the options of a static chart
// (no animation, so a report prints and screenshots complete), and value guards.
import type { ChartDataset, ChartOptions, ChartType, Scale, TooltipItem } from 'chart.js';
import type { RunRecord } from '../../results/model.ts';
import { formatNumber, logTick } from './format.ts';
import { axisPixels, logTickValues } from './ticks.ts';

/** The lowest a log axis goes, as a share of its top: six decades carry all a chart can show. */
export const LOG_FLOOR = 1e-6;

export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  /** Behind boundary heat maps and hollow markers. */
  background: string;
  font: string;
}

/** Light, high-contrast and printable. The panel passes colours read from --vscode-* variables. */
export const LIGHT_THEME: ChartTheme = {
  text: '#1F1F1F',
  muted: '#5F5F5F',
  grid: '#E3E3E3',
  background: '#FFFFFF',
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
};

/** One entry of a chart's `options.scales`. */
export type Axis = NonNullable<NonNullable<ChartOptions<'line'>['scales']>[string]>;

/** A titled axis; `log` picks a logarithmic scale with readable decade ticks. */
export function axis(title: string, theme: ChartTheme, kind: 'linear' | 'log' = 'linear'): Axis {
  const base = {
    title: { display: true, text: title, color: theme.text, font: { family: theme.font, size: 12 } },
    grid: { color: theme.grid },
    border: { color: theme.muted },
  };
  if (kind === 'log') {
    let floored = false;
    return {
      ...base,
      type: 'logarithmic',
      ticks: {
        color: theme.muted,
        font: { family: theme.font },
        // The floor's tick says that lower values exist and go through the bottom.
        callback: (value, index) => {
          const label = logTick(Number(value)) ?? formatNumber(Number(value), 2);
          return floored && index === 0 ? `≤ ${label}` : label;
        },
      },
      // End on labelled values (1, 2 or 5 × 10^k) so no line runs along the frame, and
      // never below LOG_FLOOR of the top: a norm decaying to denormals (1e-42) or a loss
      // reaching 1e-12 would otherwise squeeze every curve that carries information.
      afterDataLimits: (scale: Scale) => {
        floored = false;
        if (!(scale.max > 0)) return;
        scale.max = logRound(scale.max, 'up');
        const floor = logRound(scale.max * LOG_FLOOR, 'down');
        if (!(scale.min > floor)) {
          floored = scale.min < floor;
          scale.min = floor;
        } else scale.min = logRound(scale.min, 'down');
      },
      afterBuildTicks: (scale: Scale) => {
        scale.ticks = logTickValues(scale.min, scale.max, axisPixels(scale)).map((value) => ({ value }));
      },
    } as Axis;
  }
  return {
    ...base,
    type: 'linear',
    ticks: { color: theme.muted, font: { family: theme.font }, callback: (value) => formatNumber(Number(value), 3) },
  } as Axis;
}

/** The nearest 1, 2 or 5 × 10^k above (or below) a positive value. */
export function logRound(value: number, direction: 'up' | 'down'): number {
  const power = 10 ** Math.floor(Math.log10(value));
  const steps = [1, 2, 5, 10].map((m) => m * power);
  const eps = value * 1e-9;
  const rounded = direction === 'up' ? steps.find((s) => s >= value - eps)! : [...steps].reverse().find((s) => s <= value + eps)!;
  return Number(rounded.toPrecision(12));
}

/** Options of a static, responsive chart that fills its (fixed-height) box. */
export function baseOptions<T extends ChartType>(theme: ChartTheme, legend = true): ChartOptions<T> {
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    // Crisp when printed or zoomed.
    devicePixelRatio: Math.max(2, globalThis.devicePixelRatio ?? 1),
    font: { family: theme.font },
    color: theme.text,
    interaction: { mode: 'nearest', intersect: false },
    plugins: {
      legend: {
        display: legend,
        position: 'bottom',
        labels: { color: theme.text, usePointStyle: true, boxWidth: 28, boxHeight: 8, padding: 12, font: { family: theme.font, size: 12 } },
      },
      tooltip: {
        callbacks: {
          label: (item: TooltipItem<ChartType>) => {
            const raw = item.raw as { x?: number; y?: number } | number | null;
            const y = typeof raw === 'number' ? raw : raw?.y;
            return `${item.dataset.label ?? ''}: ${formatNumber(y)}`;
          },
        },
      },
    },
  } as ChartOptions<T>;
}

/** A point of a curve over epochs; null is a gap. */
export type EpochPoint = { x: number; y: number | null };

/** A curve over epochs as the Loss and Accuracy charts draw it: no dots, a short line in the legend. */
export function epochLine(label: string, data: EpochPoint[], color: string, width: number): ChartDataset<'line', EpochPoint[]> {
  return { label, data, borderColor: color, backgroundColor: color, borderWidth: width, pointRadius: 0, pointHoverRadius: 3, pointStyle: 'line', spanGaps: false };
}

/** Hover read-out of curves over epochs: every curve at the hovered epoch, under "epoch N". */
export function epochReadout(options: ChartOptions<'line'>): void {
  options.interaction = { mode: 'index', intersect: false };
  const tooltip = options.plugins!.tooltip!;
  tooltip.callbacks = { ...tooltip.callbacks, title: (items) => (items.length === 0 ? '' : `epoch ${formatNumber(items[0]!.parsed.x)}`) };
}

/** Hover read-out of points in a plane: the nearest point's label and (x, y). */
export function pointReadout(options: ChartOptions<'scatter'>): void {
  const tooltip = options.plugins!.tooltip!;
  tooltip.callbacks = {
    ...tooltip.callbacks,
    label: (item) => `${item.dataset.label ?? ''}: (${formatNumber(item.parsed.x, 3)}, ${formatNumber(item.parsed.y, 3)})`,
  };
}

/** The value, or null (a gap in the line) when it is not finite. JSON turns NaN into null. */
export function finite(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** For logarithmic axes: zero and negative values become gaps as well. */
export function positive(value: number | null | undefined): number | null {
  const v = finite(value);
  return v !== null && v > 0 ? v : null;
}

/** A step of 1, 2 or 5 × 10^k near span / target. */
export function niceStep(span: number, target = 6): number {
  const raw = span / target;
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * power;
}

/** [lo, hi] widened to multiples of a nice step, so the axis ends on round ticks. */
export function niceBounds(lo: number, hi: number, target = 8): [number, number] {
  const step = niceStep(hi - lo, target);
  const round = (v: number) => Number(v.toPrecision(12));
  return [round(Math.floor(lo / step + 1e-9) * step), round(Math.ceil(hi / step - 1e-9) * step)];
}

/** Largest and smallest of many values without spreading them into arguments. */
export function extent(values: Iterable<number | null>): [number, number] | undefined {
  let lo = Infinity, hi = -Infinity;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : undefined;
}

/** The runs that the Loss, Fit and Weights charts show: one per variant, not the sweep's. */
export function variantRuns(runs: readonly RunRecord[]): RunRecord[] {
  return runs.filter((r) => r.sweepValue === undefined);
}
