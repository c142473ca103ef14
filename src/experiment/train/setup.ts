// Builds a run's model, parameter groups and optimizer from its config, the way a
// PyTorch user would: nn.Sequential MLP, a frozen first layer with model.freeze "first"
// (requires_grad_(False), left out of the optimizer), a no-decay group for biases when
// regularization applies to weights only, and torch.optim's optimizer with the same options.
import * as E from '../../engine/index.ts';
import type { Dataset } from '../../data/index.ts';
import type { RunConfig } from '../schema/experiment.ts';
import { deriveSeed, variantInitSeed } from './seeds.ts';

export interface ModelSetup {
  model: E.Sequential;
  /** The trained weight matrices (a frozen layer's are not): ‖w‖, sparsity, histogram and max-norm read these. */
  weights: E.Tensor[];
  /** The tensors penalties and weight decay act on (`applyTo`), trained ones only. */
  regularized: E.Tensor[];
  optimizer: E.Optimizer<E.SgdOptions | E.AdamOptions | E.RmspropOptions | E.AdagradOptions, unknown>;
  outputs: number;
}

/** `variant`: the run's variant name, which seeds its own initial weights with model.initPerVariant. */
export function setupModel(config: RunConfig, data: Dataset, seed: number, variant = 'base'): ModelSetup {
  const outputs = config.training.loss === 'bce_with_logits' ? 1 : data.outputs;
  const reg = config.regularization;
  const model = E.mlp(
    {
      inputs: data.inputs,
      hidden: config.model.hidden,
      outputs,
      activation: config.model.activation,
      negativeSlope: config.model.negativeSlope,
      dropout: reg.dropout,
    },
    {
      dtype: config.dtype,
      rng: new E.Random(config.model.initPerVariant ? variantInitSeed(seed, variant) : deriveSeed(seed, 'init')),
      init:
        config.model.init === 'normal'
          ? { kind: 'normal', std: config.model.initStd, bias: config.model.initBias }
          : { kind: 'default' },
    },
  ).useRandom(new E.Random(deriveSeed(seed, 'dropout')));

  // A frozen layer is what `model[0].requires_grad_(False)` makes in PyTorch: no gradient,
  // and (the script passes only parameters that require grad) no optimizer step, no weight
  // decay, and no penalty, since the penalty sums over the same trained list.
  if (config.model.freeze === 'first') for (const [name, p] of model.namedParameters()) if (name.startsWith('0.')) p.requiresGrad_(false);
  const trained = (ps: E.Tensor[]) => ps.filter((p) => p.requiresGrad);
  const weights = trained(model.weights());
  const biases = trained(model.biases());
  const weightsOnly = reg.applyTo === 'weights';
  const regularized = weightsOnly ? weights : trained(model.parameters());
  const groups =
    weightsOnly && reg.weightDecay > 0 && biases.length > 0
      ? [{ params: weights }, { params: biases, weightDecay: 0 }]
      : [{ params: trained(model.parameters()) }];
  return { model, weights, regularized, optimizer: createOptimizer(config, groups), outputs };
}

function createOptimizer(config: RunConfig, groups: { params: E.Tensor[]; weightDecay?: number }[]): ModelSetup['optimizer'] {
  const o = config.training.optimizer;
  const weightDecay = config.regularization.weightDecay;
  switch (o.type) {
    case 'sgd':
      return new E.SGD(groups, { lr: o.lr, momentum: o.momentum, dampening: o.dampening, nesterov: o.nesterov, weightDecay });
    case 'adam':
    case 'adamw': {
      const options = { lr: o.lr, betas: o.betas, eps: o.eps, amsgrad: o.amsgrad, weightDecay };
      return o.type === 'adamw' || config.regularization.decoupled ? new E.AdamW(groups, options) : new E.Adam(groups, options);
    }
    case 'rmsprop':
      return new E.RMSprop(groups, { lr: o.lr, alpha: o.alpha, eps: o.eps, momentum: o.momentum, centered: o.centered, weightDecay });
    case 'adagrad':
      return new E.Adagrad(groups, { lr: o.lr, lrDecay: o.lrDecay, initialAccumulatorValue: o.initialAccumulatorValue, eps: o.eps, weightDecay });
  }
}
