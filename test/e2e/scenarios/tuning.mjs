// Choosing λ honestly, in the panel: lesson 10's 5-fold cross-validation sweep (the
// validation curve with ±1 SE bars, λ_min starred and λ_1se crossed, the test curve only
// reported), then a 2-D grid (weight decay × dropout p) drawn as a heat map with the chosen
// cell outlined, each row's best cell marked, and a cell's spread on hover. Light theme, the panel beside the editor.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../harness.mjs';
import { clickLens, mark, panel, selectTab, traceAfter, waitForChart, waitForPageState } from '../panel.mjs';
import { LIGHT } from './playground.mjs';

const GRID = {
  title: 'Weight decay × dropout on a tiny regression',
  description: 'A 2-D grid: every weight decay λ with every dropout p, each cell repeated over 2 seeds and judged on a held-out quarter of the training set.',
  seed: 1,
  data: { generator: 'line', train: 40, test: 40, trainNoise: 0.5, validation: 0.25 },
  model: { hidden: [32, 32] },
  training: { optimizer: { type: 'sgd', lr: 0.05, momentum: 0.9 }, epochs: 100 },
  sweep: { over: 'regularization.weightDecay', values: [0, 0.001, 0.01, 0.1], grid: { over: 'regularization.dropout', values: [0, 0.1, 0.3, 0.5] }, repeats: 2 },
};

export default {
  name: 'tuning',
  fixture: join(ROOT, 'examples'),
  server: { trust: false, settings: LIGHT },
  timeoutMs: 240_000,

  async run(t) {
    // Written first, so that Quick Open has indexed it by the time it is opened.
    writeFileSync(join(t.workspace, 'grid.reglab.json'), JSON.stringify(GRID, null, 2));
    await t.waitForConsole('[reglab] activated');
    await t.openFile('10-choosing-lambda-by-cross-validation.reglab.json');
    let since = mark(t);
    await clickLens(t, 'Run sweep');
    const started = await traceAfter(t, since, 'session started: experiment', { timeout: 30_000 });
    assert.match(started, /56 runs/, 'the base run and 11 values × 5 folds');
    await traceAfter(t, since, 'session finished', { timeout: 150_000 });
    await selectTab(t, 'sweep');
    await waitForPageState(t, 'idle');
    await waitForChart(t, 'sweep', { min: 11 });
    const notes = await panel(t).locator('ul.notes li', { hasText: 'Chosen on the validation loss only' }).first().innerText();
    t.step(`notes: ${notes}`);
    assert.match(notes, /Chosen on the validation loss only\. λ_min, weight decay λ = [\d.]+: validation [\d.]+ ± [\d.]+ SE over 5 runs, test [\d.]+/);
    assert.match(notes, /λ_1se \(the largest within one SE of λ_min\), weight decay λ = [\d.]+/);
    assert.match(notes, /The test set was used only for these test losses\./);
    assert.match(notes, /These test losses are means over models trained on 4\/5 of the training set \(one per fold\); Reglab does not refit the chosen value on the whole training set/);
    const loss = panel(t).locator('canvas[data-view="sweep"][data-chart$="-sweep-loss"]');
    await loss.scrollIntoViewIfNeeded();
    await t.screenshot('cv-curve');

    await t.openFile('grid.reglab.json');
    since = mark(t);
    await clickLens(t, 'Run sweep');
    const gridStarted = await traceAfter(t, since, 'session started: experiment', { timeout: 30_000 });
    assert.match(gridStarted, /33 runs/, 'the base run and 4 × 4 cells × 2 seeds');
    await traceAfter(t, since, 'session finished', { timeout: 150_000 });
    await selectTab(t, 'sweep');
    await waitForPageState(t, 'idle');
    await waitForChart(t, 'sweep', { min: 16 });
    const heatmap = panel(t).locator('canvas[data-view="sweep"][data-chart*="-sweep-grid-"]');
    assert.equal(await heatmap.count(), 1, 'one heat map');
    assert.equal(await panel(t).locator('canvas[data-view="sweep"][data-chart$="-sweep-loss"]').count(), 0, 'no 1-D sweep chart for a grid');
    const card = panel(t).locator('figure.chart-card', { has: heatmap });
    const text = await card.innerText();
    assert.match(text, /Mean final validation loss: weight decay λ × dropout p/);
    // Each row's best cell is marked, one mark per row, and the caption says what the marks are.
    assert.equal(Number(await heatmap.getAttribute('data-row-marks')), GRID.sweep.values.length, "one mark per row: each row's best cell");
    assert.match(text, /● marks each row’s lowest mean: the best dropout p at that weight decay λ\. ★ with an outline marks the lowest cell of the grid/);
    const box0 = await heatmap.boundingBox();
    assert.ok(box0 !== null && box0.height < 320, `a compact map: ${box0?.height} px for 4 rows`);
    const gridNotes = await panel(t).locator('ul.notes li', { hasText: 'Lowest cell' }).first().innerText();
    assert.match(gridNotes, /Lowest cell, weight decay λ = [\d.]+, dropout p = [\d.]+: validation/);
    await heatmap.scrollIntoViewIfNeeded();
    await t.screenshot('grid-heatmap');
    // Hover the middle of the chart: a cell's read-out (mean ± sd, min, max, runs).
    const box = await heatmap.boundingBox();
    if (box) await t.page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.45);
    await t.page.waitForTimeout(400);
    await t.screenshot('grid-heatmap-hover');
  },
};
