// Reductions to a scalar.
import { opResult, type Tensor } from '../tensor.ts';

export function sum(a: Tensor): Tensor {
  return scaledSum(a, 1);
}

export function mean(a: Tensor): Tensor {
  if (a.size === 0) throw new Error('mean of an empty tensor');
  return scaledSum(a, 1 / a.size);
}

function scaledSum(a: Tensor, factor: number): Tensor {
  const out = opResult([], a.dtype, [a]);
  const x = a.data;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]!;
  out.data[0] = s * factor;
  if (out.requiresGrad) {
    out.backwardFn = () => {
      const g = out.grad![0]! * factor, da = a.gradBuffer();
      for (let i = 0; i < da.length; i++) da[i] += g;
    };
  }
  return out;
}
