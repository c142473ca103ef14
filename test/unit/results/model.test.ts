// The results model: events folded into one record, counts in every state, the sweep's
// choice only when every run ended, and Stop settling every run at the click.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EpochMetrics, RunSummary } from '../../../src/protocol.ts';
import { countRuns, countsText, isActive } from '../../../src/results/counts.ts';
import { applyEvent, finishResults, newResults, stopEvents, type PlannedRun } from '../../../src/results/model.ts';
import { sweepChoices, sweepStatistics } from '../../../src/results/stats.ts';

const metrics = (epoch: number, testLoss: number): EpochMetrics => ({
  epoch, step: epoch, trainLoss: testLoss / 2 + 0.01, trainDataLoss: testLoss / 2, trainPenalty: 0.01, testLoss, weightNorm: 1, weightL1: 1, sparsity: 0,
});
const summary = (testLoss: number): RunSummary => ({
  final: metrics(10, testLoss), bestTestLoss: testLoss, bestEpoch: 10, stoppedEarly: false,
  histogram: { edges: [0, 1], counts: [1], exactZeros: 0, nearZero: 0, total: 1 }, layers: [], parameterCount: 1, milliseconds: 1,
});

/** λ ∈ {0, 0.1, 1} × 2 repeats, plus the variant's own run. */
function sweep() {
  const planned: PlannedRun[] = [{ runId: 'own', variant: 'wd', repeat: 0, seed: 1 }];
  for (const value of [0, 0.1, 1]) for (const repeat of [0, 1]) planned.push({ runId: `${value}#${repeat}`, variant: 'wd', sweepValue: value, repeat, seed: repeat + 1 });
  return newResults({ file: 'f.reglab.json', title: 'T', sweepOver: 'regularization.weightDecay', variantDescriptions: { wd: 'decay' } }, planned);
}
const finish = (results: ReturnType<typeof sweep>, runId: string, testLoss: number) => {
  applyEvent(results, { type: 'started', runId, parameterCount: 1, task: 'regression', inputs: 1, outputs: 1 });
  applyEvent(results, { type: 'epochs', runId, metrics: [metrics(10, testLoss)] });
  applyEvent(results, { type: 'finished', runId, summary: summary(testLoss) });
};
const text = (results: ReturnType<typeof sweep>) => countsText(countRuns(results.runs));

test('counts every state in one sentence: queued, training, done, diverged, failed', () => {
  const results = sweep();
  assert.equal(text(results), '0 of 7 runs done');
  applyEvent(results, { type: 'started', runId: 'own', parameterCount: 1, task: 'regression', inputs: 1, outputs: 1 });
  assert.equal(text(results), '0 of 7 runs done · 1 training');
  finish(results, 'own', 0.5);
  finish(results, '0#0', 0.4);
  applyEvent(results, { type: 'diverged', runId: '1#0', epoch: 3, step: 3, cause: 'NaN' });
  applyEvent(results, { type: 'failed', runId: '1#1', message: 'no column' });
  assert.equal(text(results), '2 of 7 runs done · 1 diverged · 1 failed');
  assert.deepEqual(countRuns(results.runs), { total: 7, queued: 3, running: 0, finished: 2, stopped: 0, diverged: 1, failed: 1 });
  for (const id of ['0#1', '0.1#0', '0.1#1']) finish(results, id, 0.3);
  assert.equal(text(results), '5 done · 1 diverged · 1 failed');
  assert.equal(isActive(countRuns(results.runs)), false);
});

test('every run finished: "7 runs done", and the sweep names its choice as final', () => {
  const results = sweep();
  finish(results, 'own', 0.5);
  for (const [id, loss] of [['0#0', 0.4], ['0#1', 0.42], ['0.1#0', 0.2], ['0.1#1', 0.22], ['1#0', 0.9], ['1#1', 0.95]] as const) finish(results, id, loss);
  finishResults(results);
  assert.equal(text(results), '7 runs done');
  const points = results.sweep;
  assert.deepEqual(points.map((p) => [p.value, p.repeats, p.planned]), [[0, 2, 2], [0.1, 2, 2], [1, 2, 2]]);
  assert.ok(Math.abs(points[1]!.testLoss.mean - 0.21) < 1e-12);
  assert.ok(Math.abs(points[1]!.trainDataLoss.mean - 0.105) < 1e-12, 'the data term apart from the penalty');
  const choice = sweepChoices(points, results.runs).get('wd')!;
  assert.deepEqual([choice.point.value, choice.final], [0.1, true]);
  assert.deepEqual(results.variantDescriptions, { wd: 'decay' });
});

test('a choice while runs train is provisional', () => {
  const results = sweep();
  finish(results, '0#0', 0.4);
  finish(results, '0.1#0', 0.2);
  const points = sweepStatistics(results.runs);
  assert.deepEqual(points.map((p) => [p.value, p.repeats, p.planned]), [[0, 1, 2], [0.1, 1, 2]], 'values with no finished run have no point');
  assert.equal(sweepChoices(points, results.runs).get('wd')!.final, false);
});

test('Stop in the middle of a sweep settles every run at once, and late events change nothing', () => {
  const results = sweep();
  finish(results, 'own', 0.5);
  finish(results, '0#0', 0.4);
  applyEvent(results, { type: 'started', runId: '0#1', parameterCount: 1, task: 'regression', inputs: 1, outputs: 1 });
  applyEvent(results, { type: 'epochs', runId: '0#1', metrics: [metrics(1, 0.8)] });
  const stops = stopEvents(results);
  assert.deepEqual(stops.map((e) => e.runId), ['0#1', '0.1#0', '0.1#1', '1#0', '1#1']);
  for (const e of stops) applyEvent(results, e);
  assert.equal(text(results), '2 done · 5 stopped');
  assert.equal(isActive(countRuns(results.runs)), false);
  // The worker of 0#1 had not seen the flag yet: its last epochs and its end change nothing.
  assert.equal(applyEvent(results, { type: 'epochs', runId: '0#1', metrics: [metrics(2, 0.7)] }), undefined);
  assert.equal(applyEvent(results, { type: 'finished', runId: '0#1', summary: summary(0.7) }), undefined);
  assert.equal(applyEvent(results, { type: 'cancelled', runId: '0#1' }), undefined);
  assert.equal(text(results), '2 done · 5 stopped');
  assert.equal(results.runs.find((r) => r.id === '0#1')!.metrics.length, 1);
  finishResults(results);
  const choice = sweepChoices(results.sweep, results.runs).get('wd')!;
  assert.deepEqual([choice.point.value, choice.final], [0, false], 'a stopped sweep names no final choice');
  assert.deepEqual(stopEvents(results), []);
});

test('playground values travel with the run they trained', () => {
  const results = newResults({ file: 'f', title: 'T' }, [{ runId: 'a', variant: 'wd', repeat: 0, seed: 1, overrides: { 'regularization.weightDecay': 0.5 } }, { runId: 'b', variant: 'none', repeat: 0, seed: 1, overrides: {} }]);
  assert.deepEqual(results.runs[0]!.overrides, { 'regularization.weightDecay': 0.5 });
  assert.equal('overrides' in results.runs[1]!, false);
});

test('a run’s label names its playground values by their symbol', async () => {
  const { runLabel } = await import('../../../src/report/charts/labels.ts');
  assert.equal(runLabel({ variant: 'weight decay', repeat: 0, overrides: { 'regularization.weightDecay': 0.5 } }), 'weight decay · λ = 0.5 (playground)');
  assert.equal(runLabel({ variant: 'net', repeat: 2, overrides: { 'training.optimizer.lr': 0.02, seed: 7 } }), 'net #2 · lr = 0.02, seed = 7 (playground)');
  assert.equal(runLabel({ variant: '', repeat: 0 }), 'base');
});
