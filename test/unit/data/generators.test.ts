import { test } from 'node:test';
import assert from 'node:assert/strict';
import { featureStats, loadDataset, standardize, type DataSpec, type Split } from '../../../src/data/index.ts';
import { assertDataError, importReference } from './helpers.ts';

function meanStd(values: ArrayLike<number>): { mean: number; std: number } {
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += values[i]!;
  mean /= values.length;
  let ss = 0;
  for (let i = 0; i < values.length; i++) ss += (values[i]! - mean) ** 2;
  return { mean, std: Math.sqrt(ss / values.length) };
}

function residuals(split: Split, truth: (x: number) => number): Float64Array {
  return Float64Array.from(split.x, (x, i) => split.y[i]! - truth(x));
}

const ONE_D: DataSpec[] = [
  { generator: 'line' },
  { generator: 'sine' },
  { generator: 'polynomial', coefficients: [1, 0, -2, 0.5] },
  { generator: 'd2l' },
];

test('the same seed gives identical arrays, another seed different ones', () => {
  for (const spec of ONE_D) {
    const a = loadDataset(spec, { seed: 7 });
    const b = loadDataset(spec, { seed: 7 });
    const c = loadDataset(spec, { seed: 8 });
    assert.deepEqual(a.train, b.train, spec.generator);
    assert.deepEqual(a.test, b.test, spec.generator);
    assert.notDeepEqual(a.train.y, c.train.y, spec.generator);
    assert.notDeepEqual(a.test.x, c.test.x, spec.generator);
  }
});

test('1-D generators: sizes, shapes, domain and defaults', () => {
  const line = loadDataset({ generator: 'line' }, { seed: 1 });
  assert.equal(line.task, 'regression');
  assert.equal(line.inputs, 1);
  assert.equal(line.outputs, 1);
  assert.equal(line.train.n, 10);
  assert.equal(line.test.n, 10);
  assert.equal(line.train.x.length, 10);
  assert.equal(line.train.y.length, 10);
  assert.deepEqual(line.domain, [[-1, 1]]);
  assert.deepEqual(line.inputNames, ['x']);

  const sine = loadDataset({ generator: 'sine', train: 30, test: 7 }, { seed: 1 });
  assert.equal(sine.train.n, 30);
  assert.equal(sine.test.x.length, 7);
  assert.deepEqual(sine.domain, [[-3.14159, 3.14159]]);
  assert.ok(Math.abs(sine.truth!(Math.PI / 2) - 1) < 1e-12);

  const poly = loadDataset({ generator: 'polynomial', coefficients: [1, 2, 3] }, { seed: 1 });
  assert.equal(poly.truth!(2), 1 + 2 * 2 + 3 * 4);
});

test('train x follow linspace by default, uniform on request; test x are uniform in the range', () => {
  const spec: DataSpec = { generator: 'line', train: 5, test: 200, x: [-2, 3] };
  const ds = loadDataset(spec, { seed: 3 });
  assert.deepEqual([...ds.train.x], [-2, -0.75, 0.5, 1.75, 3]);
  assert.ok(ds.test.x.every((x) => x >= -2 && x < 3));
  const { mean } = meanStd(ds.test.x);
  assert.ok(Math.abs(mean - 0.5) < 0.25, `test x mean ${mean}`);

  const uniform = loadDataset({ ...spec, spacing: 'uniform' }, { seed: 3 });
  assert.ok(uniform.train.x.every((x) => x >= -2 && x < 3));
  assert.notDeepEqual([...uniform.train.x], [...ds.train.x]);
});

test('testAt "train": the test x are the train x with fresh noise, as many; the train set is unchanged', () => {
  for (const spacing of ['linspace', 'uniform'] as const) {
    const spec: DataSpec = { generator: 'sine', train: 400, test: 7, spacing, trainNoise: 0.2, testNoise: 0.5 };
    const random = loadDataset(spec, { seed: 5 });
    const atTrain = loadDataset({ ...spec, testAt: 'train' }, { seed: 5 });
    assert.deepEqual([...atTrain.train.x], [...random.train.x]);
    assert.deepEqual([...atTrain.train.y], [...random.train.y]);
    assert.equal(atTrain.test.n, 400);
    assert.deepEqual([...atTrain.test.x], [...atTrain.train.x]);
    const noise = meanStd(residuals(atTrain.test, (x) => Math.sin(x)));
    assert.ok(Math.abs(noise.std - 0.5) < 0.05, `fresh test noise of std 0.5: ${noise.std}`);
    assert.notDeepEqual([...atTrain.test.y], [...atTrain.train.y]);
  }
});

test('noise statistics: the residuals have mean ≈ 0 and the asked standard deviation', () => {
  const spec: DataSpec = {
    generator: 'line', train: 4000, test: 4000, slope: 1.5, intercept: 0.5, trainNoise: 0.5, testNoise: 0.3,
  };
  const ds = loadDataset(spec, { seed: 11 });
  const train = meanStd(residuals(ds.train, ds.truth!));
  const test = meanStd(residuals(ds.test, ds.truth!));
  assert.ok(Math.abs(train.mean) < 0.03 && Math.abs(train.std - 0.5) < 0.03, JSON.stringify(train));
  assert.ok(Math.abs(test.mean) < 0.02 && Math.abs(test.std - 0.3) < 0.02, JSON.stringify(test));

  const sine = loadDataset({ generator: 'sine', train: 4000, test: 4000, amplitude: 2, frequency: 3 }, { seed: 12 });
  const sineTest = meanStd(residuals(sine.test, sine.truth!));
  assert.ok(Math.abs(sineTest.std - 0.1) < 0.01, 'testNoise defaults to trainNoise (0.1)');
});

test('zero noise puts every point on the truth, and a noise level rescales the same draws', () => {
  const quiet = loadDataset({ generator: 'sine', trainNoise: 0, testNoise: 0 }, { seed: 5 });
  for (const split of [quiet.train, quiet.test]) {
    split.x.forEach((x, i) => assert.ok(Math.abs(split.y[i]! - quiet.truth!(x)) < 1e-6));
  }
  const loud = loadDataset({ generator: 'sine', trainNoise: 0.2, testNoise: 0.2 }, { seed: 5 });
  assert.deepEqual(loud.test.x, quiet.test.x);
});

test('generated values are float32 numbers', () => {
  for (const spec of ONE_D) {
    const ds = loadDataset(spec, { seed: 2 });
    for (const a of [ds.train.x, ds.train.y, ds.test.x, ds.test.y]) assert.deepEqual(a, Float64Array.from(new Float32Array(a)));
  }
});

test('line reproduces the bench workloads W1 and W2 (x = linspace, y = x + 0.3·N(0,1))', async () => {
  const reference = await importReference();
  for (const [seed, n, data] of [
    [101, 10, reference.dataW1()],
    [201, 20, reference.dataW2()],
  ] as const) {
    const ds = loadDataset({ generator: 'line', train: n, trainNoise: 0.3 }, { seed });
    assert.deepEqual(new Float32Array(ds.train.x), data.x);
    assert.deepEqual(new Float32Array(ds.train.y), data.y);
  }
});

test('d2l: sizes, and bit-for-bit the data of bench W3 (seed 301) in float32', async () => {
  const reference = (await importReference()).dataW3!();
  const ds = loadDataset({ generator: 'd2l' }, { seed: 301 });
  assert.equal(ds.inputs, 200);
  assert.equal(ds.train.n, 20);
  assert.equal(ds.test.n, 100);
  assert.equal(ds.train.x.length, 20 * 200);
  assert.deepEqual(new Float32Array(ds.train.x), reference.train.X);
  assert.deepEqual(new Float32Array(ds.train.y), reference.train.y);
  assert.deepEqual(new Float32Array(ds.test.x), reference.test.X);
  assert.deepEqual(new Float32Array(ds.test.y), reference.test.y);
});

test('d2l: the targets are X·w* + b* up to noise of the asked size', () => {
  const ds = loadDataset({ generator: 'd2l', train: 500, features: 10, trueWeight: 0.5, trueBias: -1, noise: 0.2 }, { seed: 4 });
  const r = Float64Array.from({ length: 500 }, (_, i) => {
    let s = -1;
    for (let j = 0; j < 10; j++) s += ds.train.x[i * 10 + j]! * 0.5;
    return ds.train.y[i]! - s;
  });
  const { mean, std } = meanStd(r);
  assert.ok(Math.abs(mean) < 0.04 && Math.abs(std - 0.2) < 0.02, `${mean} ${std}`);
});

test('bad parameters are DataErrors naming the field', () => {
  const cases: [unknown, RegExp, (string | number)[]][] = [
    [{ generator: 'line', train: 0 }, /data\.line: "train" must be an integer ≥ 1, got 0/, ['train']],
    [{ generator: 'line', train: 2.5 }, /"train"/, ['train']],
    [{ generator: 'sine', x: [1, -1] }, /"x" must have low < high/, ['x']],
    [{ generator: 'sine', spacing: 'random' }, /"spacing" must be one of "linspace", "uniform"/, ['spacing']],
    [{ generator: 'line', trainNoise: -1 }, /"trainNoise" must be ≥ 0/, ['trainNoise']],
    [{ generator: 'polynomial', coefficients: [1, 'a'] }, /"coefficients"\[1\]/, ['coefficients', 1]],
    [{ generator: 'd2l', features: '200' }, /data\.d2l: "features"/, ['features']],
    [{ generator: 'nope' }, /unknown generator "nope" \(known: "line"/, ['generator']],
  ];
  for (const [spec, message, path] of cases) {
    assertDataError(() => loadDataset(spec as DataSpec, { seed: 1 }), message, path);
  }
});

test('featureStats and standardize', () => {
  const split: Split = { x: Float64Array.from([1, 10, 3, 10, 5, 10]), y: Float64Array.from([0, 1, 2]), n: 3 };
  const stats = featureStats(split, 2);
  assert.deepEqual([...stats.mean], [3, 10]);
  assert.ok(Math.abs(stats.std[0]! - Math.sqrt(8 / 3)) < 1e-12);
  assert.equal(stats.std[1], 0);
  const standard = standardize(split, 2, stats);
  const after = featureStats(standard, 2);
  assert.ok(Math.abs(after.mean[0]!) < 1e-12 && Math.abs(after.std[0]! - 1) < 1e-12);
  assert.deepEqual([...after.mean.subarray(1)], [0], 'a constant column is only centred');
  assert.deepEqual(split.x[0], 1, 'the input split is untouched');
});
