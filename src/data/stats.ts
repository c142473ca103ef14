// Per-feature statistics of a split. Data sets are NOT standardised here (the model sees
// the raw values, as in the tutorials); these are for a runner that chooses to.
import type { Split } from './dataset.ts';

export interface FeatureStats {
  mean: Float64Array;
  /** Population standard deviation (divides by n, like scikit-learn's StandardScaler). */
  std: Float64Array;
}

/** Mean and standard deviation of every input column of `split` (x is [n, inputs]). */
export function featureStats(split: Split, inputs: number): FeatureStats {
  const mean = new Float64Array(inputs);
  const std = new Float64Array(inputs);
  if (split.n === 0) return { mean, std };
  for (let i = 0; i < split.n; i++) for (let j = 0; j < inputs; j++) mean[j] += split.x[i * inputs + j]!;
  for (let j = 0; j < inputs; j++) mean[j] /= split.n;
  // Two passes: summing squared deviations avoids the cancellation of E[x²] − E[x]².
  for (let i = 0; i < split.n; i++) {
    for (let j = 0; j < inputs; j++) {
      const deviation = split.x[i * inputs + j]! - mean[j]!;
      std[j] += deviation * deviation;
    }
  }
  for (let j = 0; j < inputs; j++) std[j] = Math.sqrt(std[j]! / split.n);
  return { mean, std };
}

/**
 * A copy of `split` with x standardised by `stats` (usually the train split's, also for the
 * test split). A constant column (std 0) is only centred, as scikit-learn does.
 */
export function standardize(split: Split, inputs: number, stats: FeatureStats): Split {
  const x = new Float64Array(split.x.length);
  for (let i = 0; i < split.n; i++) {
    for (let j = 0; j < inputs; j++) {
      const k = i * inputs + j;
      x[k] = (split.x[k]! - stats.mean[j]!) / (stats.std[j]! || 1);
    }
  }
  return { x, y: split.y.slice(), n: split.n };
}
