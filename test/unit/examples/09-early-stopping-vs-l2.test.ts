// Lesson 9: gradient descent from w ≈ 0 on a least-squares problem traces, epoch by epoch,
// nearly the same curve of test loss against ‖w‖₂ as ridge does λ by λ (Ali, Kolter &
// Tibshirani 2019). Per seed (1–5): gradient descent overfits late (its final test loss is
// far above its best), its best epoch and ridge's best λ reach the same test loss at about
// the same ‖w‖, and at every ridge point inside gradient descent's range the two curves'
// test losses are close. The file's runs unchanged (17 linear runs per seed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadExample, seedsFrom, trainExample } from './helpers.ts';

const FILE = '09-early-stopping-vs-l2.reglab.json';

test('09 early stopping ≈ L2: gradient descent over epochs and ridge over λ lie on nearly the same test-loss-against-‖w‖ curve, on every seed', (t) => {
  const experiment = loadExample(FILE);
  for (const seed of seedsFrom(experiment, 5)) {
    const trained = trainExample(experiment, { seed, includeSweep: true });
    const gd = trained.runs.find((r) => r.spec.kind === 'variant')!.record.metrics;
    const ridge = [...trained.sweep].sort((a, b) => a.value - b.value);
    const bestGd = gd.reduce((a, b) => (b.testLoss < a.testLoss ? b : a));
    const bestRidge = ridge.reduce((a, b) => (b.testLoss.mean < a.testLoss.mean ? b : a));
    const final = gd[gd.length - 1]!;
    // Gradient descent's test loss at the ‖w‖ of each ridge point it passes through.
    const gaps = ridge.flatMap((p) => {
      const norm = p.weightNorm.mean;
      for (let i = 1; i < gd.length; i++) {
        const a = gd[i - 1]!, b = gd[i]!;
        if ((a.weightNorm - norm) * (b.weightNorm - norm) <= 0 && a.weightNorm !== b.weightNorm) {
          const along = a.testLoss + ((norm - a.weightNorm) / (b.weightNorm - a.weightNorm)) * (b.testLoss - a.testLoss);
          return [Math.abs(along - p.testLoss.mean) / p.testLoss.mean];
        }
      }
      return [];
    });
    const worst = Math.max(...gaps);
    t.diagnostic(
      `seed ${seed}: GD best ${bestGd.testLoss.toFixed(3)} at epoch ${bestGd.epoch} (‖w‖ ${bestGd.weightNorm.toFixed(3)}), final ${final.testLoss.toFixed(3)} (‖w‖ ${final.weightNorm.toFixed(3)}); ` +
        `ridge best ${bestRidge.testLoss.mean.toFixed(3)} at λ ${bestRidge.value.toPrecision(3)} (‖w‖ ${bestRidge.weightNorm.mean.toFixed(3)}); ` +
        `${gaps.length} ridge points on GD's range, worst gap ${(100 * worst).toFixed(1)} %`,
    );
    assert.ok(final.testLoss > 2 * bestGd.testLoss, `seed ${seed}: gradient descent should overfit late: final ${final.testLoss} vs best ${bestGd.testLoss}`);
    assert.ok(Math.abs(bestGd.testLoss - bestRidge.testLoss.mean) <= 0.05 * bestRidge.testLoss.mean, `seed ${seed}: best test losses ${bestGd.testLoss} vs ${bestRidge.testLoss.mean}`);
    assert.ok(Math.abs(bestGd.weightNorm - bestRidge.weightNorm.mean) <= 0.25 * bestRidge.weightNorm.mean, `seed ${seed}: ‖w‖ at the bests ${bestGd.weightNorm} vs ${bestRidge.weightNorm.mean}`);
    assert.ok(gaps.length >= 8, `seed ${seed}: only ${gaps.length} ridge points within gradient descent's range of ‖w‖`);
    assert.ok(worst <= 0.2, `seed ${seed}: the curves differ by ${(100 * worst).toFixed(1)} % at some ‖w‖`);
  }
});
