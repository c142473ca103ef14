// What one run costs, from its config alone (no data read, nothing allocated): how many
// parameters, how much memory at its peak, how much arithmetic. The resource budget
// (budget.ts) compares these with the limits; scripts/measure-cost.ts checks them against
// real runs and measures the speeds that turn work into seconds.
import type { RunConfig } from './schema/experiment.ts';
import { taskOf } from './schema/tasks.ts';
import { BUNDLED_DIGITS } from '../data/bundled-digits.ts';

export interface RunCost {
  parameters: number;
  /** Peak memory of the run, in bytes: data, parameters with their gradients and optimizer state, activations. */
  bytes: number;
  /** Multiply-adds ×2 of every forward and backward pass, over all epochs. */
  flops: number;
  /** Activation values written over all epochs: what dominates when layers are wide and batches small. */
  elements: number;
  /** Layer passes (forward or backward, any batch size) over all epochs: what dominates when everything is small. */
  passes: number;
  /** The parts of `bytes`. */
  memory: { parameters: number; activations: number; data: number };
  /** Units per sample through the layers (hidden and output). */
  width: number;
  /** Samples a step and the evaluations hold activations for at once (4 × batch + train + test + grid). */
  samplesHeld: number;
  epochs: number;
  /** Train and test samples. */
  samples: number;
  /** Whether the samples' count is known from the file (a CSV's is not, until it is read). */
  samplesKnown: boolean;
}

/** Points where the fit curve (1-D regression) and the decision boundary (2-D classifier) are drawn; see train/snapshots.ts. */
const CURVE_POINTS = 200;
const BOUNDARY_POINTS = 60 * 60;

/** MNIST's files hold 60,000 + 10,000 images of 28×28 when no limit is given; the bundled digits 8,004 + 1,996. */
const MNIST = { train: 60_000, test: 10_000, inputs: 784, classes: 10 };

interface Shape {
  inputs: number;
  classes: number | undefined;
  train: number;
  test: number;
  known: boolean;
}

function shapeOf(data: RunConfig['data']): Shape {
  switch (data.generator) {
    case 'line':
    case 'sine':
    case 'polynomial':
      return { inputs: 1, classes: undefined, train: data.train, test: data.testAt === 'train' ? data.train : data.test, known: true };
    case 'd2l':
      return { inputs: data.features, classes: undefined, train: data.train, test: data.test, known: true };
    case 'circles':
    case 'xor':
    case 'gaussian':
    case 'spiral':
    case 'moons':
      return { inputs: 2, classes: 2, train: data.train, test: data.test, known: true };
    case 'blobs':
      return { inputs: data.features, classes: data.classes, train: data.train, test: data.test, known: true };
    case 'csv':
      // The rows are in the file; the file is not read here. At least two classes.
      return { inputs: data.features.length, classes: data.task === 'classification' ? 2 : undefined, train: 0, test: 0, known: false };
    case 'mnist':
    {
      // The user's files may hold more than MNIST's (their size is not read here); the bundled ones hold what they hold.
      const [train, test] = data.images === undefined
        ? [Math.min(data.limitTrain ?? Infinity, BUNDLED_DIGITS.train), Math.min(data.limitTest ?? Infinity, BUNDLED_DIGITS.test)]
        : [data.limitTrain ?? MNIST.train, data.limitTest ?? MNIST.test];
      return { inputs: MNIST.inputs, classes: MNIST.classes, train, test, known: true };
    }
  }
}

export function runCost(config: RunConfig): RunCost {
  const shape = shapeOf(config.data);
  const t = config.training;
  const outputs = t.loss === 'bce_with_logits' || shape.classes === undefined ? 1 : shape.classes;
  const widths = [shape.inputs, ...config.model.hidden, outputs];
  let parameters = 0;
  let activations = 0; // values per sample through the layers (each layer's output)
  for (let i = 1; i < widths.length; i++) {
    parameters += widths[i - 1]! * widths[i]! + widths[i]!;
    activations += widths[i]!;
  }
  const bytesPerValue = config.dtype === 'float64' ? 8 : 4;
  const { train, test } = shape;
  const batch = t.batchSize === 'full' ? train : Math.min(t.batchSize, train);
  const grid = taskOf(config.data) === 'regression' && shape.inputs === 1 ? CURVE_POINTS : shape.inputs === 2 && shape.classes !== undefined ? BOUNDARY_POINTS : 0;
  const snapshotEvery = t.snapshotEvery ?? Math.ceil(t.epochs / 20);

  // The data set in float64 as generated, and again as tensors (inputs and targets).
  const dataBytes = (train + test) * (8 * (shape.inputs + 1) + bytesPerValue * (shape.inputs + outputs));
  // Weights, gradients and up to two optimizer states each; a training step keeps about
  // four values per activation (output, pre-activation, their gradients), an evaluation one.
  const parameterBytes = bytesPerValue * 4 * parameters;
  const samplesHeld = 4 * batch + train + test + grid;
  const activationBytes = bytesPerValue * activations * samplesHeld;

  const evaluated = (train + test) / t.evalEvery + grid / snapshotEvery;
  const layers = widths.length - 1;
  const steps = batch === 0 ? 0 : Math.ceil(train / batch);
  return {
    parameters,
    bytes: dataBytes + parameterBytes + activationBytes,
    memory: { parameters: parameterBytes, activations: activationBytes, data: dataBytes },
    width: activations,
    samplesHeld,
    epochs: t.epochs,
    samples: train + test,
    flops: t.epochs * parameters * (6 * train + 2 * evaluated),
    elements: t.epochs * activations * (4 * train + evaluated),
    passes: t.epochs * layers * (2 * steps + 2 / t.evalEvery + (grid > 0 ? 1 / snapshotEvery : 0)),
    samplesKnown: shape.known,
  };
}
