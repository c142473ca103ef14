// The `regularization` block: penalties in the loss, the optimizer's weight decay,
// dropout, max-norm and early stopping. Everything defaults to off.
import { array, boolean, enumOf, integer, number, object, union } from '../dsl/builders.ts';

const strength = (description: string) => number({ description, default: 0, minimum: 0 });

const dropoutP = () => number({ description: 'A dropout probability p.', minimum: 0, exclusiveMaximum: 1 });

export const regularizationSchema = object(
  {
    l1: strength(
      'Strength λ of the L1 penalty λ·Σ|w| added to the loss, as the tutorials\' `l1_lambda * sum(p.abs().sum() for p in model.parameters())`. It drives weights towards zero; only `l1Mode: "proximal"` makes them exactly zero. Typical: 1e-5 to 1e-2.',
    ),
    l1Mode: enumOf(
      {
        subgradient: "The penalty's subgradient λ·sign(w) joins the loss gradient, as in PyTorch tutorials: weights shrink and hover around 0 but rarely hit it exactly.",
        proximal: "After each optimizer step, soft-threshold w ← sign(w)·max(|w| − lr·λ, 0) (a proximal gradient step): small weights become exactly 0, which the weights view shows as sparsity.",
      },
      { description: 'How the L1 term (of `l1` and of `elasticNet`) acts on the weights.', default: 'subgradient' },
    ),
    l2: strength(
      'Strength λ of the L2 penalty λ·Σw² added to the loss, with no ½ (`l2_lambda * sum(p.pow(2).sum())`). Its gradient 2λ·w is what SGD\'s `weight_decay` of 2λ adds, so with SGD `l2: 0.005` matches `weightDecay: 0.01`; but the penalty is part of the reported loss, weight decay is not. Typical: 1e-5 to 1e-2.',
    ),
    elasticNet: object(
      {
        lambda: strength('Overall strength λ of the ElasticNet penalty; 0 turns it off.'),
        l1Ratio: number({ description: 'Share r of L1 in the mix: 1 is pure L1, 0 pure L2. The L1/L2 tutorial uses 0.3.', default: 0.5, minimum: 0, maximum: 1 }),
      },
      { description: 'The ElasticNet penalty λ·(r·Σ|w| + (1 − r)·Σw²) added to the loss: L1\'s sparsity with L2\'s stability.' },
    ),
    l2Norm: strength(
      "Strength λ of λ·Σ‖W‖₂, the unsquared Euclidean norm of each weight tensor (`torch.norm(p, 2)`): a common blog-code mistake for L2. Its gradient λ·W/‖W‖ has the same length however small the weights are, unlike L2's. Kept to show the difference.",
    ),
    weightDecay: strength(
      "The optimizer's `weight_decay`. SGD, RMSprop, Adagrad and Adam add weightDecay·w to the gradient (coupled: Adam then divides it by its adaptive step size, so the decay of a weight whose data gradient is small becomes a full step of about lr towards 0, far stronger than AdamW's at the same value, while weights with large gradients are barely decayed); AdamW, or `decoupled: true`, shrinks every weight by the same factor w ← w·(1 − lr·weightDecay). It is not part of the reported loss. PyTorch's AdamW defaults to 0.01; here every optimizer defaults to 0. Typical: 1e-4 to 1e-1.",
    ),
    decoupled: boolean({
      description: 'Decoupled weight decay (Loshchilov & Hutter), as `torch.optim.AdamW`: with `type: "adam"`, `true` means AdamW. Only adam and adamw have it, and adamw is always decoupled.',
      default: false,
    }),
    dropout: union([dropoutP(), array(dropoutP(), { description: 'One p per hidden layer.' })], {
      description:
        'Dropout probability p after each hidden layer\'s activation (`nn.Dropout(p)`): one p for every hidden layer, or a list with one p per hidden layer. Inverted dropout: in training each unit is zeroed with probability p and the kept ones are scaled by 1/(1 − p); in eval mode (the test loss) it is the identity. 0.5 is classic for wide layers; 0 turns it off.',
      default: 0,
    }),
    inputNoise: number({
      description:
        'Gaussian input noise (noise injection): during training every input gets x + N(0, σ²) noise, drawn afresh for every batch from the run\'s seed; evaluation (the train and test losses and the fit) sees the clean inputs, as dropout is off in eval mode. For a linear model with MSE it acts like an L2 penalty of σ²·Σw² (Bishop 1995). PyTorch has no layer for it: `x = x + sigma * torch.randn_like(x)` in the training loop. Inputs are on the data\'s own scale, so σ is in its units; 0 turns it off. Typical: 0.05 to 0.5.',
      default: 0,
      minimum: 0,
    }),
    labelSmoothing: number({
      description:
        "Label smoothing ε for `training.loss: \"cross_entropy\"`: `nn.CrossEntropyLoss(label_smoothing=ε)`. The target becomes (1 − ε) on the true class plus ε/C spread over all C classes, so the net is never pushed to infinitely confident logits. It changes the training loss only: the reported test loss stays the plain cross-entropy, so variants compare on the same scale. 0 turns it off; typical 0.05 to 0.2.",
      default: 0,
      minimum: 0,
      maximum: 1,
    }),
    maxNorm: number({
      description:
        "After each optimizer step, rescale every unit's incoming weight row to an L2 norm of at most maxNorm (Keras' `MaxNorm` constraint; in PyTorch, `torch.renorm` on each weight after `step()`). Biases are untouched. Often paired with dropout; 3 to 4 is typical. Unset: no constraint.",
      exclusiveMinimum: 0,
      optional: true,
    }),
    applyTo: enumOf(
      {
        weights: 'Weights only; biases are left alone (a separate parameter group without decay).',
        all: "Every parameter, biases included: what PyTorch does when you pass `model.parameters()`.",
      },
      {
        description:
          'Which parameters the penalties (l1, l2, elasticNet, l2Norm) and weightDecay act on. Biases are usually excluded: a bias only shifts a unit\'s output, it does not make the function wigglier, so shrinking it does not fight overfitting and only pulls the fit off-centre (d2l puts the bias in its own group without decay). The default is "all", because that is what the tutorials\' code does.',
        default: 'all',
      },
    ),
    earlyStopping: object(
      {
        patience: integer({ description: 'Epochs without improvement of the watched loss (validation, else test) after which training stops.', minimum: 1 }),
        minDelta: number({ description: 'The least decrease of the watched loss that counts as an improvement.', default: 0, minimum: 0 }),
        restoreBest: boolean({ description: 'At the end, put back the weights of the epoch with the lowest watched loss.', default: true }),
      },
      {
        description:
          'Stop when the watched loss (checked every `evalEvery` epochs) has not improved for `patience` epochs. With `data.validation` or `data.folds` it watches the validation loss, as real projects do; without, the test set stands in for it. Unset: train for all epochs.',
        optional: true,
      },
    ),
  },
  { description: 'The regularizers. Everything defaults to off, so a variant switches on just what it compares.' },
);
