// Regularization penalties added to the loss, each one fused op over a list of
// parameter tensors (weights only, or all parameters: the caller chooses the list).
// Like TensorFlow Playground's regularizers, each is a value-plus-derivative pair of kernels.
import type { Buffer } from './dtype.ts';
import { absSum, addScaled, addSignScaled, squareSum } from './kernels/index.ts';
import { add } from './ops/elementwise.ts';
import { opResult, type Tensor } from './tensor.ts';

interface ElementPenalty {
  /** Σ f(w) over one tensor. */
  value(w: Buffer): number;
  /** dw += g · f'(w). */
  addGradient(w: Buffer, dw: Buffer, g: number): void;
}

const absolute: ElementPenalty = { value: absSum, addGradient: addSignScaled };
const squared: ElementPenalty = { value: squareSum, addGradient: (w, dw, g) => addScaled(w, dw, 2 * g) };

/** coef · Σ|w|; its subgradient is coef · sign(w), which is 0 at w = 0 (PyTorch's p.abs().sum()). */
export const l1Penalty = (params: readonly Tensor[], coef: number): Tensor => elementPenalty(params, coef, absolute);

/** coef · Σw², no ½ (PyTorch tutorials' p.pow(2).sum()); gradient 2·coef·w. */
export const l2Penalty = (params: readonly Tensor[], coef: number): Tensor => elementPenalty(params, coef, squared);

/** λ · (r · Σ|w| + (1 − r) · Σw²). */
export function elasticNetPenalty(params: readonly Tensor[], lambda: number, l1Ratio: number): Tensor {
  if (!(l1Ratio >= 0 && l1Ratio <= 1)) throw new Error(`elasticNet l1Ratio must be in [0, 1], got ${l1Ratio}`);
  return add(l1Penalty(params, lambda * l1Ratio), l2Penalty(params, lambda * (1 - l1Ratio)));
}

/**
 * coef · Σ‖W‖₂ with the unsquared norm of each tensor (torch.norm(p, 2)): the form blog code
 * often uses by mistake for "L2". Its gradient coef · W/‖W‖ has constant length, unlike
 * weight decay's, which shrinks with the weights. A zero tensor gets a zero gradient.
 */
export function l2NormPenalty(params: readonly Tensor[], coef: number): Tensor {
  const out = penaltyResult(params, coef);
  const norms = params.map((p) => Math.sqrt(squareSum(p.data)));
  out.data[0] = coef * norms.reduce((a, b) => a + b, 0);
  if (out.requiresGrad) {
    out.backwardFn = () => {
      const g = out.grad![0]! * coef;
      params.forEach((p, k) => {
        const norm = norms[k]!;
        if (!p.requiresGrad || norm === 0) return;
        addScaled(p.data, p.gradBuffer(), g / norm);
      });
    };
  }
  return out;
}

function elementPenalty(params: readonly Tensor[], coef: number, term: ElementPenalty): Tensor {
  const out = penaltyResult(params, coef);
  let total = 0;
  for (const p of params) total += term.value(p.data);
  out.data[0] = coef * total;
  if (out.requiresGrad) {
    out.backwardFn = () => {
      const g = out.grad![0]! * coef;
      for (const p of params) if (p.requiresGrad) term.addGradient(p.data, p.gradBuffer(), g);
    };
  }
  return out;
}

function penaltyResult(params: readonly Tensor[], coef: number): Tensor {
  if (params.length === 0) throw new Error('penalty over an empty list of parameters');
  if (!Number.isFinite(coef) || coef < 0) throw new Error(`penalty coefficient must be a finite number ≥ 0, got ${coef}`);
  const dtype = params[0]!.dtype;
  for (const p of params) if (p.dtype !== dtype) throw new Error(`penalty: parameters mix ${dtype} and ${p.dtype}`);
  return opResult([], dtype, params);
}
