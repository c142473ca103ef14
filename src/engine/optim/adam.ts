import { allocate, type Buffer } from '../dtype.ts';
import { onHeap, wasm } from '../kernels/index.ts';
import type { Tensor } from '../tensor.ts';
import { Optimizer, requireNonNegative, requireUnitInterval, type BaseOptions, type GroupInput } from './optimizer.ts';

export interface AdamOptions extends BaseOptions {
  betas: readonly [number, number];
  eps: number;
  amsgrad: boolean;
}

export const ADAM_DEFAULTS: Omit<AdamOptions, 'lr'> = { betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false, maximize: false };
export const ADAMW_DEFAULTS: Omit<AdamOptions, 'lr'> = { ...ADAM_DEFAULTS, weightDecay: 1e-2 };

interface AdamState {
  step: number;
  m: Buffer;
  v: Buffer;
  vMax: Buffer | null;
}

/**
 * torch.optim.Adam, and AdamW when `decoupled`:
 * Adam's weight decay is coupled (g ← g + wd·w, so it is rescaled by the adaptive
 * denominator); AdamW first shrinks w ← w·(1 − lr·wd) and leaves the gradient alone.
 * Then m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g², denom = √v/√(1−β2ᵗ) + ε,
 * w ← w − lr/(1−β1ᵗ) · m/denom (ε after the bias correction, as PyTorch).
 */
export class Adam extends Optimizer<AdamOptions, AdamState> {
  constructor(
    params: readonly Tensor[] | readonly GroupInput<AdamOptions>[],
    options: Partial<AdamOptions> & { lr: number },
    private readonly decoupled = false,
  ) {
    super(params, { ...(decoupled ? ADAMW_DEFAULTS : ADAM_DEFAULTS), ...options });
  }

  protected override validate(o: AdamOptions): void {
    super.validate(o);
    requireNonNegative('epsilon value', o.eps);
    requireUnitInterval('beta parameter at index 0', o.betas[0]);
    requireUnitInterval('beta parameter at index 1', o.betas[1]);
  }

  protected initState(p: Tensor, o: AdamOptions): AdamState {
    return { step: 0, m: allocate(p.dtype, p.size), v: allocate(p.dtype, p.size), vMax: o.amsgrad ? allocate(p.dtype, p.size) : null };
  }

  protected update(w: Buffer, g: Buffer, o: AdamOptions, s: AdamState): void {
    const { lr, eps } = o;
    const [b1, b2] = o.betas;
    const t = ++s.step;
    const stepSize = lr / (1 - b1 ** t);
    const correction2 = Math.sqrt(1 - b2 ** t);
    const coupled = this.decoupled ? 0 : o.weightDecay;
    const shrink = this.decoupled ? 1 - lr * o.weightDecay : 1;
    const sign = o.maximize ? -1 : 1;
    const { m, v, vMax } = s;
    if (onHeap(w, g, m, v) && (vMax === null || onHeap(vMax))) {
      const vm = vMax === null ? 0 : vMax.byteOffset;
      wasm!.adamStep(w.byteOffset, g.byteOffset, m.byteOffset, v.byteOffset, vm, w.length, stepSize, correction2, b1, b2, eps, coupled, shrink, sign);
      return;
    }
    for (let i = 0, n = w.length; i < n; i++) {
      const wi = w[i]! * shrink;
      const gi = sign * g[i]! + coupled * wi;
      const mi = b1 * m[i]! + (1 - b1) * gi;
      m[i] = mi;
      v[i] = b2 * v[i]! + (1 - b2) * gi * gi;
      let vi = v[i]!;
      if (vMax !== null) {
        vi = Math.max(vMax[i]!, vi);
        vMax[i] = vi;
      }
      w[i] = wi - (stepSize * m[i]!) / (Math.sqrt(vi) / correction2 + eps);
    }
  }
}

export class AdamW extends Adam {
  constructor(params: readonly Tensor[] | readonly GroupInput<AdamOptions>[], options: Partial<AdamOptions> & { lr: number }) {
    super(params, options, true);
  }
}
