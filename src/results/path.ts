// The regularization path: each swept variant's final weights against the swept value, as
// glmnet draws a lasso path. Per value, the mean over the repeats that finished of each
// coefficient (linear models), of each weight matrix's ‖W‖₂ and of the k-th largest |w|.
// A coefficient's mean is exactly 0 only when it is 0 in every repeat, so proximal L1's
// zeros show as they happen.
import type { RunRecord } from './model.ts';

/**
 * The swept fields whose path is ridge's, the one early stopping follows (Ali, Kolter &
 * Tibshirani's theorem is about L2): `sweep.normPath` draws only for them.
 */
export const RIDGE_FIELDS: ReadonlySet<string> = new Set(['regularization.l2', 'regularization.weightDecay']);

export interface PathSeries {
  /** "w[3]", "‖0.weight‖₂", "largest |w|" … */
  label: string;
  /** One mean per value of `values`; null where no finished run had it. */
  mean: (number | null)[];
}

export interface RegularizationPath {
  variant: string;
  /** The swept values, increasing. */
  values: number[];
  /** Finished runs per value. */
  repeats: number[];
  /** A linear model's coefficients, or null for a model with hidden layers (or too many). */
  coefficients: PathSeries[] | null;
  /** ‖W‖₂ of each weight matrix. */
  layers: PathSeries[];
  /** The 1st, 2nd, … largest |w| over all weights. */
  largest: PathSeries[];
  /** Per value, how many coefficients are exactly 0 in every repeat (null without coefficients). */
  zeros: number[] | null;
  /** The true coefficients w* when the data's generator knows them (d2l), else null. */
  truth: number[] | null;
}

type PathRun = Pick<RunRecord, 'id' | 'variant' | 'sweepValue' | 'status' | 'summary'>;

/** One path per swept variant whose finished runs carry path weights, in first-seen order. */
export function regularizationPaths(runs: readonly PathRun[]): RegularizationPath[] {
  const byVariant = new Map<string, PathRun[]>();
  for (const run of runs) {
    if (run.sweepValue === undefined || run.status !== 'finished' || run.summary?.path === undefined) continue;
    const group = byVariant.get(run.variant) ?? [];
    group.push(run);
    byVariant.set(run.variant, group);
  }
  return [...byVariant].map(([variant, group]) => pathOf(variant, group));
}

/** The first run of a variant's sweep: the id the charts' specs carry for it. */
export function firstPathRun(runs: readonly PathRun[], variant: string): string | undefined {
  return runs.find((r) => r.variant === variant && r.sweepValue !== undefined)?.id;
}

function pathOf(variant: string, runs: PathRun[]): RegularizationPath {
  const values = [...new Set(runs.map((r) => r.sweepValue!))].sort((a, b) => a - b);
  const at = values.map((v) => runs.filter((r) => r.sweepValue === v).map((r) => r.summary!));
  const meanOf = (pick: (s: NonNullable<PathRun['summary']>) => number | undefined): (number | null)[] =>
    at.map((summaries) => {
      const xs = summaries.map(pick).filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
      return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
    });

  const widths = runs.map((r) => r.summary!.path!.coefficients?.length ?? 0);
  const width = Math.min(...widths);
  const linear = width > 0 && widths.every((w) => w === width);
  const coefficients = linear
    ? Array.from({ length: width }, (_, j) => ({ label: `w[${j}]`, mean: meanOf((s) => s.path!.coefficients![j]) }))
    : null;
  const layerNames = runs[0]!.summary!.layers.filter((l) => l.name.endsWith('.weight')).map((l) => l.name);
  const layers = layerNames.map((name) => ({ label: `‖${name}‖₂`, mean: meanOf((s) => s.layers.find((l) => l.name === name)?.norm) }));
  const ranks = Math.min(...runs.map((r) => r.summary!.path!.largest.length));
  const largest = Array.from({ length: ranks }, (_, k) => ({ label: k === 0 ? 'largest |w|' : `${ordinal(k + 1)} largest |w|`, mean: meanOf((s) => s.path!.largest[k]) }));
  const zeros = coefficients === null ? null : values.map((_, i) => coefficients.filter((c) => c.mean[i] === 0).length);
  const truth = coefficients === null ? null : runs.find((r) => r.summary!.path!.truth?.length === width)?.summary!.path!.truth ?? null;
  return { variant, values, repeats: at.map((s) => s.length), coefficients, layers, largest, zeros, truth };
}

function ordinal(n: number): string {
  const suffix = n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : n % 10 === 1 && n % 100 !== 11 ? 'st' : 'th';
  return `${n}${suffix}`;
}
