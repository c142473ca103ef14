// Choosing a sweep's value honestly: on the validation loss when the runs held some out
// (λ_min, and glmnet's λ_1se: the largest λ within one standard error of λ_min's mean),
// on the test loss only without, and saying which.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EpochMetrics, RunSummary } from '../../../src/protocol.ts';
import { chosenValues } from '../../../src/results/choice.ts';
import { moreIsSimpler, standardError, stat, sweepChoices, sweepStatistics } from '../../../src/results/stats.ts';
import type { RunRecord } from '../../../src/results/model.ts';

const run = (value: number, fold: number, validationLoss: number | undefined, testLoss: number): RunRecord => {
  const final: EpochMetrics = { epoch: 1, step: 1, trainLoss: 0.1, trainDataLoss: 0.1, trainPenalty: 0, testLoss, weightNorm: 1, weightL1: 1, sparsity: 0 };
  if (validationLoss !== undefined) final.validationLoss = validationLoss;
  const summary: RunSummary = {
    final, bestTestLoss: testLoss, bestEpoch: 1, stoppedEarly: false,
    histogram: { edges: [0, 1], counts: [1], exactZeros: 0, nearZero: 0, total: 1 }, layers: [], parameterCount: 1, milliseconds: 1,
  };
  return { id: `${value}/${fold}`, variant: 'v', sweepValue: value, repeat: 0, fold, seed: 1, status: 'finished', metrics: [final], snapshots: [], summary };
};

/** Per λ, the validation losses of 4 folds, and one test loss for all. */
const CV: [number, number[], number][] = [
  [0.01, [1.0, 1.2, 1.1, 1.3], 0.9],
  [0.1, [0.5, 0.7, 0.6, 0.8], 0.7], // λ_min: mean 0.65, sd 0.129, SE 0.0645 → bound 0.7145
  [1, [0.6, 0.7, 0.8, 0.7], 0.4], //   mean 0.70 ≤ 0.7145: within one SE
  [10, [0.7, 0.8, 0.75, 0.77], 0.3], // mean 0.755: outside
  [100, [2, 2, 2, 2], 2],
];
const cvRuns = (): RunRecord[] => CV.flatMap(([value, folds, test]) => folds.map((v, f) => run(value, f, v, test)));

test('λ_min reads the validation loss only, λ_1se is the largest λ within one SE of it', () => {
  const runs = cvRuns();
  const choice = sweepChoices(sweepStatistics(runs), runs, 'regularization.weightDecay').get('v')!;
  assert.equal(choice.on, 'validation');
  assert.equal(choice.point.value, 0.1, 'the lowest mean validation loss, though λ = 10 has the lowest test loss');
  assert.equal(choice.oneSe!.value, 1);
  assert.equal(choice.final, true);
  const [json] = chosenValues({ sweep: sweepStatistics(runs), runs, sweepOver: 'regularization.weightDecay' });
  assert.equal(json!.min.value, 0.1);
  assert.ok(Math.abs(json!.min.validationLoss! - 0.65) < 1e-12);
  assert.ok(Math.abs(json!.min.validationSE! - stat([0.5, 0.7, 0.6, 0.8]).std / 2) < 1e-12);
  assert.equal(json!.min.testLoss, 0.7, 'the test loss is reported at the chosen value');
  assert.deepEqual([json!.oneSe!.value, json!.oneSe!.testLoss, json!.oneSe!.runs], [1, 0.4, 4]);
});

test('λ_1se is λ_min itself when no larger λ comes within one SE, and is left out where larger is not simpler', () => {
  const runs = cvRuns().filter((r) => r.sweepValue !== 1);
  const points = sweepStatistics(runs);
  assert.equal(sweepChoices(points, runs, 'regularization.l1').get('v')!.oneSe!.value, 0.1);
  assert.equal(sweepChoices(points, runs, 'model.hidden.0').get('v')!.oneSe, undefined);
  assert.equal(sweepChoices(points, runs, 'regularization.maxNorm').get('v')!.oneSe, undefined, 'a smaller max-norm regularizes more');
  assert.ok(moreIsSimpler('regularization.dropout') && !moreIsSimpler('training.optimizer.lr') && !moreIsSimpler(undefined));
});

test('without validation data the choice is the lowest mean test loss, and says so', () => {
  const runs = CV.map(([value, , test]) => run(value, 0, undefined, test));
  const choice = sweepChoices(sweepStatistics(runs), runs, 'regularization.weightDecay').get('v')!;
  assert.deepEqual([choice.on, choice.point.value, choice.oneSe], ['test', 10, undefined]);
  const [json] = chosenValues({ sweep: sweepStatistics(runs), runs, sweepOver: 'regularization.weightDecay' });
  assert.deepEqual([json!.on, json!.value, json!.testLoss, json!.min.validationLoss], ['test', 10, 0.3, undefined]);
});

test('the standard error is sd/√n, and 0 for a single run', () => {
  assert.ok(Math.abs(standardError(stat([1, 2, 3, 4]), 4) - stat([1, 2, 3, 4]).std / 2) < 1e-15);
  assert.equal(standardError(stat([1]), 1), 0);
});
