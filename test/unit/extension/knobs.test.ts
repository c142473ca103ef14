// The playground's knobs, computed from each example: the field each moves, its range, and
// the variants it retrains; and the runs a moved knob asks for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeKnobs } from '../../../src/extension/knobs.ts';
import { PlaygroundState, playgroundRequests } from '../../../src/extension/playgroundPlan.ts';
import { parseExperiment as parse } from '../../../src/experiment/parse.ts';
import { example } from './helpers.ts';

const byId = (knobs: ReturnType<typeof computeKnobs>) => Object.fromEntries(knobs.map((k) => [k.id, k]));

test('tiny regression: λ is the weight decay the variant switches on; the base fields move every variant', () => {
  const knobs = byId(computeKnobs(example('01-tiny-regression-weight-decay.reglab.json').experiment));
  assert.deepEqual(Object.keys(knobs), ['lambda', 'lr', 'noise', 'trainSize', 'seed']);
  assert.equal(knobs.lambda!.path, 'regularization.weightDecay');
  assert.equal(knobs.lambda!.value, 0.01);
  assert.deepEqual(knobs.lambda!.variants, ['weight decay 0.01']);
  assert.equal(knobs.lambda!.scale, 'log');
  assert.equal(knobs.lambda!.min, 0, 'λ can be switched off');
  assert.ok(knobs.lambda!.max >= 0.1);
  assert.equal(knobs.noise!.path, 'data.trainNoise');
  assert.equal(knobs.noise!.value, 0.5);
  assert.deepEqual(knobs.lr!.variants, ['no weight decay', 'weight decay 0.01']);
  assert.equal(knobs.trainSize!.scale, 'integer');
});

test('dropout: the dropout knob retrains the dropout variant; the lr knob skips the variant with its own lr', () => {
  const knobs = byId(computeKnobs(example('02-dropout.reglab.json').experiment));
  assert.equal(knobs.lambda, undefined, 'no strength to move');
  assert.equal(knobs.dropout!.value, 0.5);
  assert.deepEqual(knobs.dropout!.variants, ['dropout 0.5']);
  assert.equal(knobs.lr!.value, 0.001);
  assert.deepEqual(knobs.lr!.variants, ['overfitting (no dropout)']);
});

test("a sweep's strength is the λ knob, over the swept variants, with the sweep's range", () => {
  const d2l = byId(computeKnobs(example('03-d2l-high-dimensional.reglab.json').experiment));
  assert.equal(d2l.lambda!.path, 'regularization.weightDecay');
  assert.deepEqual(d2l.lambda!.variants, ['λ = 0']);
  assert.equal(d2l.lambda!.max, 100);
  assert.equal(d2l.noise!.path, 'data.noise');
  const sweep = example('06-lambda-sweep-u-shape.reglab.json').experiment;
  const u = byId(computeKnobs(sweep));
  assert.deepEqual(u.lambda!.variants, [sweep.title], 'no variants: the base, named by the title as its runs are');
  assert.equal(u.lambda!.value, 0);
});

test('L1/L2: λ is the strength most variants switch on', () => {
  const knobs = byId(computeKnobs(example('04-l1-l2-elasticnet.reglab.json').experiment));
  assert.equal(knobs.lambda!.path, 'regularization.l1');
  assert.equal(knobs.lambda!.variants.length, 3);
  assert.equal(knobs.noise, undefined, 'blobs have no noise knob');
});

test('every knob of every example holds its value inside its range', () => {
  for (const name of ['01-tiny-regression-weight-decay', '02-dropout', '03-d2l-high-dimensional', '04-l1-l2-elasticnet', '06-lambda-sweep-u-shape']) {
    for (const knob of computeKnobs(example(`${name}.reglab.json`).experiment)) {
      assert.ok(knob.min <= knob.value && knob.value <= knob.max, `${name} ${knob.id}: ${knob.min} ≤ ${knob.value} ≤ ${knob.max}`);
      assert.ok(knob.variants.length > 0, `${name} ${knob.id} retrains something`);
    }
  }
});

test('a moved knob retrains its variants with the value laid over the file; the others keep theirs', () => {
  const { experiment } = example('01-tiny-regression-weight-decay.reglab.json');
  const knobs = computeKnobs(experiment);
  const state = new PlaygroundState(knobs);
  assert.deepEqual(state.update({ lambda: 0.01 }), [], 'the same value: nothing to retrain');
  assert.deepEqual(state.update({ lambda: 0.1 }), ['weight decay 0.01']);
  const requests = playgroundRequests(experiment, '/w/01.reglab.json', knobs, state.current(), ['weight decay 0.01'], '/w');
  assert.equal(requests.length, 1);
  assert.equal(requests[0]!.runId, 'weight-decay-0-01', 'the run keeps its id, so the page replaces it');
  assert.equal(requests[0]!.config.regularization.weightDecay, 0.1);
  assert.equal(requests[0]!.config.training.optimizer.lr, 0.01);
  assert.equal(requests[0]!.baseDir, '/w');
  assert.equal(requests[0]!.workspaceRoot, '/w');
  // The run carries the values it was trained with, so its curve says "(playground)".
  assert.deepEqual(requests[0]!.overrides, { 'regularization.weightDecay': 0.1 });

  assert.deepEqual(state.update({ noise: 0.2 }).sort(), ['no weight decay', 'weight decay 0.01']);
  const both = playgroundRequests(experiment, '/w/01.reglab.json', knobs, state.current(), ['no weight decay', 'weight decay 0.01']);
  const plain = both.find((r) => r.variant === 'no weight decay')!;
  assert.equal((plain.config.data as Record<string, unknown>).trainNoise, 0.2);
  assert.equal((plain.config.data as Record<string, unknown>).testNoise, 0.3, 'the file writes testNoise, so it stays');
  assert.equal(plain.config.regularization.weightDecay, 0, 'λ only moves the variants it affects');
  assert.equal(both.find((r) => r.variant === 'weight decay 0.01')!.config.regularization.weightDecay, 0.1, 'an earlier move stays in force');
  assert.deepEqual(plain.overrides, { 'data.trainNoise': 0.2 });
});

test('derived defaults follow a moved field; the seed knob reseeds; integers are rounded', () => {
  const { experiment } = example('02-dropout.reglab.json');
  const knobs = computeKnobs(experiment);
  const state = new PlaygroundState(knobs);
  state.update({ seed: 7.4, trainSize: 33.6 });
  const [run] = playgroundRequests(experiment, '/w/02.reglab.json', knobs, state.current(), ['dropout 0.5']);
  assert.equal(run!.seed, 7);
  assert.equal(run!.config.seed, 7);
  assert.equal((run!.config.data as Record<string, unknown>).train, 34);
  assert.equal(run!.config.regularization.dropout, 0.5);
  assert.equal(run!.config.training.optimizer.lr, 0.01, "the variant's own lr");
});

test('values outside a knob\'s range are clamped; unknown knobs are ignored', () => {
  const knobs = computeKnobs(example('02-dropout.reglab.json').experiment);
  const state = new PlaygroundState(knobs);
  state.update({ dropout: 5, lambda: 1 });
  assert.equal(state.current().dropout, 0.9);
  assert.equal(state.current().lambda, undefined);
  assert.deepEqual(state.moved().map((k) => k.id), ['dropout']);
});

test('input noise and label smoothing: a knob each, for the variants that switch them on', () => {
  const file = JSON.stringify({
    title: 'noise and smoothing',
    data: { generator: 'blobs', features: 2, classes: 3, train: 30, test: 30 },
    model: { hidden: [8] },
    training: { optimizer: { type: 'sgd', lr: 0.1 }, epochs: 10 },
    variants: [
      { name: 'plain' },
      { name: 'noisy', regularization: { inputNoise: 0.2 } },
      { name: 'smoothed', regularization: { labelSmoothing: 0.1 } },
    ],
  });
  const parsed = parse(file, 'x.reglab.json');
  const knobs = byId(computeKnobs(parsed.experiment!));
  assert.deepEqual([knobs.inputNoise!.path, knobs.inputNoise!.value, knobs.inputNoise!.max, knobs.inputNoise!.variants], ['regularization.inputNoise', 0.2, 0.6, ['noisy']]);
  assert.deepEqual([knobs.labelSmoothing!.path, knobs.labelSmoothing!.value, knobs.labelSmoothing!.variants], ['regularization.labelSmoothing', 0.1, ['smoothed']]);
  assert.equal(byId(computeKnobs(example('02-dropout.reglab.json').experiment)).inputNoise, undefined);
});
