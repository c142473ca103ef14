// From an experiment to runs: one per variant, and the sweep's values × repeats, with
// stable ids and seeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countRuns, expandRuns, slugOf } from '../../../src/experiment/expand.ts';
import { logspace, sweepValues } from '../../../src/experiment/sweepValues.ts';
import { fileWith, parseValid } from './helpers.ts';

test('without variants the base runs once, with the experiment seed', () => {
  const runs = expandRuns(parseValid(fileWith({ seed: 3 })));
  assert.equal(runs.length, 1);
  assert.deepEqual({ ...runs[0], config: undefined }, { id: 'base', kind: 'variant', repeat: 0, seed: 3, config: undefined });
  assert.equal(runs[0]!.variant, undefined);
  assert.equal(runs[0]!.config.seed, 3);
});

test('one run per variant, in file order, with ids from the names', () => {
  const e = parseValid(fileWith({ variants: [{ name: 'No decay' }, { name: 'Weight decay (0.01)', regularization: { weightDecay: 0.01 } }] }));
  const runs = expandRuns(e);
  assert.deepEqual(runs.map((r) => [r.id, r.variant, r.config.regularization.weightDecay]), [
    ['no-decay', 'No decay', 0],
    ['weight-decay-0-01', 'Weight decay (0.01)', 0.01],
  ]);
  assert.deepEqual(expandRuns(e, { variant: 'No decay' }).map((r) => r.id), ['no-decay']);
  assert.throws(() => expandRuns(e, { variant: 'nope' }), /no variant named "nope"; the variants are "No decay", "Weight decay \(0.01\)"/);
});

test('names that slug alike still get distinct ids', () => {
  const e = parseValid(fileWith({ variants: [{ name: 'a b' }, { name: 'a-b' }, { name: '!!' }] }));
  assert.deepEqual(expandRuns(e).map((r) => r.id), ['a-b', 'a-b-2', 'variant']);
  assert.equal(slugOf('  Dropout p=0.5  '), 'dropout-p-0-5');
});

test('the sweep runs each value with each repeat, seeds seed + repeat, every value of a repeat before the next repeat', () => {
  const e = parseValid(fileWith({ seed: 10, sweep: { over: 'regularization.weightDecay', values: [0, 0.1, 1], repeats: 2 } }));
  const runs = expandRuns(e, { includeSweep: true });
  assert.deepEqual(runs.map((r) => [r.id, r.kind, r.sweepValue, r.repeat, r.seed, r.config.regularization.weightDecay, r.config.seed]), [
    ['base', 'variant', undefined, 0, 10, 0, 10],
    ['base@0#0', 'sweep', 0, 0, 10, 0, 10],
    ['base@0.1#0', 'sweep', 0.1, 0, 10, 0.1, 10],
    ['base@1#0', 'sweep', 1, 0, 10, 1, 10],
    ['base@0#1', 'sweep', 0, 1, 11, 0, 11],
    ['base@0.1#1', 'sweep', 0.1, 1, 11, 0.1, 11],
    ['base@1#1', 'sweep', 1, 1, 11, 1, 11],
  ]);
  assert.equal(expandRuns(e).length, 1, 'the sweep only when asked');
});

test('expansion is deterministic: same experiment, same runs', () => {
  const e = parseValid(fileWith({ variants: [{ name: 'a' }, { name: 'b' }], sweep: { over: 'training.optimizer.lr', logspace: { from: 1e-3, to: 1, count: 4 }, repeats: 3 } }));
  assert.deepEqual(expandRuns(e, { includeSweep: true }), expandRuns(e, { includeSweep: true }));
});

test('the sweep applies to every variant by default, or to those listed', () => {
  const file = (variants?: string[]) =>
    parseValid(fileWith({ variants: [{ name: 'a' }, { name: 'b' }, { name: 'c' }], sweep: { over: 'regularization.l2', values: [1, 2], ...(variants && { variants }) } }));
  const sweptBy = (e: ReturnType<typeof file>, options = {}) =>
    expandRuns(e, { includeSweep: true, ...options }).filter((r) => r.kind === 'sweep').map((r) => r.id);
  assert.deepEqual(sweptBy(file()), ['a@1#0', 'a@2#0', 'b@1#0', 'b@2#0', 'c@1#0', 'c@2#0']);
  assert.deepEqual(sweptBy(file(['c', 'a'])), ['a@1#0', 'a@2#0', 'c@1#0', 'c@2#0'], 'in file order');
  assert.deepEqual(sweptBy(file(['c']), { variant: 'a' }), [], 'a variant the sweep does not cover');
  assert.deepEqual(sweptBy(file(['c']), { variant: 'c' }), ['c@1#0', 'c@2#0']);
});

test('a sweep value replaces what the variant sets', () => {
  const e = parseValid(fileWith({
    variants: [{ name: 'decay', regularization: { weightDecay: 0.5 } }],
    sweep: { over: 'regularization.weightDecay', values: [0, 1] },
  }));
  assert.deepEqual(expandRuns(e, { includeSweep: true }).map((r) => r.config.regularization.weightDecay), [0.5, 0, 1]);
});

test('sweeping a field of an absent optional block creates it with its defaults', () => {
  const e = parseValid(fileWith({ sweep: { over: 'regularization.earlyStopping.patience', values: [5] } }));
  const sweep = expandRuns(e, { includeSweep: true })[1]!;
  assert.deepEqual(sweep.config.regularization.earlyStopping, { patience: 5, minDelta: 0, restoreBest: true });
});

test('derived defaults follow the swept field', () => {
  const e = parseValid(fileWith({ sweep: { over: 'training.epochs', values: [100, 2000] } }));
  assert.deepEqual(expandRuns(e, { includeSweep: true }).map((r) => r.config.training.snapshotEvery), [5, 5, 100]);
});

test('logspace: from and to are the values, both ends exact, clean decimals between', () => {
  assert.deepEqual(logspace(1e-4, 1, 5), [1e-4, 1e-3, 1e-2, 0.1, 1]);
  assert.deepEqual(logspace(1, 100, 3), [1, 10, 100]);
  assert.deepEqual(logspace(100, 1, 3), [100, 10, 1]);
  const values = logspace(0.003, 7, 6);
  assert.equal(values[0], 0.003);
  assert.equal(values[5], 7);
  for (let i = 1; i < 5; i++) assert.ok(Math.abs(values[i]! / values[i - 1]! - values[1]! / values[0]!) < 1e-9);
});

test('a sweep over an integer field rounds a log-space and drops repeats', () => {
  assert.deepEqual(sweepValues({ logspace: { from: 1, to: 1000, count: 7 } }, true), [1, 3, 10, 32, 100, 316, 1000]);
  assert.deepEqual(sweepValues({ logspace: { from: 1, to: 4, count: 7 } }, true), [1, 2, 3, 4]);
  assert.deepEqual(sweepValues({ values: [3, 1] }), [3, 1]);
  const e = parseValid(fileWith({ data: { train: 100 }, sweep: { over: 'data.train', logspace: { from: 10, to: 1000, count: 3 } } }));
  assert.deepEqual(expandRuns(e, { includeSweep: true }).filter((r) => r.kind === 'sweep').map((r) => (r.config.data as { train: number }).train), [10, 100, 1000]);
});

test('the design example: two variants, a five-value sweep over five seeds', () => {
  const e = parseValid(`{
    "title": "Weight decay on a tiny noisy regression",
    "seed": 1,
    "data": { "generator": "line", "train": 10, "test": 10, "x": [-1, 1],
              "slope": 1.5, "intercept": 0.5, "trainNoise": 0.5, "testNoise": 0.3 },
    "model": { "hidden": [100, 100, 100], "activation": "relu" },
    "training": { "optimizer": { "type": "sgd", "lr": 0.01, "momentum": 0.9 },
                  "loss": "mse", "epochs": 2000, "batchSize": "full" },
    "variants": [
      { "name": "no weight decay" },
      { "name": "weight decay", "regularization": { "weightDecay": 0.01 } }
    ],
    "sweep": { "over": "regularization.weightDecay", "values": [0, 0.001, 0.01, 0.1, 1], "repeats": 5, "variants": ["no weight decay"] }
  }`);
  const runs = expandRuns(e, { includeSweep: true });
  assert.equal(runs.length, 2 + 5 * 5);
  assert.deepEqual(new Set(runs.filter((r) => r.kind === 'sweep').map((r) => r.seed)), new Set([1, 2, 3, 4, 5]));
  const last = runs[runs.length - 1]!;
  assert.equal(last.id, 'no-weight-decay@1#4');
  assert.equal(last.config.training.optimizer.momentum, 0.9);
  assert.equal(last.config.training.snapshotEvery, 100);
});

test('with data.folds each sweep value and repeat trains one run per fold, with the repeat\'s seed', () => {
  const e = parseValid(fileWith({ seed: 4, data: { generator: 'line', train: 10, folds: 3 }, sweep: { over: 'regularization.weightDecay', values: [0, 1], repeats: 2 } }));
  const runs = expandRuns(e, { includeSweep: true });
  assert.deepEqual(runs.slice(0, 8).map((r) => [r.id, r.sweepValue, r.repeat, r.fold, r.seed]), [
    ['base', undefined, 0, undefined, 4],
    ['base@0#0/fold0', 0, 0, 0, 4],
    ['base@0#0/fold1', 0, 0, 1, 4],
    ['base@0#0/fold2', 0, 0, 2, 4],
    ['base@1#0/fold0', 1, 0, 0, 4],
    ['base@1#0/fold1', 1, 0, 1, 4],
    ['base@1#0/fold2', 1, 0, 2, 4],
    ['base@0#1/fold0', 0, 1, 0, 5],
  ]);
  assert.equal(runs.length, 1 + 2 * 2 * 3);
  assert.deepEqual(countRuns(e, { includeSweep: true }), { variant: 1, sweep: 12 });
});

test('a grid crosses every value of sweep.over with every value of sweep.grid.over, each cell with its repeats', () => {
  const e = parseValid(fileWith({
    seed: 2,
    model: { hidden: [8] },
    sweep: { over: 'regularization.weightDecay', values: [0, 0.1], grid: { over: 'regularization.dropout', values: [0, 0.5] }, repeats: 2 },
  }));
  const runs = expandRuns(e, { includeSweep: true }).filter((r) => r.kind === 'sweep');
  assert.deepEqual(runs.map((r) => [r.id, r.sweepValue, r.gridValue, r.seed, r.config.regularization.weightDecay, r.config.regularization.dropout]), [
    ['base@0,0#0', 0, 0, 2, 0, 0],
    ['base@0,0.5#0', 0, 0.5, 2, 0, 0.5],
    ['base@0.1,0#0', 0.1, 0, 2, 0.1, 0],
    ['base@0.1,0.5#0', 0.1, 0.5, 2, 0.1, 0.5],
    ['base@0,0#1', 0, 0, 3, 0, 0],
    ['base@0,0.5#1', 0, 0.5, 3, 0, 0.5],
    ['base@0.1,0#1', 0.1, 0, 3, 0.1, 0],
    ['base@0.1,0.5#1', 0.1, 0.5, 3, 0.1, 0.5],
  ]);
  assert.deepEqual(countRuns(e, { includeSweep: true }), { variant: 1, sweep: 8 });
  const logGrid = parseValid(fileWith({ data: { generator: 'line', train: 10, folds: 2 }, sweep: { over: 'training.optimizer.lr', values: [0.01], grid: { over: 'regularization.weightDecay', logspace: { from: 0.001, to: 0.1, count: 3 } } } }));
  assert.deepEqual(expandRuns(logGrid, { includeSweep: true }).filter((r) => r.kind === 'sweep').map((r) => r.id), [
    'base@0.01,0.001#0/fold0', 'base@0.01,0.001#0/fold1', 'base@0.01,0.01#0/fold0', 'base@0.01,0.01#0/fold1', 'base@0.01,0.1#0/fold0', 'base@0.01,0.1#0/fold1',
  ]);
});

test('a width sweep sets every hidden layer ("model.hidden") or one ("model.hidden.N"), rounded to whole units', () => {
  const every = parseValid(fileWith({ model: { hidden: [64, 32] }, sweep: { over: 'model.hidden', logspace: { from: 2, to: 20, count: 3 } } }));
  assert.deepEqual(expandRuns(every, { includeSweep: true }).filter((r) => r.kind === 'sweep').map((r) => [r.sweepValue, r.config.model.hidden]), [
    [2, [2, 2]], [6, [6, 6]], [20, [20, 20]],
  ]);
  const one = parseValid(fileWith({ model: { hidden: [64, 32] }, sweep: { over: 'model.hidden.1', values: [4, 8] } }));
  assert.deepEqual(expandRuns(one, { includeSweep: true }).filter((r) => r.kind === 'sweep').map((r) => r.config.model.hidden), [[64, 4], [64, 8]]);
});
