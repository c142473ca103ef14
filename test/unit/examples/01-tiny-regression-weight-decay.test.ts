// Lesson 1: on the tiny noisy regression, weight decay keeps the fit smooth and the test
// loss lower; without it the 1-100-100-100-1 net threads every noisy training point.
// As in the tutorial, the test points are the 10 training x with fresh noise (testAt
// "train"): there the net that threads the training noise is wrong by that noise plus the
// test's, so decay's test loss is lower on every seed; also checked on every seed: the
// distance of the fitted curve to the true line (no test noise) and its wiggle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { curveStats, evaluateAtEndOnly, finalOf, loadExample, mean, runOf, seedsFrom, trainExample, wins } from './helpers.ts';

const FILE = '01-tiny-regression-weight-decay.reglab.json';
const PLAIN = 'no weight decay';
const DECAY = 'weight decay 0.01';

test('01 tiny regression: weight decay gives a smoother fit and a lower test loss (at the training x, fresh noise) on each of 5 seeds', (t) => {
  const experiment = loadExample(FILE);
  const seeds = seedsFrom(experiment, 5);
  const trained = seeds.map((seed) => trainExample(experiment, { seed, adjust: evaluateAtEndOnly }));
  const rows = trained.map((r, i) => {
    const plain = finalOf(r, PLAIN), decay = finalOf(r, DECAY);
    const plainCurve = curveStats(runOf(r, PLAIN)), decayCurve = curveStats(runOf(r, DECAY));
    t.diagnostic(
      `seed ${seeds[i]}: train ${plain.trainLoss.toExponential(2)} → ${decay.trainLoss.toFixed(4)}, test ${plain.testLoss.toFixed(4)} → ${decay.testLoss.toFixed(4)}, ` +
        `error to the true line ${plainCurve.errorToTruth.toFixed(4)} → ${decayCurve.errorToTruth.toFixed(4)}, excess variation ${plainCurve.excessVariation.toFixed(2)} → ${decayCurve.excessVariation.toFixed(2)}, ` +
        `‖w‖ ${plain.weightNorm.toFixed(2)} → ${decay.weightNorm.toFixed(2)}`,
    );
    return { plain, decay, plainCurve, decayCurve };
  });

  // Without decay the net threads every noisy point: its train loss is far below the noise (0.25).
  for (const { plain, decay } of rows) {
    assert.ok(plain.trainLoss < 1e-3, `without decay the train loss should be ≈ 0, got ${plain.trainLoss}`);
    assert.ok(decay.trainLoss > 10 * plain.trainLoss, 'with decay the net should not fit the noise exactly');
    assert.ok(decay.weightNorm < 0.6 * plain.weightNorm, `decay should shrink ‖w‖: ${decay.weightNorm} vs ${plain.weightNorm}`);
  }
  // The fit: closer to the true line and less wiggly with decay, on every seed.
  assert.equal(wins(rows.map((r) => [r.decayCurve.errorToTruth, r.plainCurve.errorToTruth]), (a, b) => a < b), seeds.length);
  assert.equal(wins(rows.map((r) => [r.decayCurve.excessVariation, r.plainCurve.excessVariation]), (a, b) => a < b), seeds.length);
  // The test loss at the 10 training x with fresh noise: lower with decay on every seed, and on average.
  assert.equal(wins(rows.map((r) => [r.decay.testLoss, r.plain.testLoss]), (a, b) => a < b), seeds.length);
  const plainTest = mean(rows.map((r) => r.plain.testLoss)), decayTest = mean(rows.map((r) => r.decay.testLoss));
  t.diagnostic(`mean test loss over ${seeds.length} seeds: ${plainTest.toFixed(4)} without decay, ${decayTest.toFixed(4)} with`);
  assert.ok(decayTest < 0.9 * plainTest, `mean test loss with decay ${decayTest} should be below ${plainTest}`);
});
