// Linear layer, fused with its bias and activation: y = f(x·Wᵀ + b), with W of shape
// [out, in] as PyTorch stores it, so every inner loop of the three products reads rows.
import { activationBackward, biasActivation, columnSums, matmulNN, matmulNT, matmulTN } from '../kernels/index.ts';
import { takeBuffer, giveBuffer } from '../pool.ts';
import { assertSameDType, formatShape, opResult, type Tensor } from '../tensor.ts';
import type { Activation } from './activation.ts';

export function linear(x: Tensor, weight: Tensor, bias: Tensor | null, activation: Activation = 'identity', slope = 0.01): Tensor {
  checkShapes(x, weight, bias);
  const batch = x.shape[0]!;
  const inputs = weight.shape[1]!;
  const outputs = weight.shape[0]!;
  const inputTensors = bias === null ? [x, weight] : [x, weight, bias];
  const out = opResult([batch, outputs], x.dtype, inputTensors);
  const y = out.data;
  matmulNT(x.data, weight.data, y, batch, outputs, inputs, false);
  biasActivation(y, bias?.data ?? null, batch, outputs, activation, slope);

  if (out.requiresGrad) {
    out.backwardFn = () => {
      const dy = out.grad!;
      let dz = dy;
      if (activation !== 'identity') {
        dz = takeBuffer(out.dtype, dy.length, false);
        activationBackward(activation, slope, y, dy, dz, dy.length);
      }
      if (weight.requiresGrad) matmulTN(dz, x.data, weight.gradBuffer(), outputs, inputs, batch);
      if (bias !== null && bias.requiresGrad) columnSums(dz, bias.gradBuffer(), batch, outputs);
      if (x.requiresGrad) matmulNN(dz, weight.data, x.gradBuffer(), batch, inputs, outputs);
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
