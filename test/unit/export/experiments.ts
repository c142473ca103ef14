// The experiments the export tests export (not a test file itself): the exact-mode cases,
// the dropout case and one experiment per data source, with the files the sources read.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const TOLERANCE = 1e-6;
export const MIN_STEPS = 50;

const line = { generator: 'line', train: 12, test: 10, slope: 1.5, intercept: 0.5, trainNoise: 0.4, testNoise: 0.2 };

/** Each experiment's variants are the cases; `steps` is optimizer steps per run. */
export const EXPERIMENTS: { name: string; steps: number; file: Record<string, unknown> }[] = [
  {
    name: 'regression',
    steps: 60,
    file: {
      title: 'Optimizers, weight decay and penalties on a small regression',
      seed: 3,
      dtype: 'float64',
      data: line,
      model: { hidden: [8, 8], activation: 'tanh' },
      training: { optimizer: { type: 'sgd', lr: 0.05 }, loss: 'mse', epochs: 60 },
      variants: [
        { name: 'SGD' },
        { name: 'SGD momentum, weight decay on all', training: { optimizer: { momentum: 0.9 } }, regularization: { weightDecay: 0.01 } },
        {
          name: 'SGD nesterov, weight decay without biases',
          training: { optimizer: { momentum: 0.9, nesterov: true } },
          regularization: { weightDecay: 0.05, applyTo: 'weights' },
        },
        { name: 'Adam, coupled weight decay', training: { optimizer: { type: 'adam', lr: 0.01 } }, regularization: { weightDecay: 0.1 } },
        { name: 'AdamW', training: { optimizer: { type: 'adamw', lr: 0.01, betas: [0.8, 0.99] } }, regularization: { weightDecay: 0.1 } },
        { name: 'Adam decoupled', training: { optimizer: { type: 'adam', lr: 0.01, amsgrad: true } }, regularization: { weightDecay: 0.1, decoupled: true } },
        { name: 'L1', regularization: { l1: 0.01 } },
        { name: 'L2', regularization: { l2: 0.01 } },
        { name: 'ElasticNet without biases', regularization: { elasticNet: { lambda: 0.02, l1Ratio: 0.3 }, applyTo: 'weights' } },
        { name: 'unsquared norm', regularization: { l2Norm: 0.01 } },
        { name: 'proximal L1, max-norm', training: { optimizer: { type: 'adam', lr: 0.01 } }, regularization: { l1: 0.05, l1Mode: 'proximal', maxNorm: 1 } },
        { name: 'RMSprop', training: { optimizer: { type: 'rmsprop', lr: 0.005, momentum: 0.5, centered: true } } },
        { name: 'Adagrad, Huber loss', training: { optimizer: { type: 'adagrad', lr: 0.05, lrDecay: 0.01 }, loss: 'huber', delta: 0.5 } },
      ],
    },
  },
  {
    name: 'minibatches',
    steps: 60,
    file: {
      title: 'Shuffled minibatches',
      seed: 5,
      dtype: 'float64',
      data: { ...line, train: 11 },
      model: { hidden: [6], activation: 'relu' },
      // 11 samples in batches of 4: 3 steps per epoch, the last of 3 samples.
      training: { optimizer: { type: 'sgd', lr: 0.05, momentum: 0.9 }, loss: 'mse', epochs: 20, batchSize: 4 },
      variants: [{ name: 'SGD minibatches' }, { name: 'Adam minibatches, L2', training: { optimizer: { type: 'adam', lr: 0.01 } }, regularization: { l2: 0.01 } }],
    },
  },
  {
    name: 'cross-entropy',
    steps: 80,
    file: {
      title: 'Cross-entropy on blobs',
      seed: 2,
      dtype: 'float64',
      data: { generator: 'blobs', features: 4, classes: 3, train: 30, test: 24 },
      model: { hidden: [10], activation: 'relu' },
      training: { optimizer: { type: 'adam', lr: 0.01 }, loss: 'cross_entropy', epochs: 20, batchSize: 8 },
      variants: [
        { name: 'Adam' },
        { name: 'SGD momentum, ElasticNet', training: { optimizer: { type: 'sgd', lr: 0.1, momentum: 0.9 } }, regularization: { elasticNet: { lambda: 0.01, l1Ratio: 0.5 } } },
        { name: 'AdamW without biases', training: { optimizer: { type: 'adamw', lr: 0.01 } }, regularization: { weightDecay: 0.05, applyTo: 'weights' } },
        { name: 'Adam, label smoothing', regularization: { labelSmoothing: 0.15 } },
      ],
    },
  },
  {
    // Runs that differ in structure, not only in numbers: the script reads those choices
    // from the settings (activation, init, loss, optimizer, batches, applyTo, l1Mode, …).
    name: 'structure',
    steps: 0,
    file: {
      title: 'Variants that change the code path',
      seed: 6,
      dtype: 'float64',
      data: line,
      model: { hidden: [6, 5], activation: 'relu' },
      training: { optimizer: { type: 'sgd', lr: 0.05, momentum: 0.5 }, loss: 'mse', epochs: 60 },
      variants: [
        { name: 'relu, full batch' },
        { name: 'tanh, normal init, smooth L1', model: { activation: 'tanh', init: 'normal', initStd: 0.3 }, training: { loss: 'smooth_l1', beta: 0.5 } },
        { name: 'leaky, one layer, L1 loss', model: { hidden: [7], activation: 'leaky_relu', negativeSlope: 0.2 }, training: { loss: 'l1' } },
        { name: 'minibatches in order, every 3rd epoch', training: { batchSize: 5, shuffle: false, epochs: 30, evalEvery: 3 } },
        { name: 'minibatches shuffled, Adam', training: { optimizer: { type: 'adam', lr: 0.01 }, batchSize: 5, epochs: 30 } },
        { name: 'proximal ElasticNet without biases', regularization: { elasticNet: { lambda: 0.05, l1Ratio: 0.6 }, l1Mode: 'proximal', applyTo: 'weights', weightDecay: 0.01 } },
        { name: 'max-norm', regularization: { maxNorm: 0.8, l1: 0.001 } },
        { name: 'early stopping', training: { epochs: 400 }, regularization: { earlyStopping: { patience: 5, minDelta: 0.001 } } },
      ],
    },
  },
  {
    // A frozen first layer (random features): requires_grad_(False), out of the optimizer,
    // the weight decay and the penalties; one variant trains every layer (the script then
    // freezes on s.freeze). Its final first-layer weights must be the initial ones on both sides.
    name: 'frozen',
    steps: 60,
    file: {
      title: 'Random features: the first layer frozen',
      seed: 11,
      dtype: 'float64',
      data: { generator: 'd2l', train: 12, test: 15, features: 4, trueWeight: 0.5, noise: 0.3 },
      model: { hidden: [9, 5], activation: 'relu', freeze: 'first' },
      training: { optimizer: { type: 'sgd', lr: 0.05, momentum: 0.9 }, loss: 'mse', epochs: 60 },
      variants: [
        { name: 'frozen, weight decay on all', regularization: { weightDecay: 0.05 } },
        { name: 'frozen, weight decay without biases', regularization: { weightDecay: 0.05, applyTo: 'weights' } },
        { name: 'frozen, L2 and L1 penalties', regularization: { l2: 0.01, l1: 0.002 } },
        { name: 'frozen, Adam, proximal L1, max-norm', training: { optimizer: { type: 'adam', lr: 0.01 } }, regularization: { l1: 0.02, l1Mode: 'proximal', maxNorm: 1 } },
        { name: 'every layer trained', model: { freeze: 'none' }, regularization: { weightDecay: 0.05 } },
      ],
    },
  },
  {
    name: 'bce',
    steps: 60,
    file: {
      title: 'BCE with logits on moons',
      seed: 4,
      dtype: 'float64',
      data: { generator: 'moons', train: 40, test: 40, noise: 0.2 },
      model: { hidden: [8], activation: 'leaky_relu', negativeSlope: 0.1 },
      training: { optimizer: { type: 'sgd', lr: 0.2 }, loss: 'bce_with_logits', epochs: 60 },
      regularization: { l2: 0.001 },
    },
  },
  {
    // The sweep changes the data's shape, so the model takes its sizes from the data.
    name: 'classes',
    steps: 50,
    file: {
      title: 'More classes',
      seed: 8,
      dtype: 'float64',
      data: { generator: 'blobs', features: 3, classes: 2, train: 20, test: 20 },
      model: { hidden: [5] },
      training: { optimizer: { type: 'sgd', lr: 0.1 }, epochs: 50 },
      sweep: { over: 'data.classes', values: [3, 5] },
    },
  },
  {
    name: 'sweep',
    steps: 60,
    file: {
      title: 'A weight-decay sweep on a linear model',
      seed: 7,
      dtype: 'float64',
      data: { generator: 'd2l', train: 9, test: 20, features: 12 },
      model: { hidden: [], init: 'normal', initStd: 0.5 },
      training: { optimizer: { type: 'sgd', lr: 0.01 }, loss: 'mse', epochs: 20, batchSize: 3 },
      regularization: { applyTo: 'weights' },
      sweep: { over: 'regularization.weightDecay', values: [0, 0.5], repeats: 2 },
    },
  },
  {
    // A width sweep of layer 1 alone, with a validation split: the model is built per width.
    name: 'width',
    steps: 60,
    file: {
      title: 'The width of the second hidden layer, on a validation split',
      seed: 3,
      dtype: 'float64',
      data: { generator: 'sine', train: 24, test: 20, validation: 0.25 },
      model: { hidden: [6, 4] },
      training: { optimizer: { type: 'adam', lr: 0.01 }, loss: 'mse', epochs: 20, batchSize: 6 },
      sweep: { over: 'model.hidden.1', values: [2, 9] },
    },
  },
  {
    // A 2-D grid (weight decay × the width of layer 1), 2 seeds, 3-fold cross-validation.
    name: 'grid',
    steps: 60,
    file: {
      title: 'Weight decay × width, cross-validated',
      seed: 5,
      dtype: 'float64',
      data: { generator: 'sine', train: 24, test: 20, folds: 3 },
      model: { hidden: [6, 4] },
      training: { optimizer: { type: 'adam', lr: 0.01 }, loss: 'mse', epochs: 20, batchSize: 6 },
      sweep: { over: 'regularization.weightDecay', values: [0, 0.01], repeats: 2, grid: { over: 'model.hidden.1', values: [2, 9] } },
    },
  },
];

/** Dropout and input-noise variants with an lr so small that no step moves a weight: their eval-mode test loss is the initial weights'. */
export const DROPOUT = {
  title: 'Dropout, compared on the initial weights',
  seed: 9,
  dtype: 'float64',
  data: line,
  model: { hidden: [16, 16] },
  training: { optimizer: { type: 'adam', lr: 1e-300 }, loss: 'mse', epochs: 3 },
  variants: [
    { name: 'Dropout 0.5', regularization: { dropout: 0.5 } },
    { name: 'Dropout per layer', regularization: { dropout: [0.3, 0] } },
    // Input noise, like dropout, acts in training only: the eval-mode test loss is the clean inputs'.
    { name: 'Input noise', regularization: { inputNoise: 0.3 } },
  ],
};

// Tiny MNIST-format files: 2×3 images, gzipped train and plain test files.
function idx(magic: number, dims: number[], data: number[]): Buffer {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE(magic, 0);
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([header, Buffer.from(data)]);
}
const pixels = (n: number, offset: number) => Array.from({ length: n * 6 }, (_, i) => (i * 37 + offset) % 256);

export function writeDataFiles(dir: string): void {
  writeFileSync(join(dir, 'train-images.gz'), gzipSync(idx(0x803, [8, 2, 3], pixels(8, 5))));
  writeFileSync(join(dir, 'train-labels.gz'), gzipSync(idx(0x801, [8], [0, 1, 2, 3, 0, 1, 2, 3])));
  writeFileSync(join(dir, 'test-images'), idx(0x803, [5, 2, 3], pixels(5, 11)));
  writeFileSync(join(dir, 'test-labels'), idx(0x801, [5], [3, 2, 1, 0, 1]));
  const rows = Array.from({ length: 20 }, (_, i) => `${(i * 0.37) % 2},${i % 3 === 0 ? ' -1.5' : i / 7},${['cat', 'dog', 'eel'][i % 3]},${i * 0.5 - 2}`);
  writeFileSync(join(dir, 'animals.csv'), ['a, b ,animal,value', ...rows].join('\n') + '\n');
  writeFileSync(join(dir, 'values-train.csv'), ['a,b,value', ...rows.slice(0, 12).map((r) => r.replace(/,(cat|dog|eel),/, ','))].join('\r\n'));
  writeFileSync(join(dir, 'values-test.csv'), ['a,b,value', ...rows.slice(12).map((r) => r.replace(/,(cat|dog|eel),/, ','))].join('\n'));
}

/** One experiment per data source, trained for 2 epochs; `draw` the sizes of the drawn data for the distribution checks. */
export const SOURCES: { name: string; data: Record<string, unknown>; draw?: number; counts?: boolean }[] = [
  { name: 'line', data: { generator: 'line', spacing: 'uniform', x: [-2, 3], slope: -1, intercept: 2, trainNoise: 0.5 }, draw: 3000 },
  { name: 'sine', data: { generator: 'sine', amplitude: 2, frequency: 1.5, phase: 0.3 }, draw: 3000 },
  { name: 'sine-at-train', data: { generator: 'sine', spacing: 'uniform', testAt: 'train', testNoise: 0.05 }, draw: 3000 },
  { name: 'polynomial', data: { generator: 'polynomial', coefficients: [0.5, -1, 2], testNoise: 0 }, draw: 3000 },
  { name: 'd2l', data: { generator: 'd2l', features: 3, trueWeight: 0.5, trueBias: -1, noise: 0.1 }, draw: 3000 },
  { name: 'circles', data: { generator: 'circles', noise: 0.2 }, draw: 3000 },
  { name: 'xor', data: { generator: 'xor', noise: 0.2 }, draw: 3000 },
  { name: 'gaussian', data: { generator: 'gaussian', noise: 0.1 }, draw: 3001, counts: true },
  { name: 'spiral', data: { generator: 'spiral', noise: 0.3 }, draw: 3001, counts: true },
  { name: 'moons', data: { generator: 'moons', noise: 0.1 }, draw: 3001, counts: true },
  // Random centres differ between the two generators: only the class counts compare.
  { name: 'blobs', data: { generator: 'blobs', features: 3, classes: 4, spread: 0.5 }, draw: 3001, counts: true },
  { name: 'csv-classes', data: { generator: 'csv', path: 'animals.csv', features: ['a', 'b'], target: 'animal', task: 'classification', testFraction: 0.25 } },
  { name: 'csv-values', data: { generator: 'csv', path: 'values-train.csv', testPath: 'values-test.csv', features: ['a', 'b'], target: 'value' } },
  { name: 'mnist', data: { generator: 'mnist', images: 'train-images.gz', labels: 'train-labels.gz', testImages: 'test-images', testLabels: 'test-labels', normalize: 'standard', limitTrain: 6 } },
  // Reglab's bundled digits: the script reads them where Reglab is installed.
  { name: 'mnist-bundled', data: { generator: 'mnist', limitTrain: 6, limitTest: 4 } }, // values compared up to 5000 per tensor: 6 × 784
];


/** The experiment that trains a small model on one data source for 2 epochs. */
export function sourceExperiment(name: string, data: Record<string, unknown>): Record<string, unknown> {
  return { title: `Data from ${name}`, seed: 1, data, model: { hidden: [4] }, training: { optimizer: { type: 'sgd', lr: 0.01 }, epochs: 2 } };
}
