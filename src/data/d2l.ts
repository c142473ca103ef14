// d2l's high-dimensional linear regression (the weight-decay chapter): few samples, many
// features, tiny true weights, so an unregularised linear model overfits at once.
//
// Draw order, from one Random(seed), identical to bench W3 (reference-spec.mjs, dataW3):
//   train: all n·features entries of X (row-major), one normal each; then one normal per
//          sample for the noise;
//   test:  the same, for the test samples.
// y is summed in float64 as trueBias + Σ_j X_ij·trueWeight, in j order, on the float32 X.
import type { Random } from '../engine/random.ts';
import type { Dataset, Split } from './dataset.ts';
import { SpecReader } from './params.ts';
import { DATA_DEFAULTS, type D2lSpec } from './spec.ts';
import { f32, newSplit } from './split.ts';

export function d2lDataset(spec: D2lSpec, rng: Random): Dataset {
  const d = DATA_DEFAULTS.d2l;
  const read = new SpecReader(spec, 'data.d2l');
  const nTrain = read.count('train', d.train);
  const nTest = read.count('test', d.test);
  const features = read.count('features', d.features);
  const trueWeight = read.number('trueWeight', d.trueWeight);
  // A sparse truth: only the first `support` features matter (X is drawn in full either way).
  const support = Math.min(read.optionalCount('support', 0) ?? features, features);
  const trueBias = read.number('trueBias', d.trueBias);
  const noise = read.nonNegative('noise', d.noise);
  const generate = (n: number): Split => {
    const split = newSplit(n, features, 1);
    for (let k = 0; k < split.x.length; k++) split.x[k] = f32(rng.normal());
    for (let i = 0; i < n; i++) {
      let sum = trueBias;
      for (let j = 0; j < support; j++) sum += split.x[i * features + j]! * trueWeight;
      split.y[i] = f32(sum + noise * rng.normal());
    }
    return split;
  };
  const train = generate(nTrain);
  const test = generate(nTest);
  const trueCoefficients = Array.from({ length: features }, (_, j) => (j < support ? trueWeight : 0));
  return { task: 'regression', inputs: features, outputs: 1, train, test, trueCoefficients };
}
