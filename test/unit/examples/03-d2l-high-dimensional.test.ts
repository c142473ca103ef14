// Lesson 3: on d2l's high-dimensional linear regression, λ = 3 brings the test loss far
// below λ = 0's; the sweep shows that here the test loss falls with λ until the weights
// are ≈ 0 and then stays flat: the true weights are so small (‖w*‖ = 0.14) that w = 0 is
// almost as good as w*, so strong decay never underfits measurably (no U-shape).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateAtEndOnly, loadExample, trainExample } from './helpers.ts';

const FILE = '03-d2l-high-dimensional.reglab.json';

test('03 d2l: λ = 3 is far below λ = 0 on every seed; the sweep\'s test loss falls, then stays flat up to λ = 100', (t) => {
  const experiment = loadExample(FILE);
  // The sweep's runs include λ = 0 and λ = 3 on the 5 seeds of its repeats (seed, seed + 1, …).
  const trained = trainExample(experiment, { includeSweep: true, variants: [], adjust: evaluateAtEndOnly });
  const sweepRun = (value: number, repeat: number) => trained.runs.find((r) => r.spec.sweepValue === value && r.spec.repeat === repeat)!.final;
  const repeats = experiment.sweep!.repeats;
  for (let repeat = 0; repeat < repeats; repeat++) {
    const none = sweepRun(0, repeat), three = sweepRun(3, repeat);
    t.diagnostic(`seed ${experiment.seed + repeat}: λ = 0 train ${none.trainLoss.toExponential(1)} test ${none.testLoss.toFixed(1)} ‖w‖ ${none.weightNorm.toFixed(2)}; λ = 3 train ${three.trainLoss.toExponential(1)} test ${three.testLoss.toFixed(3)} ‖w‖ ${three.weightNorm.toFixed(3)}`);
    assert.ok(none.trainLoss < 1e-6, `λ = 0 fits the 20 training points exactly: train loss ${none.trainLoss}`);
    assert.ok(none.testLoss > 50, `λ = 0 fails on the test set: test loss ${none.testLoss}`);
    assert.ok(three.testLoss < none.testLoss / 100, `λ = 3's test loss ${three.testLoss} should be far below λ = 0's ${none.testLoss}`);
  }

  const curve = trained.sweep.sort((a, b) => a.value - b.value);
  for (const p of curve) t.diagnostic(`λ = ${p.value}: train ${p.trainLoss.mean.toExponential(2)}, test ${p.testLoss.mean.toPrecision(4)} ± ${p.testLoss.std.toPrecision(2)}, ‖w‖ ${p.weightNorm.mean.toPrecision(3)}`);
  // The train loss rises with λ all the way.
  for (let i = 1; i < curve.length; i++) assert.ok(curve[i]!.trainLoss.mean > curve[i - 1]!.trainLoss.mean, `train loss should rise at λ = ${curve[i]!.value}`);
  // The test loss falls with every step of λ up to 10 ...
  const upTo10 = curve.filter((p) => p.value <= 10);
  for (let i = 1; i < upTo10.length; i++) assert.ok(upTo10[i]!.testLoss.mean < upTo10[i - 1]!.testLoss.mean, `test loss should fall at λ = ${upTo10[i]!.value}`);
  // ... and from there to 100 stays within 10 % of its lowest value: a floor, not a U.
  const best = Math.min(...curve.map((p) => p.testLoss.mean));
  for (const p of curve.filter((p) => p.value >= 10)) assert.ok(p.testLoss.mean < 1.1 * best, `test loss at λ = ${p.value} should stay at the floor`);
  // The floor is what w = 0 (with the right bias) scores: ‖w*‖² + noise² = 200·0.01² + 0.01² = 0.0201.
  assert.ok(best > 0.5 * 0.0201 && best < 1.5 * 0.0201, `the floor ${best} should be near ‖w*‖² + σ² = 0.0201`);
  assert.ok(curve.at(-1)!.testLoss.mean < curve[0]!.testLoss.mean / 1000);
});
