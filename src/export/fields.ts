// The run-config fields a script can read, in the order its Settings list them: the dot
// path of the experiment file, the Python name (the file's name in snake_case, without its
// section) and the comment beside it. Everything the script reads from a run's settings
// is one of these, so a sweep over any numeric field of the file is a `replace(...)`.
import type { RunConfig } from '../experiment/schema/experiment.ts';

export interface Field {
  path: string;
  comment: string;
  /** Whole numbers (written without a decimal point). */
  integer?: boolean;
}

const FIELDS: readonly Field[] = [
  { path: 'seed', comment: 'seeds the data, the initial weights, the shuffling and dropout', integer: true },
  // data
  { path: 'data.train', comment: 'training samples', integer: true },
  { path: 'data.test', comment: 'test samples', integer: true },
  { path: 'data.features', comment: 'inputs', integer: true },
  { path: 'data.classes', comment: 'classes, one blob each', integer: true },
  { path: 'data.x', comment: 'the input range (low, high)' },
  { path: 'data.spacing', comment: '"linspace": train x evenly spaced; "uniform": drawn at random' },
  { path: 'data.testAt', comment: '"uniform": test x drawn at random; "train": the train x, fresh noise' },
  { path: 'data.slope', comment: 'y = slope·x + intercept' },
  { path: 'data.intercept', comment: 'y = slope·x + intercept' },
  { path: 'data.amplitude', comment: 'y = amplitude·sin(frequency·x + phase)' },
  { path: 'data.frequency', comment: 'y = amplitude·sin(frequency·x + phase)' },
  { path: 'data.phase', comment: 'y = amplitude·sin(frequency·x + phase)' },
  { path: 'data.coefficients', comment: 'y = c0 + c1·x + c2·x² + …' },
  { path: 'data.trueWeight', comment: 'every entry of the true weight vector' },
  { path: 'data.support', comment: 'only the first support entries of w* are non-zero', integer: true },
  { path: 'data.trueBias', comment: 'the true bias' },
  { path: 'data.trainNoise', comment: 'std of the Gaussian noise on the train targets' },
  { path: 'data.testNoise', comment: 'std of the Gaussian noise on the test targets' },
  { path: 'data.noise', comment: 'noise level of the data set' },
  { path: 'data.spread', comment: 'std of every feature within a class' },
  { path: 'data.centerScale', comment: 'class centres ~ N(0, center_scale²) per feature' },
  { path: 'data.testFraction', comment: 'share of the rows held out for testing' },
  { path: 'data.limitTrain', comment: 'use only the first training images', integer: true },
  { path: 'data.limitTest', comment: 'use only the first test images', integer: true },
  { path: 'data.normalize', comment: 'pixel scaling: "unit" x/255, "standard" MNIST mean/std, "none"' },
  // model
  { path: 'model.hidden', comment: 'hidden layer sizes', integer: true },
  { path: 'model.activation', comment: 'the non-linearity after each hidden layer' },
  { path: 'model.negativeSlope', comment: "LeakyReLU's negative_slope" },
  { path: 'model.init', comment: '"default" (PyTorch\'s) or "normal" initial weights' },
  { path: 'model.initStd', comment: 'std of the initial weights with init "normal"' },
  { path: 'model.initBias', comment: 'biases with init "normal": "zeros" or "normal" (N(0, init_std²))' },
  { path: 'model.freeze', comment: '"first": the first layer keeps its initial weights (random features)' },
  // training
  { path: 'training.optimizer.type', comment: 'the torch.optim optimizer' },
  { path: 'training.optimizer.lr', comment: 'learning rate' },
  { path: 'training.optimizer.momentum', comment: 'momentum' },
  { path: 'training.optimizer.dampening', comment: "SGD's dampening" },
  { path: 'training.optimizer.nesterov', comment: 'Nesterov momentum' },
  { path: 'training.optimizer.betas', comment: "Adam's running-average decays (β1, β2)" },
  { path: 'training.optimizer.eps', comment: 'added to the denominator' },
  { path: 'training.optimizer.amsgrad', comment: 'AMSGrad' },
  { path: 'training.optimizer.alpha', comment: "RMSprop's smoothing constant" },
  { path: 'training.optimizer.centered', comment: 'centered RMSprop' },
  { path: 'training.optimizer.lrDecay', comment: "Adagrad's lr_decay" },
  { path: 'training.optimizer.initialAccumulatorValue', comment: "Adagrad's initial_accumulator_value" },
  { path: 'training.loss', comment: 'the data loss' },
  { path: 'training.beta', comment: "SmoothL1Loss's beta" },
  { path: 'training.delta', comment: "HuberLoss's delta" },
  { path: 'training.epochs', comment: 'passes over the training set', integer: true },
  { path: 'training.batchSize', comment: 'samples per step (None: the whole training set)', integer: true },
  { path: 'training.shuffle', comment: 'reshuffle the training set every epoch' },
  { path: 'training.evalEvery', comment: 'epochs between evaluations', integer: true },
  { path: 'training.evalTrain', comment: 'also the whole training set\'s loss in eval mode' },
  // regularization
  { path: 'regularization.l1', comment: 'λ of the L1 penalty λ·Σ|w|' },
  { path: 'regularization.l1Mode', comment: 'how L1 acts: "subgradient" or "proximal"' },
  { path: 'regularization.l2', comment: 'λ of the L2 penalty λ·Σw² (no ½)' },
  { path: 'regularization.elasticNet.lambda', comment: 'λ of ElasticNet λ·(r·Σ|w| + (1 − r)·Σw²)' },
  { path: 'regularization.elasticNet.l1Ratio', comment: 'r: the share of L1 in ElasticNet' },
  { path: 'regularization.l2Norm', comment: 'λ of λ·Σ‖W‖₂, the unsquared norm of each tensor' },
  { path: 'regularization.weightDecay', comment: "the optimizer's weight_decay" },
  { path: 'regularization.decoupled', comment: 'decoupled weight decay: Adam becomes AdamW' },
  { path: 'regularization.dropout', comment: 'Dropout p after each hidden layer' },
  { path: 'regularization.maxNorm', comment: "max L2 norm of each unit's incoming weights" },
  { path: 'regularization.inputNoise', comment: 'std of the Gaussian noise added to the inputs in training' },
  { path: 'regularization.labelSmoothing', comment: "CrossEntropyLoss's label_smoothing in training" },
  { path: 'regularization.applyTo', comment: 'what penalties and decay act on: "weights" or "all"' },
  { path: 'regularization.earlyStopping.patience', comment: 'epochs to wait for improvement', integer: true },
  { path: 'regularization.earlyStopping.minDelta', comment: 'the least decrease that counts' },
  { path: 'regularization.earlyStopping.restoreBest', comment: 'end with the best weights' },
];

/**
 * The Settings field a sweep replaces: a width sweep ("model.hidden", "model.hidden.N")
 * replaces the hidden sizes; any other sweep its own field.
 */
export function sweptField(over: string): string {
  return /^model\.hidden(\.\d+)?$/.test(over) ? 'model.hidden' : over;
}

const BY_PATH = new Map(FIELDS.map((f) => [f.path, f]));

export function fieldAt(path: string): Field {
  const field = BY_PATH.get(path);
  if (field === undefined) throw new Error(`the PyTorch export does not know the field "${path}"`);
  return field;
}

/** Index of a field in the Settings' order. */
export const fieldOrder = (path: string): number => FIELDS.indexOf(fieldAt(path));

/**
 * The Python name of a field: its path without the section, in snake_case, the
 * optimizer's options without "optimizer." ("training.optimizer.lr" → "lr") and its type
 * as "optimizer".
 */
export function pyName(path: string): string {
  if (path === 'training.optimizer.type') return 'optimizer';
  const rest = path.split('.').slice(path.includes('.') ? 1 : 0);
  const parts = rest[0] === 'optimizer' ? rest.slice(1) : rest;
  return parts.map((p) => p.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)).join('_');
}

/** The value at a dot path of a run config (undefined when the field is not set). */
export function valueAt(config: RunConfig, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), config);
}
