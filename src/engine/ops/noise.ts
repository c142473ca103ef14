// Gaussian input noise (noise injection): in training every element gets x + std·n with
// n ~ N(0, 1) drawn fresh from the generator; in eval mode it is the identity, as a
// dropout layer is. The noise is a constant of the graph, so the gradient passes through
// unchanged. PyTorch has no layer for it; the export writes `x + std * torch.randn_like(x)`.
import { addScaled } from '../kernels/index.ts';
import { opResult, type Tensor } from '../tensor.ts';

/** Where the standard-normal draws come from: the engine's Random, or fixed draws in a test. */
export interface NormalSource {
  normal(): number;
}

export function checkNoiseStd(std: number): void {
  if (!(std >= 0 && Number.isFinite(std))) throw new Error(`input noise std must be a finite number ≥ 0, got ${std}`);
}

export function gaussianNoise(a: Tensor, std: number, source: NormalSource, training: boolean): Tensor {
  checkNoiseStd(std);
  if (!training || std === 0) return a;
  const out = opResult(a.shape, a.dtype, [a]);
  const x = a.data, y = out.data;
  // In float32 PyTorch rounds std·n to float32 before the addition; the buffer rounds the sum.
  const round = a.dtype === 'float32' ? Math.fround : (v: number) => v;
  for (let i = 0; i < y.length; i++) y[i] = x[i]! + round(std * source.normal());
  if (out.requiresGrad) out.backwardFn = () => addScaled(out.grad!, a.gradBuffer(), 1);
  return out;
}
