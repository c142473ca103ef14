// The 1-D regression generators: a noiseless function of x plus Gaussian noise.
//
// Draw order, from one Random(seed), so a PyTorch export can replay it:
//   train: if spacing = "uniform", the n train x (uniform in [low, high)); then one
//          normal per sample, in order, for the noise;
//   test:  the n test x (uniform); then one normal per sample. With testAt = "train" the
//          test x are the train x (no draws) and there are as many, each with a fresh normal.
// x = linspace draws nothing. The normals are drawn even when the noise is 0, so changing
// a noise level rescales the same noise instead of drawing other points.
// Uniform: low + (high − low)·u; normal: Random.normal() (Box–Muller).
import type { Random } from '../engine/random.ts';
import type { Dataset, Split } from './dataset.ts';
import { SpecReader } from './params.ts';
import { DATA_DEFAULTS, type CurveSpecBase, type LineSpec, type PolynomialSpec, type SineSpec, type Spacing, type TestAt } from './spec.ts';
import { f32, linspaceAt, newSplit } from './split.ts';

export function lineDataset(spec: LineSpec, rng: Random): Dataset {
  const d = DATA_DEFAULTS.line;
  const read = new SpecReader(spec, 'data.line');
  const slope = read.number('slope', d.slope);
  const intercept = read.number('intercept', d.intercept);
  return curveDataset(read, d, (x) => slope * x + intercept, rng);
}

export function sineDataset(spec: SineSpec, rng: Random): Dataset {
  const d = DATA_DEFAULTS.sine;
  const read = new SpecReader(spec, 'data.sine');
  const amplitude = read.number('amplitude', d.amplitude);
  const frequency = read.number('frequency', d.frequency);
  const phase = read.number('phase', d.phase);
  return curveDataset(read, d, (x) => amplitude * Math.sin(frequency * x + phase), rng);
}

export function polynomialDataset(spec: PolynomialSpec, rng: Random): Dataset {
  const d = DATA_DEFAULTS.polynomial;
  const read = new SpecReader(spec, 'data.polynomial');
  const coefficients = read.numbers('coefficients', d.coefficients);
  // Horner: c0 + x·(c1 + x·(c2 + …)).
  const polynomial = (x: number) => coefficients.reduceRight((sum, c) => sum * x + c, 0);
  return curveDataset(read, d, polynomial, rng);
}

type CurveDefaults = Required<Pick<CurveSpecBase, 'train' | 'test' | 'spacing' | 'testAt' | 'trainNoise'>> & {
  x: readonly [number, number];
};

function curveDataset(read: SpecReader, d: CurveDefaults, truth: (x: number) => number, rng: Random): Dataset {
  const nTrain = read.count('train', d.train);
  const nTest = read.count('test', d.test);
  const range = read.interval('x', d.x);
  const spacing = read.choice<Spacing>('spacing', ['linspace', 'uniform'], d.spacing);
  const testAt = read.choice<TestAt>('testAt', ['uniform', 'train'], d.testAt);
  const trainNoise = read.nonNegative('trainNoise', d.trainNoise);
  const testNoise = read.nonNegative('testNoise', trainNoise);
  const train = sampleCurve(nTrain, range, spacing, trainNoise, truth, rng);
  const test = testAt === 'train' ? noisyAgain(train, testNoise, truth, rng) : sampleCurve(nTest, range, 'uniform', testNoise, truth, rng);
  return { task: 'regression', inputs: 1, outputs: 1, train, test, inputNames: ['x'], domain: [range], truth };
}

function sampleCurve(
  n: number,
  [low, high]: [number, number],
  spacing: Spacing,
  noise: number,
  truth: (x: number) => number,
  rng: Random,
): Split {
  const split = newSplit(n, 1, 1);
  for (let i = 0; i < n; i++) {
    split.x[i] = f32(spacing === 'linspace' ? linspaceAt(low, high, n, i) : rng.between(low, high));
  }
  for (let i = 0; i < n; i++) split.y[i] = f32(truth(split.x[i]!) + noise * rng.normal());
  return split;
}

/** The same inputs as `split` with fresh noise: the tutorials' test set (their test x are the train x). */
function noisyAgain(split: Split, noise: number, truth: (x: number) => number, rng: Random): Split {
  const again = newSplit(split.n, 1, 1);
  again.x.set(split.x.subarray(0, split.n));
  for (let i = 0; i < split.n; i++) again.y[i] = f32(truth(again.x[i]!) + noise * rng.normal());
  return again;
}
