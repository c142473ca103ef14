// The values a sweep tries: its `values` as written, or `logspace` expanded.
import type { Sweep } from './schema/experiment.ts';

/**
 * `count` values from `from` to `to`, evenly spaced on a log scale, both ends exact
 * (numpy's geomspace). Inner values are rounded to 12 significant digits, so 1e-4 … 1
 * gives 0.001, not 0.0010000000000000002.
 */
export function logspace(from: number, to: number, count: number): number[] {
  if (count === 1) return [from];
  return Array.from({ length: count }, (_, i) => logspaceValue(from, to, count, i));
}

/** The i-th of logspace(from, to, count)'s values, computed alone. */
export function logspaceValue(from: number, to: number, count: number, i: number): number {
  if (i === 0) return from;
  if (i === count - 1) return to;
  return Number((from * Math.pow(to / from, i / (count - 1))).toPrecision(12));
}

/**
 * The first of a log-space's values (rounded for an integer field) that `accepts` refuses,
 * found by bisection: the values are monotone and `accepts` is a range, so the accepted
 * ones are contiguous. Costs log(count) values, whatever the count.
 */
export function firstRefused(from: number, to: number, count: number, integer: boolean, accepts: (v: number) => boolean): number | undefined {
  const at = (i: number): number => (integer ? Math.round(logspaceValue(from, to, count, i)) : logspaceValue(from, to, count, i));
  if (!accepts(at(0))) return at(0);
  if (accepts(at(count - 1))) return undefined;
  let low = 0; // accepted
  let high = count - 1; // refused
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (accepts(at(mid))) low = mid;
    else high = mid;
  }
  return at(high);
}

/** The swept values in order; for an integer field, log-space values are rounded and repeats dropped. */
export function sweepValues(sweep: Pick<Sweep, 'values' | 'logspace'>, integer = false): number[] {
  if (sweep.values !== undefined) return [...sweep.values];
  if (sweep.logspace === undefined) return [];
  const values = logspace(sweep.logspace.from, sweep.logspace.to, sweep.logspace.count);
  return integer ? [...new Set(values.map(Math.round))] : values;
}
