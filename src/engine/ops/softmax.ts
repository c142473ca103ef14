// log-softmax over the last dimension of a [rows, classes] tensor, stable by max-shift.
import { formatShape, opResult, type Tensor } from '../tensor.ts';

export function logSoftmax(a: Tensor): Tensor {
  if (a.shape.length !== 2) throw new Error(`logSoftmax expects [batch, classes], got ${formatShape(a.shape)}`);
  const rows = a.shape[0]!, cols = a.shape[1]!;
  const out = opResult(a.shape, a.dtype, [a]);
  const x = a.data, y = out.data;
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    let max = -Infinity;
    for (let c = 0; c < cols; c++) if (x[o + c]! > max) max = x[o + c]!;
    let s = 0;
    for (let c = 0; c < cols; c++) s += Math.exp(x[o + c]! - max);
    const logZ = max + Math.log(s);
    for (let c = 0; c < cols; c++) y[o + c] = x[o + c]! - logZ;
  }
  if (out.requiresGrad) {
    out.backwardFn = () => {
      // d/dx log_softmax: dx = dy − softmax · Σ dy (per row).
      const dy = out.grad!, dx = a.gradBuffer();
      for (let r = 0; r < rows; r++) {
        const o = r * cols;
        let s = 0;
        for (let c = 0; c < cols; c++) s += dy[o + c]!;
        for (let c = 0; c < cols; c++) dx[o + c] += dy[o + c]! - Math.exp(y[o + c]!) * s;
      }
    };
  }
  return out;
}
