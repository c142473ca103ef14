// Inverted dropout, as torch.nn.Dropout: in training each element is zeroed with
// probability p and survivors are scaled by 1/(1−p), so E[output] = input and the
// model needs no rescaling at test time; in eval mode it is the identity.
import type { Random } from '../random.ts';
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
  const keep = p === 1 ? 0 : 1 / (1 - p);
  for (let i = 0; i < x.length; i++) {
    const m = rng.uniform() < p ? 0 : keep;
    mask[i] = m;
    y[i] = x[i]! * m;
  }
  if (out.requiresGrad) {
    out.backwardFn = () => {
      const dy = out.grad!, dx = a.gradBuffer();
      for (let i = 0; i < dy.length; i++) dx[i] += dy[i]! * mask[i]!;
    };
  }
  return out;
}
