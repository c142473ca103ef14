// Activations as output-based pairs: each derivative is computed from the activation's
// output y = f(z), so fused ops (linear + activation) never need to keep z around.
import type { Buffer } from '../dtype.ts';

export const ACTIVATIONS = ['relu', 'leaky_relu', 'tanh', 'sigmoid', 'identity'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export function checkActivation(name: string, negativeSlope = 0.01): Activation {
  if (!(ACTIVATIONS as readonly string[]).includes(name)) {
    throw new Error(`Unknown activation "${name}"; expected one of ${ACTIVATIONS.join(', ')}`);
  }
  // The output-based derivative of leaky_relu needs the sign of y to be the sign of z.
  if (name === 'leaky_relu' && !(negativeSlope >= 0)) {
    throw new Error(`leaky_relu negative slope must be ≥ 0, got ${negativeSlope}`);
  }
  return name as Activation;
}

/** y[i] = f(y[i]) in place, over [start, end). */
export function activateInPlace(kind: Activation, slope: number, y: Buffer, start: number, end: number): void {
  switch (kind) {
    case 'relu':
      for (let i = start; i < end; i++) if (!(y[i]! > 0)) y[i] = 0;
      return;
    case 'leaky_relu':
      for (let i = start; i < end; i++) if (!(y[i]! > 0)) y[i] = y[i]! * slope;
      return;
    case 'tanh':
      for (let i = start; i < end; i++) y[i] = Math.tanh(y[i]!);
      return;
    case 'sigmoid':
      for (let i = start; i < end; i++) y[i] = sigmoid(y[i]!);
      return;
    case 'identity':
      return;
  }
}

/** dz[i] = dy[i] · f'(z[i]), with f' computed from y = f(z). ReLU'(0) = 0, leaky_relu'(0) = slope, as PyTorch. */
export function activationBackward(kind: Activation, slope: number, y: Buffer, dy: Buffer, dz: Buffer, n: number): void {
  switch (kind) {
    case 'relu':
      for (let i = 0; i < n; i++) dz[i] = y[i]! > 0 ? dy[i]! : 0;
      return;
    case 'leaky_relu':
      for (let i = 0; i < n; i++) dz[i] = y[i]! > 0 ? dy[i]! : dy[i]! * slope;
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) dz[i] = dy[i]! * (1 - y[i]! * y[i]!);
      return;
    case 'sigmoid':
      for (let i = 0; i < n; i++) dz[i] = dy[i]! * y[i]! * (1 - y[i]!);
      return;
    case 'identity':
      for (let i = 0; i < n; i++) dz[i] = dy[i]!;
      return;
  }
}

export function sigmoid(z: number): number {
  // Two branches so exp never overflows.
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}
