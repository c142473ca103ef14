// Lesson 10: λ chosen by 5-fold cross-validation on the training set lands next to the λ the
// test set would pick, on every one of 5 seeds, and the test loss it then gets is close to
// the best; λ_1se ≥ λ_min. The file's sweep is trained as it is (11 values × 5 folds) per seed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sweepChoices } from '../../../src/results/stats.ts';
import { evaluateAtEndOnly, loadExample, mean, seedsFrom, trainExample } from './helpers.ts';

const FILE = '10-choosing-lambda-by-cross-validation.reglab.json';

test('10 cross-validation: λ_min and λ_1se chosen on validation folds land near the test-optimal λ, over 5 seeds', (t) => {
  const experiment = loadExample(FILE);
  const regret: number[] = [];
  const steps: number[] = [];
  for (const seed of seedsFrom(experiment, 5)) {
    const trained = trainExample(experiment, { seed, includeSweep: true, variants: [], adjust: evaluateAtEndOnly });
    const curve = trained.sweep.sort((a, b) => a.value - b.value);
    assert.equal(curve.length, 11);
    assert.ok(curve.every((p) => p.repeats === 5 && p.validationLoss !== undefined), 'every λ has its 5 folds');
    const choice = sweepChoices(curve, trained.runs.map((r) => r.record), experiment.sweep!.over).get('base')!;
    const testBest = curve.reduce((a, b) => (b.testLoss.mean < a.testLoss.mean ? b : a));
    const min = choice.point, oneSe = choice.oneSe!;
    t.diagnostic(
      `seed ${seed}: λ_min ${min.value.toPrecision(3)} (test ${min.testLoss.mean.toFixed(4)}), λ_1se ${oneSe.value.toPrecision(3)} (test ${oneSe.testLoss.mean.toFixed(4)}), ` +
        `test-optimal λ ${testBest.value.toPrecision(3)} (test ${testBest.testLoss.mean.toFixed(4)}); ends: λ = 0.01 test ${curve[0]!.testLoss.mean.toFixed(3)}, λ = 100 test ${curve.at(-1)!.testLoss.mean.toFixed(3)}`,
    );
    assert.equal(choice.on, 'validation');
    assert.ok(oneSe.value >= min.value);
    // A U in the validation curve: its minimum is inside the range, well below the unregularized end.
    const index = curve.indexOf(min);
    assert.ok(index > 0 && index < curve.length - 1, `λ_min ${min.value} should be inside the sweep`);
    assert.ok(min.validationLoss!.mean < 0.6 * curve[0]!.validationLoss!.mean, 'decay helps a lot on validation too');
    regret.push(min.testLoss.mean / testBest.testLoss.mean);
    steps.push(Math.abs(index - curve.indexOf(testBest)));
  }
  t.diagnostic(`test loss at λ_min over the best test loss: ${regret.map((r) => r.toFixed(3)).join(', ')} (mean ${mean(regret).toFixed(3)}); grid steps between them: ${steps.join(', ')}`);
  // Next to the test's choice: at most one grid step (×2.5) away on 4 seeds of 5, never more than 3.
  assert.ok(steps.filter((s) => s <= 1).length >= 4 && Math.max(...steps) <= 3, `steps ${steps}`);
  // And what it costs on the test set is small: within 5 % of the best on average, 15 % at worst.
  assert.ok(mean(regret) < 1.05 && Math.max(...regret) < 1.15, `regret ${regret}`);
});
