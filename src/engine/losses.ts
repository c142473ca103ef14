// Loss functions with PyTorch's definitions and reductions, each fused into one op:
// the forward pass computes the value, the backward pass writes d loss / d prediction.
// 'mean' divides by the number of elements of the prediction, except cross-entropy,
// which divides by the batch size (one term per sample).
import { formatShape, opResult, type Tensor } from './tensor.ts';
import { sign } from './ops/unary.ts';
import { sigmoid } from './ops/activation.ts';

export type Reduction = 'mean' | 'sum' | 'none';

/** Per-element value and derivative of a regression loss of the residual r = prediction − target. */
interface ResidualLoss {
  value(r: number): number;
  derivative(r: number): number;
}

const squared: ResidualLoss = { value: (r) => r * r, derivative: (r) => 2 * r };
const absolute: ResidualLoss = { value: Math.abs, derivative: sign };

function smoothL1(beta: number): ResidualLoss {
  if (!(beta >= 0)) throw new Error(`smooth_l1 beta must be ≥ 0, got ${beta}`);
  if (beta === 0) return absolute;
  return {
    value: (r) => (Math.abs(r) < beta ? (0.5 * r * r) / beta : Math.abs(r) - 0.5 * beta),
    derivative: (r) => (Math.abs(r) < beta ? r / beta : sign(r)),
  };
}

function huber(delta: number): ResidualLoss {
  if (!(delta > 0)) throw new Error(`huber delta must be > 0, got ${delta}`);
  return {
    value: (r) => (Math.abs(r) < delta ? 0.5 * r * r : delta * (Math.abs(r) - 0.5 * delta)),
    derivative: (r) => (Math.abs(r) < delta ? r : delta * sign(r)),
  };
}

export const mseLoss = (p: Tensor, t: Tensor, reduction: Reduction = 'mean'): Tensor => residualLoss('mse_loss', squared, p, t, reduction);
export const l1Loss = (p: Tensor, t: Tensor, reduction: Reduction = 'mean'): Tensor => residualLoss('l1_loss', absolute, p, t, reduction);
export const smoothL1Loss = (p: Tensor, t: Tensor, beta = 1, reduction: Reduction = 'mean'): Tensor =>
  residualLoss('smooth_l1_loss', smoothL1(beta), p, t, reduction);
export const huberLoss = (p: Tensor, t: Tensor, delta = 1, reduction: Reduction = 'mean'): Tensor =>
  residualLoss('huber_loss', huber(delta), p, t, reduction);

function residualLoss(name: string, loss: ResidualLoss, prediction: Tensor, target: Tensor, reduction: Reduction): Tensor {
  if (prediction.size !== target.size || prediction.shape.length !== target.shape.length) {
    throw new Error(`${name}: prediction shape ${formatShape(prediction.shape)} and target shape ${formatShape(target.shape)} differ`);
  }
  const p = prediction.data, t = target.data;
  return pointwiseLoss(prediction, (i) => loss.value(p[i]! - t[i]!), (i) => loss.derivative(p[i]! - t[i]!), reduction);
}

/** A loss that is a sum of per-element terms of `input`, reduced as PyTorch does. */
function pointwiseLoss(input: Tensor, value: (i: number) => number, derivative: (i: number) => number, reduction: Reduction): Tensor {
  const n = input.size;
  if (reduction === 'none') {
    const out = opResult(input.shape, input.dtype, [input]);
    for (let i = 0; i < n; i++) out.data[i] = value(i);
    if (out.requiresGrad) {
      out.backwardFn = () => {
        const dy = out.grad!, dx = input.gradBuffer();
        for (let i = 0; i < n; i++) dx[i] += dy[i]! * derivative(i);
      };
    }
    return out;
  }
  const factor = reduction === 'mean' ? 1 / n : 1;
  const out = opResult([], input.dtype, [input]);
  let s = 0;
  for (let i = 0; i < n; i++) s += value(i);
  out.data[0] = s * factor;
  if (out.requiresGrad) {
    out.backwardFn = () => {
      const g = out.grad![0]! * factor, dx = input.gradBuffer();
      for (let i = 0; i < n; i++) dx[i] += g * derivative(i);
    };
  }
  return out;
}

/**
 * CrossEntropyLoss from logits [batch, classes] and integer class targets, with
 * PyTorch's `label_smoothing` ε: the target distribution is (1 − ε)·onehot + ε/C, so a
 * sample's loss is (1 − ε)·(lse − z_target) + ε/C·Σ_c (lse − z_c) and its gradient
 * softmax(z) − (1 − ε)·onehot − ε/C. ε = 0 is the plain loss.
 */
export function crossEntropy(
  logits: Tensor,
  targets: ArrayLike<number>,
  reduction: Exclude<Reduction, 'none'> = 'mean',
  labelSmoothing = 0,
): Tensor {
  if (logits.shape.length !== 2) throw new Error(`cross_entropy expects logits [batch, classes], got ${formatShape(logits.shape)}`);
  checkLabelSmoothing(labelSmoothing);
  const rows = logits.shape[0]!, classes = logits.shape[1]!;
  if (targets.length !== rows) throw new Error(`cross_entropy: ${rows} rows of logits but ${targets.length} targets`);
  const z = logits.data;
  const eps = labelSmoothing;
  const out = opResult([], logits.dtype, [logits]);
  let total = 0;
  for (let r = 0; r < rows; r++) {
    const target = targets[r]!;
    if (!Number.isInteger(target) || target < 0 || target >= classes) {
      throw new Error(`cross_entropy: target ${target} of sample ${r} is not a class index in 0..${classes - 1}`);
    }
    const o = r * classes;
    const lse = logSumExp(z, o, classes);
    let sample = (1 - eps) * (lse - z[o + target]!);
    if (eps > 0) {
      let smooth = 0;
      for (let c = 0; c < classes; c++) smooth += lse - z[o + c]!;
      sample += (eps / classes) * smooth;
    }
    total += sample;
  }
  const factor = reduction === 'mean' ? 1 / rows : 1;
  out.data[0] = total * factor;
  if (out.requiresGrad) {
    out.backwardFn = () => {
      // softmax(z) − (1 − ε)·onehot(target) − ε/C, per row.
      const g = out.grad![0]! * factor, dz = logits.gradBuffer();
      const uniform = g * (eps / classes);
      for (let r = 0; r < rows; r++) {
        const o = r * classes;
        const lse = logSumExp(z, o, classes);
        for (let c = 0; c < classes; c++) dz[o + c] += g * Math.exp(z[o + c]! - lse) - uniform;
        dz[o + targets[r]!] -= g * (1 - eps);
      }
    };
  }
  return out;
}

export function checkLabelSmoothing(eps: number): void {
  if (!(eps >= 0 && eps <= 1)) throw new Error(`cross_entropy label_smoothing must be in [0, 1], got ${eps}`);
}

/** BCEWithLogitsLoss: max(z,0) − z·t + log(1 + exp(−|z|)), stable for any z. */
export function bceWithLogits(logits: Tensor, target: Tensor, reduction: Reduction = 'mean'): Tensor {
  if (logits.size !== target.size) {
    throw new Error(`bce_with_logits: logits shape ${formatShape(logits.shape)} and target shape ${formatShape(target.shape)} differ`);
  }
  const z = logits.data, t = target.data;
  return pointwiseLoss(
    logits,
    (i) => Math.max(z[i]!, 0) - z[i]! * t[i]! + Math.log1p(Math.exp(-Math.abs(z[i]!))),
    (i) => sigmoid(z[i]!) - t[i]!,
    reduction,
  );
}

function logSumExp(z: ArrayLike<number>, offset: number, n: number): number {
  let max = -Infinity;
  for (let c = 0; c < n; c++) if (z[offset + c]! > max) max = z[offset + c]!;
  let s = 0;
  for (let c = 0; c < n; c++) s += Math.exp(z[offset + c]! - max);
  return max + Math.log(s);
}
