import { allocate, dtypeOf, type Buffer } from '../dtype.ts';
import { onHeap, wasm } from '../kernels/index.ts';
import type { Tensor } from '../tensor.ts';
import { Optimizer, requireNonNegative, type BaseOptions, type GroupInput } from './optimizer.ts';

export interface SgdOptions extends BaseOptions {
  momentum: number;
  dampening: number;
  nesterov: boolean;
}

export const SGD_DEFAULTS: Omit<SgdOptions, 'lr'> = { momentum: 0, dampening: 0, nesterov: false, weightDecay: 0, maximize: false };

interface SgdState {
  momentumBuffer: Buffer | null;
}

/**
 * torch.optim.SGD: g ← g + wd·w (coupled: the decay goes through momentum);
 * buf ← g on the first step (no dampening), then μ·buf + (1−τ)·g;
 * g ← g + μ·buf (Nesterov) or buf; w ← w − lr·g.
 */
export class SGD extends Optimizer<SgdOptions, SgdState> {
  constructor(params: readonly Tensor[] | readonly GroupInput<SgdOptions>[], options: Partial<SgdOptions> & { lr: number }) {
    super(params, { ...SGD_DEFAULTS, ...options });
  }

  protected override validate(o: SgdOptions): void {
    super.validate(o);
    requireNonNegative('momentum value', o.momentum);
    if (o.nesterov && (o.momentum <= 0 || o.dampening !== 0)) throw new Error('Nesterov momentum requires a momentum and zero dampening');
  }

  protected initState(): SgdState {
    return { momentumBuffer: null };
  }

  protected update(w: Buffer, g: Buffer, o: SgdOptions, s: SgdState): void {
    const { lr, weightDecay: wd, momentum: mu, dampening, nesterov } = o;
    const sign = o.maximize ? -1 : 1;
    const n = w.length;
    if (mu === 0) {
      if (onHeap(w, g)) {
        wasm!.sgdStep(w.byteOffset, g.byteOffset, 0, n, lr, wd, 0, 0, false, false, sign);
        return;
      }
      for (let i = 0; i < n; i++) w[i] = w[i]! - lr * (sign * g[i]! + wd * w[i]!);
      return;
    }
    const first = s.momentumBuffer === null;
    const buf = (s.momentumBuffer ??= allocate(dtypeOf(w), n));
    if (onHeap(w, g, buf)) {
      wasm!.sgdStep(w.byteOffset, g.byteOffset, buf.byteOffset, n, lr, wd, mu, dampening, nesterov, first, sign);
      return;
    }
    for (let i = 0; i < n; i++) {
      const d = sign * g[i]! + wd * w[i]!;
      const b = first ? d : mu * buf[i]! + (1 - dampening) * d;
      buf[i] = b;
      w[i] = w[i]! - lr * (nesterov ? d + mu * buf[i]! : buf[i]!);
    }
  }
}
