// Lesson 4: at the tutorials' λ = 1e-4 with Adam, L1, L2 and ElasticNet change neither the
// accuracy nor the number of exactly-zero weights (none); L1 as a proximal step gives real
// sparsity (exact zeros) at the same accuracy; a strong subgradient L1 gives weights near
// 0 but never at 0; L2 of similar shrinking power leaves the weights small and spread.
// One seed: the counts of zeros are far from the thresholds, and accuracies are on 500
// test points (two of them differ by 0.4 %). The file's sizes are used unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateAtEndOnly, finalOf, loadExample, summaryOf, trainExample } from './helpers.ts';

const FILE = '04-l1-l2-elasticnet.reglab.json';
const NONE = 'no penalty';
const TUTORIAL = ['L1 1e-4 (tutorial)', 'L2 1e-4 (tutorial)', 'ElasticNet 1e-4 (tutorial)'];
const PROXIMAL = 'L1 0.2 proximal';
const SUBGRADIENT = 'L1 1e-3 subgradient';
const L2_STRONG = 'L2 1e-2';

test('04 L1/L2/ElasticNet: the tutorials\' 1e-4 changes nothing visible; proximal L1 gives exact zeros, subgradient L1 only near-zeros, L2 neither', (t) => {
  const experiment = loadExample(FILE);
  const trained = trainExample(experiment, { adjust: evaluateAtEndOnly });
  const share = (name: string) => {
    const h = summaryOf(trained, name).histogram;
    return { exact: h.exactZeros / h.total, near: h.nearZero / h.total };
  };
  for (const name of trained.finals.keys()) {
    const f = finalOf(trained, name), s = share(name);
    t.diagnostic(`${name}: test accuracy ${(100 * f.testAccuracy!).toFixed(1)} %, test loss ${f.testLoss.toFixed(3)}, ‖w‖ ${f.weightNorm.toFixed(2)}, |w| < 1e-3 ${(100 * s.near).toFixed(1)} %, exactly 0 ${(100 * s.exact).toFixed(1)} %`);
  }
  const none = finalOf(trained, NONE);
  assert.ok(none.testAccuracy! > 0.9, `the MNIST-shaped task should be learnt: accuracy ${none.testAccuracy}`);

  for (const name of TUTORIAL) {
    const f = finalOf(trained, name);
    assert.ok(Math.abs(f.testAccuracy! - none.testAccuracy!) <= 0.01, `${name} should not change the accuracy: ${f.testAccuracy} vs ${none.testAccuracy}`);
    assert.equal(summaryOf(trained, name).histogram.exactZeros, 0, `${name}: no weight is exactly 0`);
    assert.ok(f.weightNorm > 0.9 * none.weightNorm, `${name} barely shrinks ‖w‖`);
  }

  const proximal = finalOf(trained, PROXIMAL);
  assert.ok(share(PROXIMAL).exact > 0.15, `proximal L1 should zero many weights exactly, got ${share(PROXIMAL).exact}`);
  assert.ok(proximal.testAccuracy! >= none.testAccuracy! - 0.01, `proximal L1 keeps the accuracy: ${proximal.testAccuracy}`);

  assert.ok(share(SUBGRADIENT).near > 0.3, `strong subgradient L1 puts many weights near 0, got ${share(SUBGRADIENT).near}`);
  assert.ok(share(SUBGRADIENT).exact < 0.001, `... but (almost) none exactly at 0, got ${share(SUBGRADIENT).exact}`);

  const l2 = finalOf(trained, L2_STRONG);
  assert.ok(Math.abs(l2.weightNorm - proximal.weightNorm) < 0.2 * proximal.weightNorm, 'L2 1e-2 shrinks ‖w‖ about as much as proximal L1');
  assert.ok(l2.weightNorm < 0.85 * none.weightNorm, 'L2 1e-2 shrinks ‖w‖');
  assert.equal(summaryOf(trained, L2_STRONG).histogram.exactZeros, 0, 'L2 makes no weight exactly 0');
  assert.ok(share(L2_STRONG).near < 0.1, `L2 keeps the weights spread: ${share(L2_STRONG).near} near 0`);
});
