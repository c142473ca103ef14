// A 2-D sweep: its cells as a matrix, the choice over every cell, the heat map's cells,
// colours, chosen outline and hover read-out, and the plan that gives it instead of the 1-D charts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChartDataset } from 'chart.js';
import type { EpochMetrics, RunSummary } from '../../../src/protocol.ts';
import { sweepGrids } from '../../../src/results/grid.ts';
import { chosenValues } from '../../../src/results/choice.ts';
import { sweepChoices, sweepStatistics } from '../../../src/results/stats.ts';
import type { ExperimentResults, RunRecord } from '../../../src/results/model.ts';
import { cellReadout, heatmapChart, heatmapHeight, HEATMAP_ID, ROW_BEST_MARK, viridis, type HeatmapOptions } from '../../../src/report/charts/heatmap.ts';
import { planCharts } from '../../../src/report/charts/plan.ts';
import { rowMarks } from '../../../src/webview/points.ts';

const LRS = [0.001, 0.01, 0.1];
const DECAYS = [0, 0.01, 0.1, 1];

function gridResults(validation: boolean, finished = true): ExperimentResults {
  const runs: RunRecord[] = [];
  for (const lr of LRS) for (const wd of DECAYS) for (const repeat of [0, 1]) {
    // A diagonal valley: best where lr·wd ≈ 1e-3, i.e. the lr = 0.01, wd = 0.1 cell.
    const loss = 0.1 + (Math.log10(lr * wd + 1e-6) + 3) ** 2 / 10 + (Math.log10(lr) + 2) ** 2 / 20 + 0.01 * repeat;
    const final: EpochMetrics = { epoch: 1, step: 1, trainLoss: loss, trainDataLoss: loss, trainPenalty: 0, testLoss: loss * 1.1, weightNorm: 1, weightL1: 1, sparsity: 0 };
    if (validation) final.validationLoss = loss;
    const summary: RunSummary = { final, bestTestLoss: loss, bestEpoch: 1, stoppedEarly: false, histogram: { edges: [0, 1], counts: [1], exactZeros: 0, nearZero: 0, total: 1 }, layers: [], parameterCount: 1, milliseconds: 1, path: { coefficients: [1 / (1 + wd)], largest: [1 / (1 + wd)] } };
    const done = finished || !(lr === 0.1 && wd === 1);
    runs.push({ id: `b@${lr},${wd}#${repeat}`, variant: 'base', sweepValue: lr, gridValue: wd, repeat, seed: 1 + repeat, status: done ? 'finished' : 'queued', metrics: [], snapshots: [], ...(done ? { summary } : {}) });
  }
  return { version: 1, file: 'g.reglab.json', title: 'grid', startedAt: '2026-01-01T00:00:00Z', sweepOver: 'training.optimizer.lr', gridOver: 'regularization.weightDecay', runs, sweep: sweepStatistics(runs) };
}

test('the grid is a matrix of rows (sweep.over) × columns (grid.over); the choice is the lowest cell, without λ_1se', () => {
  const results = gridResults(true);
  const [grid] = sweepGrids(results.sweep);
  assert.deepEqual([grid!.rows, grid!.columns, grid!.on], [LRS, DECAYS, 'validation']);
  assert.equal(grid!.cells[1]![2]!.value, 0.01);
  assert.equal(grid!.cells[1]![2]!.gridValue, 0.1);
  assert.equal(grid!.cells[1]![2]!.repeats, 2);
  const choice = sweepChoices(results.sweep, results.runs, 'regularization.weightDecay').get('base')!;
  assert.deepEqual([choice.point.value, choice.point.gridValue, choice.oneSe], [0.01, 0.1, undefined]);
  const [json] = chosenValues(results);
  assert.deepEqual([json!.min.value, json!.min.gridValue, json!.on], [0.01, 0.1, 'validation']);
  assert.deepEqual(sweepGrids(gridResults(false).sweep)[0]!.on, 'test');
});

test("each row's best cell: the lowest mean of its row, on what the grid shows; the first column on a tie", () => {
  // The fixture's valley lies along lr·wd = 1e-3: the best decay falls one column per row.
  assert.deepEqual(sweepGrids(gridResults(true).sweep)[0]!.rowBest, [3, 2, 1]);
  assert.deepEqual(sweepGrids(gridResults(false).sweep)[0]!.rowBest, [3, 2, 1], 'on the test loss without validation data');
  // Validation and test disagree: the row's best follows the validation loss, as the colours do.
  const results = gridResults(true);
  for (const p of results.sweep) if (p.value === 0.001 && p.gridValue === 0) p.testLoss = { ...p.testLoss, mean: 0 };
  assert.equal(sweepGrids(results.sweep)[0]!.rowBest[0], 3);
  // A row whose best cell has not finished yet: the best of the cells it has.
  const partial = gridResults(true, false);
  partial.sweep = partial.sweep.filter((p) => !(p.value === 0.1 && p.gridValue === 0.01));
  assert.deepEqual(sweepGrids(partial.sweep)[0]!.rowBest, [3, 2, 2]);
  // Equal means: the first (smallest) value.
  const tie = gridResults(true);
  for (const p of tie.sweep) if (p.value === 0.01) p.validationLoss = { ...p.validationLoss!, mean: 0.5 };
  assert.equal(sweepGrids(tie.sweep)[0]!.rowBest[1], 0);
});

test('the heat map paints every cell, brightest at the lowest loss, outlines the chosen one, and reads out its runs on hover', () => {
  const results = gridResults(true);
  const config = heatmapChart(results, 'base');
  const heat = (config.options!.plugins as Record<string, HeatmapOptions>)[HEATMAP_ID]!;
  assert.equal(heat.cells.length, 12);
  assert.deepEqual(heat.chosen, { x: 2, y: 1, final: true });
  assert.deepEqual(heat.rowBest, [{ x: 3, y: 0 }, { x: 2, y: 1 }, { x: 1, y: 2 }], "one mark per row, at the grid model's rowBest");
  assert.equal(rowMarks(config), 3, "the panel's data-row-marks");
  const best = heat.cells.find((c) => c.x === 2 && c.y === 1)!;
  assert.equal(best.color, viridis(1), 'the lowest mean is the brightest');
  assert.equal(heat.cells.filter((c) => c.color === viridis(0)).length >= 1, true, 'the highest is the darkest');
  const points = (config.data.datasets[0] as ChartDataset<'scatter', { x: number; y: number }[]>).data;
  assert.equal(points.length, 12);
  const point = results.sweep.find((p) => p.value === 0.01 && p.gridValue === 0.1)!;
  const lines = cellReadout(point, { on: 'validation' });
  assert.match(lines[0]!, /^validation loss: [\d.]+ ± [\d.e-]+ sd \(min [\d.]+, max [\d.]+\)$/);
  assert.equal(lines[1], '2 runs');
  assert.match(lines[2]!, /^test loss \(reported only\)/);
  // While runs are queued the choice is provisional: a dashed outline.
  const partial = heatmapChart(gridResults(true, false), 'base');
  assert.equal((partial.options!.plugins as Record<string, HeatmapOptions>)[HEATMAP_ID]!.chosen!.final, false);
  assert.equal((partial.options!.plugins as Record<string, HeatmapOptions>)[HEATMAP_ID]!.cells.length, 11, 'a cell without a finished run is left blank');
});

test('a 2-D sweep plans a heat map instead of the 1-D sweep charts', () => {
  const kinds = planCharts(gridResults(true), 'r').filter((s) => s.group === 'sweep').map((s) => s.kind);
  assert.ok(kinds.includes('sweep-grid'));
  assert.ok(!kinds.includes('sweep-loss') && !kinds.includes('sweep-weights'));
  // The runs carry path weights, yet a path over a grid would mix its cells: none is planned;
  // the same runs as a 1-D sweep (no grid value) get theirs.
  assert.ok(!kinds.includes('path'));
  const oneD = gridResults(true);
  oneD.runs = oneD.runs.filter((r) => r.sweepValue === 0.01).map(({ gridValue, ...r }) => ({ ...r, sweepValue: gridValue! }));
  oneD.sweep = sweepStatistics(oneD.runs);
  delete oneD.gridOver;
  oneD.sweepOver = 'regularization.weightDecay';
  assert.ok(planCharts(oneD, 'r').some((spec) => spec.kind === 'path'));
  const spec = planCharts(gridResults(true), 'r').find((s) => s.kind === 'sweep-grid')!;
  assert.equal(spec.title, 'Mean final validation loss: learning rate × weight decay λ');
  // The caption says what the marks are, the row's mark first, apart from the chosen cell's star.
  assert.match(spec.caption!, new RegExp(`^${ROW_BEST_MARK} marks each row’s lowest mean: the best weight decay λ at that learning rate\\. ★ with an outline marks the lowest cell of the grid`));
  assert.match(spec.caption!, /mean final validation loss \(the test loss is only reported, on hover\)/);
  assert.equal(spec.height, heatmapHeight(3), 'as high as its rows need, not a whole panel');
});

test('two maps (one per variant) are compact and share one caption, under the last', () => {
  const results = gridResults(false);
  const other = results.runs.map((r) => ({ ...r, id: `w${r.id}`, variant: 'decoupled' }));
  results.runs = [...results.runs, ...other];
  results.sweep = sweepStatistics(results.runs);
  const maps = planCharts(results, 'r').filter((s) => s.kind === 'sweep-grid');
  assert.deepEqual(maps.map((s) => s.variant), ['base', 'decoupled']);
  assert.deepEqual(maps.map((s) => s.caption === undefined), [true, false]);
  assert.match(maps[1]!.caption!, /the lowest cell of each map/);
  assert.match(maps[1]!.caption!, /mean final test loss over/);
  // Five rows (lesson 12) fit two maps, their titles and the caption in a panel beside an editor (~680 px under its tabs).
  assert.ok(2 * (heatmapHeight(5) + 30) + 80 < 680, `${heatmapHeight(5)} px a map`);
});
