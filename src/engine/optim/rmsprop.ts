import { allocate, type Buffer } from '../dtype.ts';
import type { Tensor } from '../tensor.ts';
import { Optimizer, requireNonNegative, type BaseOptions, type GroupInput } from './optimizer.ts';

export interface RmspropOptions extends BaseOptions {
  alpha: number;
  eps: number;
  momentum: number;
  centered: boolean;
}

export const RMSPROP_DEFAULTS: Omit<RmspropOptions, 'lr'> = { alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0, centered: false, maximize: false };

interface RmspropState {
  squareAvg: Buffer;
  gradAvg: Buffer | null;
  momentumBuffer: Buffer | null;
}

/**
 * torch.optim.RMSprop: g ← g + wd·w; s ← α·s + (1−α)·g²; with `centered`, ḡ ← α·ḡ + (1−α)·g
 * and the denominator uses s − ḡ²; denom = √(…) + ε; w ← w − lr·g/denom, or through a
 * momentum buffer b ← μ·b + g/denom, w ← w − lr·b.
 */
export class RMSprop extends Optimizer<RmspropOptions, RmspropState> {
  constructor(params: readonly Tensor[] | readonly GroupInput<RmspropOptions>[], options: Partial<RmspropOptions> & { lr: number }) {
    super(params, { ...RMSPROP_DEFAULTS, ...options });
  }

  protected override validate(o: RmspropOptions): void {
    super.validate(o);
    requireNonNegative('epsilon value', o.eps);
    requireNonNegative('momentum value', o.momentum);
    requireNonNegative('alpha value', o.alpha);
  }

  protected initState(p: Tensor, o: RmspropOptions): RmspropState {
    return {
      squareAvg: allocate(p.dtype, p.size),
      gradAvg: o.centered ? allocate(p.dtype, p.size) : null,
      momentumBuffer: o.momentum > 0 ? allocate(p.dtype, p.size) : null,
    };
  }

  protected update(w: Buffer, g: Buffer, o: RmspropOptions, s: RmspropState): void {
    const { lr, alpha, eps, momentum, weightDecay: wd } = o;
    const sign = o.maximize ? -1 : 1;
    const { squareAvg, gradAvg, momentumBuffer } = s;
    for (let i = 0, n = w.length; i < n; i++) {
      const gi = sign * g[i]! + wd * w[i]!;
      squareAvg[i] = alpha * squareAvg[i]! + (1 - alpha) * gi * gi;
      let variance = squareAvg[i]!;
      if (gradAvg !== null) {
        gradAvg[i] = alpha * gradAvg[i]! + (1 - alpha) * gi;
        variance -= gradAvg[i]! * gradAvg[i]!;
      }
      const denom = Math.sqrt(variance) + eps;
      if (momentumBuffer !== null) {
        momentumBuffer[i] = momentum * momentumBuffer[i]! + gi / denom;
        w[i] = w[i]! - lr * momentumBuffer[i]!;
      } else {
        w[i] = w[i]! - (lr * gi) / denom;
      }
    }
  }
}
