// The parsed experiment has every default filled in, constant and derived.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DATA_DEFAULTS } from '../../../src/data/spec.ts';
import { defaultCenterScale } from '../../../src/data/blobs.ts';
import { DERIVED_DEFAULTS } from '../../../src/experiment/schema/derivedDefaults.ts';
import { runConfigSchema } from '../../../src/experiment/schema/experiment.ts';
import type { SchemaNode } from '../../../src/experiment/dsl/types.ts';
import { fileWith, parseValid } from './helpers.ts';

test('a minimal file gets every default', () => {
  const e = parseValid(fileWith({}));
  assert.equal(e.seed, 0);
  assert.equal(e.dtype, 'float32');
  assert.deepEqual(e.data, {
    generator: 'line', train: 10, test: 10, x: [-1, 1], spacing: 'linspace', testAt: 'uniform', trainNoise: 0.3, testNoise: 0.3, slope: 1, intercept: 0,
  });
  assert.deepEqual(e.model, { hidden: [100], activation: 'relu', negativeSlope: 0.01, init: 'default', initStd: 1, initPerVariant: false, initBias: 'zeros', freeze: 'none' });
  assert.deepEqual(e.training, {
    optimizer: {
      type: 'sgd', lr: 0.1, momentum: 0, dampening: 0, nesterov: false, betas: [0.9, 0.999], eps: 1e-8, amsgrad: false,
      alpha: 0.99, centered: false, lrDecay: 0, initialAccumulatorValue: 0,
    },
    loss: 'mse', beta: 1, delta: 1, epochs: 100, batchSize: 'full', shuffle: true, evalEvery: 1, evalTrain: false, snapshotEvery: 5,
  });
  assert.deepEqual(e.regularization, {
    l1: 0, l1Mode: 'subgradient', l2: 0, elasticNet: { lambda: 0, l1Ratio: 0.5 }, l2Norm: 0, weightDecay: 0,
    decoupled: false, dropout: 0, inputNoise: 0, labelSmoothing: 0, applyTo: 'all',
  });
  assert.deepEqual(e.variants, []);
  assert.equal(e.sweep, undefined);
  assert.equal(e.regularization.maxNorm, undefined, 'optional fields stay absent');
  assert.equal(e.regularization.earlyStopping, undefined);
});

test('written values win over defaults; optional blocks get their inner defaults', () => {
  const e = parseValid(fileWith({ seed: 7, regularization: { earlyStopping: { patience: 10 }, elasticNet: { lambda: 0.1 } } }));
  assert.equal(e.seed, 7);
  assert.deepEqual(e.regularization.earlyStopping, { patience: 10, minDelta: 0, restoreBest: true });
  assert.deepEqual(e.regularization.elasticNet, { lambda: 0.1, l1Ratio: 0.5 });
});

test('each generator gets the data engineer\'s defaults (DATA_DEFAULTS)', () => {
  for (const generator of ['sine', 'polynomial', 'd2l', 'circles', 'xor', 'gaussian', 'spiral', 'moons', 'blobs'] as const) {
    const data = parseValid(fileWith({ data: { generator } })).data as Record<string, unknown>;
    for (const [key, value] of Object.entries(DATA_DEFAULTS[generator])) assert.deepEqual(data[key], value, `${generator}.${key}`);
  }
  const csv = parseValid(fileWith({ data: { generator: 'csv', path: 'a.csv', features: ['x'], target: 'y' } })).data;
  assert.deepEqual(csv, { generator: 'csv', path: 'a.csv', features: ['x'], target: 'y', task: 'regression', testFraction: 0.2 });
});

test('derived defaults: testNoise, centerScale, eps, loss, snapshotEvery', () => {
  const line = parseValid(fileWith({ data: { trainNoise: 0.5 } }));
  assert.equal((line.data as { testNoise: number }).testNoise, 0.5);
  const written = parseValid(fileWith({ data: { trainNoise: 0.5, testNoise: 0 } }));
  assert.equal((written.data as { testNoise: number }).testNoise, 0);
  const blobs = parseValid(fileWith({ data: { generator: 'blobs', features: 784, classes: 10 } }));
  assert.equal((blobs.data as { centerScale: number }).centerScale, defaultCenterScale(784, 1));
  assert.equal(parseValid(fileWith({ training: { optimizer: { type: 'adagrad' } } })).training.optimizer.eps, 1e-10);
  assert.equal(parseValid(fileWith({ training: { optimizer: { type: 'rmsprop' } } })).training.optimizer.eps, 1e-8);
  assert.equal(parseValid(fileWith({ training: { epochs: 2000 } })).training.snapshotEvery, 100);
  assert.equal(parseValid(fileWith({ training: { epochs: 7 } })).training.snapshotEvery, 1);
  assert.equal(parseValid(fileWith({ training: { epochs: 30 } })).training.snapshotEvery, 2);
});

test('the experiment records which base fields were derived, so runs can recompute them', () => {
  const e = parseValid(fileWith({ training: { snapshotEvery: 10 } }));
  assert.deepEqual(e.derived.sort(), ['data.testNoise', 'training.loss', 'training.optimizer.eps']);
});

test('every field with a derivedDefault has a rule, and every rule a field', () => {
  const declared: string[] = [];
  const walk = (node: SchemaNode, path: string): void => {
    if (node.derivedDefault !== undefined) declared.push(path);
    if (node.kind === 'object') for (const [k, f] of Object.entries(node.fields)) walk(f, path ? `${path}.${k}` : k);
    if (node.kind === 'tagged') for (const c of Object.values(node.cases)) walk(c, path);
  };
  walk(runConfigSchema, '');
  assert.deepEqual([...new Set(declared)].sort(), DERIVED_DEFAULTS.map((r) => r.path.join('.')).sort());
});
