// Lesson 6: swept far enough to underfit, the tiny regression's test loss first falls,
// then rises with λ (the mean over the sweep's 5 seeds per λ), while the train loss only
// rises. The file's sweep is trained as it is: 9 values × 5 seeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateAtEndOnly, loadExample, trainExample } from './helpers.ts';

const FILE = '06-lambda-sweep-u-shape.reglab.json';

test('06 λ sweep: the test loss first falls, then rises with weight decay; the train loss only rises', (t) => {
  const experiment = loadExample(FILE);
  // variants: [] leaves out the base's own run (it repeats the sweep's λ = 0, seed 1).
  const trained = trainExample(experiment, { includeSweep: true, variants: [], adjust: evaluateAtEndOnly });
  const curve = trained.sweep.sort((a, b) => a.value - b.value);
  for (const p of curve) {
    t.diagnostic(`λ = ${p.value}: train ${p.trainLoss.mean.toFixed(4)}, test ${p.testLoss.mean.toFixed(4)} ± ${p.testLoss.std.toFixed(4)} [${p.testLoss.min.toFixed(3)}, ${p.testLoss.max.toFixed(3)}], ‖w‖ ${p.weightNorm.mean.toPrecision(3)}`);
  }
  assert.equal(curve.length, experiment.sweep!.values!.length);
  const test_ = curve.map((p) => p.testLoss.mean);
  const bestIndex = test_.indexOf(Math.min(...test_));
  const best = curve[bestIndex]!, first = curve[0]!, last = curve.at(-1)!;
  t.diagnostic(`best λ = ${best.value}: test ${best.testLoss.mean.toFixed(4)} (λ = 0: ${first.testLoss.mean.toFixed(4)}, λ = ${last.value}: ${last.testLoss.mean.toFixed(4)})`);
  // A U: the best λ is inside the range, clearly below both ends.
  assert.ok(bestIndex > 0 && bestIndex < curve.length - 1, `the best λ should be inside the sweep, got ${best.value}`);
  assert.ok(best.testLoss.mean < 0.75 * first.testLoss.mean, 'a little decay lowers the test loss clearly (falls)');
  assert.ok(last.testLoss.mean > 2 * best.testLoss.mean, 'too much decay underfits (rises)');
  // Falls on the way to the best λ, rises after it (the mean over 5 seeds, step by step).
  for (let i = 1; i <= bestIndex; i++) assert.ok(test_[i]! < test_[i - 1]!, `test loss should fall at λ = ${curve[i]!.value}`);
  for (let i = bestIndex + 1; i < curve.length; i++) assert.ok(test_[i]! > test_[i - 1]!, `test loss should rise at λ = ${curve[i]!.value}`);
  // The train loss only rises with λ.
  for (let i = 1; i < curve.length; i++) assert.ok(curve[i]!.trainLoss.mean > curve[i - 1]!.trainLoss.mean, `train loss should rise at λ = ${curve[i]!.value}`);
});
