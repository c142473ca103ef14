// The data block of an experiment file, typed: one member per source, told apart by
// `generator`. Every parameter is optional except where a file is named; the defaults
// live in DATA_DEFAULTS below so the experiment-file schema can show the same numbers.
import type { Task } from './dataset.ts';

/** How the train x of a 1-D generator are placed: evenly (numpy's linspace) or at random. */
export type Spacing = 'linspace' | 'uniform';

/** Where a 1-D generator's test inputs are: drawn uniformly, or the train x again (with fresh noise). */
export type TestAt = 'uniform' | 'train';

/** Shared by the 1-D regression generators (line, sine, polynomial). */
export interface CurveSpecBase {
  train?: number;
  test?: number;
  /** The x range [low, high]; train x follow `spacing`, test x are always uniform in it. */
  x?: [number, number];
  spacing?: Spacing;
  /** "train": the test set is the train x with fresh noise, as the tutorials evaluate; `test` is then unused. */
  testAt?: TestAt;
  /** Standard deviation of the Gaussian noise added to the train targets. */
  trainNoise?: number;
  /** Standard deviation of the test noise; defaults to trainNoise. */
  testNoise?: number;
}

/** y = slope·x + intercept + N(0, noise²). */
export interface LineSpec extends CurveSpecBase {
  generator: 'line';
  slope?: number;
  intercept?: number;
}

/** y = amplitude·sin(frequency·x + phase) + N(0, noise²). */
export interface SineSpec extends CurveSpecBase {
  generator: 'sine';
  amplitude?: number;
  frequency?: number;
  phase?: number;
}

/** y = c0 + c1·x + c2·x² + … + N(0, noise²). */
export interface PolynomialSpec extends CurveSpecBase {
  generator: 'polynomial';
  coefficients?: number[];
}

/** d2l's high-dimensional linear regression: X ~ N(0,1), y = X·w* + b* + N(0, noise²). */
export interface D2lSpec {
  generator: 'd2l';
  train?: number;
  test?: number;
  features?: number;
  /** Every entry of w*. */
  trueWeight?: number;
  /** Only the first `support` entries of w* are trueWeight, the rest 0 (unset: all). */
  support?: number;
  trueBias?: number;
  noise?: number;
}

/** The 2-D two-class sets of TensorFlow Playground. */
export type PlaygroundGenerator = 'circles' | 'xor' | 'gaussian' | 'spiral';

export interface PlaygroundSpec {
  generator: PlaygroundGenerator;
  train?: number;
  test?: number;
  /** On the playground's scale: its "Noise" slider divided by 100, so 0 to 0.5. */
  noise?: number;
}

/** scikit-learn's make_moons: two interleaved half circles. */
export interface MoonsSpec {
  generator: 'moons';
  train?: number;
  test?: number;
  /** Standard deviation of the Gaussian noise added to each coordinate, as in scikit-learn. */
  noise?: number;
}

/** Gaussian blobs in n dimensions, one per class. */
export interface BlobsSpec {
  generator: 'blobs';
  features?: number;
  classes?: number;
  train?: number;
  test?: number;
  /** Standard deviation of every feature within a class. */
  spread?: number;
  /** Class centres are drawn ~ N(0, centerScale²) per feature; see defaultCenterScale. */
  centerScale?: number;
}

/** A CSV file of the workspace, with a header row. */
export interface CsvSpec {
  generator: 'csv';
  /** Relative to the experiment file's folder. */
  path: string;
  features: string[];
  target: string;
  /** Defaults to "regression". Classification maps the distinct target values to classes. */
  task?: Task;
  /** A second file holding the test set; without it, testFraction of the rows are held out. */
  testPath?: string;
  testFraction?: number;
}

export type MnistNormalize = 'unit' | 'standard' | 'none';

/**
 * MNIST in its IDX format, plain or gzipped: the four files, or none of them for the
 * 10,000 real digits Reglab ships (8,004 train, 1,996 test; see bundled-digits.ts).
 */
export interface MnistSpec {
  generator: 'mnist';
  images?: string;
  labels?: string;
  testImages?: string;
  testLabels?: string;
  /** Keep only the first limitTrain train samples. */
  limitTrain?: number;
  limitTest?: number;
  /** "unit": x/255; "standard": (x/255 − 0.1307)/0.3081, MNIST's mean and std; "none": 0..255. */
  normalize?: MnistNormalize;
}

export type DataSpec =
  | LineSpec
  | SineSpec
  | PolynomialSpec
  | D2lSpec
  | PlaygroundSpec
  | MoonsSpec
  | BlobsSpec
  | CsvSpec
  | MnistSpec;

export type Generator = DataSpec['generator'];

export const GENERATORS: readonly Generator[] = [
  'line', 'sine', 'polynomial', 'd2l', 'circles', 'xor', 'gaussian', 'spiral', 'moons', 'blobs', 'csv', 'mnist',
];

const playgroundDefaults = { train: 200, test: 200, noise: 0.1 };

/**
 * Defaults of every optional parameter. Two are not constants: testNoise defaults to
 * trainNoise, and blobs' centerScale to defaultCenterScale(features, spread).
 */
export const DATA_DEFAULTS = {
  line: { train: 10, test: 10, x: [-1, 1], spacing: 'linspace', testAt: 'uniform', slope: 1, intercept: 0, trainNoise: 0.3 },
  sine: {
    train: 20, test: 20, x: [-3.14159, 3.14159], spacing: 'linspace', testAt: 'uniform',
    amplitude: 1, frequency: 1, phase: 0, trainNoise: 0.1,
  },
  polynomial: { train: 20, test: 20, x: [-1, 1], spacing: 'linspace', testAt: 'uniform', coefficients: [0, 1], trainNoise: 0.1 },
  d2l: { train: 20, test: 100, features: 200, trueWeight: 0.01, trueBias: 0.05, noise: 0.01 },
  circles: playgroundDefaults,
  xor: playgroundDefaults,
  gaussian: playgroundDefaults,
  spiral: playgroundDefaults,
  moons: { train: 200, test: 200, noise: 0.1 },
  blobs: { features: 2, classes: 3, train: 200, test: 200, spread: 1 },
  csv: { task: 'regression', testFraction: 0.2 },
  mnist: { normalize: 'unit' },
} as const satisfies { [G in Generator]: object };
