// The benchmark workloads W1–W5 (../shared/bench/workloads.md): data, initial weights and
// hyper-parameters, generated here from the project's seeded RNG so that `npm run bench`
// needs nothing outside the repository. test/unit/bench/workloads.test.ts checks that every
// array comes out bit-identical to the shared reference generators.
//
// Layout (the spec's): a Dense layer computes y = x·W + b with W of shape [fanIn, fanOut],
// row-major, and x of shape [batch, fanIn]. Engines that store Linear weights PyTorch-style
// as [out, in] use `transposeWeight`.

import { Random } from '../src/engine/random.ts';

// ---------------------------------------------------------------------------
// Hyper-parameters (keep in sync with workloads.md, which explains them)
// ---------------------------------------------------------------------------

export interface SgdConfig { readonly type: 'sgd'; readonly lr: number }
export interface MomentumConfig { readonly type: 'sgd_momentum'; readonly lr: number; readonly momentum: number }
export interface AdamConfig {
  readonly type: 'adam';
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  /** Set explicitly: the tfjs default (1e-7) differs from PyTorch's (1e-8). */
  readonly epsilon: number;
}

export const W1 = {
  n: 10,
  noiseStd: 0.3,
  sizes: [1, 100, 100, 100, 1],
  optimizer: { type: 'sgd_momentum', lr: 0.01, momentum: 0.9 } as MomentumConfig,
  /** The `decay` net adds (weightDecay/2)·Σp² over all parameters to its MSE. */
  weightDecay: 1e-2,
  /** Full-batch iterations; each steps `plain`, then `decay`. */
  iterations: 2000,
  seeds: { data: 101, plain: 111, decay: 112 },
} as const;

export const W2 = {
  n: 20,
  noiseStd: 0.3,
  sizes: [1, 300, 300, 1],
  /** Inverted dropout after each hidden Linear (before its ReLU) of the `dropout` net. */
  dropout: 0.5,
  optimizer: { type: 'adam', lr: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as AdamConfig,
  /** Full-batch iterations; each steps `plain`, then `dropout`. */
  iterations: 500,
  seeds: { data: 201, plain: 211, dropout: 212 },
} as const;

export const W3 = {
  nTrain: 20,
  nTest: 100,
  d: 200,
  trueW: 0.01,
  trueB: 0.05,
  noiseStd: 0.01,
  batch: 5,
  optimizer: { type: 'sgd', lr: 0.003 } as SgdConfig,
  /** 4 minibatch steps per epoch, so 400 steps per lambda. */
  epochs: 100,
  /** Every 5 epochs the train and test losses (no penalty) are evaluated and read back. */
  evalEvery: 5,
  singleLambda: 3,
  lambdas: [0, 0.01, 0.1, 0.5, 1, 2, 3, 5, 10, 20, 50, 100],
  seeds: { data: 301, init: 302, shuffle: 303 },
} as const;

export const W4 = {
  nSamples: 6000,
  inputs: 784,
  classes: 10,
  sizes: [784, 64, 32, 10],
  /** Sequential batches over samples 0..5999, no shuffling. */
  batch: 10,
  steps: 600,
  optimizer: { type: 'adam', lr: 1e-4, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as AdamConfig,
  /** The objective adds l1Lambda·Σ|p| over all parameters to the mean cross-entropy. */
  l1Lambda: 1e-3,
  seeds: { data: 401, init: 411 },
} as const;

export const W5 = {
  batch: 128,
  inputs: 784,
  classes: 10,
  sizes: [784, 256, 256, 10],
  optimizer: { type: 'sgd', lr: 0.01 } as SgdConfig,
  /** One timed run is this many consecutive steps on the same batch. */
  stepsPerRun: 30,
  seeds: { data: 501, init: 511 },
  /** Matmul FLOPs of one step: 155.1 M (see `matmulFlopsPerStep`). */
  flopsPerStep: matmulFlopsPerStep(128, [784, 256, 256, 10]),
} as const;

/** Forward x·W, the weight gradients, and the input gradients of every layer but the first. */
export function matmulFlopsPerStep(batch: number, sizes: readonly number[]): number {
  let flops = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const layer = 2 * batch * sizes[l]! * sizes[l + 1]!;
    flops += layer * (l > 0 ? 3 : 2);
  }
  return flops;
}

// ---------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------

export interface DenseLayer {
  readonly fanIn: number;
  readonly fanOut: number;
  /** [fanIn, fanOut], row-major. */
  readonly W: Float32Array;
  /** [fanOut]. */
  readonly b: Float32Array;
}

export interface RegressionData {
  readonly n: number;
  /** [n, 1]. */
  readonly x: Float32Array;
  /** [n, 1]. */
  readonly y: Float32Array;
}

export interface LinearData {
  /** [n, d], row-major. */
  readonly X: Float32Array;
  /** [n, 1]. */
  readonly y: Float32Array;
}

export interface ClassificationData {
  /** [n, inputs], row-major, U[0,1). */
  readonly X: Float32Array;
  /** [n], in 0..classes-1. */
  readonly labels: Int32Array;
  /** [n, classes], one-hot of `labels`. */
  readonly onehot: Float32Array;
}

export function linspace(from: number, to: number, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = from + ((to - from) * i) / (n - 1);
  return out;
}

/** PyTorch nn.Linear's default init, U(-1/√fanIn, 1/√fanIn), drawn layer by layer: W then b. */
export function initMLP(sizes: readonly number[], seed: number): DenseLayer[] {
  const rng = new Random(seed);
  const layers: DenseLayer[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l]!;
    const fanOut = sizes[l + 1]!;
    const bound = 1 / Math.sqrt(fanIn);
    // (2u − 1)·bound rather than rng.between(): the reference rounds in exactly this order.
    const W = new Float32Array(fanIn * fanOut);
    for (let i = 0; i < W.length; i++) W[i] = (2 * rng.uniform() - 1) * bound;
    const b = new Float32Array(fanOut);
    for (let i = 0; i < b.length; i++) b[i] = (2 * rng.uniform() - 1) * bound;
    layers.push({ fanIn, fanOut, W, b });
  }
  return layers;
}

/** [rows, cols] row-major → [cols, rows] row-major; turns a spec W [in, out] into PyTorch's [out, in]. */
export function transposeWeight(W: Float32Array, rows: number, cols: number): Float32Array {
  if (W.length !== rows * cols) throw new Error(`transposeWeight: ${W.length} values is not ${rows}×${cols}`);
  const out = new Float32Array(W.length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) out[c * rows + r] = W[r * cols + c]!;
  }
  return out;
}

/** x = linspace(-1, 1, n), y = x + noiseStd·N(0,1). */
function noisyLine(n: number, noiseStd: number, seed: number): RegressionData {
  const rng = new Random(seed);
  const x = linspace(-1, 1, n);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) y[i] = x[i]! + noiseStd * rng.normal();
  return { n, x, y };
}

export function dataW1(): RegressionData {
  return noisyLine(W1.n, W1.noiseStd, W1.seeds.data);
}

export function initW1(): { plain: DenseLayer[]; decay: DenseLayer[] } {
  return { plain: initMLP(W1.sizes, W1.seeds.plain), decay: initMLP(W1.sizes, W1.seeds.decay) };
}

export function dataW2(): RegressionData {
  return noisyLine(W2.n, W2.noiseStd, W2.seeds.data);
}

export function initW2(): { plain: DenseLayer[]; dropout: DenseLayer[] } {
  return { plain: initMLP(W2.sizes, W2.seeds.plain), dropout: initMLP(W2.sizes, W2.seeds.dropout) };
}

/** X ~ N(0,1), y = X·w* + b* + N(0, noise²); the train set is drawn first, then the test set. */
export function dataW3(): { train: LinearData; test: LinearData } {
  const rng = new Random(W3.seeds.data);
  const generate = (n: number): LinearData => {
    const X = new Float32Array(n * W3.d);
    const y = new Float32Array(n);
    for (let i = 0; i < X.length; i++) X[i] = rng.normal();
    for (let i = 0; i < n; i++) {
      // Accumulated in float64 from the float32 X, as the reference does.
      let s: number = W3.trueB;
      for (let j = 0; j < W3.d; j++) s += X[i * W3.d + j]! * W3.trueW;
      y[i] = s + W3.noiseStd * rng.normal();
    }
    return { X, y };
  };
  const train = generate(W3.nTrain);
  const test = generate(W3.nTest);
  return { train, test };
}

/** w ~ N(0,1) [d, 1], b = 0; the same start for every lambda. */
export function initW3(): { w: Float32Array; b: Float32Array } {
  const rng = new Random(W3.seeds.init);
  const w = new Float32Array(W3.d);
  for (let i = 0; i < W3.d; i++) w[i] = rng.normal();
  return { w, b: new Float32Array(1) };
}

/** The RNG that shuffles W3's training set; restarted (new instance) for every lambda. */
export function shuffleRngW3(): Random {
  return new Random(W3.seeds.shuffle);
}

/**
 * The sample order of every epoch of one lambda, [epochs, nTrain] row-major: epoch e uses
 * samples order[e·nTrain + k]. Identical for every lambda because the RNG restarts. For
 * engines outside JS (PyTorch), which would otherwise time their interpreter's mulberry32.
 */
export function shuffleOrderW3(): Int32Array {
  const rng = shuffleRngW3();
  const order = new Int32Array(W3.epochs * W3.nTrain);
  for (let e = 0; e < W3.epochs; e++) rng.permutation(W3.nTrain, order.subarray(e * W3.nTrain, (e + 1) * W3.nTrain));
  return order;
}

/** x ~ U[0,1)^inputs for all samples first, then the labels uniform in 0..classes-1. */
function classification(n: number, inputs: number, classes: number, seed: number): ClassificationData {
  const rng = new Random(seed);
  const X = new Float32Array(n * inputs);
  for (let i = 0; i < X.length; i++) X[i] = rng.uniform();
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) labels[i] = rng.int(classes);
  const onehot = new Float32Array(n * classes);
  for (let i = 0; i < n; i++) onehot[i * classes + labels[i]!] = 1;
  return { X, labels, onehot };
}

export function dataW4(): ClassificationData {
  return classification(W4.nSamples, W4.inputs, W4.classes, W4.seeds.data);
}

export function initW4(): DenseLayer[] {
  return initMLP(W4.sizes, W4.seeds.init);
}

export function dataW5(): ClassificationData {
  return classification(W5.batch, W5.inputs, W5.classes, W5.seeds.data);
}

export function initW5(): DenseLayer[] {
  return initMLP(W5.sizes, W5.seeds.init);
}
