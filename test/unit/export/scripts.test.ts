// The exported scripts, run with PyTorch. In exact mode (Reglab's data, initial weights
// and shuffling) against Reglab's own training in float64: every printed per-epoch train
// loss and every final weight within 1e-6 relative, over at least 50 optimizer steps per
// run. Dropout, whose masks cannot match, on the initial weights in eval mode. And every
// data generator reimplemented in torch: same shapes, same distributions. All scripts run
// in one python process (torch takes seconds to import).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { before, describe, it } from 'node:test';
import { loadDataset, type Split } from '../../../src/data/index.ts';
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
  torchPython,
  trainWithReglab,
  type PrintedEpoch,
  type ReglabRun,
  type ScriptJob,
  type ScriptResult,
  type TensorSummary,
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
        { name: 'AdamW without biases', training: { optimizer: { type: 'adamw', lr: 0.01 } }, regularization: { weightDecay: 0.05, applyTo: 'weights' } },
      ],
    },
  },
  {
    // Runs that differ in structure, not only in numbers: the script reads those choices
    // from the settings (activation, init, loss, optimizer, batches, applyTo, l1Mode, …).
    name: 'structure',
    steps: 0,
    file: {
      title: 'Variants that change the code path',
      seed: 6,
      dtype: 'float64',
      data: line,
      model: { hidden: [6, 5], activation: 'relu' },
      training: { optimizer: { type: 'sgd', lr: 0.05, momentum: 0.5 }, loss: 'mse', epochs: 60 },
      variants: [
        { name: 'relu, full batch' },
        { name: 'tanh, normal init, smooth L1', model: { activation: 'tanh', init: 'normal', initStd: 0.3 }, training: { loss: 'smooth_l1', beta: 0.5 } },
        { name: 'leaky, one layer, L1 loss', model: { hidden: [7], activation: 'leaky_relu', negativeSlope: 0.2 }, training: { loss: 'l1' } },
        { name: 'minibatches in order, every 3rd epoch', training: { batchSize: 5, shuffle: false, epochs: 30, evalEvery: 3 } },
        { name: 'minibatches shuffled, Adam', training: { optimizer: { type: 'adam', lr: 0.01 }, batchSize: 5, epochs: 30 } },
        { name: 'proximal ElasticNet without biases', regularization: { elasticNet: { lambda: 0.05, l1Ratio: 0.6 }, l1Mode: 'proximal', applyTo: 'weights', weightDecay: 0.01 } },
        { name: 'max-norm', regularization: { maxNorm: 0.8, l1: 0.001 } },
        { name: 'early stopping', training: { epochs: 400 }, regularization: { earlyStopping: { patience: 5, minDelta: 0.001 } } },
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

/** Dropout variants with an lr so small that no step moves a weight: their eval-mode test loss is the initial weights'. */
const DROPOUT = {
  title: 'Dropout, compared on the initial weights',
  seed: 9,
  dtype: 'float64',
  data: line,
  model: { hidden: [16, 16] },
  training: { optimizer: { type: 'adam', lr: 1e-300 }, loss: 'mse', epochs: 3 },
  variants: [
    { name: 'Dropout 0.5', regularization: { dropout: 0.5 } },
    { name: 'Dropout per layer', regularization: { dropout: [0.3, 0] } },
  ],
};

// Tiny MNIST-format files: 2×3 images, gzipped train and plain test files.
function idx(magic: number, dims: number[], data: number[]): Buffer {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE(magic, 0);
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([header, Buffer.from(data)]);
}
const pixels = (n: number, offset: number) => Array.from({ length: n * 6 }, (_, i) => (i * 37 + offset) % 256);

function writeDataFiles(dir: string): void {
  writeFileSync(join(dir, 'train-images.gz'), gzipSync(idx(0x803, [8, 2, 3], pixels(8, 5))));
  writeFileSync(join(dir, 'train-labels.gz'), gzipSync(idx(0x801, [8], [0, 1, 2, 3, 0, 1, 2, 3])));
  writeFileSync(join(dir, 'test-images'), idx(0x803, [5, 2, 3], pixels(5, 11)));
  writeFileSync(join(dir, 'test-labels'), idx(0x801, [5], [3, 2, 1, 0, 1]));
  const rows = Array.from({ length: 20 }, (_, i) => `${(i * 0.37) % 2},${i % 3 === 0 ? ' -1.5' : i / 7},${['cat', 'dog', 'eel'][i % 3]},${i * 0.5 - 2}`);
  writeFileSync(join(dir, 'animals.csv'), ['a, b ,animal,value', ...rows].join('\n') + '\n');
  writeFileSync(join(dir, 'values-train.csv'), ['a,b,value', ...rows.slice(0, 12).map((r) => r.replace(/,(cat|dog|eel),/, ','))].join('\r\n'));
  writeFileSync(join(dir, 'values-test.csv'), ['a,b,value', ...rows.slice(12).map((r) => r.replace(/,(cat|dog|eel),/, ','))].join('\n'));
}

/** One experiment per data source, trained for 2 epochs; `draw` the sizes of the drawn data for the distribution checks. */
const SOURCES: { name: string; data: Record<string, unknown>; draw?: number; counts?: boolean }[] = [
  { name: 'line', data: { generator: 'line', spacing: 'uniform', x: [-2, 3], slope: -1, intercept: 2, trainNoise: 0.5 }, draw: 3000 },
  { name: 'sine', data: { generator: 'sine', amplitude: 2, frequency: 1.5, phase: 0.3 }, draw: 3000 },
  { name: 'polynomial', data: { generator: 'polynomial', coefficients: [0.5, -1, 2], testNoise: 0 }, draw: 3000 },
  { name: 'd2l', data: { generator: 'd2l', features: 3, trueWeight: 0.5, trueBias: -1, noise: 0.1 }, draw: 3000 },
  { name: 'circles', data: { generator: 'circles', noise: 0.2 }, draw: 3000 },
  { name: 'xor', data: { generator: 'xor', noise: 0.2 }, draw: 3000 },
  { name: 'gaussian', data: { generator: 'gaussian', noise: 0.1 }, draw: 3001, counts: true },
  { name: 'spiral', data: { generator: 'spiral', noise: 0.3 }, draw: 3001, counts: true },
  { name: 'moons', data: { generator: 'moons', noise: 0.1 }, draw: 3001, counts: true },
  // Random centres differ between the two generators: only the class counts compare.
  { name: 'blobs', data: { generator: 'blobs', features: 3, classes: 4, spread: 0.5 }, draw: 3001, counts: true },
  { name: 'csv-classes', data: { generator: 'csv', path: 'animals.csv', features: ['a', 'b'], target: 'animal', task: 'classification', testFraction: 0.25 } },
  { name: 'csv-values', data: { generator: 'csv', path: 'values-train.csv', testPath: 'values-test.csv', features: ['a', 'b'], target: 'value' } },
  { name: 'mnist', data: { generator: 'mnist', images: 'train-images.gz', labels: 'train-labels.gz', testImages: 'test-images', testLabels: 'test-labels', normalize: 'standard', limitTrain: 6 } },
];

interface Prepared {
  name: string;
  file: string;
  script: string;
  job: number;
}

const state: {
  python: string | null;
  dir: string;
  compiled: ReturnType<typeof spawnSync> | null;
  results: ScriptResult[];
  seconds: number;
  exact: (Prepared & { steps: number; weights: string; reglab: ReglabRun[] })[];
  dropout: (Prepared & { weights: string; reglab: ReglabRun[] }) | null;
  sources: (Prepared & { dataJob: number })[];
} = { python: null, dir: tempDir('export-scripts'), compiled: null, results: [], seconds: 0, exact: [], dropout: null, sources: [] };

before(() => {
  state.python = torchPython();
  const dir = state.dir;
  const jobs: ScriptJob[] = [];
  const write = (name: string, content: Record<string, unknown>) => {
    const file = join(dir, `${name}.reglab.json`);
    writeFileSync(file, JSON.stringify(content, null, 2));
    return file;
  };
  const exportExact = (name: string, content: Record<string, unknown>) => {
    const file = write(name, content);
    const experiment = parseFile(file);
    const [script, exact] = writePytorchExport(exportPytorch(experiment, file, { exact: true }), dir);
    const weights = join(dir, `${name}.trained.json`);
    const job = jobs.push({ script: script!, args: ['--exact', exact!, '--save-weights', weights] }) - 1;
    return { name, file, script: script!, job, weights, reglab: trainWithReglab(file, experiment) };
  };
  state.exact = EXPERIMENTS.map(({ name, steps, file }) => ({ ...exportExact(name, file), steps }));
  state.dropout = exportExact('dropout', DROPOUT);
  writeDataFiles(dir);
  state.sources = SOURCES.map(({ name, data, draw }) => {
    const file = write(`data-${name}`, {
      title: `Data from ${name}`,
      seed: 1,
      data,
      model: { hidden: [4] },
      training: { optimizer: { type: 'sgd', lr: 0.01 }, epochs: 2 },
    });
    const [script] = writePytorchExport(exportPytorch(parseFile(file), file), dir);
    const job = jobs.push({ script: script!, args: [] }) - 1;
    const dataJob = jobs.push({ script: script!, data: draw === undefined ? {} : { train: draw, test: draw } }) - 1;
    return { name, file, script: script!, job, dataJob };
  });
  if (state.python === null) return;
  const scripts = [...state.exact, state.dropout, ...state.sources].map((p) => p.script);
  state.compiled = spawnSync(state.python, ['-m', 'py_compile', ...scripts], { encoding: 'utf8', timeout: 120_000 });
  const started = performance.now();
  state.results = runScripts(state.python, jobs, dir);
  state.seconds = (performance.now() - started) / 1000;
});

describe('exported PyTorch scripts, run with torch', () => {
  it('pass python3 -m py_compile', (t) => {
    if (requireTorch(t) === null) return;
    assert.equal(state.compiled?.status, 0, String(state.compiled?.stderr));
    t.diagnostic(`${state.results.length} script runs in one python process: ${state.seconds.toFixed(1)} s`);
  });

  for (const { name } of EXPERIMENTS) {
    it(`exact mode, ${name}: the same per-epoch train losses and final weights as Reglab (float64)`, (t) => {
      if (requireTorch(t) === null) return;
      const p = state.exact.find((e) => e.name === name)!;
      const result = state.results[p.job]!;
      assert.equal(result.error, null, result.error ?? '');
      const printed = printedEpochs(result.stdout);
      const trained = JSON.parse(readFileSync(p.weights, 'utf8')) as Record<string, Record<string, unknown>>;
      const errors = p.reglab.map((run) => compare(p.steps, run, printed.get(run.label), trained[run.label]));
      t.diagnostic(
        `worst relative errors (train loss per epoch, final weights):\n${errors
          .map((e) => `  ${e.run.padEnd(56)} ${String(e.compared).padStart(3)} epochs, ${e.steps} steps: loss ${e.loss.toExponential(1)}, weights ${e.weights.toExponential(1)}`)
          .join('\n')}`,
      );
      for (const e of errors) {
        assert.ok(e.loss <= TOLERANCE, `${e.run}: train loss off by ${e.loss} relative`);
        assert.ok(e.weights <= TOLERANCE, `${e.run}: final weights off by ${e.weights} relative`);
      }
    });
  }

  it('dropout: exported, runs in train mode; on the initial weights its eval-mode test loss is Reglab\'s', (t) => {
    if (requireTorch(t) === null) return;
    const p = state.dropout!;
    const result = state.results[p.job]!;
    assert.equal(result.error, null, result.error ?? '');
    const script = readFileSync(p.script, 'utf8');
    assert.match(script, /nn\.Dropout\(p\)/);
    const printed = printedEpochs(result.stdout);
    const trained = JSON.parse(readFileSync(p.weights, 'utf8')) as Record<string, Record<string, unknown>>;
    for (const run of p.reglab) {
      const epochs = printed.get(run.label)!;
      assert.deepEqual(epochs.map((e) => e.epoch), [1, 2, 3]);
      for (const [name, values] of run.final) {
        assert.deepEqual(Float64Array.from(flat(trained[run.label]![name])), run.initial.get(name), `${run.label}: ${name} moved`);
        assert.deepEqual(values, run.initial.get(name), `${run.label}: ${name} moved in Reglab`);
      }
      epochs.forEach((e, k) => {
        assert.ok(Number.isFinite(e.trainLoss));
        assert.ok(relativeError(e.testLoss, run.epochs[k]!.testLoss) <= TOLERANCE, `${run.label}: test loss ${e.testLoss} vs ${run.epochs[k]!.testLoss}`);
      });
    }
    assert.deepEqual(Object.keys(trained['Dropout per layer']!), ['0.weight', '0.bias', '3.weight', '3.bias', '5.weight', '5.bias']);
  });

  for (const { name, counts } of SOURCES) {
    it(`data, ${name}: the script trains on it, and its make_data draws what Reglab's generator draws`, (t) => {
      if (requireTorch(t) === null) return;
      const p = state.sources.find((s) => s.name === name)!;
      const result = state.results[p.job]!;
      assert.equal(result.error, null, result.error ?? '');
      const printed = [...printedEpochs(result.stdout).values()];
      assert.deepEqual(printed.map((epochs) => epochs.map((e) => e.epoch)), [[1, 2]]);
      const drawn = state.results[p.dataJob]!;
      assert.equal(drawn.error, null, drawn.error ?? '');
      const source = SOURCES.find((s) => s.name === name)!;
      const sizes = source.draw === undefined ? {} : { train: source.draw, test: source.draw };
      const reglab = loadDataset({ ...source.data, ...sizes } as Parameters<typeof loadDataset>[0], { seed: 1, baseDir: state.dir });
      const [xTrain, yTrain, xTest, yTest] = drawn.data!;
      const splits: [TensorSummary, TensorSummary, Split][] = [[xTrain!, yTrain!, reglab.train], [xTest!, yTest!, reglab.test]];
      if (name === 'csv-classes') {
        // A random hold-out: torch draws other rows for each split; together they are the file's.
        const both = (a: TensorSummary, b: TensorSummary): TensorSummary => ({ ...a, shape: [a.shape[0]! + b.shape[0]!, ...a.shape.slice(1)], values: [...(a.values as unknown[]), ...(b.values as unknown[])] });
        const all: Split = { n: reglab.train.n + reglab.test.n, x: Float64Array.from([...reglab.train.x, ...reglab.test.x]), y: Float64Array.from([...reglab.train.y, ...reglab.test.y]) };
        splits.splice(0, 2, [both(xTrain!, xTest!), both(yTrain!, yTest!), all]);
      }
      for (const [x, y, split] of splits) {
        assert.deepEqual(x.shape, [split.n, reglab.inputs]);
        const classes = reglab.task === 'classification';
        assert.deepEqual(y.shape, classes ? [split.n] : [split.n, reglab.outputs]);
        assert.equal(y.dtype, classes ? 'torch.int64' : 'torch.float32');
        if (source.draw === undefined) {
          sameValues(name, x, y, split, reglab.inputs, name.startsWith('csv-classes'));
        } else if (counts) {
          assert.deepEqual(classCounts(y.values as number[]), classCounts(split.y.subarray(0, split.n)), `${name}: class counts`);
          if (name !== 'blobs') sameDistribution(name, x, split.x, reglab.inputs);
        } else {
          sameDistribution(name, x, split.x, reglab.inputs);
          sameDistribution(name, y, split.y, classes ? 1 : reglab.outputs);
        }
      }
    });
  }
});

/** Per column mean and sample std of Reglab's values, as the driver computes them for torch's. */
function moments(values: ArrayLike<number>, columns: number): { mean: number[]; std: number[] } {
  const n = values.length / columns;
  const mean = Array.from({ length: columns }, (_, c) => {
    let s = 0;
    for (let r = 0; r < n; r++) s += values[r * columns + c]!;
    return s / n;
  });
  const std = mean.map((m, c) => {
    let s = 0;
    for (let r = 0; r < n; r++) s += (values[r * columns + c]! - m) ** 2;
    return Math.sqrt(s / (n - 1));
  });
  return { mean, std };
}

/** Same distribution: means within 0.15 std and stds within 10 % (over 3000 draws, 5 standard errors apart). */
function sameDistribution(name: string, torch: TensorSummary, reglab: ArrayLike<number>, columns: number): void {
  const expected = moments(reglab, columns);
  expected.mean.forEach((m, c) => {
    const spread = Math.max(expected.std[c]!, 1e-9);
    assert.ok(Math.abs(torch.mean[c]! - m) <= 0.15 * spread + 1e-6, `${name}: column ${c} mean ${torch.mean[c]} vs Reglab's ${m} (std ${spread})`);
    assert.ok(Math.abs(torch.std[c]! - expected.std[c]!) <= 0.1 * spread + 1e-6, `${name}: column ${c} std ${torch.std[c]} vs Reglab's ${expected.std[c]}`);
  });
}

/** How many samples each class has. */
function classCounts(labels: ArrayLike<number>): number[] {
  const counts: number[] = [];
  for (let i = 0; i < labels.length; i++) counts[labels[i]!] = (counts[labels[i]!] ?? 0) + 1;
  return Array.from(counts, (c) => c ?? 0);
}

/** Data read from files: the same rows as Reglab's (in any order for a random hold-out), to float32 precision. */
function sameValues(name: string, x: TensorSummary, y: TensorSummary, split: Split, inputs: number, anyOrder: boolean): void {
  const classes = y.dtype === 'torch.int64';
  const ys = y.values as (number | number[])[];
  const actual = (x.values as number[][]).map((row, i) => [...row, ...[ys[i]!].flat()]);
  const expected = Array.from({ length: split.n }, (_, i) => [...split.x.subarray(i * inputs, (i + 1) * inputs), classes ? split.y[i]! : split.y[i]!]);
  const order = (rows: number[][]) => (anyOrder ? [...rows].sort((a, b) => a.join(',').localeCompare(b.join(','))) : rows);
  const [a, e] = [order(actual.map((r) => r.map((v) => Number(v.toPrecision(6))))), order(expected.map((r) => r.map((v) => Number(v.toPrecision(6)))))];
  assert.equal(a.length, e.length, `${name}: rows`);
  a.forEach((row, i) => row.forEach((v, j) => assert.ok(Math.abs(v - e[i]![j]!) <= 1e-5 * Math.max(1, Math.abs(e[i]![j]!)), `${name}: row ${i} column ${j}: ${v} vs ${e[i]![j]}`)));
}

interface CaseError {
  run: string;
  compared: number;
  steps: number;
  loss: number;
  weights: number;
}

function compare(steps: number, run: ReglabRun, printed: PrintedEpoch[] | undefined, trained: Record<string, unknown> | undefined): CaseError {
  assert.ok(printed !== undefined, `the script printed nothing for "${run.label}"`);
  assert.ok(trained !== undefined, `the script saved no weights for "${run.label}"`);
  assert.deepEqual(printed.map((e) => e.epoch), run.epochs.map((e) => e.epoch), `${run.label}: evaluated epochs`);
  const taken = run.epochs.at(-1)!.step;
  // steps 0: they differ by run; at least MIN_STEPS unless early stopping ended the run.
  if (!run.stoppedEarly) assert.ok(taken >= MIN_STEPS && (steps === 0 || taken === steps), `${run.label}: ${taken} steps`);
  let loss = 0;
  printed.forEach((e, k) => {
    loss = Math.max(loss, relativeError(e.trainLoss, run.epochs[k]!.trainLoss), relativeError(e.testLoss, run.epochs[k]!.testLoss));
  });
  assert.deepEqual(Object.keys(trained).sort(), [...run.final.keys()].sort(), `${run.label}: parameter names`);
  let weights = 0;
  for (const [name, values] of run.final) weights = Math.max(weights, tensorError(flat(trained[name]), values));
  return { run: run.label, compared: printed.length, steps: taken, loss, weights };
}
