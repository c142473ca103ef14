// Validation data out of the training set: k folds that are disjoint, cover every sample,
// differ in size by at most one and depend on the seed alone; a held-out split of the
// asked size; and the rows keep their values and order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldAssignment, holdOutIndices, validationCount, withHoldOut } from '../../../src/data/holdout.ts';
import { loadDataset } from '../../../src/data/index.ts';

test('k folds are disjoint, cover every sample once, and differ in size by at most one', () => {
  for (const [n, k] of [[20, 5], [23, 5], [7, 7], [100, 10], [11, 2]] as const) {
    const seen = new Array<number>(n).fill(0);
    const sizes: number[] = [];
    for (let fold = 0; fold < k; fold++) {
      const { train, validation } = holdOutIndices(n, { folds: k }, 42, fold)!;
      assert.equal(train.length + validation.length, n);
      assert.deepEqual([...train, ...validation].sort((a, b) => a - b), Array.from({ length: n }, (_, i) => i), 'train and validation partition the set');
      for (const i of validation) seen[i]!++;
      sizes.push(validation.length);
    }
    assert.deepEqual(seen, new Array<number>(n).fill(1), `every sample is held out by exactly one of ${k} folds (n = ${n})`);
    assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `fold sizes ${sizes}`);
    assert.deepEqual(sizes, [...sizes].sort((a, b) => b - a), 'the larger folds first, as scikit-learn');
  }
});

test('folds depend on the seed alone: same seed same folds, another seed other folds', () => {
  assert.deepEqual(foldAssignment(30, 5, 7), foldAssignment(30, 5, 7));
  assert.notDeepEqual(foldAssignment(30, 5, 7), foldAssignment(30, 5, 8));
  assert.throws(() => foldAssignment(3, 5, 1), /cannot cut 3 samples into 5 folds/);
});

test('a validation fraction or count holds out that many samples, at least one and never all', () => {
  assert.equal(validationCount(20, 0.2), 4);
  assert.equal(validationCount(10, 0.01), 1);
  assert.equal(validationCount(10, 0.99), 9);
  assert.equal(validationCount(50, 12), 12);
  assert.equal(validationCount(5, 9), 4);
  const split = holdOutIndices(50, { validation: 0.3 }, 3)!;
  assert.equal(split.validation.length, 15);
  assert.deepEqual(holdOutIndices(50, { validation: 0.3 }, 3), split, 'seeded');
  assert.equal(holdOutIndices(50, {}, 3), undefined, 'nothing held out without validation or folds');
});

test('the held-out rows are the training rows themselves, in their order; the test set is untouched', () => {
  const data = loadDataset({ generator: 'd2l', train: 20, test: 30, features: 3 }, { seed: 5 });
  const cut = withHoldOut(data, { folds: 4 }, 9, 2);
  const { train, validation } = holdOutIndices(20, { folds: 4 }, 9, 2)!;
  assert.equal(cut.train.n, 15);
  assert.equal(cut.validation!.n, 5);
  assert.equal(cut.test, data.test);
  validation.forEach((from, r) => {
    assert.deepEqual([...cut.validation!.x.subarray(r * 3, r * 3 + 3)], [...data.train.x.subarray(from * 3, from * 3 + 3)]);
    assert.equal(cut.validation!.y[r], data.train.y[from]);
  });
  assert.deepEqual(train, [...train].sort((a, b) => a - b));
  assert.equal(cut.train.y[0], data.train.y[train[0]!]);
  assert.equal(withHoldOut(data, {}, 9), data);
});
