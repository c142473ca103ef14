// Elementwise functions of one tensor, each a value-plus-derivative pair.
import { opResult, type Tensor } from '../tensor.ts';
import { checkActivation, sigmoid as sigmoidOf, type Activation } from './activation.ts';

/** f maps x to y; df gives dy/dx from x and y. */
function unary(a: Tensor, f: (x: number) => number, df: (x: number, y: number) => number): Tensor {
  const out = opResult(a.shape, a.dtype, [a]);
  const x = a.data, y = out.data;
  for (let i = 0; i < x.length; i++) y[i] = f(x[i]!);
  if (out.requiresGrad) {
    out.backwardFn = () => {
      const dy = out.grad!, dx = a.gradBuffer();
      for (let i = 0; i < dy.length; i++) dx[i] += dy[i]! * df(x[i]!, y[i]!);
    };
  }
  return out;
}

/** sign with sign(0) = 0, as torch.sign: the subgradient PyTorch uses for |x| at 0. */
export const sign = (x: number): number => (x > 0 ? 1 : x < 0 ? -1 : 0);

export const abs = (a: Tensor): Tensor => unary(a, Math.abs, (x) => sign(x));
export const square = (a: Tensor): Tensor => unary(a, (x) => x * x, (x) => 2 * x);
export const sqrt = (a: Tensor): Tensor => unary(a, Math.sqrt, (_x, y) => 0.5 / y);
export const exp = (a: Tensor): Tensor => unary(a, Math.exp, (_x, y) => y);
export const log = (a: Tensor): Tensor => unary(a, Math.log, (x) => 1 / x);
export const neg = (a: Tensor): Tensor => unary(a, (x) => -x, () => -1);
export const relu = (a: Tensor): Tensor => unary(a, (x) => (x > 0 ? x : 0), (x) => (x > 0 ? 1 : 0));
export const tanh = (a: Tensor): Tensor => unary(a, Math.tanh, (_x, y) => 1 - y * y);
export const sigmoid = (a: Tensor): Tensor => unary(a, sigmoidOf, (_x, y) => y * (1 - y));

export function leakyRelu(a: Tensor, negativeSlope = 0.01): Tensor {
  checkActivation('leaky_relu', negativeSlope);
  return unary(a, (x) => (x > 0 ? x : x * negativeSlope), (x) => (x > 0 ? 1 : negativeSlope));
}

export function activate(a: Tensor, kind: Activation, negativeSlope = 0.01): Tensor {
  switch (kind) {
    case 'relu':
      return relu(a);
    case 'leaky_relu':
      return leakyRelu(a, negativeSlope);
    case 'tanh':
      return tanh(a);
    case 'sigmoid':
      return sigmoid(a);
    case 'identity':
      return a;
  }
}
