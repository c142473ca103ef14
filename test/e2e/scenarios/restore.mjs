// The panel survives a reload of VS Code (WebviewPanelSerializer + the page's setState): it
// comes back with the last results and does not retrain. Then the saved runs: "Show Runs
// History" reopens one, the exports write CSV and PNG into the workspace, "New Experiment"
// starts a file from a lesson, and a theme switch redraws the charts in the new colours.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { canvasPixels, clickLens, exportChartPng, exportLessonOneCsv, lenses, mark, panel, runCommandWithPick, traceAfter, waitForChart, waitForPageState } from '../panel.mjs';
import { LIGHT } from './playground.mjs';

export default {
  name: 'restore',
  fixture: 'demo',
  server: { trust: false, settings: LIGHT },
  timeoutMs: 300_000,

  async run(t) {
    try {
      await tour(t);
    } finally {
      await t.restoreSettings?.();
    }
  },
};

/** Polls VS Code's IndexedDB state (up to 90 s) until an entry names the Reglab panel's view type. */
async function waitForSavedPanel(t) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const saved = await t.page.evaluate(async () => {
      const read = (name) =>
        new Promise((resolve) => {
          const open = indexedDB.open(name);
          open.onerror = () => resolve('');
          open.onsuccess = () => {
            const db = open.result;
            const stores = [...db.objectStoreNames];
            if (stores.length === 0) return resolve('');
            const tx = db.transaction(stores, 'readonly');
            const texts = [];
            for (const store of stores) {
              const all = tx.objectStore(store).getAll();
              all.onsuccess = () => texts.push(JSON.stringify(all.result));
            }
            tx.oncomplete = () => resolve(texts.join(''));
            tx.onerror = () => resolve('');
          };
        });
      const names = (await indexedDB.databases()).map((d) => d.name).filter(Boolean);
      // A saved webview editor records its view type as "mainThreadWebview-<viewType>".
      return (await Promise.all(names.map(read))).some((text) => text.includes('mainThreadWebview-reglab.panel'));
    });
    if (saved) return t.step('VS Code saved the layout with the panel');
    await t.page.waitForTimeout(2000);
  }
  throw new Error('VS Code did not save the editor layout with the Reglab panel within 90 s');
}

/** Clicks the first editor group's tab: keys then go to the workbench, not to the panel's page. */
async function focusEditor(t) {
  await t.page.locator('.part.editor .editor-group-container').first().locator('.tabs-container .tab.active').click();
}

/** "Preferences: Color Theme", as a user picks one. */
async function pickTheme(t, theme) {
  const { input } = t.quickInput();
  // The command opens a quick pick of its own, of the themes ("Select Color Theme …"). Through
  // runCommand, which tries again: once, after the PNG export, the palette closed as it opened.
  await t.runCommand('Preferences: Color Theme', {
    ran: () => t.page.locator('.quick-input-widget input[placeholder^="Select Color Theme"]').waitFor({ timeout: 10_000 }),
  });
  await input.fill(theme);
  await t.page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first().waitFor({ timeout: 10_000 });
  await t.page.keyboard.press('Enter');
  await t.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

async function tour(t) {
  {
    const { page } = t;
    await t.waitForConsole('[reglab] activated');
    await t.openFile('demo.reglab.json');
    let since = mark(t);
    await clickLens(t, 'Run all variants');
    await traceAfter(t, since, 'session finished: experiment', { timeout: 120_000 });
    await waitForPageState(t, 'idle');
    const drawn = await waitForChart(t, 'fit', { min: 10 });
    await page.waitForTimeout(2500); // the page saves its state (setState) at most every 2 s while training
    // VS Code in a browser cannot save its state while a page unloads: it saves it when idle,
    // once a minute. Reloading before that loses the open panel, so wait until the saved
    // editor layout holds the Reglab panel.
    await waitForSavedPanel(t);
    await t.screenshot('before-reload');

    // Reload the window: VS Code restores the editor and, through the serializer, the panel.
    since = mark(t);
    await page.reload();
    await t.waitForWorkbench();
    await traceAfter(t, since, 'activated', { timeout: 90_000 });
    const restoredLine = await traceAfter(t, since, 'panel restored: Weight decay on a tiny noisy regression', { timeout: 60_000 });
    t.step(`panel restored ${/\(from ([^)]*)\)/.exec(restoredLine)?.[0] ?? ''}`);
    await panel(t).locator('h1.title', { hasText: 'Weight decay on a tiny noisy regression' }).waitFor({ timeout: 30_000 });
    const restored = await waitForChart(t, 'fit', { min: 10 });
    assert.equal(restored, drawn, 'the same points as before the reload');
    assert.equal(await panel(t).locator('body').getAttribute('data-state'), 'idle');
    assert.ok(!t.consoleLines.slice(since).some((l) => l.includes('[reglab] session started')), 'nothing was retrained');
    t.step(`the panel came back with ${restored} points, without retraining`);
    await t.screenshot('after-reload');

    // The runs history reopens saved results.
    since = mark(t);
    await focusEditor(t);
    await runCommandWithPick(t, 'Reglab: Show Runs History', 'Open saved results (newest first)');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'demo' }).first();
    await row.waitFor({ timeout: 15_000 });
    await t.screenshot('history');
    await page.keyboard.press('Enter');
    await traceAfter(t, since, 'opened saved results: "Weight decay on a tiny noisy regression"', { timeout: 15_000 });
    await waitForChart(t, 'fit', { min: 10 });
    t.step('the history reopened the saved run');

    // Exports into the workspace.
    const csv = await exportLessonOneCsv(t);
    t.step(`CSV: ${csv.lines.length - 2} rows in ${csv.path.slice(t.workspace.length + 1)}`);
    const png = await exportChartPng(t);
    t.step(`PNG: ${png.width}×${png.height}, ${png.bytes} bytes`);
    copyFileSync(png.path, join(t.outDir, 'exported-chart.png'));
    await t.screenshot('exported');

    // A theme switch redraws the charts in the new colours.
    const light = await canvasPixels(t, 'fit');
    // (As a user changes it in the Settings editor: VS Code applies the settings file at once.)
    // The server is shared with other scenarios: the light theme is put back at the end.
    await focusEditor(t);
    await pickTheme(t, 'Dark Modern');
    t.restoreSettings = () => pickTheme(t, 'Light Modern');
    await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 15_000 });
    let dark = await canvasPixels(t, 'fit');
    for (let i = 0; i < 20 && dark[0]?.hash === light[0]?.hash; i++) {
      await page.waitForTimeout(250);
      dark = await canvasPixels(t, 'fit');
    }
    assert.notEqual(dark[0]?.hash, light[0]?.hash, 'the chart was redrawn for the dark theme');
    t.step('the theme switch redrew the chart');
    await t.screenshot('dark-theme');

    // New Experiment from a lesson's template.
    since = mark(t);
    await focusEditor(t);
    await runCommandWithPick(t, 'Reglab: New Experiment', 'New experiment from a lesson');
    const template = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dropout against overfitting' }).first();
    await template.waitFor({ timeout: 15_000 });
    await t.screenshot('templates');
    await template.click();
    const created = await traceAfter(t, since, 'new experiment: ', { timeout: 15_000 });
    const name = created.slice(created.indexOf('new experiment: ') + 16).split(' ')[0];
    assert.ok(existsSync(join(t.workspace, name)), `${name} was written`);
    await page.locator('.tabs-container .tab', { hasText: name.split('/').pop() }).waitFor({ timeout: 15_000 });
    await lenses(t, 'Run all variants').first().waitFor({ timeout: 30_000 });
    t.step(`New Experiment wrote ${name} and opened it`);
    await t.screenshot('new-experiment');
    assert.ok(readdirSync(join(t.workspace, '.reglab/runs/demo')).some((f) => f.endsWith('.json')));
  }
}
