// Every example lesson, end to end, in the dark theme: open the file, click the Run lens
// above it, and wait until the panel has drawn the Fit and the Loss charts with data while
// it trains (the page's data-points hooks, and painted pixels); then, once the lesson has
// finished, the Weights, Loss (and, for classifiers, accuracy) and Fit tabs again.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../harness.mjs';
import { canvasPixels, clickLens, lenses, mark, openInFirstGroup, panel, selectTab, traceAfter, waitForChart, waitForPageState } from '../panel.mjs';

const EXAMPLES = join(ROOT, 'examples');
export const DARK = { 'workbench.colorTheme': 'Default Dark Modern' };

export default {
  name: 'run-examples',
  fixture: EXAMPLES,
  server: { trust: false, settings: DARK },
  timeoutMs: 420_000,

  async run(t) {
    await t.waitForConsole('[reglab] activated');
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.reglab.json')).sort();
    assert.ok(files.length >= 5, `examples: ${files.join(', ')}`);
    for (const [index, file] of files.entries()) {
      const stem = file.replace(/\.reglab\.json$/, '');
      await openInFirstGroup(t, file);
      await lenses(t, /Run (all variants|experiment)/).first().waitFor({ timeout: 60_000 });
      if (index === 0) await t.screenshot(`${stem}-lenses`);
      const before = mark(t);
      await clickLens(t, /Run (all variants|experiment)/);
      const started = await traceAfter(t, before, 'session started: experiment', { timeout: 30_000 });
      const experimentTitle = /"(.*)"/.exec(started.slice(started.indexOf('session started')))?.[1];
      await panel(t).locator('h1.title', { hasText: experimentTitle }).waitFor({ timeout: 60_000 });

      await selectTab(t, 'fit');
      const fitEmpty = panel(t).locator('#view-fit .view-empty');
      if (await fitEmpty.count() > 0 && await fitEmpty.first().isVisible()) {
        t.step(`${stem}: no fit view (${(await fitEmpty.first().innerText()).slice(0, 60)}…)`);
      } else {
        const points = await waitForChart(t, 'fit', { min: 5 });
        t.step(`${stem}: fit drew ${points} points`);
      }
      await t.screenshot(`${stem}-fit`);
      await selectTab(t, 'loss');
      const loss = await waitForChart(t, 'loss', { min: 5 });
      const pixels = await canvasPixels(t, 'loss');
      assert.ok(pixels.some((p) => p.painted > 2000), `${stem}: the loss canvas is painted (${JSON.stringify(pixels)})`);
      t.step(`${stem}: loss drew ${loss} points`);
      await t.screenshot(`${stem}-loss`);
      // Let the lesson finish (the screenshots of the docs show finished runs).
      await waitForPageState(t, 'idle', { timeout: 120_000 });
      await t.page.locator('.notifications-toasts .notification-list-item', { hasText: 'Reglab:' }).waitFor({ state: 'hidden', timeout: 15_000 }).catch(() => {});
      await selectTab(t, 'weights');
      await waitForChart(t, 'weights', { min: 1 });
      await t.screenshot(`${stem}-weights`);
      await selectTab(t, 'loss');
      await t.screenshot(`${stem}-loss-final`);
      // Classifiers add an accuracy chart under the loss chart.
      const accuracy = panel(t).locator('canvas[data-view="loss"][data-chart="panel-accuracy"]');
      if (await accuracy.count() > 0) {
        await accuracy.scrollIntoViewIfNeeded();
        const [drawn] = await accuracy.evaluateAll((canvases) => canvases.map((c) => Number(c.dataset.points ?? 0)));
        assert.ok(drawn > 0, `${stem}: the accuracy chart drew points`);
        t.step(`${stem}: accuracy drew ${drawn} points`);
        await t.screenshot(`${stem}-accuracy`);
        await panel(t).locator('h1.title').scrollIntoViewIfNeeded();
      }
      await selectTab(t, 'fit');
      await t.screenshot(`${stem}-fit-final`);
    }
  },
};
