// Optimizers with parameter groups, as torch.optim: each group has its own options
// (e.g. weight decay on the weights, none on the biases), and each parameter keeps its
// own state, created on its first step. Update rules are PyTorch 1.13's single-tensor
// implementations; each is one fused loop over the parameter.
import type { Buffer } from '../dtype.ts';
import type { Tensor } from '../tensor.ts';

export interface ParamGroup<O> {
  params: readonly Tensor[];
  options: O;
}

export type GroupInput<O> = { params: readonly Tensor[] } & Partial<O>;

export interface BaseOptions {
  lr: number;
  weightDecay: number;
  maximize: boolean;
}

export abstract class Optimizer<O extends BaseOptions, S> {
  readonly groups: ParamGroup<O>[];
  private readonly state = new Map<Tensor, S>();

  constructor(params: readonly Tensor[] | readonly GroupInput<O>[], defaults: O) {
    const inputs: readonly GroupInput<O>[] = isTensorList(params) ? [{ params } as GroupInput<O>] : params;
    if (inputs.length === 0) throw new Error('Optimizer got an empty parameter list');
    const seen = new Set<Tensor>();
    this.groups = inputs.map(({ params: groupParams, ...overrides }) => {
      for (const p of groupParams) {
        if (seen.has(p)) throw new Error('Some parameters appear in more than one parameter group');
        if (!p.isLeaf || !p.requiresGrad) throw new Error('Optimizer parameters must be leaf tensors that require grad');
        seen.add(p);
      }
      const options = { ...defaults, ...(overrides as unknown as Partial<O>) };
      this.validate(options);
      return { params: groupParams, options };
    });
  }

  zeroGrad(): void {
    for (const group of this.groups) for (const p of group.params) p.zeroGrad();
  }

  step(): void {
    for (const group of this.groups) {
      for (const p of group.params) {
        if (p.grad === null) continue;
        let s = this.state.get(p);
        if (s === undefined) {
          s = this.initState(p, group.options);
          this.state.set(p, s);
        }
        this.update(p.data, p.grad, group.options, s);
      }
    }
  }

  /** Checks options the way torch.optim does, with the group's own values in the message. */
  protected validate(options: O): void {
    requireNonNegative('learning rate', options.lr);
    requireNonNegative('weight_decay', options.weightDecay);
  }

  protected abstract initState(p: Tensor, options: O): S;
  protected abstract update(w: Buffer, g: Buffer, options: O, state: S): void;
}

export function requireNonNegative(what: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) throw new Error(`Invalid ${what}: ${value} (must be a finite number ≥ 0)`);
}

export function requireUnitInterval(what: string, value: number): void {
  if (!(value >= 0 && value < 1)) throw new Error(`Invalid ${what}: ${value} (must be in [0, 1))`);
}

function isTensorList<O>(params: readonly Tensor[] | readonly GroupInput<O>[]): params is readonly Tensor[] {
  return params.length > 0 && !('params' in (params[0] as object));
}
