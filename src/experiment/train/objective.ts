// The training objective of a run: the data loss of `training.loss`, plus the penalties
// of `regularization` over the regularized parameters. With l1Mode "proximal" the L1
// parts leave the gradient and become a soft-threshold after each step instead; their
// value still counts in the reported penalty, so the loss curves stay comparable.
import * as E from '../../engine/index.ts';
import { absSum } from '../../engine/kernels/index.ts';
import type { RunConfig } from '../schema/experiment.ts';

/** Targets of one batch: float values (regression, BCE) or class indices (cross-entropy). */
export interface Targets {
  values: E.Tensor | null;
  classes: Int32Array | null;
}

/**
 * The data loss. `training` adds what only the training objective has: label smoothing
 * (the reported test loss stays the plain cross-entropy, comparable across ε).
 */
export function dataLossFunction(config: RunConfig, training = false): (prediction: E.Tensor, targets: Targets) => E.Tensor {
  const t = config.training;
  const smoothing = training ? config.regularization.labelSmoothing : 0;
  switch (t.loss) {
    case 'mse':
      return (p, y) => E.mseLoss(p, y.values!);
    case 'l1':
      return (p, y) => E.l1Loss(p, y.values!);
    case 'smooth_l1':
      return (p, y) => E.smoothL1Loss(p, y.values!, t.beta);
    case 'huber':
      return (p, y) => E.huberLoss(p, y.values!, t.delta);
    case 'cross_entropy':
      return (p, y) => E.crossEntropy(p, y.classes!, 'mean', smoothing);
    case 'bce_with_logits':
      return (p, y) => E.bceWithLogits(p, y.values!);
    default:
      throw new Error(`Unknown loss "${String(t.loss)}"`);
  }
}

export interface Penalty {
  /** The penalty as a graph node (its gradient flows), or null when nothing is differentiated. */
  graph(): E.Tensor | null;
  /** The L1 strength applied by the proximal step (0 when none), and its value to report. */
  proximalL1: number;
  proximalValue(): number;
}

export function penaltyFunction(config: RunConfig, params: E.Tensor[]): Penalty {
  const r = config.regularization;
  const proximal = r.l1Mode === 'proximal';
  const l1 = r.l1 + r.elasticNet.lambda * r.elasticNet.l1Ratio;
  const l2 = r.l2 + r.elasticNet.lambda * (1 - r.elasticNet.l1Ratio);
  const terms: (() => E.Tensor)[] = [];
  if (l1 > 0 && !proximal) terms.push(() => E.l1Penalty(params, l1));
  if (l2 > 0) terms.push(() => E.l2Penalty(params, l2));
  if (r.l2Norm > 0) terms.push(() => E.l2NormPenalty(params, r.l2Norm));
  const proximalL1 = proximal ? l1 : 0;
  return {
    graph: () => (terms.length === 0 ? null : terms.map((term) => term()).reduce((a, b) => E.add(a, b))),
    proximalL1,
    proximalValue: () => (proximalL1 === 0 ? 0 : proximalL1 * params.reduce((s, p) => s + absSum(p.data), 0)),
  };
}

/**
 * The proximal step of λ·Σ|w| for a step size η: w ← sign(w)·max(|w| − η·λ, 0). It is
 * what makes L1 give exact zeros; η is the optimizer's lr (for adaptive optimizers this
 * is the usual simplification, a threshold in parameter units).
 */
export function softThreshold(params: readonly E.Tensor[], threshold: number): void {
  for (const p of params) {
    const w = p.data;
    for (let i = 0; i < w.length; i++) {
      const v = w[i]!;
      w[i] = v > threshold ? v - threshold : v < -threshold ? v + threshold : 0;
    }
  }
}

/** Keras' MaxNorm: rescale each row of every weight matrix (a unit's incoming weights) to norm ≤ maxNorm. */
export function applyMaxNorm(weights: readonly E.Tensor[], maxNorm: number): void {
  for (const w of weights) {
    const [rows, cols] = w.shape as [number, number];
    const d = w.data;
    for (let r = 0; r < rows; r++) {
      let s = 0;
      for (let c = 0; c < cols; c++) s += d[r * cols + c]! ** 2;
      const norm = Math.sqrt(s);
      if (norm > maxNorm) {
        const k = maxNorm / norm;
        for (let c = 0; c < cols; c++) d[r * cols + c] = d[r * cols + c]! * k;
      }
    }
  }
}
