// The 2-D two-class sets of TensorFlow Playground (tensorflow/playground, src/dataset.ts),
// with its geometry and its noise scale: `noise` is the playground's slider / 100, so it
// runs from 0 to 0.5, and means per set
//   circles:  the label is decided at the point moved by U(−5, 5)·noise per coordinate
//             while the clean point is stored: label noise near the boundary, as there;
//   xor:      the same, with U(−5, 5)·noise;
//   gaussian: each blob has variance 0.5 + 7·noise (the playground's d3 scale from
//             [0, 0.5] to [0.5, 4]), centred at (2, 2) and (−2, −2);
//   spiral:   each coordinate moves by U(−1, 1)·noise.
// The playground's label +1 is class 1 here and its −1 is class 0. Where it makes numSamples/2
// points of each class, here class 1 gets ⌈n/2⌉ and class 0 ⌊n/2⌋, so every split has
// exactly n points (xor labels by quadrant and is balanced only on average).
//
// Draw order, from one Random(seed): train points in the playground's order (class 1's
// points, then class 0's; per point the draws in the order of the playground's code, listed
// in each function below), then rng.permutation(n) to shuffle the rows; then the same for
// test. Normals are Random.normal() (Box–Muller) where the playground uses Marsaglia's
// polar method: same distribution, other stream.
import type { Random } from '../engine/random.ts';
import type { Dataset, Split } from './dataset.ts';
import { SpecReader } from './params.ts';
import { DATA_DEFAULTS, type PlaygroundGenerator, type PlaygroundSpec } from './spec.ts';
import { f32, newSplit, reorderRows } from './split.ts';

type PointSink = (x: number, y: number, label: 0 | 1) => void;
type PointMaker = (n: number, noise: number, rng: Random, add: PointSink) => void;

/** The playground draws and plots everything over [−6, 6]². */
const PLAYGROUND_DOMAIN: [number, number][] = [
  [-6, 6],
  [-6, 6],
];

export function playgroundDataset(spec: PlaygroundSpec, rng: Random): Dataset {
  const d = DATA_DEFAULTS[spec.generator];
  const read = new SpecReader(spec, `data.${spec.generator}`);
  const nTrain = read.count('train', d.train);
  const nTest = read.count('test', d.test);
  const noise = read.nonNegative('noise', d.noise);
  const make = POINT_MAKERS[spec.generator];
  const train = sampleShuffled(nTrain, noise, rng, make);
  const test = sampleShuffled(nTest, noise, rng, make);
  return {
    task: 'classification', inputs: 2, outputs: 2, train, test,
    inputNames: ['x1', 'x2'], domain: PLAYGROUND_DOMAIN.map(([a, b]) => [a, b]),
  };
}

function sampleShuffled(n: number, noise: number, rng: Random, make: PointMaker): Split {
  const points = newSplit(n, 2, 1);
  let k = 0;
  make(n, noise, rng, (x, y, label) => {
    points.x[2 * k] = f32(x);
    points.x[2 * k + 1] = f32(y);
    points.y[k] = label;
    k++;
  });
  return reorderRows(points, 2, 1, rng.permutation(n));
}

const positives = (n: number) => n - Math.floor(n / 2);
const negatives = (n: number) => Math.floor(n / 2);

/** Per point: r, angle, noiseX, noiseY. Class 1 inside radius 2.5, class 0 in the ring 3.5–5. */
const circles: PointMaker = (n, noise, rng, add) => {
  const radius = 5;
  const ring = (count: number, rLow: number, rHigh: number) => {
    for (let i = 0; i < count; i++) {
      const r = rng.between(rLow, rHigh);
      const angle = rng.between(0, 2 * Math.PI);
      const x = r * Math.sin(angle);
      const y = r * Math.cos(angle);
      const noiseX = rng.between(-radius, radius) * noise;
      const noiseY = rng.between(-radius, radius) * noise;
      add(x, y, Math.hypot(x + noiseX, y + noiseY) < radius * 0.5 ? 1 : 0);
    }
  };
  ring(positives(n), 0, radius * 0.5);
  ring(negatives(n), radius * 0.7, radius);
};

/** Per point: x, y, noiseX, noiseY. Points are pushed 0.3 away from the axes. */
const xor: PointMaker = (n, noise, rng, add) => {
  const padding = 0.3;
  for (let i = 0; i < n; i++) {
    let x = rng.between(-5, 5);
    x += x > 0 ? padding : -padding;
    let y = rng.between(-5, 5);
    y += y > 0 ? padding : -padding;
    const noiseX = rng.between(-5, 5) * noise;
    const noiseY = rng.between(-5, 5) * noise;
    add(x, y, (x + noiseX) * (y + noiseY) >= 0 ? 1 : 0);
  }
};

/** Per point: a normal for x, then one for y. */
const gaussian: PointMaker = (n, noise, rng, add) => {
  const std = Math.sqrt(0.5 + 7 * noise);
  const blob = (count: number, cx: number, cy: number, label: 0 | 1) => {
    for (let i = 0; i < count; i++) {
      const x = cx + std * rng.normal();
      const y = cy + std * rng.normal();
      add(x, y, label);
    }
  };
  blob(positives(n), 2, 2, 1);
  blob(negatives(n), -2, -2, 0);
};

/** Per point: noise for x, then for y. Two arms of 1.75 turns out to radius 5, half a turn apart. */
const spiral: PointMaker = (n, noise, rng, add) => {
  const arm = (count: number, deltaT: number, label: 0 | 1) => {
    for (let i = 0; i < count; i++) {
      const r = (i / count) * 5;
      const t = ((1.75 * i) / count) * 2 * Math.PI + deltaT;
      const x = r * Math.sin(t) + rng.between(-1, 1) * noise;
      const y = r * Math.cos(t) + rng.between(-1, 1) * noise;
      add(x, y, label);
    }
  };
  arm(positives(n), 0, 1);
  arm(negatives(n), Math.PI, 0);
};

const POINT_MAKERS: Record<PlaygroundGenerator, PointMaker> = { circles, xor, gaussian, spiral };
