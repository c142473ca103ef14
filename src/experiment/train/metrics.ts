// What a run measures about its weights and predictions: norms, sparsity, accuracy,
// the weight histogram and a per-layer summary.
import * as E from '../../engine/index.ts';
import { PATH_COEFFICIENTS, PATH_LARGEST, type LayerSummary, type PathWeights, type WeightHistogram } from '../../protocol.ts';

/** |w| below this counts as "near zero" in the sparsity share. */
export const NEAR_ZERO = 1e-3;

export interface WeightStats {
  norm: number;
  l1: number;
  sparsity: number;
}

export function weightStats(weights: readonly E.Tensor[]): WeightStats {
  let sq = 0, l1 = 0, near = 0, total = 0;
  for (const w of weights) {
    const d = w.data;
    for (let i = 0; i < d.length; i++) {
      const a = Math.abs(d[i]!);
      sq += a * a;
      l1 += a;
      if (a < NEAR_ZERO) near++;
    }
    total += d.length;
  }
  return { norm: Math.sqrt(sq), l1, sparsity: total === 0 ? 0 : near / total };
}

/** Share of rows whose largest logit is the target class (one logit: sigmoid > ½, i.e. logit > 0). */
export function accuracy(logits: E.Tensor, classes: ArrayLike<number>): number {
  const [rows, cols] = logits.shape as [number, number];
  const z = logits.data;
  let correct = 0;
  for (let r = 0; r < rows; r++) {
    let predicted: number;
    if (cols === 1) predicted = z[r]! > 0 ? 1 : 0;
    else {
      predicted = 0;
      for (let c = 1; c < cols; c++) if (z[r * cols + c]! > z[r * cols + predicted]!) predicted = c;
    }
    if (predicted === classes[r]) correct++;
  }
  return rows === 0 ? 0 : correct / rows;
}

export function weightHistogram(weights: readonly E.Tensor[], bins = 41): WeightHistogram {
  let max = 0, total = 0, exactZeros = 0, nearZero = 0;
  for (const w of weights) {
    for (const v of w.data) {
      max = Math.max(max, Math.abs(v));
      if (v === 0) exactZeros++;
      if (Math.abs(v) < NEAR_ZERO) nearZero++;
    }
    total += w.size;
  }
  // Symmetric around 0 with an odd bin count, so one bin is centred on zero.
  const limit = max === 0 ? 1 : max;
  const width = (2 * limit) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => -limit + i * width);
  const counts = new Array<number>(bins).fill(0);
  for (const w of weights) for (const v of w.data) counts[Math.min(bins - 1, Math.floor((v + limit) / width))]!++;
  return { edges, counts, exactZeros, nearZero, total };
}

export function layerSummaries(model: E.Sequential): LayerSummary[] {
  return model.namedParameters().map(([name, p]) => {
    let sq = 0, l1 = 0, zeros = 0;
    for (const v of p.data) {
      sq += v * v;
      l1 += Math.abs(v);
      if (v === 0) zeros++;
    }
    return { name, shape: [...p.shape], norm: Math.sqrt(sq), l1, exactZeros: zeros };
  });
}

/**
 * What the regularization path needs of a run's final weights: a linear model's coefficients
 * (each one's path against λ, as glmnet draws it), and for any model the largest |w| of
 * `weights`, the trained ones.
 */
export function pathWeights(model: E.Sequential, truth?: readonly number[], weights: readonly E.Tensor[] = model.weights()): PathWeights {
  const largest: number[] = [];
  for (const w of weights) {
    for (const v of w.data) {
      const a = Math.abs(v);
      if (largest.length < PATH_LARGEST || a > largest[largest.length - 1]!) {
        let i = largest.length;
        while (i > 0 && largest[i - 1]! < a) i--;
        largest.splice(i, 0, a);
        if (largest.length > PATH_LARGEST) largest.pop();
      }
    }
  }
  // Coefficients belong to a linear model only (a frozen first layer leaves one trained
  // matrix too, whose entries are not the features' coefficients).
  const all = model.weights();
  const only = all.length === 1 ? all[0]! : null;
  if (only === null || only.size > PATH_COEFFICIENTS) return { largest };
  const coefficients = Array.from(only.data);
  return truth !== undefined && truth.length === coefficients.length ? { coefficients, largest, truth: [...truth] } : { coefficients, largest };
}
