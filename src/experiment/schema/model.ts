// The `model` block: an MLP whose input and output sizes come from the data set.
import { array, boolean, enumOf, integer, number, object } from '../dsl/builders.ts';

export const modelSchema = object(
  {
    hidden: array(integer({ description: 'Units in one hidden layer.', minimum: 1 }), {
      description:
        'Sizes of the hidden layers, from the input side: `[100, 100, 100]` is the tutorial\'s 1-100-100-100-1 MLP. Each is `nn.Linear` followed by the activation (and `nn.Dropout` when `regularization.dropout` is set). `[]` gives a linear model, a single `nn.Linear(inputs, outputs)`, as in d2l\'s weight-decay chapter.',
      default: [100],
    }),
    activation: enumOf(
      {
        relu: '`nn.ReLU`: max(0, x). The usual choice.',
        leaky_relu: '`nn.LeakyReLU(negativeSlope)`: x for x > 0, negativeSlope·x otherwise.',
        tanh: '`nn.Tanh`: smooth, in (−1, 1).',
        sigmoid: '`nn.Sigmoid`: smooth, in (0, 1).',
        identity: 'No non-linearity: the whole network stays a linear function.',
      },
      { description: 'The non-linearity after every hidden layer (none after the output layer).', default: 'relu' },
    ),
    negativeSlope: number({
      description: "Slope for x < 0 of `leaky_relu` (`nn.LeakyReLU`'s `negative_slope`). Used only with that activation.",
      default: 0.01,
    }),
    init: enumOf(
      {
        default: "PyTorch's `nn.Linear` default: weights and biases ~ U(−1/√fan_in, 1/√fan_in).",
        normal: "Weights ~ N(0, initStd²), as `nn.init.normal_(w, std=initStd)`; the biases as `initBias` says (0 by default).",
      },
      { description: 'How the weights are initialised (from the run\'s seed).', default: 'default' },
    ),
    initStd: number({
      description: 'Standard deviation of the initial weights (and of the biases with `initBias: "normal"`) with `init: "normal"`; d2l uses 1. Used only with that init.',
      default: 1,
      exclusiveMinimum: 0,
    }),
    initPerVariant: boolean({
      description:
        "`false` (the default): every variant starts from the same initial weights (drawn from the run's seed), so variants differ only by what they change. `true`: this run draws its initial weights from a stream of its own, derived from the seed and the variant's name, as a PyTorch script does when it builds one net after another from one generator (`torch.manual_seed(s)`, then `net_a = make()`, `net_b = make()`). Sweep runs of a variant keep its draw. The panel's lesson area says which. The exported script's --exact mode loads each run's own weights.",
      default: false,
    }),
    freeze: enumOf(
      {
        none: 'Every layer trains.',
        first:
          "The first layer (`0.weight`, `0.bias`) keeps its initial values: a random-features model, in which only the layers after it learn (with one hidden layer, a linear regression on fixed random features). In PyTorch: `model[0].requires_grad_(False)` and an optimizer over the parameters that still require grad. The frozen layer gets no optimizer step, no weight decay and no penalty (l1, l2, elasticNet, l2Norm, the proximal step and maxNorm act on the trained parameters only), and ‖w‖, the sparsity and the weight histogram count the trained weights only.",
      },
      {
        description:
          'Layers that keep their initial weights. `"first"` freezes the first `nn.Linear` (it needs at least one hidden layer): with `hidden: [p]` only the p + 1 output-layer parameters (per output) train, as in the random-features models of double descent.',
        default: 'none',
      },
    ),
    initBias: enumOf(
      {
        zeros: "Biases start at 0, as d2l's from-scratch `b = torch.zeros(1)` and `nn.init.zeros_(layer.bias)`.",
        normal:
          "Biases ~ N(0, initStd²) like the weights, as d2l's concise weight-decay code does: `for param in net.parameters(): param.data.normal_()`. Each layer draws its weight, then its bias.",
      },
      { description: 'How the biases start with `init: "normal"`. Used only with that init.', default: 'zeros' },
    ),
  },
  { description: 'The network: a multi-layer perceptron. Its input size is the number of features, its output size 1 for regression and the number of classes for classification (1 with `bce_with_logits`).' },
);
