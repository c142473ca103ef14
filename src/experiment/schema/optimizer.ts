// `training.optimizer`: one flat object with PyTorch's option names and defaults. Which
// option belongs to which optimizer is said once, in OPTION_OWNERS: the descriptions and
// the "does not apply" warning (checks/optimizer.ts) both read it.
import { boolean, enumOf, number, object, tuple } from '../dsl/builders.ts';

export const OPTIMIZER_TYPES = {
  sgd: '`torch.optim.SGD`: options momentum, dampening, nesterov. Weight decay is added to the gradient before momentum.',
  adam: '`torch.optim.Adam`: options betas, eps, amsgrad. Its weight decay is coupled: added to the gradient, then scaled by the adaptive step (with `regularization.decoupled: true` it becomes AdamW).',
  adamw: '`torch.optim.AdamW`: Adam with decoupled weight decay, w ← w·(1 − lr·weightDecay) each step. Options betas, eps, amsgrad.',
  rmsprop: '`torch.optim.RMSprop`: options alpha, eps, momentum, centered.',
  adagrad: '`torch.optim.Adagrad`: options lrDecay, initialAccumulatorValue, eps.',
} as const;

export type OptimizerType = keyof typeof OPTIMIZER_TYPES;

/** The optimizers each option belongs to. */
export const OPTION_OWNERS = {
  momentum: ['sgd', 'rmsprop'],
  dampening: ['sgd'],
  nesterov: ['sgd'],
  betas: ['adam', 'adamw'],
  eps: ['adam', 'adamw', 'rmsprop', 'adagrad'],
  amsgrad: ['adam', 'adamw'],
  alpha: ['rmsprop'],
  centered: ['rmsprop'],
  lrDecay: ['adagrad'],
  initialAccumulatorValue: ['adagrad'],
} as const satisfies Record<string, readonly OptimizerType[]>;

export type OptimizerOption = keyof typeof OPTION_OWNERS;

const appliesTo = (option: OptimizerOption): string => ` Applies to ${OPTION_OWNERS[option].join(', ')}; ignored (with a warning) otherwise.`;

const beta = (which: string, fallback: number) => number({ description: which, default: fallback, minimum: 0, exclusiveMaximum: 1 });

export const optimizerSchema = object(
  {
    type: enumOf(OPTIMIZER_TYPES, { description: 'Which `torch.optim` optimizer updates the weights. Its weight decay is set in `regularization.weightDecay`.' }),
    lr: number({
      description: 'The learning rate `lr`. Typical: 0.01 to 0.1 for SGD, 1e-4 to 1e-3 for Adam. Too large and the loss diverges to NaN; too small and nothing happens in the epochs you have.',
      exclusiveMinimum: 0,
    }),
    momentum: number({
      description: `\`momentum\` μ: a running buffer b ← μ·b + g replaces the raw gradient. 0.9 is the common choice; 0 turns it off.${appliesTo('momentum')}`,
      default: 0,
      minimum: 0,
    }),
    dampening: number({ description: `SGD's \`dampening\` τ: b ← μ·b + (1 − τ)·g.${appliesTo('dampening')}`, default: 0, minimum: 0 }),
    nesterov: boolean({ description: `Nesterov momentum (\`nesterov=True\`); needs momentum > 0 and dampening 0, as in PyTorch.${appliesTo('nesterov')}`, default: false }),
    betas: tuple([beta('β1, the decay of the gradient average.', 0.9), beta('β2, the decay of the squared-gradient average.', 0.999)], {
      description: `\`betas\` (β1, β2): decay rates of Adam's running averages of the gradient and its square.${appliesTo('betas')}`,
      default: [0.9, 0.999],
    }),
    eps: number({
      description: `\`eps\`, added to the denominator for numerical stability.${appliesTo('eps')}`,
      derivedDefault: "PyTorch's: 1e-8, or 1e-10 for adagrad",
      minimum: 0,
    }),
    amsgrad: boolean({ description: `AMSGrad (\`amsgrad=True\`): divide by the running maximum of the squared-gradient average.${appliesTo('amsgrad')}`, default: false }),
    alpha: number({ description: `RMSprop's smoothing constant \`alpha\` for the squared-gradient average.${appliesTo('alpha')}`, default: 0.99, minimum: 0 }),
    centered: boolean({ description: `Centered RMSprop (\`centered=True\`): normalise by the estimated variance of the gradient.${appliesTo('centered')}`, default: false }),
    lrDecay: number({ description: `Adagrad's \`lr_decay\`: the step t uses lr/(1 + (t − 1)·lrDecay).${appliesTo('lrDecay')}`, default: 0, minimum: 0 }),
    initialAccumulatorValue: number({
      description: `Adagrad's \`initial_accumulator_value\`: the starting sum of squared gradients.${appliesTo('initialAccumulatorValue')}`,
      default: 0,
      minimum: 0,
    }),
  },
  { description: 'The optimizer and its options, with the names and defaults of `torch.optim`. An option that the chosen `type` does not have is ignored, with a warning.' },
);
