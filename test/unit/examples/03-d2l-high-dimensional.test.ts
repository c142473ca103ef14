// Lesson 3: on d2l's high-dimensional linear regression, with d2l's own initialisation
// (weight and bias from N(0, 1)), λ = 0 fits the 20 training points exactly and fails on
// the test set, while λ = 3 generalises; along the sweep the test loss falls with λ all
// the way to 100, where the weights are ≈ 0: the true weights are so small (‖w*‖ = 0.14)
// that w = 0 is almost as good as w*, so strong decay never underfits measurably (no U).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateAtEndOnly, loadExample, trainExample } from './helpers.ts';

const FILE = '03-d2l-high-dimensional.reglab.json';

test('03 d2l (d2l\'s init): λ = 0 fails on the test set and λ = 3 generalises on every seed; the sweep\'s test loss falls all the way to λ = 100', (t) => {
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
    assert.ok(three.testLoss < none.testLoss / 50, `λ = 3's test loss ${three.testLoss} should be far below λ = 0's ${none.testLoss}`);
    assert.ok(three.testLoss < 3, `λ = 3 generalises: test loss ${three.testLoss}, against > 50 without decay`);
  }

  const curve = trained.sweep.sort((a, b) => a.value - b.value);
  for (const p of curve) t.diagnostic(`λ = ${p.value}: train ${p.trainLoss.mean.toExponential(2)}, test ${p.testLoss.mean.toPrecision(4)} ± ${p.testLoss.std.toPrecision(2)}, ‖w‖ ${p.weightNorm.mean.toPrecision(3)}`);
  // The train loss rises with λ up to 20; past it the weights are ≈ 0 and the bias alone fits.
  const upTo20 = curve.filter((p) => p.value <= 20);
  for (let i = 1; i < upTo20.length; i++) assert.ok(upTo20[i]!.trainLoss.mean > upTo20[i - 1]!.trainLoss.mean, `train loss should rise at λ = ${upTo20[i]!.value}`);
  // The mean test loss falls at every step of λ, down to 1/1000 of λ = 0's: a fall, not a U.
  for (let i = 1; i < curve.length; i++) assert.ok(curve[i]!.testLoss.mean < curve[i - 1]!.testLoss.mean, `test loss should fall at λ = ${curve[i]!.value}`);
  assert.ok(curve.at(-1)!.testLoss.mean < curve[0]!.testLoss.mean / 1000);
  // At λ = 100 the best seed sits at what w = 0 (with the right bias) scores: ‖w*‖² + noise² = 200·0.01² + 0.01² = 0.0201.
  const floor = curve.at(-1)!.testLoss.min;
  assert.ok(floor > 0.5 * 0.0201 && floor < 1.5 * 0.0201, `the best seed at λ = 100, ${floor}, should be near ‖w*‖² + σ² = 0.0201`);
});
