// Tick values that never collide: logarithmic axes get 1, 2 and 5 × 10^k, or only the
// decades, or every few decades, by how many pixels a decade has; the sweep's value ticks
// drop a value that would sit closer than a label's width to the one before. Chart.js's own
// log ticks label 2, 3, 4, 5 … 9 × 10^k and overlap ("0.30.5") on a short chart.
import type { Scale } from 'chart.js';

/** The least distance between two tick labels, in CSS pixels. */
export const MIN_TICK_GAP_PX = 34;

/** The axis length in pixels while ticks are built (Chart.js sets it before building them). */
export function axisPixels(scale: Scale): number {
  const length = scale.isHorizontal() ? scale.width : scale.height;
  return length > 0 ? length : 300;
}

/** Tick values for a log axis over [min, max] (both > 0) drawn over `pixels`. */
export function logTickValues(min: number, max: number, pixels: number, gap = MIN_TICK_GAP_PX): number[] {
  if (!(min > 0) || !(max > min)) return min > 0 ? [min] : [];
  const decades = Math.log10(max / min);
  const perDecade = pixels / decades;
  const mantissas = perDecade >= 2.6 * gap ? [1, 2, 5] : [1];
  // Fewer than one label per decade fits: every `stride`-th decade.
  const stride = perDecade >= gap ? 1 : Math.ceil(gap / perDecade);
  const out: number[] = [];
  const first = Math.floor(Math.log10(min) - 1e-9), last = Math.ceil(Math.log10(max) + 1e-9);
  for (let k = first; k <= last; k++) {
    if (((k % stride) + stride) % stride !== 0) continue;
    for (const m of mantissas) {
      const v = Number((m * 10 ** k).toPrecision(12));
      if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) out.push(v);
    }
  }
  // A short axis inside one decade: its two ends, so it still says where it is.
  return out.length >= 2 ? out : [min, max];
}

/**
 * Of `values` (sorted), those whose labels keep `gap` pixels from the previous one kept; the
 * first and last are always kept (the last displaces its too-close neighbour).
 */
export function spacedValues(values: readonly number[], pixelOf: (v: number) => number, gap = MIN_TICK_GAP_PX): number[] {
  const kept: number[] = [];
  for (const v of values) {
    if (kept.length === 0 || Math.abs(pixelOf(v) - pixelOf(kept[kept.length - 1]!)) >= gap) kept.push(v);
  }
  const last = values[values.length - 1];
  if (last !== undefined && kept[kept.length - 1] !== last) {
    while (kept.length > 1 && Math.abs(pixelOf(last) - pixelOf(kept[kept.length - 1]!)) < gap) kept.pop();
    kept.push(last);
  }
  return kept;
}
