// The chart-config builders: pure functions from results to Chart.js configurations,
// checked here without a browser.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChartDataset } from 'chart.js';
import { buildChart, planCharts } from '../../../src/report/charts/index.ts';
import { axis, niceBounds, logRound, variantRuns } from '../../../src/report/charts/common.ts';
import { boundaryChart, fitChart } from '../../../src/report/charts/fit.ts';
import { formatNumber, formatPercent, logTick } from '../../../src/report/charts/format.ts';
import { lossChart, penaltyChart } from '../../../src/report/charts/loss.ts';
import { logTickValues, MIN_TICK_GAP_PX, spacedValues } from '../../../src/report/charts/ticks.ts';
import { variantColors, VARIANT_COLORS } from '../../../src/report/charts/palette.ts';
import { sweepAxis } from '../../../src/report/charts/sweep-axis.ts';
import { sweepLossChart, sweepNotes, sweepWeightsChart } from '../../../src/report/charts/sweep.ts';
import { sweepStatistics } from '../../../src/results/stats.ts';
import { histogramChart, histogramLimit } from '../../../src/report/charts/weights.ts';
import { LIGHT_THEME } from '../../../src/report/charts/common.ts';
import { inlineScript } from '../../../src/report/assets.ts';
import { payloadScriptText, thin, type ReportPayload } from '../../../src/report/payload.ts';
import { classifierResults, highDimensionalResults, regressionResults } from './fixtures.ts';

type Point = { x: number; y: number | null };
const labels = (datasets: readonly ChartDataset[]) => datasets.map((d) => d.label);
/** The legend's entries as Chart.js would draw them, every line visible. */
const legendTexts = (config: { options?: unknown }) => {
  const generate = (config.options as { plugins: { legend: { labels: { generateLabels: (chart: unknown) => { text: string }[] } } } }).plugins.legend.labels.generateLabels;
  return generate({ isDatasetVisible: () => true }).map((item) => item.text);
};

describe('chart builders', () => {
  const regression = regressionResults();
  const classifier = classifierResults();
  const colors = variantColors(regression);

  it('give each variant one colour in every chart', () => {
    assert.deepEqual([...colors], [['no weight decay', VARIANT_COLORS[0]], ['L2 penalty', VARIANT_COLORS[1]]]);
    const colorOfLabel = (datasets: readonly ChartDataset[], prefix: string) =>
      datasets.filter((d) => d.label?.startsWith(prefix) && !d.label.includes('train')).map((d) => d.borderColor);
    for (const kind of ['fit', 'loss', 'weight-norm', 'sweep-loss'] as const) {
      const datasets = buildChart(regression, kind).data.datasets as ChartDataset[];
      for (const [name, color] of colors) for (const c of colorOfLabel(datasets, name)) assert.equal(c, color, `${kind}: ${name}`);
    }
    const histogram = buildChart(regression, 'histogram', 'l2-penalty').data.datasets[0]!;
    assert.equal(histogram.borderColor, VARIANT_COLORS[1]);
  });

  it('draw the variant runs in Loss and Fit, not the sweep runs', () => {
    const runs = variantRuns(regression.runs);
    assert.deepEqual(runs.map((r) => r.id), ['no-weight-decay', 'l2-penalty']);
    const loss = buildChart(regression, 'loss');
    assert.deepEqual(labels(loss.data.datasets as ChartDataset[]), [
      'no weight decay · test',
      'no weight decay · train',
      'L2 penalty · test',
      'L2 penalty · train',
    ]);
    // One legend entry per variant, then one per series: not one per line.
    const legend = legendTexts(loss);
    assert.deepEqual(legend, ['no weight decay', 'L2 penalty', 'test (eval mode)', 'train (batch mean, train mode)']);
    const fit = buildChart(regression, 'fit');
    assert.deepEqual(labels(fit.data.datasets as ChartDataset[]), ['train points', 'test points', 'no weight decay (epoch 1000)', 'L2 penalty (epoch 1000)']);
  });

  it('with training.evalTrain, the Loss chart names both train losses: batch mean (train mode) and full set (eval mode)', () => {
    const results = structuredClone(regression);
    const run = results.runs.find((r) => r.id === 'no-weight-decay')!;
    run.metrics.forEach((m, k) => (m.trainEvalLoss = 0.5 * m.trainDataLoss + k * 1e-6));
    const loss = buildChart(results, 'loss');
    assert.deepEqual(labels(loss.data.datasets as ChartDataset[]), [
      'no weight decay · test',
      'no weight decay · train',
      'no weight decay · train (eval mode, full set)',
      'L2 penalty · test',
      'L2 penalty · train',
    ]);
    const evalTrain = (loss.data.datasets as ChartDataset<'line', Point[]>[])[2]!;
    assert.deepEqual(evalTrain.data.at(-1), { x: run.metrics.at(-1)!.epoch, y: run.metrics.at(-1)!.trainEvalLoss });
    assert.deepEqual(legendTexts(loss), ['no weight decay', 'L2 penalty', 'test (eval mode)', 'train (batch mean, train mode)', 'train (eval mode, full set)']);
    const caption = planCharts(results, 'r').find((s) => s.kind === 'loss')!.caption!;
    assert.match(caption, /“train \(batch mean, train mode\)”/);
    assert.match(caption, /dotted: “train \(eval mode, full set\)”/);
    assert.doesNotMatch(planCharts(regression, 'r').find((s) => s.kind === 'loss')!.caption!, /eval mode, full set/);
  });

  it('draw accuracy for classifiers only, in the Loss group: test solid, train faded, up to 100 %', () => {
    assert.equal(planCharts(regression, 'r').some((s) => s.kind === 'accuracy'), false);
    assert.equal(planCharts(classifier, 'c').find((s) => s.kind === 'accuracy')?.group, 'loss');
    const config = buildChart(classifier, 'accuracy');
    const datasets = config.data.datasets as ChartDataset<'line', Point[]>[];
    // The diverged run recorded no accuracy and the failed one no epochs: neither is drawn.
    assert.deepEqual(datasets.map((d) => d.label), ['no dropout · test', 'no dropout · train', 'dropout 0.5 · test', 'dropout 0.5 · train']);
    const noDropout = classifier.runs[0]!.metrics;
    assert.deepEqual(datasets[0]!.data.at(-1), { x: noDropout.at(-1)!.epoch, y: noDropout.at(-1)!.testAccuracy });
    assert.deepEqual(datasets[1]!.data.at(-1), { x: noDropout.at(-1)!.epoch, y: noDropout.at(-1)!.trainAccuracy });
    assert.notEqual(datasets[0]!.borderColor, datasets[1]!.borderColor, 'train is the faded colour');
    const y = config.options!.scales!['y'] as { min: number; max: number; ticks: { callback: (v: number) => string } };
    // The fixtures' accuracies start at 50 %: the axis starts a tenth lower.
    assert.deepEqual([y.min, y.max, y.ticks.callback(0.5)], [0.4, 1, '50%']);
  });

  it('put the loss on a log axis, the penalty in a chart of its own', () => {
    const config = lossChart(variantRuns(regression.runs), colors);
    assert.equal((config.options!.scales!['y'] as { type: string }).type, 'logarithmic');
    const [, train] = config.data.datasets as ChartDataset<'line', Point[]>[];
    // The train line is the data term; the penalty never sets this chart's range.
    const m = regression.runs[1]!.metrics;
    assert.equal(train!.data[5]!.y, regression.runs[0]!.metrics[5]!.trainDataLoss);
    assert.equal((config.data.datasets[3]!.data as Point[])[5]!.y, m[5]!.trainDataLoss);
    assert.ok(!(config.data.datasets as ChartDataset[]).some((d) => d.label?.endsWith('· penalty')));
    assert.equal(planCharts(regression, 'e').find((s) => s.kind === 'penalty')?.group, 'loss');
    const penalty = penaltyChart(variantRuns(regression.runs), colors).data.datasets as ChartDataset<'line', Point[]>[];
    assert.deepEqual(penalty.map((d) => d.label), ['L2 penalty']);
    assert.equal(penalty[0]!.data[5]!.y, m[5]!.trainPenalty);
    assert.equal(penalty[0]!.data.length, m.length);
  });

  it('floor log axes six decades below their top and label the floor as such', () => {
    const y = axis('‖w‖', LIGHT_THEME, 'log') as unknown as { afterDataLimits: (s: unknown) => void; ticks: { callback: (v: number, i: number) => string } };
    const scale = { min: 1e-42, max: 3.2 };
    y.afterDataLimits(scale);
    assert.deepEqual([scale.min, scale.max], [5e-6, 5]);
    assert.equal(y.ticks.callback(5e-6, 0), '≤ 5e−6');
    const unfloored = { min: 0.12, max: 0.9 };
    y.afterDataLimits(unfloored);
    assert.deepEqual([unfloored.min, unfloored.max], [0.1, 1]);
    assert.equal(y.ticks.callback(0.1, 0), '0.1');
  });

  it('space log ticks by the pixels a decade has: no two labels closer than a label', () => {
    assert.deepEqual(logTickValues(0.1, 1, 300), [0.1, 0.2, 0.5, 1]);
    assert.deepEqual(logTickValues(1e-4, 1, 200), [1e-4, 0.001, 0.01, 0.1, 1]);
    assert.deepEqual(logTickValues(1e-12, 1, 150), [1e-12, 1e-9, 1e-6, 0.001, 1]);
    // λ values of lesson 06 on a 300 px axis: 0.3 and 0.5 would collide.
    const values = [1e-4, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 0.5, 1];
    const pixel = (v: number) => ((Math.log10(v) + 4) / 4) * 300;
    const kept = spacedValues(values, pixel);
    assert.ok(kept.includes(1) && kept.includes(1e-4));
    for (let i = 1; i < kept.length; i++) assert.ok(pixel(kept[i]!) - pixel(kept[i - 1]!) >= MIN_TICK_GAP_PX, `${kept[i - 1]} and ${kept[i]}`);
  });

  it('mark where a run diverged and leave its non-finite losses as gaps', () => {
    const config = lossChart(variantRuns(classifier.runs), variantColors(classifier));
    const datasets = config.data.datasets as ChartDataset<'line', Point[]>[];
    const marker = datasets.find((d) => d.label === 'lr = 5 diverged at epoch 38')!;
    assert.equal(marker.pointStyle, 'crossRot');
    assert.equal(marker.data[0]!.x, 38);
    const test = datasets.find((d) => d.label === 'lr = 5 · test')!;
    assert.equal(test.data[38]!.y, null, 'NaN is a gap');
    assert.ok(!datasets.some((d) => d.label?.startsWith('from CSV')), 'a failed run without metrics draws nothing');
    // Its loss, growing without bound, does not set the axis: two decades above the others at most.
    assert.equal((config.options!.scales!['y'] as { max?: number }).max, 100);
  });

  it('paint a boundary under the points of a classifier, on the grid’s domain', () => {
    const config = boundaryChart(classifier.runs[1]!);
    assert.equal(config.type, 'scatter');
    assert.equal(config.plugins?.[0]?.id, 'reglabBoundary');
    const scales = config.options!.scales as Record<string, { min: number; max: number }>;
    assert.deepEqual([scales['x']!.min, scales['x']!.max, scales['y']!.min, scales['y']!.max], [-2.2, 2.2, -1.7, 1.7]);
    const [train, test] = config.data.datasets as ChartDataset<'scatter', Point[]>[];
    assert.equal(train!.data.length, 120);
    assert.equal(test!.data.length, 80);
  });

  it('keep a wild overfitted curve from flattening the fit chart', () => {
    const results = regressionResults();
    const run = results.runs[0]!;
    const last = run.snapshots[run.snapshots.length - 1]!;
    if (last.kind === 'curve') last.y = last.y.map((y, i) => (i === 100 ? 1e6 : y));
    const scales = fitChart([run], colors).options!.scales as Record<string, { min: number; max: number }>;
    assert.ok(scales['y']!.max < 10, `y max ${scales['y']!.max}`);
  });

  it('place λ = 0 one decade left on a log sweep axis', () => {
    const log = sweepAxis([0, 0.001, 0.01, 0.1, 1], 'λ', LIGHT_THEME);
    assert.equal(log.log, true);
    assert.equal(log.zeroAt, 1e-4);
    assert.equal(log.position(0), 1e-4);
    assert.equal(log.position(0.01), 0.01);
    assert.equal((log.scale as { type: string }).type, 'logarithmic');
    const callback = (log.scale as { ticks: { callback: (v: number) => string } }).ticks.callback;
    assert.equal(callback(1e-4), '0');
    assert.equal(callback(0.001), '0.001');
    assert.equal(sweepAxis([0.1, 0.2, 0.3, 0.5], 'p', LIGHT_THEME).log, false, 'less than a decade: linear');
    assert.equal(sweepAxis([-1, 1, 100], 'x', LIGHT_THEME).log, false, 'negatives: linear');
    assert.equal(sweepAxis([1, 3, 10, 100], 'λ', LIGHT_THEME).zeroAt, undefined);
  });

  it('star the best sweep value and draw ±std bars', () => {
    const config = sweepLossChart(regression, colors);
    const datasets = config.data.datasets as ChartDataset<'line', Point[]>[];
    const best = datasets.find((d) => d.pointStyle === 'star')!;
    assert.equal(best.label, 'lowest mean test loss: 0.01', 'a sweep of one variant is named by its field, not the variant');
    assert.equal(best.data[0]!.x, 0.01);
    // The bars travel in the options (a registered plugin draws them), so updates need no rebuild.
    assert.equal(config.plugins, undefined);
    const bars = (config.options!.plugins as Record<string, { bars: { datasetIndex: number }[] }>)['reglabErrorBars']!.bars;
    assert.ok(bars.length > 0 && bars.every((b) => b.datasetIndex < config.data.datasets.length));
    const test = datasets[0]!;
    assert.deepEqual(test.data.map((p) => p.x), [1e-4, 0.001, 0.01, 0.1, 1]);
    const weights = sweepWeightsChart(regression, colors);
    assert.deepEqual(Object.keys(weights.options!.scales!), ['x', 'y', 'sparsity']);
    assert.equal((weights.data.datasets[1] as { yAxisID?: string }).yAxisID, 'sparsity');
    // A sweep stopped before its end names no final choice: a ring, called provisional.
    const stopped = regressionResults();
    stopped.runs.find((r) => r.sweepValue !== undefined && r.status === 'finished')!.status = 'cancelled';
    const ring = (sweepLossChart(stopped, colors).data.datasets as ChartDataset<'line', Point[]>[]).find((d) => d.label?.includes('provisional'))!;
    assert.equal(ring.pointStyle, 'circle');
    // The d2l sweep has values 0…100: its best is the strongest.
    const d2l = highDimensionalResults();
    const d2lBest = (sweepLossChart(d2l, variantColors(d2l)).data.datasets as ChartDataset<'line', Point[]>[]).find((d) => d.pointStyle === 'star')!;
    assert.equal(d2lBest.data[0]!.x, 100);
  });

  it('with validation data: the validation curve with ±1 SE bars carries λ_min and λ_1se, the test curve is only reported', () => {
    const cv = regressionResults();
    // Validation losses that dip at λ = 0.001 while the test loss dips at 0.01: the choice must follow validation.
    for (const r of cv.runs) if (r.sweepValue !== undefined && r.summary) r.summary.final.validationLoss = 0.2 + 0.05 * (Math.log10(r.sweepValue + 1e-4) + 3) ** 2 + 0.01 * r.repeat;
    cv.sweep = sweepStatistics(cv.runs);
    const config = sweepLossChart(cv, colors);
    const datasets = config.data.datasets as ChartDataset<'line', Point[]>[];
    assert.deepEqual(datasets.slice(0, 3).map((d) => d.label), ['validation', 'test (reported only)', 'train (data term)']);
    const min = datasets.find((d) => d.pointStyle === 'star')!;
    assert.equal(min.label, 'λ_min (validation): 0.001');
    assert.equal(min.data[0]!.y, cv.sweep.find((p) => p.value === 0.001)!.validationLoss!.mean, 'on the validation curve');
    const oneSe = datasets.find((d) => d.pointStyle === 'crossRot')!;
    assert.match(oneSe.label!, /^λ_1se: /);
    const bars = (config.options!.plugins as Record<string, { bars: { datasetIndex: number; high: (number | null)[] }[] }>)['reglabErrorBars']!.bars;
    const at = cv.sweep.findIndex((p) => p.value === 0.001);
    const point = cv.sweep[at]!;
    assert.ok(Math.abs(bars[0]!.high[[0, 0.001, 0.01, 0.1, 1].indexOf(0.001)]! - (point.validationLoss!.mean + point.validationLoss!.std / Math.sqrt(point.repeats))) < 1e-12, 'validation bars are ±1 SE');
    const notes = sweepNotes(cv);
    assert.match(notes[0]!, /^Chosen on the validation loss only\. λ_min, L2 λ = 0\.001: validation [\d.]+ ± [\d.]+ SE over 3 runs, test [\d.]+\. λ_1se \(the largest within one SE of λ_min\), L2 λ = [\d.]+: .* The test set was used only for these test losses\. These test losses are means over models trained without their validation split; Reglab does not refit the chosen value on the whole training set, as glmnet's cv\.glmnet does\.$/);
    // With k folds: each run trained on k − 1 of them.
    for (const r of cv.runs) if (r.sweepValue !== undefined) r.fold = r.repeat;
    assert.match(sweepNotes(cv)[0]!, /These test losses are means over models trained on 2\/3 of the training set \(one per fold\); Reglab does not refit/);
    assert.ok(notes[0]!.match(/\d\.\d+/g)!.every((n) => n.replace(/^0\.0*/, '').replace('.', '').length <= 3), 'three significant digits');
    const onTest = sweepNotes(regression);
    assert.match(onTest[0]!, /^Lowest mean test loss [\d.]+ ± [\d.]+ at .* \(\d+ repeats?\)\.$/);
    const caveat = onTest.findIndex((n) => /on the test set itself/.test(n));
    assert.equal(onTest.filter((n) => /on the test set itself/.test(n)).length, 1, 'the caveat once, after the choices');
    assert.ok(caveat > 0, 'after the choices');
    assert.match(onTest[caveat]!, /^(Chosen|Each lowest point is) on the test set itself, so (that loss is|those losses are) optimistic/);
  });

  it('count exact zeros in the histogram legend, on one x range for all variants', () => {
    const runs = variantRuns(classifier.runs);
    const limit = histogramLimit(runs);
    const config = histogramChart(classifier.runs[1]!, variantColors(classifier), limit);
    assert.equal(config.data.datasets[0]!.label, '12 exact zeros of 354');
    const scales = config.options!.scales as Record<string, { min: number; max: number }>;
    assert.deepEqual([scales['x']!.min, scales['x']!.max], [-limit, limit]);
    const other = histogramChart(classifier.runs[0]!, variantColors(classifier), limit).options!.scales as Record<string, { min: number }>;
    assert.equal(other['x']!.min, -limit);
    const steps = config.data.datasets[0]!.data as Point[];
    assert.deepEqual([steps[0]!.y, steps[steps.length - 1]!.y], [0, 0], 'the outline closes on the axis');
  });

  it('plan the charts an experiment can show', () => {
    const specs = planCharts(regression, 'e');
    assert.deepEqual(specs.map((s) => s.id), ['e-fit', 'e-loss', 'e-penalty', 'e-sweep-loss', 'e-sweep-weights', 'e-histogram-0', 'e-histogram-1', 'e-weight-norm']);
    assert.ok(specs.every((s) => s.title.length > 0));
    // Variants with different data get one fit chart each.
    const split = regressionResults();
    split.runs[1]!.data = { train: { x: [[0]], y: [1] }, test: { x: [[0]], y: [1] } };
    assert.deepEqual(planCharts(split, 'e').filter((s) => s.kind === 'fit').map((s) => s.runId), ['no-weight-decay', 'l2-penalty']);
    // Building every planned chart works (the page script does the same in the browser).
    for (const results of [regression, classifier, highDimensionalResults()]) {
      for (const spec of planCharts(results, 'e')) assert.ok(buildChart(results, spec.kind, spec.runId).data.datasets.length > 0, spec.id);
    }
    assert.throws(() => buildChart(regression, 'histogram', 'nope'), /no run "nope"/);
  });
});

describe('report helpers', () => {
  it('format numbers for tables and ticks', () => {
    assert.equal(formatNumber(0.020071), '0.02007');
    assert.equal(formatNumber(13.8249), '13.82');
    assert.equal(formatNumber(2.3171e-4), '2.317e−4');
    assert.equal(formatNumber(1.2e-5), '1.2e−5');
    assert.equal(formatNumber(-0.5), '−0.5');
    assert.equal(formatNumber(3e7), '3e7');
    assert.equal(formatNumber(0), '0');
    assert.equal(formatNumber(NaN), 'NaN');
    assert.equal(formatNumber(Infinity), '∞');
    assert.equal(formatNumber(undefined), '—');
    assert.equal(formatPercent(0.0339), '3.39%');
    assert.equal(formatPercent(0.004), '0.4%');
    assert.equal(formatPercent(1), '100%');
    assert.deepEqual([1, 2, 3, 5, 10, 0.05, 0.07].map(logTick), ['1', '2', null, '5', '10', '0.05', null]);
    assert.deepEqual([logRound(190, 'up'), logRound(0.0023, 'down'), logRound(100, 'up'), logRound(0.5, 'down')], [200, 0.002, 100, 0.5]);
    assert.deepEqual(niceBounds(-1.1, 1.1), [-1.2, 1.2]);
  });

  it('thin long curves evenly, keeping both ends', () => {
    const metrics = regressionResults().runs[0]!.metrics;
    const kept = thin(metrics, 100);
    assert.equal(kept.length, 100);
    assert.equal(kept[0], metrics[0]);
    assert.equal(kept[99], metrics[1000]);
    assert.ok(kept.every((m, i) => i === 0 || m.epoch > kept[i - 1]!.epoch));
    assert.deepEqual(thin(metrics.slice(0, 5), 100), metrics.slice(0, 5));
  });

  it('make script text that cannot end its element', () => {
    const payload: ReportPayload = { format: 'reglab-report', version: 1, title: '</script><!-- \u2028\u2029 <b>', generatedAt: '', experiments: [] };
    const text = payloadScriptText(payload);
    assert.doesNotMatch(text, /<|\u2028|\u2029/);
    assert.deepEqual(JSON.parse(text), payload);
    assert.equal(inlineScript('const a = "</script>", b = /<\\/SCRIPT>/;'), 'const a = "<\\/script>", b = /<\\/SCRIPT>/;');
    assert.equal(eval(inlineScript('"</script>"')), '</script>');
    assert.throws(() => inlineScript('x = "<!--"'), /<!--/);
  });
});
