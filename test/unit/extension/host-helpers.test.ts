// The small pure parts of the host: settings, event batching, the output channel's lines,
// the runs history list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventBatcher, type Timers } from '../../../src/extension/eventBatcher.ts';
import { ago, historyItems, stampToDate } from '../../../src/extension/historyItems.ts';
import { eventForPanel, resultsForPanel } from '../../../src/extension/panelPayload.ts';
import { configSummary, runLine, sessionEndLine, sessionStartLine } from '../../../src/extension/runLog.ts';
import { exportDir, folderInside, readSettings, resultsDir, SETTING_DEFAULTS } from '../../../src/extension/settings.ts';
import { newResults } from '../../../src/results/model.ts';
import { planRuns } from '../../../src/experiment/session.ts';
import type { RunEvent } from '../../../src/protocol.ts';
import { example } from './helpers.ts';

test('settings: defaults, clamping, and folders that stay inside the workspace', () => {
  assert.deepEqual(readSettings({ get: () => undefined }), SETTING_DEFAULTS);
  const values: Record<string, unknown> = { workers: 99, chartUpdateRate: 3, resultsFolder: '../outside', openPanelOnRun: 'yes', exportFolder: 'out/png/' };
  const s = readSettings({ get: <T>(key: string) => values[key] as T });
  assert.equal(s.workers, 32);
  assert.equal(s.chartUpdateRate, 50);
  assert.equal(s.resultsFolder, '.reglab/runs');
  assert.equal(s.openPanelOnRun, true);
  assert.equal(s.exportFolder, 'out/png');
  for (const bad of ['/etc', '..', '../x', 'a/../../b', '', '  ', 3]) assert.equal(folderInside(bad), undefined, String(bad));
  assert.equal(folderInside('a/./b/../c'), 'a/c');
  assert.equal(resultsDir('/w', { resultsFolder: 'runs' }), '/w/runs');
  assert.equal(exportDir('/w', { exportFolder: '.reglab/exports' }), '/w/.reglab/exports');
});

class FakeTimers implements Timers {
  now = 0;
  private queue: { at: number; fn: () => void; id: number }[] = [];
  private next = 1;
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.queue.push({ at: this.now + ms, fn, id });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.queue = this.queue.filter((t) => t.id !== handle);
  }
  advance(ms: number): void {
    this.now += ms;
    for (const t of this.queue.filter((q) => q.at <= this.now)) {
      this.clearTimeout(t.id);
      t.fn();
    }
  }
}

test('events go out in batches, at most one per interval', () => {
  const timers = new FakeTimers();
  const sent: RunEvent[][] = [];
  const batcher = new EventBatcher((e) => sent.push(e), 250, timers, () => timers.now);
  const event = (i: number): RunEvent => ({ type: 'cancelled', runId: String(i) });
  batcher.push(event(1));
  timers.advance(0);
  assert.equal(sent.length, 1, 'the first event after a quiet spell goes at once');
  batcher.push(event(2));
  batcher.push(event(3));
  timers.advance(100);
  assert.equal(sent.length, 1);
  timers.advance(150);
  assert.deepEqual(sent.map((b) => b.map((e) => e.runId)), [['1'], ['2', '3']]);
  batcher.push(event(4));
  batcher.clear();
  timers.advance(1000);
  assert.equal(sent.length, 2, 'cleared events are not sent');
  batcher.push(event(5));
  batcher.flush();
  assert.deepEqual(sent.at(-1)!.map((e) => e.runId), ['5']);
});

test('a background epochs event replaces the same run\'s pending one, in its place; background batches go every second', () => {
  const timers = new FakeTimers();
  const sent: RunEvent[][] = [];
  const batcher = new EventBatcher((e) => sent.push(e), 250, timers, () => timers.now);
  const metric = (epoch: number) => ({ epoch, step: epoch, trainLoss: 1, trainDataLoss: 1, trainPenalty: 0, testLoss: 1, weightNorm: 1, weightL1: 1, sparsity: 0 });
  const epochs = (runId: string, epoch: number): RunEvent => ({ type: 'epochs', runId, metrics: [metric(epoch)] });
  batcher.push({ type: 'cancelled', runId: 'first' });
  timers.advance(0);
  batcher.push(epochs('sweep', 20), { background: true });
  batcher.push(epochs('own', 20));
  batcher.push(epochs('sweep', 40), { background: true });
  batcher.push(epochs('own', 40));
  batcher.push(epochs('sweep', 60), { background: true });
  timers.advance(250);
  const label = (e: RunEvent) => `${e.runId}:${e.type === 'epochs' ? e.metrics.map((m) => m.epoch).join(',') : e.type}`;
  assert.deepEqual(sent[1]!.map(label), ['sweep:60', 'own:20', 'own:40']);
  batcher.push(epochs('sweep', 80), { background: true });
  timers.advance(250);
  assert.equal(sent.length, 2, 'background events alone wait longer');
  timers.advance(750);
  assert.deepEqual(sent[2]!.map(label), ['sweep:80'], 'a flushed event is not replaced');
});

test('an urgent event (a run\'s first point) goes at once; while the user types, batches wait for a pause, at most 10 s', () => {
  const timers = new FakeTimers();
  const sent: RunEvent[][] = [];
  const batcher = new EventBatcher((e) => sent.push(e), 250, timers, () => timers.now);
  const event = (i: number): RunEvent => ({ type: 'cancelled', runId: String(i) });
  batcher.push(event(1));
  timers.advance(0);
  batcher.push(event(2));
  timers.advance(10);
  assert.equal(sent.length, 1);
  batcher.push(event(3), { urgent: true });
  timers.advance(0);
  assert.deepEqual(sent.map((b) => b.map((e) => e.runId)), [['1'], ['2', '3']], 'the urgent event took the pending one along at once');
  batcher.push(event(4));
  for (let t = 0; t < 9900; t += 100) {
    batcher.typed();
    timers.advance(100);
  }
  assert.equal(sent.length, 2, 'nothing goes while the user types');
  for (let t = 0; t < 100; t += 100) {
    batcher.typed();
    timers.advance(100);
  }
  assert.equal(sent.length, 3, 'at most 10 s after the last batch');
  batcher.push(event(5), { urgent: true });
  batcher.typed();
  timers.advance(900);
  assert.equal(sent.length, 3, 'typing holds an urgent event too');
  timers.advance(100);
  assert.deepEqual(sent.at(-1)!.map((e) => e.runId), ['5'], 'it goes 1 s after the last keystroke');
});

test('the panel gets a sweep run\'s last epoch only, and its results without curves, points or snapshots', () => {
  const { experiment } = example('06-lambda-sweep-u-shape.reglab.json');
  const requests = planRuns(experiment, '/w/06.reglab.json', { includeSweep: true });
  const results = newResults({ file: '06.reglab.json', title: experiment.title, sweepOver: experiment.sweep?.over }, requests);
  const metric = (epoch: number) => ({ epoch, step: epoch, trainLoss: 1, trainDataLoss: 1, trainPenalty: 0, testLoss: 1, weightNorm: 1, weightL1: 1, sparsity: 0 });
  const snapshot = { kind: 'curve' as const, epoch: 0, x: [0], y: [1] };
  for (const run of results.runs) {
    run.metrics = [metric(20), metric(40)];
    run.snapshots = [snapshot];
    run.data = { train: { x: [[0]], y: [1] }, test: { x: [[0]], y: [1] } };
  }
  const thin = resultsForPanel(results);
  const own = thin.runs.find((r) => r.sweepValue === undefined)!;
  const sweep = thin.runs.filter((r) => r.sweepValue !== undefined);
  assert.equal(own, results.runs.find((r) => r.sweepValue === undefined), 'the variant\'s own run is untouched');
  assert.equal(sweep.length, 45);
  assert.ok(sweep.every((r) => r.metrics.length === 1 && r.metrics[0]!.epoch === 40 && r.snapshots.length === 0 && r.data === undefined));
  assert.equal(results.runs.at(-1)!.metrics.length, 2, 'the host\'s results are not changed');
  const sweepIds = new Set(sweep.map((r) => r.id));
  const event: RunEvent = { type: 'epochs', runId: sweep[0]!.id, metrics: [metric(20), metric(40)] };
  assert.deepEqual(eventForPanel(event, sweepIds), { ...event, metrics: [metric(40)] });
  const ownEvent: RunEvent = { ...event, runId: own.id };
  assert.equal(eventForPanel(ownEvent, sweepIds), ownEvent);
});

test('the log lines say the config, the final metrics, the divergence, the error', () => {
  const { experiment } = example('01-tiny-regression-weight-decay.reglab.json');
  const requests = planRuns(experiment, '/w/01.reglab.json');
  const decay = requests[1]!;
  assert.equal(configSummary(decay.config), 'sgd lr 0.01 momentum 0.9 · weightDecay 0.01 · 2000 epochs, full batch · MLP 100-100-100 relu · seed 1');
  assert.match(sessionStartLine(experiment.title, '01.reglab.json', requests, 2, false), /^Run "Weight decay on a tiny noisy regression" \(01\.reglab\.json\): 2 runs of "no weight decay", "weight decay 0\.01" on 2 workers$/);
  const final = { epoch: 2000, step: 2000, trainLoss: 0.05, trainDataLoss: 0.05, trainPenalty: 0, testLoss: 0.11, weightNorm: 4.2, weightL1: 100, sparsity: 0.01 };
  const finished = runLine(decay, {
    type: 'finished', runId: decay.runId,
    summary: { final, bestTestLoss: 0.1, bestEpoch: 1500, stoppedEarly: false, histogram: { edges: [], counts: [], exactZeros: 0, nearZero: 0, total: 1 }, layers: [], parameterCount: 20501, milliseconds: 3200 },
  }, undefined)!;
  assert.equal(finished.level, 'info');
  assert.match(finished.text, /^finished "weight decay 0\.01" \[sgd lr 0\.01.*\] in 3\.2 s: train 0\.05, test 0\.11, ‖w‖₂ 4\.2, 1\.0 % of \|w\| < 1e-3$/);
  const diverged = runLine(decay, { type: 'diverged', runId: decay.runId, epoch: 57, step: 57, cause: 'the loss became NaN: lr too large?' }, undefined)!;
  assert.equal(diverged.level, 'warn');
  assert.match(diverged.text, /diverged "weight decay 0\.01" .* at epoch 57 \(step 57\): the loss became NaN/);
  const failed = runLine(decay, { type: 'failed', runId: decay.runId, message: 'data.csv: no column "x3"' }, undefined)!;
  assert.equal(failed.level, 'error');
  assert.match(failed.text, /failed "weight decay 0\.01" .*: data\.csv: no column "x3"$/);
  assert.equal(runLine(decay, { type: 'cancelled', runId: decay.runId }, undefined), undefined, 'a run cancelled in the queue gets no line of its own');
  const end = sessionEndLine({ version: 1, file: 'f', title: 'T', startedAt: '', runs: [
    { id: 'a', variant: 'a', repeat: 0, seed: 1, status: 'finished', metrics: [], snapshots: [] },
    { id: 'b', variant: 'b', repeat: 0, seed: 1, status: 'diverged', metrics: [], snapshots: [] },
  ], sweep: [] }, 1500, '.reglab/runs/f/x.json');
  assert.deepEqual(end, { level: 'warn', text: 'Done "T" in 1.5 s: 1 finished, 1 diverged; results saved to .reglab/runs/f/x.json' });
});

test('the runs history: the current experiment first, newest first, dates from the file names', () => {
  assert.equal(stampToDate('2026-11-23T02-49-12-345Z')!.toISOString(), '2026-11-23T02:49:12.345Z');
  assert.equal(stampToDate('garbage'), undefined);
  const saved = [
    { path: '/w/.reglab/runs/a/2026-01-01T00-00-00-000Z.json', experiment: 'a', startedAt: '2026-01-01T00-00-00-000Z' },
    { path: '/w/.reglab/runs/b/2026-01-03T00-00-00-000Z.json', experiment: 'b', startedAt: '2026-01-03T00-00-00-000Z' },
    { path: '/w/.reglab/runs/a/2026-01-02T00-00-00-000Z.json', experiment: 'a', startedAt: '2026-01-02T00-00-00-000Z' },
  ];
  const items = historyItems(saved, '/w', 'a', new Date('2026-01-03T01:00:00Z'));
  assert.deepEqual(items.map((i) => [i.label, i.detail]), [
    ['$(beaker) a', '.reglab/runs/a/2026-01-02T00-00-00-000Z.json'],
    ['$(beaker) a', '.reglab/runs/a/2026-01-01T00-00-00-000Z.json'],
    ['b', '.reglab/runs/b/2026-01-03T00-00-00-000Z.json'],
  ]);
  assert.match(items[2]!.description, /^1 h ago · /);
  assert.equal(ago(new Date(0), new Date(30_000)), '30 s ago');
});
