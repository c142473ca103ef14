// The exported scripts, run with PyTorch in exact mode (Reglab's data, initial weights and
// shuffling), against Reglab's own training in float64: every printed per-epoch train loss
// and every final weight within 1e-6 relative, over at least 50 optimizer steps per run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { exportPytorch, writePytorchExport } from '../../../src/export/index.ts';
import {
  flat,
  parseFile,
  printedEpochs,
  relativeError,
  requireTorch,
  runScripts,
  tempDir,
  tensorError,
  trainWithReglab,
  type ReglabRun,
} from './helpers.ts';

const TOLERANCE = 1e-6;
const MIN_STEPS = 50;

const line = { generator: 'line', train: 12, test: 10, slope: 1.5, intercept: 0.5, trainNoise: 0.4, testNoise: 0.2 };

/** Each experiment's variants are the cases; `steps` is optimizer steps per run. */
const EXPERIMENTS: { name: string; steps: number; file: Record<string, unknown> }[] = [
  {
    name: 'regression',
    steps: 60,
    file: {
      title: 'Optimizers, weight decay and penalties on a small regression',
      seed: 3,
      dtype: 'float64',
      data: line,
      model: { hidden: [8, 8], activation: 'tanh' },
      training: { optimizer: { type: 'sgd', lr: 0.05 }, loss: 'mse', epochs: 60 },
      variants: [
        { name: 'SGD' },
        { name: 'SGD momentum, weight decay on all', training: { optimizer: { momentum: 0.9 } }, regularization: { weightDecay: 0.01 } },
        {
          name: 'SGD nesterov, weight decay without biases',
          training: { optimizer: { momentum: 0.9, nesterov: true } },
          regularization: { weightDecay: 0.05, applyTo: 'weights' },
        },
        { name: 'Adam, coupled weight decay', training: { optimizer: { type: 'adam', lr: 0.01 } }, regularization: { weightDecay: 0.1 } },
        { name: 'AdamW', training: { optimizer: { type: 'adamw', lr: 0.01, betas: [0.8, 0.99] } }, regularization: { weightDecay: 0.1 } },
        { name: 'Adam decoupled', training: { optimizer: { type: 'adam', lr: 0.01, amsgrad: true } }, regularization: { weightDecay: 0.1, decoupled: true } },
        { name: 'L1', regularization: { l1: 0.01 } },
        { name: 'L2', regularization: { l2: 0.01 } },
        { name: 'ElasticNet without biases', regularization: { elasticNet: { lambda: 0.02, l1Ratio: 0.3 }, applyTo: 'weights' } },
        { name: 'unsquared norm', regularization: { l2Norm: 0.01 } },
        { name: 'proximal L1, max-norm', training: { optimizer: { type: 'adam', lr: 0.01 } }, regularization: { l1: 0.05, l1Mode: 'proximal', maxNorm: 1 } },
        { name: 'RMSprop', training: { optimizer: { type: 'rmsprop', lr: 0.005, momentum: 0.5, centered: true } } },
        { name: 'Adagrad, Huber loss', training: { optimizer: { type: 'adagrad', lr: 0.05, lrDecay: 0.01 }, loss: 'huber', delta: 0.5 } },
      ],
    },
  },
  {
    name: 'minibatches',
    steps: 60,
    file: {
      title: 'Shuffled minibatches',
      seed: 5,
      dtype: 'float64',
      data: { ...line, train: 11 },
      model: { hidden: [6], activation: 'relu' },
      // 11 samples in batches of 4: 3 steps per epoch, the last of 3 samples.
      training: { optimizer: { type: 'sgd', lr: 0.05, momentum: 0.9 }, loss: 'mse', epochs: 20, batchSize: 4 },
      variants: [{ name: 'SGD minibatches' }, { name: 'Adam minibatches, L2', training: { optimizer: { type: 'adam', lr: 0.01 } }, regularization: { l2: 0.01 } }],
    },
  },
  {
    name: 'cross-entropy',
    steps: 80,
    file: {
      title: 'Cross-entropy on blobs',
      seed: 2,
      dtype: 'float64',
      data: { generator: 'blobs', features: 4, classes: 3, train: 30, test: 24 },
      model: { hidden: [10], activation: 'relu' },
      training: { optimizer: { type: 'adam', lr: 0.01 }, loss: 'cross_entropy', epochs: 20, batchSize: 8 },
      variants: [
        { name: 'Adam' },
        { name: 'SGD momentum, ElasticNet', training: { optimizer: { type: 'sgd', lr: 0.1, momentum: 0.9 } }, regularization: { elasticNet: { lambda: 0.01, l1Ratio: 0.5 } } },
        { name: 'AdamW without biases', training: { optimizer: { type: 'adamw' } }, regularization: { weightDecay: 0.05, applyTo: 'weights' } },
      ],
    },
  },
  {
    name: 'bce',
    steps: 60,
    file: {
      title: 'BCE with logits on moons',
      seed: 4,
      dtype: 'float64',
      data: { generator: 'moons', train: 40, test: 40, noise: 0.2 },
      model: { hidden: [8], activation: 'leaky_relu', negativeSlope: 0.1 },
      training: { optimizer: { type: 'sgd', lr: 0.2 }, loss: 'bce_with_logits', epochs: 60 },
      regularization: { l2: 0.001 },
    },
  },
  {
    name: 'sweep',
    steps: 60,
    file: {
      title: 'A weight-decay sweep on a linear model',
      seed: 7,
      dtype: 'float64',
      data: { generator: 'd2l', train: 9, test: 20, features: 12 },
      model: { hidden: [], init: 'normal', initStd: 0.5 },
      training: { optimizer: { type: 'sgd', lr: 0.01 }, loss: 'mse', epochs: 20, batchSize: 3 },
      regularization: { applyTo: 'weights' },
      sweep: { over: 'regularization.weightDecay', values: [0, 0.5], repeats: 2 },
    },
  },
];

interface CaseError {
  experiment: string;
  run: string;
  compared: number;
  loss: number;
  weights: number;
}

describe('PyTorch export, exact mode', () => {
  it('prints the same per-epoch train losses and ends with the same weights as Reglab (float64)', (t) => {
    const python = requireTorch(t);
    if (python === null) return;
    const dir = tempDir('export-exact');
    const prepared = EXPERIMENTS.map(({ name, steps, file }) => {
      const path = join(dir, `${name}.reglab.json`);
      writeFileSync(path, JSON.stringify(file, null, 2));
      const experiment = parseFile(path);
      const [script, exact] = writePytorchExport(exportPytorch(experiment, path, { exact: true }), dir);
      return { name, steps, script: script!, exact: exact!, weights: join(dir, `${name}.trained.json`), reglab: trainWithReglab(path, experiment) };
    });

    const compiled = spawnSync(python, ['-m', 'py_compile', ...prepared.map((p) => p.script)], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(compiled.status, 0, compiled.stderr);

    const started = performance.now();
    const results = runScripts(python, prepared.map((p) => ({ script: p.script, args: ['--exact', p.exact, '--save-weights', p.weights] })), dir);
    const seconds = (performance.now() - started) / 1000;

    const errors: CaseError[] = [];
    prepared.forEach((p, i) => {
      const result = results[i]!;
      assert.equal(result.error, null, `${p.name}: ${result.error}`);
      const printed = printedEpochs(result.stdout);
      const trained = JSON.parse(readFileSync(p.weights, 'utf8')) as Record<string, Record<string, unknown>>;
      for (const run of p.reglab) errors.push(compare(p.name, p.steps, run, printed.get(run.label), trained[run.label]));
    });
    const table = errors.map((e) => `  ${`${e.experiment} / ${e.run}`.padEnd(64)} ${String(e.compared).padStart(3)} epochs  loss ${e.loss.toExponential(1)}  weights ${e.weights.toExponential(1)}`);
    t.diagnostic(`worst relative errors (per-epoch train loss, final weights); the scripts ran in ${seconds.toFixed(1)} s:\n${table.join('\n')}`);
    for (const e of errors) {
      assert.ok(e.loss <= TOLERANCE, `${e.experiment} / ${e.run}: train loss off by ${e.loss} relative`);
      assert.ok(e.weights <= TOLERANCE, `${e.experiment} / ${e.run}: final weights off by ${e.weights} relative`);
    }
  });
});

function compare(experiment: string, steps: number, run: ReglabRun, printed: ReturnType<typeof printedEpochs> extends Map<string, infer V> ? V | undefined : never, trained: Record<string, unknown> | undefined): CaseError {
  assert.ok(printed !== undefined, `${experiment}: the script printed nothing for "${run.label}"`);
  assert.ok(trained !== undefined, `${experiment}: the script saved no weights for "${run.label}"`);
  assert.deepEqual(printed.map((e) => e.epoch), run.epochs.map((e) => e.epoch), `${experiment} / ${run.label}: evaluated epochs`);
  assert.ok(run.epochs.at(-1)!.step >= MIN_STEPS && run.epochs.at(-1)!.step === steps, `${experiment} / ${run.label}: ${run.epochs.at(-1)!.step} steps`);
  let loss = 0;
  printed.forEach((e, k) => {
    loss = Math.max(loss, relativeError(e.trainLoss, run.epochs[k]!.trainLoss), relativeError(e.testLoss, run.epochs[k]!.testLoss));
  });
  assert.deepEqual(Object.keys(trained).sort(), [...run.final.keys()].sort(), `${experiment} / ${run.label}: parameter names`);
  let weights = 0;
  for (const [name, values] of run.final) weights = Math.max(weights, tensorError(flat(trained[name]), values));
  return { experiment, run: run.label, compared: printed.length, loss, weights };
}
