// Lesson 8's sweep, then the regularization path in the panel's Sweep view: one chart per
// swept variant (proximal L1, L2), one line per coefficient against λ on a log axis. The
// sweep runs send their final weights once, at the end, and the path charts draw them.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ROOT } from '../harness.mjs';
import { clickLens, mark, panel, selectTab, traceAfter, waitForChart, waitForPageState } from '../panel.mjs';
import { LIGHT } from './playground.mjs';

export default {
  name: 'lasso-path',
  fixture: join(ROOT, 'examples'),
  server: { trust: false, settings: LIGHT },
  timeoutMs: 180_000,

  async run(t) {
    await t.waitForConsole('[reglab] activated');
    await t.openFile('08-lasso-path.reglab.json');
    const since = mark(t);
    await clickLens(t, 'Run sweep');
    const started = await traceAfter(t, since, 'session started: experiment', { timeout: 30_000 });
    assert.match(started, /132 runs/);
    await traceAfter(t, since, 'session finished', { timeout: 120_000 });
    await selectTab(t, 'sweep');
    await waitForPageState(t, 'idle');
    await waitForChart(t, 'sweep', { min: 13 });
    const paths = panel(t).locator('canvas[data-view="sweep"][data-chart*="-path-"]');
    assert.equal(await paths.count(), 2, 'one path chart per swept variant');
    // 20 coefficients × 13 values on each path.
    const points = await paths.evaluateAll((canvases) => canvases.map((c) => Number(c.dataset.points ?? 0)));
    assert.deepEqual(points, [260, 260]);
    t.step(`two path charts drew ${points.join(' and ')} points`);
    const cards = panel(t).locator('figure.chart-card', { has: panel(t).locator('canvas[data-chart*="-path-"]') });
    const titles = await cards.locator('.chart-title').allInnerTexts();
    t.step(`path cards: ${titles.join(' | ')}`);
    const caption = await cards.first().innerText();
    assert.match(caption, /Regularization path: each coefficient against ElasticNet λ/);
    assert.match(caption, /Exactly 0 in every repeat: none up to .*; 1 of 20 from .*, all 20 from 3\./);
    await paths.first().scrollIntoViewIfNeeded();
    await t.screenshot('lasso-path-l1');
    await paths.nth(1).scrollIntoViewIfNeeded();
    await t.screenshot('lasso-path-l2');
  },
};
