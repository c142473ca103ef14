// The x axis of the sweep charts. Regularization strengths span decades, so the axis is
// logarithmic when the values do; λ = 0, which a log axis cannot show, is drawn one decade
// left of the smallest positive value and labelled "0". Values that span less than a
// decade (a dropout p from 0.1 to 0.5) or include negatives get a linear axis.
import type { Scale } from 'chart.js';
import { axis, type Axis, type ChartTheme } from './common.ts';
import { formatNumber } from './format.ts';
import { axisPixels, spacedValues } from './ticks.ts';

export interface SweepAxis {
  log: boolean;
  /** Where a value is drawn (0 moves to `zeroAt` on a log axis). */
  position(value: number): number;
  zeroAt?: number;
  scale: Axis;
}

/** Custom ticks: each swept value while there are few, the decades otherwise. */
const MAX_VALUE_TICKS = 9;

export function sweepAxis(values: readonly number[], title: string, theme: ChartTheme): SweepAxis {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  const positives = distinct.filter((v) => v > 0);
  const min = positives[0], max = positives[positives.length - 1];
  const log = distinct.every((v) => v >= 0) && min !== undefined && max !== undefined && positives.length >= 2 && max / min >= 10;
  if (!log) {
    const base = axis(title, theme);
    const scale: Axis =
      distinct.length <= MAX_VALUE_TICKS
        ? { ...base, afterBuildTicks: (s: Scale) => void (s.ticks = spaced(s, distinct, false).map((value) => ({ value }))) }
        : base;
    const pad = ((distinct[distinct.length - 1] ?? 1) - (distinct[0] ?? 0)) * 0.05 || 0.5;
    return { log, position: (v) => v, scale: { ...scale, min: (distinct[0] ?? 0) - pad, max: (distinct[distinct.length - 1] ?? 1) + pad } as Axis };
  }
  const zeroAt = distinct.includes(0) ? min / 10 : undefined;
  const shown = distinct.map((v) => (v === 0 ? zeroAt! : v));
  const lowest = zeroAt ?? min;
  const ticks =
    shown.length <= MAX_VALUE_TICKS
      ? shown
      : [...(zeroAt === undefined ? [] : [zeroAt]), ...decades(min, max)];
  const base = axis(`${title} (log scale)`, theme, 'log');
  const scale = {
    ...base,
    min: lowest / 10 ** 0.25,
    max: max * 10 ** 0.25,
    afterBuildTicks: (s: Scale) => void (s.ticks = spaced(s, ticks, true).map((value) => ({ value }))),
    ticks: {
      ...(base.ticks as object),
      autoSkip: false,
      callback: (value: number | string) => (Number(value) === zeroAt ? '0' : formatNumber(Number(value), 3)),
    },
  } as Axis;
  return { log, position: (v) => (v === 0 ? zeroAt! : v), ...(zeroAt === undefined ? {} : { zeroAt }), scale };
}

/** The tick values whose labels do not collide at the axis's length (0.3 and 0.5 on a short log axis do). */
function spaced(scale: Scale, values: readonly number[], log: boolean): number[] {
  const pixels = axisPixels(scale);
  const at = (v: number) => (log ? Math.log10(v) : v);
  const lo = at(scale.min), span = at(scale.max) - lo;
  return span > 0 ? spacedValues(values, (v) => ((at(v) - lo) / span) * pixels) : [...values];
}

function decades(min: number, max: number): number[] {
  const out: number[] = [];
  for (let k = Math.ceil(Math.log10(min) - 1e-9); k <= Math.floor(Math.log10(max) + 1e-9); k++) out.push(10 ** k);
  return out;
}
