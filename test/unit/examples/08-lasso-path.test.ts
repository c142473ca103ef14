// Lesson 8: on a sparse linear problem (3 true features of 20) the proximal-L1 path zeroes
// the irrelevant coefficients one by one and, from some λ on, leaves exactly the true
// support on every seed; the true features are the last to go. The L2 path never makes a
// coefficient exactly 0. The file's sweep is trained as it is (5 seeds × 13 λ × 2 variants,
// linear models: about 2 s).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { regularizationPaths } from '../../../src/results/path.ts';
import { loadExample, trainExample } from './helpers.ts';

const FILE = '08-lasso-path.reglab.json';
const L1 = 'L1 (proximal)';
const L2 = 'L2';
const TRUE_SUPPORT = [0, 1, 2];

test('08 lasso path: proximal L1 recovers the 3 true features on every seed, L2 zeroes none', (t) => {
  const experiment = loadExample(FILE);
  const trained = trainExample(experiment, { includeSweep: true, variants: [] });
  const sweepRuns = trained.runs.filter((r) => r.spec.kind === 'sweep');
  const support = (coefficients: readonly number[]) => coefficients.flatMap((c, j) => (c !== 0 ? [j] : []));
  const byValue = (variant: string) => {
    const values = [...new Set(sweepRuns.map((r) => r.spec.sweepValue!))].sort((a, b) => a - b);
    return values.map((value) => ({
      value,
      supports: sweepRuns.filter((r) => r.spec.variant === variant && r.spec.sweepValue === value).map((r) => support(r.summary.path!.coefficients!)),
    }));
  };
  const l1 = byValue(L1), l2 = byValue(L2);
  for (const { value, supports } of l1) t.diagnostic(`L1 λ ${value.toPrecision(3)}: non-zero coefficients per seed ${supports.map((s) => s.length).join(' ')}`);

  // Some λ leaves exactly the true support on every seed.
  const recovered = l1.filter(({ supports }) => supports.every((s) => JSON.stringify(s) === JSON.stringify(TRUE_SUPPORT)));
  assert.ok(recovered.length > 0, 'no λ leaves exactly w₀, w₁, w₂ on every seed');
  t.diagnostic(`exact support recovery on every seed at λ = ${recovered.map((r) => r.value.toPrecision(3)).join(', ')}`);
  // The true features are the last to go: while an irrelevant one is in, all true ones are.
  for (const { value, supports } of l1) {
    for (const s of supports) {
      if (s.some((j) => !TRUE_SUPPORT.includes(j))) assert.deepEqual(s.slice(0, 3), TRUE_SUPPORT, `λ ${value}: an irrelevant feature outlived a true one: ${s}`);
    }
  }
  // The path zeroes them one by one: the coefficients exactly 0 on every seed never become fewer as λ
  // grows, from none to all. (One seed alone may land a still-moving coefficient on 0 at a tiny λ.)
  const paths = regularizationPaths(sweepRuns.map((r) => r.record));
  assert.deepEqual(paths.map((p) => p.variant), [L1, L2]);
  const zeros = paths[0]!.zeros!;
  t.diagnostic(`L1 path, coefficients exactly 0 on every seed: ${zeros.join(' ')}`);
  for (let i = 1; i < zeros.length; i++) assert.ok(zeros[i]! >= zeros[i - 1]!, `zeros fell from ${zeros[i - 1]} to ${zeros[i]} at λ ${paths[0]!.values[i]}`);
  assert.equal(zeros[0], 0);
  assert.equal(zeros[zeros.length - 1], 20);
  assert.ok(new Set(zeros).size >= 6, `the zeros should come one by one, not all at once: ${zeros}`);
  // Ridge keeps every feature at every λ.
  for (const { value, supports } of l2) for (const s of supports) assert.equal(s.length, 20, `L2 at λ ${value} zeroed a coefficient`);
  assert.deepEqual(paths[1]!.zeros, paths[1]!.values.map(() => 0));
});
