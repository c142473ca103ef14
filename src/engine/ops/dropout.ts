// Inverted dropout, as torch.nn.Dropout: in training each element is zeroed with
// probability p and survivors are scaled by 1/(1−p), so E[output] = input and the
// model needs no rescaling at test time; in eval mode it is the identity.
import type { Random } from '../random.ts';
import { addProduct, dropoutForward } from '../kernels/index.ts';
import { graphScratch, opResult, type Tensor } from '../tensor.ts';

export function checkDropoutP(p: number): void {
  if (!(p >= 0 && p <= 1)) throw new Error(`dropout probability must be in [0, 1], got ${p}`);
}

export function dropout(a: Tensor, p: number, rng: Random, training: boolean): Tensor {
  checkDropoutP(p);
  if (!training || p === 0) return a;
  const out = opResult(a.shape, a.dtype, [a]);
  const x = a.data, y = out.data;
  const mask = graphScratch(a.dtype, a.size);
  // PyTorch scales in the tensor's precision: float32 keeps fround(1 / fround(1 − p)).
  const keep = p === 1 ? 0 : a.dtype === 'float32' ? Math.fround(1 / Math.fround(1 - p)) : 1 / (1 - p);
  dropoutForward(x, y, mask, p, keep, rng);
  if (out.requiresGrad) out.backwardFn = () => addProduct(out.grad!, mask, a.gradBuffer());
  return out;
}
