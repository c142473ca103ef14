// One example, end to end: open it, click "Run all variants" above it, and watch the panel
// draw the Fit and the Loss charts with data; the panel's header, the status-bar item and the
// output channel say what happens. The full tour of every example is run-examples.
import assert from 'node:assert/strict';
import { canvasPixels, panel, selectTab, waitForChart, waitForPageState, waitForTrace } from '../panel.mjs';

export default {
  name: 'run-example',
  fixture: 'demo',
  server: { trust: false },
  timeoutMs: 180_000,

  async run(t) {
    const { page } = t;
    await t.waitForConsole('[reglab] activated');
    await t.openFile('demo.reglab.json');
    await page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Run this variant' }).first().waitFor({ timeout: 60_000 });
    await t.screenshot('lenses');
    await t.clickCodeLens('Run all variants');
    await waitForTrace(t, 'session started');
    await page.locator('.statusbar-item', { hasText: 'Reglab' }).first().waitFor({ timeout: 30_000 });
    await waitForTrace(t, 'panel ready');
    // With the panel on screen its header is the progress: no notification sits over the charts.
    await panel(t).locator('.toolbar .progress', { hasText: /runs? done/ }).waitFor({ timeout: 30_000 });
    await page.locator('.notifications-toasts .notification-list-item', { hasText: 'Reglab:' }).first().waitFor({ state: 'hidden', timeout: 5000 });
    t.step('the status-bar item and the panel header show the progress; no notification');
    const fit = await waitForChart(t, 'fit', { min: 10 });
    t.step(`fit chart drew ${fit} points`);
    await t.screenshot('training-fit');
    await selectTab(t, 'loss');
    const loss = await waitForChart(t, 'loss', { min: 10 });
    t.step(`loss chart drew ${loss} points`);
    const pixels = await canvasPixels(t, 'loss');
    assert.ok(pixels.some((p) => p.painted > 1000), `the loss canvas is painted: ${JSON.stringify(pixels)}`);
    await waitForPageState(t, 'idle');
    await t.screenshot('finished-loss');
    await selectTab(t, 'weights');
    await waitForChart(t, 'weights', { min: 1 });
    await t.screenshot('weights');
    const log = t.channelLog('Reglab');
    assert.match(log, /finished "no weight decay"/);
    assert.match(log, /finished "weight decay"/);
    assert.match(log, /Done "Weight decay on a tiny noisy regression"/);
    t.step('the Reglab channel logged both runs and the end');
  },
};
