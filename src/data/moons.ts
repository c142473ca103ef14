// scikit-learn's make_moons: two interleaved half circles, class 0 the upper one
// (centre (0, 0)), class 1 the lower (centre (1, 0.5)). `noise` is scikit-learn's: the
// standard deviation of the Gaussian noise added to each coordinate (0.1 by default, as
// in most of its examples). Class 0 gets ⌊n/2⌋ points, class 1 the rest, as there.
//
// Draw order, from one Random(seed), in scikit-learn's order of operations: for the train
// split, rng.permutation(n) shuffles the clean points, then one normal per coordinate, row
// by row (x1 then x2), is added as noise; then the same for the test split.
import type { Random } from '../engine/random.ts';
import type { Dataset, Split } from './dataset.ts';
import { SpecReader } from './params.ts';
import { DATA_DEFAULTS, type MoonsSpec } from './spec.ts';
import { f32, linspaceAt, newSplit, reorderRows } from './split.ts';

export function moonsDataset(spec: MoonsSpec, rng: Random): Dataset {
  const d = DATA_DEFAULTS.moons;
  const read = new SpecReader(spec, 'data.moons');
  const nTrain = read.count('train', d.train);
  const nTest = read.count('test', d.test);
  const noise = read.nonNegative('noise', d.noise);
  const train = sampleMoons(nTrain, noise, rng);
  const test = sampleMoons(nTest, noise, rng);
  // The clean moons span [−1, 2] × [−0.5, 1]; leave room for the noise around them.
  const margin = 0.5 + 2 * noise;
  return {
    task: 'classification', inputs: 2, outputs: 2, train, test, inputNames: ['x1', 'x2'],
    domain: [
      [-1 - margin, 2 + margin],
      [-0.5 - margin, 1 + margin],
    ],
  };
}

function sampleMoons(n: number, noise: number, rng: Random): Split {
  const nOuter = Math.floor(n / 2);
  const nInner = n - nOuter;
  const clean = newSplit(n, 2, 1);
  for (let i = 0; i < nOuter; i++) {
    const t = linspaceAt(0, Math.PI, nOuter, i);
    clean.x[2 * i] = Math.cos(t);
    clean.x[2 * i + 1] = Math.sin(t);
    clean.y[i] = 0;
  }
  for (let i = 0; i < nInner; i++) {
    const t = linspaceAt(0, Math.PI, nInner, i);
    const row = nOuter + i;
    clean.x[2 * row] = 1 - Math.cos(t);
    clean.x[2 * row + 1] = 1 - Math.sin(t) - 0.5;
    clean.y[row] = 1;
  }
  const split = reorderRows(clean, 2, 1, rng.permutation(n));
  for (let k = 0; k < split.x.length; k++) split.x[k] = f32(split.x[k]! + noise * rng.normal());
  return split;
}
