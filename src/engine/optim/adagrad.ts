import { allocate, type Buffer } from '../dtype.ts';
import type { Tensor } from '../tensor.ts';
import { Optimizer, requireNonNegative, type BaseOptions, type GroupInput } from './optimizer.ts';

export interface AdagradOptions extends BaseOptions {
  lrDecay: number;
  initialAccumulatorValue: number;
  eps: number;
}

export const ADAGRAD_DEFAULTS: Omit<AdagradOptions, 'lr'> = { lrDecay: 0, weightDecay: 0, initialAccumulatorValue: 0, eps: 1e-10, maximize: false };

interface AdagradState {
  step: number;
  sum: Buffer;
}

/** torch.optim.Adagrad: g ← g + wd·w; clr = lr/(1 + (t−1)·lr_decay); Σ ← Σ + g²; w ← w − clr·g/(√Σ + ε). */
export class Adagrad extends Optimizer<AdagradOptions, AdagradState> {
  constructor(params: readonly Tensor[] | readonly GroupInput<AdagradOptions>[], options: Partial<AdagradOptions> & { lr: number }) {
    super(params, { ...ADAGRAD_DEFAULTS, ...options });
  }

  protected override validate(o: AdagradOptions): void {
    super.validate(o);
    requireNonNegative('lr_decay value', o.lrDecay);
    requireNonNegative('initial_accumulator_value', o.initialAccumulatorValue);
    requireNonNegative('epsilon value', o.eps);
  }

  protected initState(p: Tensor, o: AdagradOptions): AdagradState {
    const sum = allocate(p.dtype, p.size);
    sum.fill(o.initialAccumulatorValue);
    return { step: 0, sum };
  }

  protected update(w: Buffer, g: Buffer, o: AdagradOptions, s: AdagradState): void {
    const t = ++s.step;
    const clr = o.lr / (1 + (t - 1) * o.lrDecay);
    const sign = o.maximize ? -1 : 1;
    const sum = s.sum;
    for (let i = 0, n = w.length; i < n; i++) {
      const gi = sign * g[i]! + o.weightDecay * w[i]!;
      sum[i] = sum[i]! + gi * gi;
      w[i] = w[i]! - (clr * gi) / (Math.sqrt(sum[i]!) + o.eps);
    }
  }
}
