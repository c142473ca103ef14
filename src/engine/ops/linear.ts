// Linear layer, fused with its bias and activation: y = f(x·Wᵀ + b), with W of shape
// [out, in] as PyTorch stores it, so every inner loop of the three products reads rows.
import { type Buffer } from '../dtype.ts';
import { matmul } from '../kernels/dispatch.ts';
import { takeBuffer, giveBuffer } from '../pool.ts';
import { assertSameDType, formatShape, opResult, type Tensor } from '../tensor.ts';
import { activateInPlace, activationBackward, type Activation } from './activation.ts';

export function linear(x: Tensor, weight: Tensor, bias: Tensor | null, activation: Activation = 'identity', slope = 0.01): Tensor {
  checkShapes(x, weight, bias);
  const batch = x.shape[0]!;
  const inputs = weight.shape[1]!;
  const outputs = weight.shape[0]!;
  const inputTensors = bias === null ? [x, weight] : [x, weight, bias];
  const out = opResult([batch, outputs], x.dtype, inputTensors);
  const y = out.data;
  matmul.nt(x.data, weight.data, y, batch, outputs, inputs, false);
  if (bias !== null) addRowVector(y, bias.data, batch, outputs);
  activateInPlace(activation, slope, y, 0, y.length);

  if (out.requiresGrad) {
    out.backwardFn = () => {
      const dy = out.grad!;
      let dz = dy;
      if (activation !== 'identity') {
        dz = takeBuffer(out.dtype, dy.length, false);
        activationBackward(activation, slope, y, dy, dz, dy.length);
      }
      if (weight.requiresGrad) matmul.tn(dz, x.data, weight.gradBuffer(), outputs, inputs, batch);
      if (bias !== null && bias.requiresGrad) addColumnSums(dz, bias.gradBuffer(), batch, outputs);
      if (x.requiresGrad) matmul.nn(dz, weight.data, x.gradBuffer(), batch, inputs, outputs);
      if (dz !== dy) giveBuffer(dz);
    };
  }
  return out;
}

function checkShapes(x: Tensor, weight: Tensor, bias: Tensor | null): void {
  assertSameDType('linear', x, weight);
  if (weight.shape.length !== 2) throw new Error(`linear: weight must be 2-D [out, in], got ${formatShape(weight.shape)}`);
  if (x.shape.length !== 2 || x.shape[1] !== weight.shape[1]) {
    throw new Error(
      `linear: input shape ${formatShape(x.shape)} does not fit weight ${formatShape(weight.shape)} (expected [batch, ${weight.shape[1]}])`,
    );
  }
  if (bias !== null) {
    assertSameDType('linear', x, bias);
    if (bias.shape.length !== 1 || bias.shape[0] !== weight.shape[0]) {
      throw new Error(`linear: bias shape ${formatShape(bias.shape)} does not fit weight ${formatShape(weight.shape)} (expected [${weight.shape[0]}])`);
    }
  }
}

function addRowVector(y: Buffer, b: Buffer, rows: number, cols: number): void {
  for (let r = 0, at = 0; r < rows; r++) for (let c = 0; c < cols; c++, at++) y[at] += b[c]!;
}

function addColumnSums(dz: Buffer, db: Buffer, rows: number, cols: number): void {
  for (let r = 0, at = 0; r < rows; r++) for (let c = 0; c < cols; c++, at++) db[c] += dz[at]!;
}
