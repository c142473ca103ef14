// The resource budget (issue 12, #7): a run's memory and the experiment's training time,
// estimated from the file alone, give a warning past the soft limit and an error past the
// hard one, at the field that makes them large.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUDGET_DEFAULTS } from '../../../src/experiment/budget.ts';
import { runCost } from '../../../src/experiment/cost.ts';
import { parseExperiment } from '../../../src/experiment/parse.ts';
import { resolveRunConfig } from '../../../src/experiment/resolve.ts';
import { readSettings } from '../../../src/extension/settings.ts';
import { find, lineColumn, minimal, parse } from './helpers.ts';

const examples = join(import.meta.dirname, '../../../examples');

/** The 1-based line of the first line of `text` containing `needle`. */
function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

test('a million hidden units: a warning at model.hidden with the estimate', () => {
  const text = JSON.stringify({ ...minimal(), model: { hidden: [1_000_000] } }, null, 2);
  const result = parse(text);
  const d = find(result, 'of memory');
  assert.equal(d.severity, 'warning');
  assert.match(d.message, /^one run needs ≈ 1\.0 GB of memory \(3,000,001 parameters; mostly the wide layers\), over the 1\.0 GB at which Reglab warns \(setting reglab\.budget\.warnMemoryMB\)$/);
  assert.deepEqual(d.path, ['model', 'hidden']);
  assert.equal(lineColumn(d)[0], lineOf(text, '"hidden"'));
  assert.ok(result.experiment, 'a warning still lets it run');
});

test('[100000, 100000] is an error at model.hidden, not "Invalid array length"', () => {
  const text = JSON.stringify({ ...minimal(), model: { hidden: [100_000, 100_000] } }, null, 2);
  const result = parse(text);
  const d = find(result, 'of memory');
  assert.equal(d.severity, 'error');
  assert.match(d.message, /10,000,400,001 parameters.*over the limit of 8\.0 GB \(setting reglab\.budget\.maxMemoryMB\)/);
  assert.equal(lineColumn(d)[0], lineOf(text, '"hidden"'));
  assert.equal(result.experiment, undefined);
});

test('train: 1e9 is an error at data.train, for memory and for time', () => {
  const text = JSON.stringify({ ...minimal(), data: { generator: 'line', train: 1e9 } }, null, 2);
  const result = parse(text);
  for (const what of ['of memory', 'the run trains for']) {
    const d = find(result, what);
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.path, ['data', 'train']);
    assert.equal(lineColumn(d)[0], lineOf(text, '"train"'));
  }
});

test('epochs: 1e12 is an error at training.epochs, in years', () => {
  const text = JSON.stringify({ ...minimal(), training: { optimizer: { type: 'sgd', lr: 0.1 }, epochs: 1e12 } }, null, 2);
  const d = find(parse(text), 'the run trains for');
  assert.match(d.message, /≈ [\d.,]+ years on \d+ cores? of this machine, over the limit of 24 h \(setting reglab\.budget\.maxMinutes\)$/);
  assert.equal(d.severity, 'error');
  assert.equal(lineColumn(d)[0], lineOf(text, '"epochs"'));
});

test('a variant that is too large is named and underlined in the variant', () => {
  const text = JSON.stringify({ ...minimal(), variants: [{ name: 'small' }, { name: 'huge', model: { hidden: [200_000, 50_000] } }] }, null, 2);
  const d = find(parse(text), 'of memory');
  assert.match(d.message, /^variant "huge": one run needs/);
  assert.equal(lineColumn(d)[0], lineOf(text, '"hidden"'));
});

test('a sweep that makes the runs too large or too many is reported at the sweep', () => {
  const big = JSON.stringify({ ...minimal(), sweep: { over: 'data.train', values: [10, 1e9] } }, null, 2);
  const memory = find(parse(big), 'of memory');
  assert.match(memory.message, /^the sweep's largest run \(data\.train = 1000000000\) needs/);
  assert.deepEqual(memory.path, ['sweep']);
  const many = JSON.stringify({
    ...minimal(),
    data: { generator: 'blobs', features: 784, classes: 10, train: 5000 },
    model: { hidden: [256, 256] },
    training: { optimizer: { type: 'sgd', lr: 0.1 }, epochs: 100, batchSize: 64 },
    sweep: { over: 'regularization.l2', logspace: { from: 1e-4, to: 1, count: 100 }, repeats: 10 },
  }, null, 2);
  const time = find(parseExperiment(many, 'x', { budget: { ...BUDGET_DEFAULTS, parallel: 2 } }), 'runs train for');
  assert.match(time.message, /^the 1,001 runs train for ≈ .* on 2 cores of this machine, over the 30 min at which Reglab warns/);
  assert.equal(time.severity, 'warning');
  assert.equal(lineColumn(time)[0], lineOf(many, '"sweep"'));
});

test('the limits are the ones given: lower ones turn a small file into warnings and errors', () => {
  const text = JSON.stringify({ ...minimal(), model: { hidden: [2000, 2000] } });
  assert.deepEqual(parse(text).diagnostics, []);
  const strict = parseExperiment(text, 'x', { budget: { warnMemoryMB: 16, maxMemoryMB: 256, warnMinutes: 1, maxMinutes: 10 } });
  assert.equal(find(strict, 'of memory').severity, 'warning');
  const stricter = parseExperiment(text, 'x', { budget: { warnMemoryMB: 16, maxMemoryMB: 16, warnMinutes: 1, maxMinutes: 10 } });
  assert.equal(find(stricter, 'of memory').severity, 'error');
});

test('no example lesson comes near the default budget', () => {
  for (const file of readdirSync(examples).filter((f) => f.endsWith('.reglab.json'))) {
    const result = parseExperiment(readFileSync(join(examples, file), 'utf8'), file);
    assert.deepEqual(result.diagnostics.map((d) => d.message), [], file);
  }
});

test('the cost counts the parameters of the tutorial\'s 1-100-100-100-1 MLP and the MNIST-shaped 784-256-256-10', () => {
  const tiny = runCost(resolveRunConfig({ ...minimal(), model: { hidden: [100, 100, 100] } }));
  assert.equal(tiny.parameters, 2 * 100 + 2 * (100 * 100 + 100) + 101);
  const blobs = runCost(resolveRunConfig({ ...minimal(), data: { generator: 'blobs', features: 784, classes: 10 }, model: { hidden: [256, 256] } }));
  assert.equal(blobs.parameters, 784 * 256 + 256 + 256 * 256 + 256 + 256 * 10 + 10);
});

test('reglab.budget.* settings are read and clamped', () => {
  const values: Record<string, unknown> = { 'budget.warnMemoryMB': 512, 'budget.maxMemoryMB': 1, 'budget.warnMinutes': 'ten', 'budget.maxMinutes': 1e9 };
  assert.deepEqual(readSettings({ get: <T>(key: string) => values[key] as T }).budget, { warnMemoryMB: 512, maxMemoryMB: 16, warnMinutes: 30, maxMinutes: 525_600 });
});
