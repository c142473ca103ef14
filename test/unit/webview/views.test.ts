// The charts each tab draws, built from results without a DOM: what is planned, how many
// points each config draws, log axes without non-positive values, the Log toggle, the Fit
// view's replay, and what a view says when it has nothing to draw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sweepStatistics } from '../../../src/results/stats.ts';
import { countPoints } from '../../../src/webview/points.ts';
import { themeFromVariables } from '../../../src/webview/theme.ts';
import { atEpoch, fitView, snapshotEpochs } from '../../../src/webview/views/fit.ts';
import { VIEW_BUILDERS, type ViewContext } from '../../../src/webview/views/index.ts';
import { NO_SWEEP } from '../../../src/webview/views/sweep.ts';
import { hideVariants } from '../../../src/webview/views/common.ts';
import { variantPalette } from '../../../src/webview/summary.ts';
import type { ExperimentResults } from '../../../src/results/model.ts';
import { queued, regression, runEvents, sweepQueued } from './fixtures.ts';
import { classifierResults } from '../report/fixtures.ts';
import { applyEvent } from '../../../src/results/model.ts';

const theme = themeFromVariables(() => '', 'dark');

function ctx(results: ExperimentResults, extra: Partial<ViewContext> = {}): ViewContext {
  return { results, theme, themeRevision: 0, logScale: true, training: false, fitEpoch: null, ...extra };
}

type Dataset = { label?: string; data: ({ x: number; y: number | null } | number)[]; borderColor?: unknown };

function datasets(config: { data: { datasets: unknown[] } }): Dataset[] {
  return config.data.datasets as Dataset[];
}

test('Fit: one chart with the train and test points and a curve per variant', () => {
  const view = fitView(ctx(regression()));
  assert.equal(view.charts.length, 1);
  const chart = view.charts[0]!;
  assert.equal(chart.view, 'fit');
  const config = chart.config();
  // 5 train + 3 test points and two curves of 21 points.
  assert.equal(countPoints(config), 5 + 3 + 2 * 21);
  assert.deepEqual(datasets(config).map((d) => d.label), ['train points', 'test points', 'plain (epoch 30)', 'decay (epoch 30)']);
});

test('Fit: each variant wears the theme palette, the same colour in every view', () => {
  const results = regression();
  const fit = datasets(fitView(ctx(results)).charts[0]!.config());
  assert.equal(fit[2]!.borderColor, theme.palette[0]);
  assert.equal(fit[3]!.borderColor, theme.palette[1]);
  const loss = datasets(VIEW_BUILDERS.loss(ctx(results)).charts[0]!.config());
  assert.equal(loss.find((d) => d.label === 'decay · test')!.borderColor, theme.palette[1]);
  const norm = VIEW_BUILDERS.weights(ctx(results)).charts.find((c) => c.id.includes('weight-norm'))!;
  assert.equal(datasets(norm.config()).find((d) => d.label === 'decay')!.borderColor, theme.palette[1]);
});

test('Fit replay: the curves as they were at a snapshot epoch', () => {
  const results = regression();
  assert.deepEqual(snapshotEpochs(results), [0, 10, 20, 30]);
  assert.deepEqual(snapshotEpochs(null), []);
  const at10 = fitView(ctx(results, { fitEpoch: 10 })).charts[0]!;
  assert.deepEqual(datasets(at10.config()).slice(2).map((d) => d.label), ['plain (epoch 10)', 'decay (epoch 10)']);
  assert.notEqual(at10.key, fitView(ctx(results, { fitEpoch: 20 })).charts[0]!.key, 'another epoch is another draw');
  assert.equal(atEpoch(results, null), results);
  assert.equal(atEpoch(results, 10).runs[0]!.snapshots.length, 2);
  assert.equal(results.runs[0]!.snapshots.length, 4, 'the results themselves are not cut');
});

test('Fit while training: the points show before the first curve', () => {
  const results = queued();
  const events = runEvents('plain');
  applyEvent(results, events[0]!); // started
  applyEvent(results, events[1]!); // data
  const view = fitView(ctx(results, { training: true }));
  assert.equal(view.charts.length, 1);
  assert.equal(countPoints(view.charts[0]!.config()), 8);
  applyEvent(results, events[2]!); // first snapshot
  const next = fitView(ctx(results, { training: true }));
  assert.equal(countPoints(next.charts[0]!.config()), 8 + 21);
  assert.notEqual(next.charts[0]!.key, view.charts[0]!.key);
  applyEvent(results, events[3]!); // epochs: the fit does not change
  assert.equal(fitView(ctx(results, { training: true })).charts[0]!.key, next.charts[0]!.key);
  assert.match(next.notes.join(' '), /1 variant waiting for a first snapshot/);
});

test('Loss: test and train per variant, the penalty in a chart of its own; the log axis leaves out zeros', () => {
  const results = regression();
  const view = VIEW_BUILDERS.loss(ctx(results));
  assert.deepEqual(view.charts.map((c) => c.id), ['panel-loss', 'panel-penalty']);
  const config = view.charts[0]!.config();
  const sets = datasets(config);
  assert.deepEqual(sets.map((d) => d.label), ['plain · test', 'plain · train', 'decay · test', 'decay · train']);
  assert.deepEqual(datasets(view.charts[1]!.config()).map((d) => d.label), ['decay']);
  const plainTrain = sets[1]!.data as { y: number | null }[];
  // plain's train loss is 0 from epoch 25: six gaps on a log axis, never a 0.
  assert.equal(plainTrain.filter((p) => p.y === null).length, 6);
  assert.ok(plainTrain.every((p) => p.y === null || p.y > 0));
  assert.equal(countPoints(config), 4 * 31 - 6);
  assert.equal((config.options!.scales as Record<string, { type: string }>)['y']!.type, 'logarithmic');
});

test('Loss with the Log toggle off: a linear y axis, and a different key', () => {
  const results = regression();
  const log = VIEW_BUILDERS.loss(ctx(results)).charts[0]!;
  const linear = VIEW_BUILDERS.loss(ctx(results, { logScale: false })).charts[0]!;
  const y = (linear.config().options!.scales as Record<string, { type: string; min?: number; title: { text: string } }>)['y']!;
  assert.equal(y.type, 'linear');
  assert.doesNotMatch(y.title.text, /log/);
  assert.notEqual(log.key, linear.key);
  assert.match(linear.caption ?? '', /Linear y axis/);
  // On a linear axis a train loss of 0 is drawn, not a gap.
  const plainTrain = datasets(linear.config()).find((d) => d.label === 'plain · train')!.data as { y: number | null }[];
  assert.equal(plainTrain.filter((p) => p.y === 0).length, 6);
  assert.equal(y.min, 0);
});

test('Loss of a classifier: the accuracy chart follows the loss chart; the Log toggle leaves it alone', () => {
  const results = classifierResults();
  const [loss, accuracy] = VIEW_BUILDERS.loss(ctx(results, { logScale: false })).charts;
  assert.deepEqual([loss!.id, accuracy!.id], ['panel-loss', 'panel-accuracy']);
  assert.match(loss!.caption ?? '', /Linear y axis/);
  assert.match(accuracy!.caption ?? '', /test accuracy/);
  const y = (accuracy!.config().options!.scales as Record<string, { type: string; max?: number }>)['y']!;
  assert.deepEqual([y.type, y.max], ['linear', 1]);
  // Two curves per variant with an accuracy, one point per epoch each.
  assert.equal(countPoints(accuracy!.config()), 2 * (results.runs[0]!.metrics.length + results.runs[1]!.metrics.length));
  assert.equal(VIEW_BUILDERS.loss(ctx(regression())).charts.some((c) => c.id === 'panel-accuracy'), false);
});

test('keys change with the data and the theme, and only then', () => {
  const results = regression();
  const a = VIEW_BUILDERS.loss(ctx(results)).charts[0]!.key;
  assert.equal(VIEW_BUILDERS.loss(ctx(results)).charts[0]!.key, a);
  assert.notEqual(VIEW_BUILDERS.loss(ctx(results, { themeRevision: 1 })).charts[0]!.key, a);
  results.runs[0]!.metrics.push({ ...results.runs[0]!.metrics[30]!, epoch: 31 });
  assert.notEqual(VIEW_BUILDERS.loss(ctx(results)).charts[0]!.key, a);
});

test('Sweep: loss and ‖w‖ against λ, with the spread over repeats; nothing but a hint without a sweep', () => {
  const none = VIEW_BUILDERS.sweep(ctx(regression()));
  assert.equal(none.charts.length, 0);
  assert.equal(none.empty, NO_SWEEP);

  const results = sweepQueued();
  for (const run of results.runs) for (const e of runEvents(run.id)) applyEvent(results, e);
  results.sweep = sweepStatistics(results.runs);
  const view = VIEW_BUILDERS.sweep(ctx(results));
  assert.deepEqual(view.charts.map((c) => c.id), ['panel-sweep-loss', 'panel-sweep-weights']);
  const loss = view.charts[0]!.config();
  // One variant sweeps: its series are named by what they are, the axis by the field swept.
  const test = datasets(loss).find((d) => d.label === 'test')!;
  assert.match(view.charts[0]!.title, /weight decay λ/);
  assert.equal(test.data.length, 3, 'one point per λ, the repeats averaged');
  assert.match(view.readings!.join(' '), /Lowest mean test loss/, 'the choice is read under the charts');
  assert.deepEqual(view.notes, [], 'nothing above the charts once every run is done');
  const x = (loss.options!.scales as Record<string, { type: string }>)['x']!;
  assert.equal(x.type, 'logarithmic', 'λ from 0.01 to 0.1 with 0: a log axis');
});

test('Sweep with the Log toggle off: a linear loss axis; λ stays on its log axis', () => {
  const results = sweepQueued();
  for (const run of results.runs) for (const e of runEvents(run.id)) applyEvent(results, e);
  results.sweep = sweepStatistics(results.runs);
  const [loss, weights] = VIEW_BUILDERS.sweep(ctx(results, { logScale: false })).charts;
  const scales = loss!.config().options!.scales as Record<string, { type: string }>;
  assert.equal(scales['y']!.type, 'linear');
  assert.equal(scales['x']!.type, 'logarithmic');
  assert.equal(weights!.key, VIEW_BUILDERS.sweep(ctx(results, { logScale: false })).charts[1]!.key);
});

test('Sweep while training: says how many runs are done', () => {
  const results = sweepQueued();
  for (const e of runEvents('s-0-0')) applyEvent(results, e);
  results.sweep = sweepStatistics(results.runs);
  const view = VIEW_BUILDERS.sweep(ctx(results, { training: true }));
  assert.deepEqual(view.notes, ['1 of 6 sweep runs done; the points appear as their runs finish.'], 'progress above the charts');
  // Five runs still train: the lowest mean so far is not yet the choice.
  assert.match(view.readings!.join(' '), /provisional/);
  assert.doesNotMatch(view.readings!.join(' '), /did not finish/);
});

test('Weights: ‖w‖ over epochs first, then a histogram per finished variant', () => {
  const view = VIEW_BUILDERS.weights(ctx(regression()));
  assert.deepEqual(view.charts.map((c) => c.id), ['panel-weight-norm', 'panel-histogram-0', 'panel-histogram-1']);
  assert.equal(view.charts[1]!.variant, 'plain');
  const histogram = view.charts[1]!.config();
  assert.match(datasets(histogram)[0]!.label!, /0 exact zeros of 12/);
  assert.notEqual((histogram.options!.plugins!.tooltip as { enabled?: boolean }).enabled, false, 'every chart has a hover read-out');
});

test('Weights while training: the norm grows, the histograms wait for the end', () => {
  const results = queued();
  for (const e of runEvents('plain').slice(0, 4)) applyEvent(results, e);
  const view = VIEW_BUILDERS.weights(ctx(results, { training: true }));
  assert.deepEqual(view.charts.map((c) => c.id), ['panel-weight-norm']);
  assert.equal(countPoints(view.charts[0]!.config()), 10);
  assert.match(view.notes.join(' '), /histogram appears when its run finishes/);
});

test('every chart is a static, non-animated config drawn at the screen’s pixel ratio', () => {
  const results = regression();
  for (const build of Object.values(VIEW_BUILDERS)) {
    for (const chart of build(ctx(results)).charts) {
      const options = chart.config().options as { animation?: unknown; devicePixelRatio?: number };
      assert.equal(options.animation, false, chart.id);
      assert.equal(options.devicePixelRatio, undefined, chart.id);
    }
  }
});

test('countPoints counts finite values only', () => {
  const config = { data: { datasets: [{ data: [{ x: 0, y: 1 }, { x: 1, y: null }, { x: Number.NaN, y: 2 }, 3, Number.POSITIVE_INFINITY] }] } };
  assert.equal(countPoints(config as never), 2);
});

test('a variant hidden in the legend leaves every chart; the others keep their colours', () => {
  const results = regression();
  const colors = variantPalette(results, theme.palette);
  const shown = hideVariants(results, new Set(['plain']), colors);
  assert.deepEqual(shown.results.runs.map((r) => r.variant), ['decay']);
  assert.deepEqual(shown.palette, [theme.palette[1]]);
  const view = VIEW_BUILDERS.loss(ctx(shown.results, { theme: { ...theme, palette: shown.palette }, hidden: ['plain'] }));
  const sets = datasets(view.charts[0]!.config());
  assert.deepEqual(sets.map((d) => d.label), ['decay · test', 'decay · train']);
  assert.equal(sets[0]!.borderColor, theme.palette[1], 'decay keeps its colour');
  assert.notEqual(view.charts[0]!.key, VIEW_BUILDERS.loss(ctx(shown.results, { theme: { ...theme, palette: shown.palette } })).charts[0]!.key);
  assert.equal(hideVariants(results, new Set(), colors).results, results);
});
