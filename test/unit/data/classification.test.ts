import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDataset, type Dataset, type DataSpec, type Split } from '../../../src/data/index.ts';
import { assertDataError } from './helpers.ts';

const TWO_D = ['circles', 'xor', 'gaussian', 'spiral', 'moons'] as const;

function classCounts(split: Split, classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const label of split.y) counts[label]!++;
  return counts;
}

/** Accuracy of the nearest-centroid classifier whose centroids are the train class means. */
function nearestCentroidAccuracy(ds: Dataset): { train: number; test: number } {
  const { inputs: F, outputs: C, train } = ds;
  const centroids = new Float64Array(C * F);
  const counts = classCounts(train, C);
  for (let i = 0; i < train.n; i++) {
    for (let j = 0; j < F; j++) centroids[train.y[i]! * F + j] += train.x[i * F + j]! / counts[train.y[i]!]!;
  }
  const accuracy = (split: Split) => {
    let correct = 0;
    for (let i = 0; i < split.n; i++) {
      let best = -1;
      let bestDistance = Infinity;
      for (let c = 0; c < C; c++) {
        let distance = 0;
        for (let j = 0; j < F; j++) distance += (split.x[i * F + j]! - centroids[c * F + j]!) ** 2;
        if (distance < bestDistance) [best, bestDistance] = [c, distance];
      }
      if (best === split.y[i]) correct++;
    }
    return correct / split.n;
  };
  return { train: accuracy(train), test: accuracy(ds.test) };
}

test('2-D sets: shapes, integer labels 0/1, domain, determinism', () => {
  for (const generator of TWO_D) {
    const ds = loadDataset({ generator }, { seed: 21 });
    assert.equal(ds.task, 'classification', generator);
    assert.equal(ds.inputs, 2);
    assert.equal(ds.outputs, 2);
    assert.equal(ds.train.n, 200);
    assert.equal(ds.test.n, 200);
    assert.equal(ds.train.x.length, 400);
    assert.equal(ds.train.y.length, 200);
    assert.ok(ds.train.y.every((label) => label === 0 || label === 1), generator);
    assert.equal(ds.domain?.length, 2);
    for (const split of [ds.train, ds.test]) {
      for (let i = 0; i < split.n; i++) {
        for (let j = 0; j < 2; j++) {
          const [low, high] = ds.domain![j]!;
          const v = split.x[2 * i + j]!;
          assert.ok(v > low && v < high, `${generator}: ${v} outside [${low}, ${high}]`);
        }
      }
    }
    const again = loadDataset({ generator }, { seed: 21 });
    assert.deepEqual(again.train, ds.train);
    assert.deepEqual(again.test, ds.test);
    assert.notDeepEqual(loadDataset({ generator }, { seed: 22 }).train.x, ds.train.x);
    const small = loadDataset({ generator, train: 31, test: 5 }, { seed: 21 });
    assert.equal(small.train.n, 31);
    assert.equal(small.test.y.length, 5);
  }
});

test('2-D sets: the labels are balanced', () => {
  for (const generator of TWO_D) {
    for (const split of [loadDataset({ generator }, { seed: 3 }).train, loadDataset({ generator }, { seed: 4 }).test]) {
      const [zeros, ones] = classCounts(split, 2);
      if (generator === 'xor' || generator === 'circles') {
        // Labelled at a noisy position (xor by quadrant): balanced on average only.
        assert.ok(zeros! >= 80 && ones! >= 80, `${generator}: ${zeros}/${ones}`);
      } else {
        assert.deepEqual([zeros, ones], [100, 100], generator);
      }
    }
  }
});

test('2-D sets: rows are shuffled, not one class after the other', () => {
  for (const generator of TWO_D) {
    const { train } = loadDataset({ generator }, { seed: 5 });
    const firstHalfOnes = train.y.subarray(0, 100).reduce((a, b) => a + b, 0);
    assert.ok(firstHalfOnes > 30 && firstHalfOnes < 70, `${generator}: ${firstHalfOnes}`);
  }
});

test('2-D sets follow their geometry', () => {
  // Without noise, circles: class 1 within radius 2.5, class 0 in the ring 3.5–5.
  const circles = loadDataset({ generator: 'circles', noise: 0 }, { seed: 6 }).train;
  for (let i = 0; i < circles.n; i++) {
    const r = Math.hypot(circles.x[2 * i]!, circles.x[2 * i + 1]!);
    assert.ok(circles.y[i] === 1 ? r <= 2.5 : r >= 3.5 && r <= 5, `r ${r} label ${circles.y[i]}`);
  }
  // Without noise, xor: label 1 exactly in the quadrants where x·y > 0, and |x|, |y| ≥ 0.3.
  const xor = loadDataset({ generator: 'xor', noise: 0 }, { seed: 6 }).train;
  for (let i = 0; i < xor.n; i++) {
    const [x, y] = [xor.x[2 * i]!, xor.x[2 * i + 1]!];
    assert.equal(xor.y[i], x * y >= 0 ? 1 : 0);
    assert.ok(Math.abs(x) >= 0.3 - 1e-6 && Math.abs(y) >= 0.3 - 1e-6);
  }
  // gaussian: blobs at (2, 2) and (−2, −2) with variance 0.5 + 7·noise.
  const gauss = loadDataset({ generator: 'gaussian', train: 4000, noise: 0.2 }, { seed: 6 }).train;
  const ones = [...Array(gauss.n).keys()].filter((i) => gauss.y[i] === 1).map((i) => gauss.x[2 * i]!);
  const mean = ones.reduce((a, b) => a + b, 0) / ones.length;
  const variance = ones.reduce((a, b) => a + (b - mean) ** 2, 0) / ones.length;
  assert.ok(Math.abs(mean - 2) < 0.1 && Math.abs(variance - 1.9) < 0.15, `${mean} ${variance}`);
  // moons without noise lie on their two half circles.
  const moons = loadDataset({ generator: 'moons', noise: 0 }, { seed: 6 }).train;
  for (let i = 0; i < moons.n; i++) {
    const [cx, cy] = moons.y[i] === 0 ? [0, 0] : [1, 0.5];
    assert.ok(Math.abs(Math.hypot(moons.x[2 * i]! - cx, moons.x[2 * i + 1]! - cy) - 1) < 1e-6);
  }
});

test('blobs: shapes, balanced classes, centres shared by train and test', () => {
  const ds = loadDataset({ generator: 'blobs', train: 301, test: 90 }, { seed: 8 });
  assert.equal(ds.inputs, 2);
  assert.equal(ds.outputs, 3);
  assert.equal(ds.train.x.length, 602);
  assert.deepEqual(classCounts(ds.train, 3), [101, 100, 100]);
  assert.deepEqual(classCounts(ds.test, 3), [30, 30, 30]);
  assert.equal(ds.domain?.length, 2);
  const { train, test } = nearestCentroidAccuracy(ds);
  assert.ok(train > 0.8 && test > 0.8, `2-D default blobs are well apart: ${train} ${test}`);
  const wide = loadDataset({ generator: 'blobs', features: 5, classes: 4, spread: 2, centerScale: 0 }, { seed: 8 });
  assert.equal(wide.domain, undefined);
  assert.ok(nearestCentroidAccuracy(wide).test < 0.4, 'with every centre at 0 nothing is learnable');
});

test('blobs, MNIST-shaped (784 features, 10 classes): learnable, not trivially separable', () => {
  const spec: DataSpec = { generator: 'blobs', features: 784, classes: 10, train: 1000, test: 500 };
  const ds = loadDataset(spec, { seed: 1 });
  assert.equal(ds.train.x.length, 1000 * 784);
  assert.deepEqual(classCounts(ds.train, 10), new Array(10).fill(100));
  // Nearest centroid (the Bayes rule with estimated means): far above chance (0.1) on the
  // test set, yet well below 100%, and better on the train set it was estimated from.
  const { train, test } = nearestCentroidAccuracy(ds);
  assert.ok(test > 0.4 && test < 0.9, `test accuracy ${test}`);
  assert.ok(train > test + 0.1, `train ${train} vs test ${test}`);
});

test('blobs: bad parameters', () => {
  assertDataError(() => loadDataset({ generator: 'blobs', classes: 1 }, { seed: 1 }), /"classes" must be an integer ≥ 2/, ['classes']);
  assertDataError(() => loadDataset({ generator: 'moons', noise: -0.1 }, { seed: 1 }), /data\.moons: "noise" must be ≥ 0/, ['noise']);
});
