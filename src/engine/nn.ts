// Layers and models: Linear with PyTorch's default init, and a Sequential whose
// parameter names are PyTorch's state_dict keys ("0.weight", "0.bias", "2.weight", …),
// so parameter groups, exports and fixtures all speak the same names.
import type { DType } from './dtype.ts';
import { checkActivation, type Activation } from './ops/activation.ts';
import { checkDropoutP, dropout } from './ops/dropout.ts';
import { linear } from './ops/linear.ts';
import { activate } from './ops/unary.ts';
import { Random } from './random.ts';
import { formatShape, tensor, type Tensor } from './tensor.ts';

export type LayerSpec =
  | { kind: 'linear'; inFeatures: number; outFeatures: number; bias?: boolean }
  | { kind: 'relu' | 'tanh' | 'sigmoid' | 'identity' }
  | { kind: 'leaky_relu'; negativeSlope?: number }
  | { kind: 'dropout'; p: number };

/** `normal`: weights ~ N(0, std²); biases 0, or ~ N(0, std²) too with `bias: 'normal'` (d2l's `param.data.normal_()`). */
export type Init = { kind: 'default' } | { kind: 'normal'; std: number; bias?: 'zeros' | 'normal' };

export interface ModelOptions {
  dtype?: DType;
  /** Draws the initial weights, then the dropout masks. */
  rng: Random;
  init?: Init;
}

export class Linear {
  readonly weight: Tensor;
  readonly bias: Tensor | null;

  constructor(readonly inFeatures: number, readonly outFeatures: number, hasBias: boolean, options: ModelOptions) {
    for (const [what, n] of [['in_features', inFeatures], ['out_features', outFeatures]] as const) {
      if (!Number.isInteger(n) || n < 1) throw new Error(`Linear ${what} must be a positive integer, got ${n}`);
    }
    const dtype = options.dtype ?? 'float32';
    const init = options.init ?? { kind: 'default' };
    const rng = options.rng;
    // nn.Linear's default: kaiming_uniform_(a=√5) gives bound 1/√fan_in for weight and bias alike.
    const bound = 1 / Math.sqrt(inFeatures);
    const draw = init.kind === 'default' ? () => rng.between(-bound, bound) : () => init.std * rng.normal();
    const w = Array.from({ length: inFeatures * outFeatures }, draw);
    this.weight = tensor(w, [outFeatures, inFeatures], { dtype, requiresGrad: true });
    if (hasBias) {
      const drawsBias = init.kind === 'default' || init.bias === 'normal';
      const b = drawsBias ? Array.from({ length: outFeatures }, draw) : new Array<number>(outFeatures).fill(0);
      this.bias = tensor(b, [outFeatures], { dtype, requiresGrad: true });
    } else {
      this.bias = null;
    }
  }
}

type Layer =
  | { kind: 'linear'; module: Linear }
  | { kind: 'activation'; activation: Activation; slope: number }
  | { kind: 'dropout'; p: number };

export class Sequential {
  readonly layers: readonly Layer[];
  readonly dtype: DType;
  training = true;
  private rng: Random;

  constructor(specs: readonly LayerSpec[], options: ModelOptions) {
    this.dtype = options.dtype ?? 'float32';
    this.rng = options.rng;
    let width: number | null = null;
    this.layers = specs.map((spec, index) => {
      switch (spec.kind) {
        case 'linear':
          if (width !== null && width !== spec.inFeatures) {
            throw new Error(`Layer ${index}: Linear expects ${spec.inFeatures} inputs but the previous layer gives ${width}`);
          }
          width = spec.outFeatures;
          return { kind: 'linear', module: new Linear(spec.inFeatures, spec.outFeatures, spec.bias ?? true, options) };
        case 'dropout':
          checkDropoutP(spec.p);
          return { kind: 'dropout', p: spec.p };
        default: {
          const slope = spec.kind === 'leaky_relu' ? (spec.negativeSlope ?? 0.01) : 0;
          return { kind: 'activation', activation: checkActivation(spec.kind, slope), slope };
        }
      }
    });
  }

  /** Replaces the generator that draws dropout masks from now on. */
  useRandom(rng: Random): this {
    this.rng = rng;
    return this;
  }

  train(): this {
    this.training = true;
    return this;
  }

  eval(): this {
    this.training = false;
    return this;
  }

  forward(x: Tensor): Tensor {
    const first = this.layers.find((l) => l.kind === 'linear');
    if (first !== undefined && first.kind === 'linear' && x.shape[1] !== first.module.inFeatures) {
      throw new Error(`Model expects inputs of shape [batch, ${first.module.inFeatures}], got ${formatShape(x.shape)}`);
    }
    let h = x;
    for (let i = 0; i < this.layers.length; i++) {
      const layer = this.layers[i]!;
      if (layer.kind === 'linear') {
        // Fuse the activation that directly follows a Linear into it.
        const next = this.layers[i + 1];
        const fused = next !== undefined && next.kind === 'activation' ? next : null;
        if (fused !== null) i++;
        h = linear(h, layer.module.weight, layer.module.bias, fused?.activation ?? 'identity', fused?.slope ?? 0);
      } else if (layer.kind === 'dropout') {
        h = dropout(h, layer.p, this.rng, this.training);
      } else {
        h = activate(h, layer.activation, layer.slope);
      }
    }
    return h;
  }

  /** PyTorch's state_dict keys in model.parameters() order. */
  namedParameters(): [string, Tensor][] {
    const named: [string, Tensor][] = [];
    this.layers.forEach((layer, index) => {
      if (layer.kind !== 'linear') return;
      named.push([`${index}.weight`, layer.module.weight]);
      if (layer.module.bias !== null) named.push([`${index}.bias`, layer.module.bias]);
    });
    return named;
  }

  parameters(): Tensor[] {
    return this.namedParameters().map(([, p]) => p);
  }

  /** The weight matrices only: what "weights" means in regularization.applyTo. */
  weights(): Tensor[] {
    return this.namedParameters().filter(([name]) => name.endsWith('.weight')).map(([, p]) => p);
  }

  biases(): Tensor[] {
    return this.namedParameters().filter(([name]) => name.endsWith('.bias')).map(([, p]) => p);
  }

  parameter(name: string): Tensor {
    const found = this.namedParameters().find(([n]) => n === name);
    if (found === undefined) throw new Error(`No parameter "${name}"; the model has ${this.namedParameters().map(([n]) => n).join(', ')}`);
    return found[1];
  }

  /** Overwrites parameter values (e.g. from a fixture or a saved run), PyTorch layout. */
  loadValues(values: Record<string, ArrayLike<number>>): void {
    for (const [name, v] of Object.entries(values)) {
      const p = this.parameter(name);
      if (v.length !== p.size) throw new Error(`Parameter "${name}" has ${p.size} values, got ${v.length}`);
      p.data.set(v);
    }
  }
}

export interface MlpOptions {
  inputs: number;
  hidden: readonly number[];
  outputs: number;
  activation?: string;
  negativeSlope?: number;
  /** One p for every hidden layer, or one per hidden layer. */
  dropout?: number | readonly number[];
}

/** Linear → activation → Dropout per hidden layer, then a last Linear with no activation. */
export function mlpLayers(options: MlpOptions): LayerSpec[] {
  const activation = checkActivation(options.activation ?? 'relu', options.negativeSlope);
  const drop = options.dropout ?? 0;
  if (Array.isArray(drop) && drop.length !== options.hidden.length) {
    throw new Error(`dropout has ${drop.length} values but there are ${options.hidden.length} hidden layers`);
  }
  const specs: LayerSpec[] = [];
  let width = options.inputs;
  options.hidden.forEach((size, k) => {
    specs.push({ kind: 'linear', inFeatures: width, outFeatures: size });
    specs.push(activation === 'leaky_relu' ? { kind: activation, negativeSlope: options.negativeSlope ?? 0.01 } : { kind: activation });
    const p = typeof drop === 'number' ? drop : drop[k]!;
    if (p > 0) specs.push({ kind: 'dropout', p });
    width = size;
  });
  specs.push({ kind: 'linear', inFeatures: width, outFeatures: options.outputs });
  return specs;
}

export function mlp(options: MlpOptions, modelOptions: ModelOptions): Sequential {
  return new Sequential(mlpLayers(options), modelOptions);
}
