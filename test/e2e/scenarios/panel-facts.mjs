// What a learner sees, measured from the DOM in a 1400 × 850 window with the panel beside the
// editor: every example, every view (Fit, Loss, Sweep, Weights), in the dark, light and
// high-contrast themes. For each: the active view's first chart is at least 300 px tall and
// 45 % of the panel, its legend has at most one entry per variant plus four, no log axis spans
// more than the floor allows, and no note is said twice. Then lesson 6's sweep with 20 repeats
// is stopped from the panel's own Stop: at once, every count on screen (header, variant line,
// CodeLens) tells the same runs, no spinner is left and no notification covered the charts.
// The facts go to test-output/e2e/panel-facts.json.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT, ROOT } from '../harness.mjs';
import { clickLens, lenses, mark, openInFirstGroup, panel, selectTab, traceAfter, waitForPageState } from '../panel.mjs';

const EXAMPLES = join(ROOT, 'examples');
const VIEWS = ['fit', 'loss', 'sweep', 'weights'];
const THEMES = [
  // The names the theme picker lists (the settings call them "Default Dark Modern" and so on).
  ['dark', 'Dark Modern', 'vscode-dark'],
  ['light', 'Light Modern', 'vscode-light'],
  ['high-contrast', 'Dark High Contrast', 'vscode-high-contrast'],
];
/** The log floor is 1e-6 of an axis's top, both rounded to 1, 2 or 5 × 10^k: at most ~6.4 decades. */
const MAX_LOG_DECADES = 6.5;

export default {
  name: 'panel-facts',
  fixture: EXAMPLES,
  server: { trust: false, settings: { 'workbench.colorTheme': 'Default Dark Modern' } },
  timeoutMs: 600_000,

  async run(t) {
    await t.waitForConsole('[reglab] activated');
    const facts = { window: { width: 1400, height: 850 }, views: [], stop: null };
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.reglab.json')).sort();
    for (const file of files) {
      const stem = file.replace(/\.reglab\.json$/, '');
      await openActive(t, file);
      // A lesson with a sweep runs it, so that its Sweep view has something to measure.
      const sweepLens = lenses(t, /Run sweep/);
      await lenses(t, /Run (all variants|experiment)/).first().waitFor({ timeout: 60_000 });
      const hasSweep = (await sweepLens.count()) > 0;
      const since = mark(t);
      await clickLens(t, hasSweep ? /Run sweep/ : /Run (all variants|experiment)/);
      await traceAfter(t, since, 'session finished: experiment', { timeout: 180_000 });
      await waitForPageState(t, 'idle');
      // No hover left over the tabs (an editor tab's path tooltip covers the panel's tabs).
      await t.page.mouse.move(1100, 4);
      for (const [theme, themeName, bodyClass] of THEMES) {
        await setTheme(t, themeName, bodyClass);
        for (const view of VIEWS) {
          await selectTab(t, view);
          const fact = await viewFacts(t);
          facts.views.push({ example: stem, theme, view, ...fact });
          await t.screenshot(`${stem}-${view}-${theme}`);
          checkView(`${stem} ${view} (${theme})`, fact);
        }
      }
      t.step(`${stem}: ${VIEWS.length} views × ${THEMES.length} themes measured`);
    }
    await setTheme(t, 'Dark Modern', 'vscode-dark');
    facts.stop = await stopSweep(t);
    mkdirSync(OUTPUT, { recursive: true });
    writeFileSync(join(OUTPUT, 'panel-facts.json'), `${JSON.stringify(facts, null, 2)}\n`);
    t.step(`wrote ${facts.views.length} view facts and the stop facts to test-output/e2e/panel-facts.json`);
  },
};

/**
 * Opens a file in the first editor group and makes sure it is the active editor there: by
 * Quick Open, and if Quick Open picked another row (its history can come first), from the
 * Explorer, which opens into the active group (the first, once its tab was clicked).
 */
async function openActive(t, file) {
  const firstGroup = t.page.locator('.part.editor .editor-group-container').first();
  const active = firstGroup.locator('.tabs-container .tab.active', { hasText: file });
  await openInFirstGroup(t, file);
  if (await active.waitFor({ timeout: 5000 }).then(() => true, () => false)) return;
  await firstGroup.locator('.tabs-container .tab.active').first().click();
  await t.page.locator('.explorer-folders-view .monaco-list-row', { hasText: file }).first().click();
  await active.waitFor({ timeout: 10_000 });
  t.step(`opened ${file} from the Explorer`);
}

/** Switches the colour theme with "Preferences: Color Theme", as a user would. */
async function setTheme(t, themeName, bodyClass) {
  const frameBody = panel(t).locator(`body.${bodyClass}`);
  if (await frameBody.count() > 0) return;
  const { input, rows } = t.quickInput();
  await t.runCommand('Preferences: Color Theme', { ran: () => rows.first().waitFor({ timeout: 5000 }) });
  await input.fill(themeName);
  const exactly = new RegExp(`^${themeName}$`);
  const row = rows.filter({ has: t.page.locator('.label-name', { hasText: exactly }) }).first();
  await row.waitFor({ timeout: 5000 });
  await row.click();
  await t.quickInput().widget.waitFor({ state: 'hidden', timeout: 5000 });
  await t.page.mouse.move(1100, 4);
  await frameBody.waitFor({ timeout: 30_000 });
  // The page redraws at its next frame after the class change.
  await t.page.waitForTimeout(300);
  t.step(`theme: ${themeName}`);
}

/** Sizes, legend and notes of the active view, read from the page. */
async function viewFacts(t) {
  return panel(t).locator('body').evaluate(() => {
    const active = document.querySelector('section[role="tabpanel"]:not([hidden])');
    const canvases = [...(active?.querySelectorAll('canvas') ?? [])];
    const first = canvases[0];
    const box = first?.closest('.chart-box')?.getBoundingClientRect();
    // A grid's heat maps (one per variant) are as tall as their rows and read together.
    const maps = canvases.filter((c) => (c.dataset.chart ?? '').includes('sweep-grid')).map((c) => c.closest('.chart-box').getBoundingClientRect().height);
    const notes = [...(active?.querySelectorAll('.notes li') ?? [])].map((li) => li.textContent ?? '');
    const variants = document.querySelectorAll('li.variant').length;
    return {
      panelHeight: window.innerHeight,
      panelWidth: window.innerWidth,
      chartHeight: box === undefined ? 0 : Math.round(box.height),
      chartTop: box === undefined ? 0 : Math.round(box.top),
      heatMaps: maps.map(Math.round),
      charts: canvases.map((c) => ({ chart: c.dataset.chart, legend: Number(c.dataset.legend ?? 0), logDecades: Number(c.dataset.logDecades ?? 0) })),
      variants,
      notes,
      empty: active?.querySelector('.view-empty:not([hidden])')?.textContent ?? null,
    };
  });
}

function checkView(what, fact) {
  if (fact.charts.length === 0) {
    assert.ok(fact.empty, `${what}: no chart and no sentence saying why`);
    return;
  }
  if (fact.heatMaps.length > 0) {
    // Heat maps are as tall as their rows: together they fill the view, the first whole on screen.
    const total = fact.heatMaps.reduce((a, b) => a + b, 0);
    assert.ok(total >= 0.45 * fact.panelHeight, `${what}: the heat maps are ${total} of ${fact.panelHeight} px`);
    assert.ok(fact.chartTop + fact.heatMaps[0] <= fact.panelHeight, `${what}: the first heat map (${fact.chartTop}–${fact.chartTop + fact.heatMaps[0]} px) is not whole on screen`);
  } else {
    assert.ok(fact.chartHeight >= 300, `${what}: the chart is ${fact.chartHeight} px tall`);
    assert.ok(fact.chartHeight >= 0.45 * fact.panelHeight, `${what}: the chart is ${fact.chartHeight} of ${fact.panelHeight} px`);
    assert.ok(fact.chartTop + 300 <= fact.panelHeight, `${what}: the chart starts at ${fact.chartTop} px, below the fold`);
  }
  for (const c of fact.charts) {
    assert.ok(c.legend <= fact.variants + 4, `${what}: ${c.chart} has ${c.legend} legend entries for ${fact.variants} variants`);
    assert.ok(c.logDecades <= MAX_LOG_DECADES, `${what}: ${c.chart} has a log axis over ${c.logDecades} decades`);
  }
  assert.equal(new Set(fact.notes).size, fact.notes.length, `${what}: a note is repeated: ${fact.notes.join(' | ')}`);
}

/** Lesson 6 with 20 repeats (181 runs), stopped from the panel while it trains. */
async function stopSweep(t) {
  const { page } = t;
  const file = '06-lambda-sweep-u-shape.reglab.json';
  const path = join(t.workspace, file);
  writeFileSync(path, readFileSync(path, 'utf8').replace(/"repeats": 5\b/, '"repeats": 20'));
  await openActive(t, file);
  const lens = lenses(t, /Run sweep \(181 runs\)/).first();
  await lens.waitFor({ timeout: 60_000 });
  const lensText = await lens.innerText();
  const lensRuns = Number(/\((\d+) runs\)/.exec(lensText)[1]);
  assert.equal(lensRuns, 181, `the lens says "${lensText}"`);
  const since = mark(t);
  await clickLens(t, 'Run sweep');
  const started = await traceAfter(t, since, 'session started: experiment', { timeout: 30_000 });
  assert.match(started, new RegExp(`${lensRuns} runs`), 'the lens counts the runs the session trains');
  await waitForPageState(t, 'training');
  await selectTab(t, 'sweep');
  // Some sweep points, then Stop, with the panel beside the editor: no notification over it.
  await panel(t).locator('canvas[data-view="sweep"][data-points]:not([data-points="0"])').first().waitFor({ timeout: 120_000 });
  const toasts = await page.locator('.notifications-toasts .notification-list-item', { hasText: 'Reglab:' }).count();
  assert.equal(toasts, 0, 'no progress notification covers the panel while it is on screen');
  const header = panel(t).locator('.toolbar .progress');
  const during = await header.innerText();
  // Training shows still icons (an endless animation redraws the window 60 times a second).
  assert.ok(await panel(t).locator('.toolbar .codicon-pulse:visible').count() > 0, 'the header shows that runs train');
  assert.equal(await panel(t).locator('.codicon-modifier-spin').count(), 0, 'nothing spins in the panel while runs train');
  assert.equal(await page.locator('.statusbar-item .codicon-modifier-spin, .statusbar-item [class*="~spin"]').count(), 0, 'nothing spins in the status bar');
  const statusDuring = await page.locator('.statusbar-item', { hasText: 'Reglab' }).first().innerText().catch(() => '');
  t.step(`while training: header "${during}", status bar "${statusDuring.replace(/\s+/g, ' ')}"`);
  await t.screenshot('sweep-training');

  const t0 = Date.now();
  await panel(t).locator('[data-testid="stop"]').click();
  await panel(t).locator('body[data-state="idle"]').waitFor({ timeout: 10_000 });
  const shownMs = Date.now() - t0;
  const after = {
    header: await header.innerText(),
    variantLines: await panel(t).locator('li.variant .detail').allInnerTexts(),
    statusBar: await page.locator('.statusbar-item', { hasText: 'Reglab' }).allInnerTexts(),
    panelSpinners: await panel(t).locator('.codicon-modifier-spin:visible, .codicon-pulse:visible').count(),
    stopEnabled: await panel(t).locator('[data-testid="stop"]').isEnabled(),
    // The editor is in the first group; the panel's group is the active one after the click.
    lens: await t.page.locator('.part.editor .editor-group-container').first().locator('.codelens-decoration a', { hasText: /Run sweep/ }).first().innerText(),
  };
  t.step(`${shownMs} ms after Stop: header "${after.header}", variant "${after.variantLines.join(' | ')}"`);
  await t.screenshot('sweep-stopped');
  const counted = /^(\d+) done · (\d+) stopped$/.exec(after.header);
  assert.ok(counted, `the header says "${after.header}"`);
  assert.equal(Number(counted[1]) + Number(counted[2]), lensRuns, 'done + stopped = the runs the lens announced');
  for (const line of after.variantLines) assert.ok(line.endsWith(after.header), `the variant line "${line}" counts as the header "${after.header}"`);
  assert.equal(after.panelSpinners, 0, 'no training icon in the panel after Stop');
  assert.equal(after.stopEnabled, false, 'Stop is disabled once every run is settled');
  assert.equal(after.statusBar.filter((s) => s.trim() !== '').length, 0, `the status bar item is gone: ${after.statusBar.join(' | ')}`);
  assert.match(after.lens, /Run sweep \(181 runs\)/);
  // How fast is the responsiveness scenario's to judge (on a machine others load, a click
  // alone can take seconds to reach the extension host); here only a generous bound.
  assert.ok(shownMs < 5000, `the panel showed "stopped" ${shownMs} ms after the click`);
  // The sweep's notes: one line for the choice (provisional) and one for the runs that did not finish.
  const notes = await panel(t).locator('#view-sweep .notes li').allInnerTexts();
  assert.equal(new Set(notes).size, notes.length, `repeated notes: ${notes.join(' | ')}`);
  assert.ok(notes.some((n) => /provisional/.test(n)), `the choice after Stop is provisional: ${notes.join(' | ')}`);
  assert.equal(notes.filter((n) => /did not finish/.test(n)).length, 1, `one line for the runs that did not finish: ${notes.join(' | ')}`);
  await traceAfter(t, since, 'session finished: experiment', { timeout: 15_000 });
  return { lens: lensText, during, statusDuring, shownMs, ...after, notes };
}
