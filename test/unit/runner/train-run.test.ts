// One training run through the runner: metrics, regularizers' effects, divergence,
// cancellation and data errors.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { trainRun } from '../../../src/experiment/train/train-run.ts';
import { initializationText } from '../../../src/experiment/session.ts';
import type { RunEvent } from '../../../src/protocol.ts';
import { finished, merge, request, TINY, train } from './helpers.ts';

describe('trainRun', () => {
  it('streams started, data, epochs and snapshots, then a summary; the same seed gives the same run', () => {
    const { outcome, events } = train(request(TINY));
    const types = new Set(events.map((e) => e.type));
    for (const t of ['started', 'data', 'epochs', 'snapshot', 'finished']) assert.ok(types.has(t as never), `no ${t} event`);
    const summary = finished(outcome);
    assert.equal(summary.final.epoch, 50);
    assert.equal(summary.final.step, 50);
    assert.equal(summary.parameterCount, 16 * 1 + 16 + 16 * 16 + 16 + 16 + 1);
    const epochs = events.flatMap((e) => (e.type === 'epochs' ? e.metrics : []));
    assert.deepEqual(epochs.map((m) => m.epoch), Array.from({ length: 50 }, (_, i) => i + 1));
    const again = finished(train(request(TINY)).outcome);
    assert.equal(again.final.testLoss, summary.final.testLoss);
    assert.notEqual(finished(train(request(TINY, 'run', 2)).outcome).final.testLoss, summary.final.testLoss);
  });

  it('training.evalTrain adds the whole training set\'s loss in eval mode; the batch mean stays what it was', () => {
    const config = merge(TINY, { regularization: { dropout: 0.5 } });
    const plain = finished(train(request(config)).outcome);
    assert.equal(plain.final.trainEvalLoss, undefined);
    const both = finished(train(request(merge(config, { training: { evalTrain: true } }))).outcome);
    assert.equal(both.final.trainDataLoss, plain.final.trainDataLoss, 'measuring it changes nothing else');
    assert.equal(both.final.testLoss, plain.final.testLoss);
    assert.ok(Number.isFinite(both.final.trainEvalLoss));
    // With dropout, the train-mode batch mean (units dropped) is above the eval-mode loss on the same set.
    assert.ok(both.final.trainEvalLoss! < both.final.trainDataLoss, `${both.final.trainEvalLoss} vs ${both.final.trainDataLoss}`);
    // Without dropout and with full batches, the eval-mode loss after the step is the next step's batch loss.
    const noDrop = train(request(merge(TINY, { training: { evalTrain: true } })));
    const epochs = noDrop.events.flatMap((e) => (e.type === 'epochs' ? e.metrics : []));
    for (let k = 0; k + 1 < epochs.length; k++) {
      assert.ok(Math.abs(epochs[k]!.trainEvalLoss! - epochs[k + 1]!.trainDataLoss) <= 1e-6 * epochs[k + 1]!.trainDataLoss, `epoch ${k + 1}`);
    }
  });

  it('model.freeze "first": the first layer keeps its initial weights under decay and penalties; the rest trains; metrics count trained weights', () => {
    const run = (config: Record<string, unknown>) => {
      let model: import('../../../src/engine/index.ts').Sequential | null = null;
      let initial: Record<string, number[]> = {};
      const outcome = trainRun(request(config), {
        cancelled: () => false,
        emit: () => {},
        onModel: (m) => {
          model = m;
          initial = Object.fromEntries(m.namedParameters().map(([n, p]) => [n, Array.from(p.data)]));
        },
      });
      const m = model! as import('../../../src/engine/index.ts').Sequential;
      return { summary: finished(outcome), initial, final: Object.fromEntries(m.namedParameters().map(([n, p]) => [n, Array.from(p.data)])), model: m };
    };
    const frozen = merge(TINY, { model: { freeze: 'first' }, regularization: { weightDecay: 0.1, l2: 0.01, l1: 0.01, l1Mode: 'proximal', maxNorm: 0.5 } });
    const r = run(frozen);
    assert.deepEqual(r.final['0.weight'], r.initial['0.weight'], 'no step, no decay, no proximal step, no max-norm on the frozen weight');
    assert.deepEqual(r.final['0.bias'], r.initial['0.bias']);
    for (const name of ['2.weight', '2.bias', '4.weight']) assert.notDeepEqual(r.final[name], r.initial[name], `${name} trains`);
    assert.equal(r.model.parameter('0.weight').grad, null, 'a frozen weight gets no gradient');
    // ‖w‖ counts the trained weights (2.weight, 4.weight) only.
    const norm = Math.hypot(...r.final['2.weight']!, ...r.final['4.weight']!);
    assert.ok(Math.abs(r.summary.final.weightNorm - norm) <= 1e-6 * norm, `${r.summary.final.weightNorm} vs ${norm}`);
    assert.equal(r.summary.histogram.total, 16 * 16 + 16);
    assert.equal(r.summary.parameterCount, 16 * 1 + 16 + 16 * 16 + 16 + 16 + 1, 'the model still has every parameter');
    // The penalty is over the trained parameters: the frozen ones add nothing to it.
    const first = train(request(merge(TINY, { model: { freeze: 'first' }, regularization: { l2: 0.01 } }))).events.flatMap((e) => (e.type === 'epochs' ? e.metrics : []))[0]!;
    const trainedSq = ['2.weight', '2.bias', '4.weight', '4.bias'].reduce((s, n) => s + r.initial[n]!.reduce((a, v) => a + v * v, 0), 0);
    assert.ok(Math.abs(first.trainPenalty - 0.01 * trainedSq) <= 1e-5 * first.trainPenalty, `penalty ${first.trainPenalty} vs 0.01·Σw² over trained ${0.01 * trainedSq}`);
  });

  it('model.initPerVariant: each variant draws its own initial weights, stable under its name; shared by default', () => {
    // The initial weights, read as the model is built; the run is then stopped at once.
    const initial = (config: Record<string, unknown>, variant: string, seed = 1) => {
      let first: number[] = [];
      trainRun(request(config, variant, seed), { cancelled: () => true, emit: () => {}, onModel: (model) => (first = Array.from(model.parameter('0.weight').data)) });
      return first;
    };
    const own = merge(TINY, { model: { initPerVariant: true } });
    assert.deepEqual(initial(TINY, 'a'), initial(TINY, 'b'), 'shared: the same weights whatever the variant');
    assert.notDeepEqual(initial(own, 'a'), initial(own, 'b'), 'per variant: different draws');
    assert.deepEqual(initial(own, 'a'), initial(own, 'a'), 'the same variant, the same draw');
    assert.notDeepEqual(initial(own, 'a'), initial(TINY, 'a'));
    assert.notDeepEqual(initial(own, 'a', 2), initial(own, 'a', 1), 'and the seed still matters');
  });

  it('the panel\'s line on initial weights: said only with two variants or more, shared or each its own', () => {
    const own = merge(TINY, { model: { initPerVariant: true } });
    assert.equal(initializationText([request(TINY, 'a')]), undefined);
    assert.match(initializationText([request(TINY, 'a'), request(TINY, 'b')])!, /^Every variant starts from the same initial weights/);
    assert.match(initializationText([request(own, 'a'), request(own, 'b')])!, /^Each variant draws its own initial weights/);
    assert.match(initializationText([request(own, 'a'), request(TINY, 'b'), request(TINY, 'c')])!, /^1 of 3 variants draw their own/);
  });

  it('minibatches: epochs × ⌈n / batch⌉ steps, the last batch smaller', () => {
    const s = finished(train(request(merge(TINY, { data: { train: 23 }, training: { batchSize: 5, epochs: 3 } }))).outcome);
    assert.equal(s.final.step, 3 * 5);
  });

  it('weight decay shrinks the weights; with applyTo "weights" the biases are not decayed', () => {
    const plain = finished(train(request(TINY)).outcome);
    const decayed = finished(train(request(merge(TINY, { regularization: { weightDecay: 0.5 } }))).outcome);
    assert.ok(decayed.final.weightNorm < plain.final.weightNorm * 0.9, `${decayed.final.weightNorm} vs ${plain.final.weightNorm}`);
    const biasNorm = (s: typeof plain) => Math.hypot(...s.layers.filter((l) => l.name.endsWith('bias')).map((l) => l.norm));
    const weightsOnly = finished(train(request(merge(TINY, { regularization: { weightDecay: 0.5, applyTo: 'weights' } }))).outcome);
    assert.ok(biasNorm(weightsOnly) > biasNorm(decayed), 'biases decayed although applyTo is "weights"');
  });

  it('penalties are reported apart from the data loss; weight decay is not part of the loss', () => {
    const l2 = finished(train(request(merge(TINY, { regularization: { l2: 0.01 } }))).outcome);
    assert.ok(l2.final.trainPenalty > 0);
    assert.ok(Math.abs(l2.final.trainLoss - l2.final.trainDataLoss - l2.final.trainPenalty) < 1e-6);
    const wd = finished(train(request(merge(TINY, { regularization: { weightDecay: 0.02 } }))).outcome);
    assert.equal(wd.final.trainPenalty, 0);
  });

  it('proximal L1 gives exact zeros; subgradient L1 does not', () => {
    const l1 = (mode: string) =>
      finished(train(request(merge(TINY, { training: { optimizer: { type: 'adam', lr: 0.01 }, epochs: 100 }, regularization: { l1: 0.1, l1Mode: mode } }))).outcome);
    const proximal = l1('proximal'), subgradient = l1('subgradient');
    assert.ok(proximal.histogram.exactZeros > proximal.histogram.total * 0.2, `only ${proximal.histogram.exactZeros} zeros`);
    assert.equal(subgradient.histogram.exactZeros, 0);
  });

  it('input noise trains on noisy inputs, deterministic by seed, and evaluates on the clean ones', () => {
    const noisy = merge(TINY, { regularization: { inputNoise: 0.5 } });
    const a = finished(train(request(noisy)).outcome), b = finished(train(request(noisy)).outcome);
    assert.equal(a.final.trainLoss, b.final.trainLoss);
    assert.notEqual(a.final.trainLoss, finished(train(request(TINY)).outcome).final.trainLoss);
    // Weights that do not move (lr 1e-300): the test loss is the clean initial model's, with noise or without.
    const still = (extra: Record<string, unknown>) =>
      finished(train(request(merge(TINY, { training: { optimizer: { lr: 1e-300, momentum: 0 }, epochs: 2 }, ...extra }))).outcome).final;
    const clean = still({}), withNoise = still({ regularization: { inputNoise: 0.5 } });
    assert.equal(withNoise.testLoss, clean.testLoss);
    assert.notEqual(withNoise.trainLoss, clean.trainLoss, 'the training loss sees the noise');
  });

  it('label smoothing changes the training loss only: the test loss stays the plain cross-entropy', () => {
    const blobs = {
      data: { generator: 'blobs', features: 2, classes: 3, train: 30, test: 30 },
      model: { hidden: [8] },
      training: { optimizer: { type: 'sgd', lr: 1e-300 }, epochs: 2 },
    };
    const plain = finished(train(request(blobs)).outcome).final;
    const smoothed = finished(train(request(merge(blobs, { regularization: { labelSmoothing: 0.2 } }))).outcome).final;
    assert.equal(smoothed.testLoss, plain.testLoss);
    assert.notEqual(smoothed.trainDataLoss, plain.trainDataLoss);
  });

  it('max-norm keeps every unit\'s incoming weights within the bound', () => {
    const s = finished(train(request(merge(TINY, { regularization: { maxNorm: 0.5 } }))).outcome);
    assert.ok(s.layers.filter((l) => l.name.endsWith('weight')).every((l) => l.norm <= 0.5 * Math.sqrt(l.shape[0]!) + 1e-5));
  });

  it('early stopping stops on the test loss and restores the best epoch', () => {
    const s = finished(train(request(merge(TINY, { model: { hidden: [64, 64] }, training: { epochs: 3000 }, regularization: { earlyStopping: { patience: 20 } } }))).outcome);
    assert.ok(s.stoppedEarly);
    assert.ok(s.final.epoch < 3000);
    assert.equal(s.final.testLoss, s.bestTestLoss);
  });

  it('a diverging run stops with the epoch and a likely cause', () => {
    const { outcome } = train(request(merge(TINY, { training: { optimizer: { type: 'sgd', lr: 5, momentum: 0.9 }, epochs: 500 } })));
    assert.equal(outcome.type, 'diverged');
    if (outcome.type !== 'diverged') return;
    assert.ok(outcome.epoch >= 1 && outcome.epoch < 500);
    assert.match(outcome.cause, /learning rate too large.*lr is 5 with sgd; try 0\.5/);
  });

  it('cancellation stops at the next step', () => {
    const { outcome, events } = train(request(merge(TINY, { training: { epochs: 100000 } })), 10);
    assert.equal(outcome.type, 'cancelled');
    const steps = events.flatMap((e) => (e.type === 'epochs' ? e.metrics : [])).at(-1)?.step ?? 0;
    assert.ok(steps <= 10);
  });

  it('a cancel that arrives after a step skips the evaluation due at the end of that epoch', () => {
    // Full batch: one step per epoch; the second poll is the one before epoch 1's evaluation.
    const { outcome, events } = train(request(TINY), 1);
    assert.equal(outcome.type, 'cancelled');
    assert.deepEqual(events.filter((e) => e.type === 'epochs'), []);
  });

  it('the first evaluation is sent at once, later ones batched by the flush interval', () => {
    const events: RunEvent[] = [];
    trainRun(request(TINY), { cancelled: () => false, emit: (e) => events.push(e), flushMs: 60_000 });
    const batches = events.filter((e) => e.type === 'epochs').map((e) => e.metrics.map((m) => m.epoch));
    assert.deepEqual(batches, [[1], Array.from({ length: 49 }, (_, i) => i + 2)]);
  });

  it('a sweep run sends no data points and no fit snapshots (nothing draws them), only its metrics', () => {
    const sweepRun = { ...request(TINY), sweepValue: 0.01 };
    const { outcome, events } = train(sweepRun);
    assert.equal(outcome.type, 'finished');
    assert.deepEqual([...new Set(events.map((e) => e.type))], ['started', 'epochs', 'finished']);
  });

  it('classification: accuracy and a decision-boundary snapshot', () => {
    const { outcome, events } = train(request({
      data: { generator: 'moons', train: 100, test: 100 },
      model: { hidden: [16] },
      training: { optimizer: { type: 'adam', lr: 0.01 }, epochs: 100 },
    }));
    const s = finished(outcome);
    assert.ok(s.final.testAccuracy! > 0.8, `accuracy ${s.final.testAccuracy}`);
    const boundary = events.find((e) => e.type === 'snapshot' && e.snapshot.kind === 'boundary');
    assert.ok(boundary);
  });

  it('a data error fails the run with the field path (a missing CSV file)', () => {
    const { outcome } = train(request({ ...TINY, data: { generator: 'csv', path: 'nope.csv', features: ['x'], target: 'y' } }));
    assert.equal(outcome.type, 'failed');
    if (outcome.type === 'failed') {
      assert.match(outcome.message, /nope\.csv/);
      assert.deepEqual(outcome.path?.slice(0, 2), ['data', 'path']);
    }
  });
  it('held-out validation data: the loss on it every epoch; the folds train on different samples; early stopping watches it', () => {
    const plain = finished(train(request(TINY)).outcome);
    assert.equal(plain.final.validationLoss, undefined, 'no validation loss without validation data');
    const held = train(request(merge(TINY, { data: { train: 20, validation: 0.25 } })));
    const epochs = held.events.flatMap((e) => (e.type === 'epochs' ? e.metrics : []));
    assert.ok(epochs.length === 50 && epochs.every((m) => Number.isFinite(m.validationLoss)), 'a validation loss at every evaluation');
    const data = held.events.find((e) => e.type === 'data');
    assert.equal(data?.type === 'data' ? data.train.x.length : 0, 15, 'the model sees the 15 samples it trains on');
    const folds = [0, 1, 2].map((fold) => finished(train({ ...request(merge(TINY, { data: { train: 20, folds: 3 } })), fold }).outcome).final);
    assert.equal(new Set(folds.map((f) => f.validationLoss)).size, 3, 'each fold holds out other samples');
    const early = finished(train(request(merge(TINY, { data: { train: 20, validation: 5 }, model: { hidden: [64, 64] }, training: { epochs: 3000 }, regularization: { earlyStopping: { patience: 20 } } }))).outcome);
    assert.ok(early.stoppedEarly);
    assert.ok(early.final.epoch < 3000);
    assert.notEqual(early.final.testLoss, early.bestTestLoss, 'the restored epoch is the best on validation, not on test');
  });
});
