// Lesson 4, on 1,000 real MNIST digits (the bundled ones), over seeds 1–3: at the tutorials'
// λ = 1e-4 with Adam, L1, L2 and ElasticNet keep the accuracy and make no weight exactly 0
// (though they shrink ‖w‖: Adam turns the penalty into full steps for the weights of the
// blank pixels); L1 as a proximal step makes a quarter or more of the weights exactly 0 at
// the same accuracy; a strong subgradient L1 gives weights near 0 but never at 0; L2 that
// shrinks ‖w‖ as much as the proximal L1 makes none 0. Accuracies are on the 1,996 test
// digits (one digit is 0.05 %); the margins are wide of the measured spread (examples/README.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateAtEndOnly, finalOf, loadExample, seedsFrom, summaryOf, trainExample } from './helpers.ts';

const FILE = '04-l1-l2-elasticnet.reglab.json';
const NONE = 'no penalty';
const TUTORIAL = ['L1 1e-4 (tutorial)', 'L2 1e-4 (tutorial)', 'ElasticNet 1e-4 (tutorial)'];
const PROXIMAL = 'L1 0.05 proximal';
const SUBGRADIENT = 'L1 1e-3 subgradient';
const L2_STRONG = 'L2 3e-4';
/** How far below the unpenalized accuracy the penalties that keep it may end: 1.5 points. */
const MARGIN = 0.015;

test('04 L1/L2/ElasticNet on real digits, seeds 1–3: the tutorials\' 1e-4 keeps the accuracy; proximal L1 gives exact zeros at the same accuracy, subgradient L1 only near-zeros, L2 none', (t) => {
  const experiment = loadExample(FILE);
  assert.deepEqual(experiment.data, { generator: 'mnist', limitTrain: 1000, normalize: 'unit' }, 'the bundled digits, no files');
  for (const seed of seedsFrom(experiment, 3)) {
    const trained = trainExample(experiment, { seed, adjust: evaluateAtEndOnly });
    const share = (name: string) => {
      const h = summaryOf(trained, name).histogram;
      return { exact: h.exactZeros / h.total, near: h.nearZero / h.total };
    };
    for (const name of trained.finals.keys()) {
      const f = finalOf(trained, name), s = share(name);
      t.diagnostic(`seed ${seed}, ${name}: test accuracy ${(100 * f.testAccuracy!).toFixed(2)} %, ‖w‖ ${f.weightNorm.toFixed(2)}, |w| < 1e-3 ${(100 * s.near).toFixed(1)} %, exactly 0 ${(100 * s.exact).toFixed(1)} %`);
    }
    const none = finalOf(trained, NONE);
    assert.ok(none.testAccuracy! > 0.85, `seed ${seed}: the digits should be learnt: accuracy ${none.testAccuracy}`);

    for (const name of TUTORIAL) {
      const f = finalOf(trained, name);
      assert.ok(Math.abs(f.testAccuracy! - none.testAccuracy!) <= MARGIN, `seed ${seed}, ${name} should not change the accuracy: ${f.testAccuracy} vs ${none.testAccuracy}`);
      assert.equal(summaryOf(trained, name).histogram.exactZeros, 0, `seed ${seed}, ${name}: no weight is exactly 0`);
      const ratio = f.weightNorm / none.weightNorm;
      assert.ok(ratio > 0.65 && ratio < 0.9, `seed ${seed}, ${name} shrinks ‖w‖ by 10–35 % (Adam's full steps on the blank pixels' weights): ${ratio}`);
    }

    const proximal = finalOf(trained, PROXIMAL);
    assert.ok(share(PROXIMAL).exact > 0.25, `seed ${seed}: proximal L1 should zero many weights exactly, got ${share(PROXIMAL).exact}`);
    assert.ok(proximal.testAccuracy! >= none.testAccuracy! - MARGIN, `seed ${seed}: proximal L1 keeps the accuracy: ${proximal.testAccuracy} vs ${none.testAccuracy}`);

    assert.ok(share(SUBGRADIENT).near > 0.5, `seed ${seed}: strong subgradient L1 puts most weights near 0, got ${share(SUBGRADIENT).near}`);
    assert.equal(summaryOf(trained, SUBGRADIENT).histogram.exactZeros, 0, `seed ${seed}: ... but none exactly at 0`);

    const l2 = finalOf(trained, L2_STRONG);
    assert.ok(Math.abs(l2.weightNorm - proximal.weightNorm) < 0.1 * proximal.weightNorm, `seed ${seed}: L2 3e-4 shrinks ‖w‖ as much as proximal L1: ${l2.weightNorm} vs ${proximal.weightNorm}`);
    assert.ok(l2.weightNorm < 0.85 * none.weightNorm, `seed ${seed}: L2 3e-4 shrinks ‖w‖`);
    assert.equal(summaryOf(trained, L2_STRONG).histogram.exactZeros, 0, `seed ${seed}: L2 makes no weight exactly 0`);
  }
});
