// Gaussian blobs in any dimension: one centre per class, drawn ~ N(0, centerScale²) per
// feature, and samples at centre + N(0, spread²) per feature. With features = 784 and
// classes = 10 it is an MNIST-shaped synthetic set (the L1/L2 lesson itself trains on real digits).
//
// Draw order, from one Random(seed): the centres (class 0's features, then class 1's, …),
// one normal each; then for the train split rng.permutation(n), which gives row i the
// label permutation[i] mod classes (so the classes are balanced to within one sample, in a
// shuffled order), then one normal per feature, row by row; then the same for the test split.
import type { Random } from '../engine/random.ts';
import type { Dataset, Split } from './dataset.ts';
import { SpecReader } from './params.ts';
import { DATA_DEFAULTS, type BlobsSpec } from './spec.ts';
import { f32, newSplit, paddedBounds } from './split.ts';

/**
 * The default centerScale: two centres then lie about 4·spread apart in any dimension
 * (their distance is ≈ centerScale·√(2·features)), so nearest-centre classification is
 * good but not perfect, and the blobs neither merge in 2-D nor separate trivially in 784-D.
 */
export function defaultCenterScale(features: number, spread: number): number {
  return (4 * spread) / Math.sqrt(2 * features);
}

export function blobsDataset(spec: BlobsSpec, rng: Random): Dataset {
  const d = DATA_DEFAULTS.blobs;
  const read = new SpecReader(spec, 'data.blobs');
  const features = read.count('features', d.features);
  const classes = read.count('classes', d.classes, 2);
  const nTrain = read.count('train', d.train);
  const nTest = read.count('test', d.test);
  const spread = read.nonNegative('spread', d.spread);
  const centerScale = read.nonNegative('centerScale', defaultCenterScale(features, spread));

  const centres = new Float64Array(classes * features);
  for (let k = 0; k < centres.length; k++) centres[k] = centerScale * rng.normal();
  const generate = (n: number): Split => {
    const split = newSplit(n, features, 1);
    const order = rng.permutation(n);
    for (let i = 0; i < n; i++) {
      const label = order[i]! % classes;
      split.y[i] = label;
      for (let j = 0; j < features; j++) {
        split.x[i * features + j] = f32(centres[label * features + j]! + spread * rng.normal());
      }
    }
    return split;
  };
  const train = generate(nTrain);
  const test = generate(nTest);
  const dataset: Dataset = { task: 'classification', inputs: features, outputs: classes, train, test };
  if (features <= 2) {
    dataset.inputNames = features === 1 ? ['x'] : ['x1', 'x2'];
    dataset.domain = paddedBounds([train, test], features);
  }
  return dataset;
}
