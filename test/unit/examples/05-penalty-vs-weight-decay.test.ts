// Lesson 5: with SGD, an L2 penalty λ·Σw² and weight_decay = 2λ take the same steps (same
// weights, same fit) but only the penalty shows in the train loss; with Adam, coupled
// weight_decay and AdamW's decoupled one, at the same value, end with very different
// weights. Two seeds: the equalities are exact up to float32 rounding, and the
// differences are many times larger than the spread between seeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateAtEndOnly, finalOf, loadExample, seedsFrom, trainExample } from './helpers.ts';

const FILE = '05-penalty-vs-weight-decay.reglab.json';
const PENALTY = 'SGD + L2 penalty 0.005';
const SGD_WD = 'SGD weight_decay 0.01';
const ADAM = 'Adam, no decay';
const COUPLED = 'Adam weight_decay 0.01 (coupled)';
const DECOUPLED = 'AdamW weight_decay 0.01 (decoupled)';
const DECOUPLED_STRONG = 'AdamW weight_decay 1 (decoupled)';

const close = (a: number, b: number, rtol: number) => Math.abs(a - b) <= rtol * Math.max(Math.abs(a), Math.abs(b));

test('05 penalty vs weight decay: SGD\'s penalty and weight_decay coincide except in the reported loss; Adam\'s coupled and decoupled decay differ', (t) => {
  const experiment = loadExample(FILE);
  for (const seed of seedsFrom(experiment, 2)) {
    const trained = trainExample(experiment, { seed, adjust: evaluateAtEndOnly });
    for (const [name, f] of trained.finals) {
      t.diagnostic(`seed ${seed}, ${name}: train ${f.trainLoss.toPrecision(4)} (data ${f.trainDataLoss.toPrecision(4)} + penalty ${f.trainPenalty.toPrecision(4)}), test ${f.testLoss.toFixed(4)}, ‖w‖ ${f.weightNorm.toFixed(3)}, |w| < 1e-3 ${(100 * f.sparsity).toFixed(1)} %`);
    }
    const penalty = finalOf(trained, PENALTY), wd = finalOf(trained, SGD_WD);
    // The same steps: the same weights and the same data loss, up to float32 rounding.
    assert.ok(close(penalty.weightNorm, wd.weightNorm, 0.005), `‖w‖ ${penalty.weightNorm} vs ${wd.weightNorm}`);
    assert.ok(close(penalty.trainDataLoss, wd.trainDataLoss, 0.05), `train data loss ${penalty.trainDataLoss} vs ${wd.trainDataLoss}`);
    assert.ok(close(penalty.testLoss, wd.testLoss, 0.05), `test loss ${penalty.testLoss} vs ${wd.testLoss}`);
    // But the penalty is in the reported loss, and weight decay is not.
    assert.equal(wd.trainPenalty, 0);
    assert.equal(wd.trainLoss, wd.trainDataLoss);
    assert.ok(close(penalty.trainLoss, penalty.trainDataLoss + penalty.trainPenalty, 1e-9));
    assert.ok(penalty.trainPenalty > 2 * penalty.trainDataLoss, `the penalty dominates the reported train loss: ${penalty.trainPenalty} vs ${penalty.trainDataLoss}`);

    const adam = finalOf(trained, ADAM), coupled = finalOf(trained, COUPLED), decoupled = finalOf(trained, DECOUPLED), strong = finalOf(trained, DECOUPLED_STRONG);
    // Same weight_decay, very different weights: coupled decay drives the weights with small
    // gradients to 0 at Adam's full step size; decoupled decay shrinks by 1 − lr·wd = 1 − 1e-5 per step.
    assert.ok(coupled.weightNorm < 0.6 * decoupled.weightNorm, `coupled ‖w‖ ${coupled.weightNorm} vs decoupled ${decoupled.weightNorm}`);
    assert.ok(coupled.sparsity > 10 * decoupled.sparsity, `coupled decay puts many weights near 0: ${coupled.sparsity} vs ${decoupled.sparsity}`);
    assert.ok(close(decoupled.weightNorm, adam.weightNorm, 0.05), `AdamW at 0.01 is barely different from no decay: ${decoupled.weightNorm} vs ${adam.weightNorm}`);
    assert.ok(strong.weightNorm < 0.9 * adam.weightNorm && strong.weightNorm > coupled.weightNorm, 'AdamW needs a far larger weight_decay to shrink the weights, and at 1 still shrinks less than coupled Adam at 0.01');
    for (const f of [adam, coupled, decoupled, strong]) assert.equal(f.trainPenalty, 0, 'optimizer weight decay is never in the loss');
  }
});
