// Helpers for the Reglab panel in end-to-end scenarios: the page's test hooks (see the top of
// src/webview/main.ts) and checks by pixels, so a test waits for what is drawn, never sleeps.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The panel's document (the only webview the scenarios open). */
export function panel(t) {
  return t.webviewFrame();
}

/** Waits until a canvas of `view` has drawn at least `min` data points; returns their count. */
export async function waitForChart(t, view, { min = 1, timeout = 90_000 } = {}) {
  const frame = panel(t);
  const deadline = Date.now() + timeout;
  for (;;) {
    const counts = await frame.locator(`canvas[data-view="${view}"]`).evaluateAll((canvases) => canvases.map((c) => Number(c.dataset.points ?? 0))).catch(() => []);
    const best = Math.max(0, ...counts);
    if (best >= min) return best;
    if (Date.now() > deadline) throw new Error(`the ${view} view drew ${best} points, not ${min}, within ${timeout / 1000} s`);
    await t.page.waitForTimeout(250);
  }
}

/** Clicks a tab of the panel and waits until it is selected. */
export async function selectTab(t, view) {
  const tab = panel(t).locator(`button[role="tab"][data-view="${view}"]`);
  await tab.click();
  await panel(t).locator(`button[role="tab"][data-view="${view}"][aria-selected="true"]`).waitFor({ timeout: 10_000 });
  t.step(`selected the ${view} tab`);
}

/**
 * What the canvases of a view show: for each, the number of painted pixels (alpha > 0 and
 * not the background) and a hash of the pixels, to tell that a chart changed.
 */
export async function canvasPixels(t, view) {
  return panel(t).locator(`canvas[data-view="${view}"]`).evaluateAll((canvases) =>
    canvases.map((canvas) => {
      const ctx = canvas.getContext('2d');
      if (!ctx || canvas.width === 0 || canvas.height === 0) return { painted: 0, hash: 0, width: 0, height: 0 };
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      let hash = 2166136261;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] > 0) painted++;
        hash = Math.imul(hash ^ (data[i] + 3 * data[i + 1] + 7 * data[i + 2] + 13 * data[i + 3]), 16777619) >>> 0;
      }
      return { painted, hash, width: canvas.width, height: canvas.height, chart: canvas.dataset.chart, points: Number(canvas.dataset.points ?? 0) };
    }),
  );
}

/** The page's status: 'empty' | 'training' | 'idle'. */
export async function pageState(t) {
  return panel(t).locator('body').getAttribute('data-state');
}

export async function waitForPageState(t, state, { timeout = 120_000 } = {}) {
  await panel(t).locator(`body[data-state="${state}"]`).waitFor({ timeout });
  t.step(`panel is ${state}`);
}

/** The text of a file of the workspace. */
export function readWorkspaceFile(t, name) {
  return readFileSync(join(t.workspace, name), 'utf8');
}

/** The CodeLenses of the active editor group's editor (another group may show another file). */
export function lenses(t, title) {
  return t.page.locator('.editor-group-container.active .monaco-editor .codelens-decoration a', { hasText: title });
}

/** Clicks the first CodeLens matching `title` (a substring or a RegExp) in the active editor. */
export async function clickLens(t, title, { timeout = 60_000 } = {}) {
  const lens = lenses(t, title).first();
  await lens.waitFor({ state: 'visible', timeout });
  const text = (await lens.innerText()).trim();
  await lens.click({ timeout });
  t.step(`clicked CodeLens "${text}"`);
  return text;
}

/**
 * Opens a workspace file in the first editor group (the panel lives in the second). The
 * keyboard focus may be inside the panel's iframe, so the first group's active tab is
 * clicked first: keys then go to the workbench.
 */
export async function openInFirstGroup(t, name) {
  const firstTab = t.page.locator('.part.editor .editor-group-container').first().locator('.tabs-container .tab.active');
  if (await firstTab.count() > 0) await firstTab.first().click();
  else await t.page.keyboard.press('Control+1');
  await t.openFile(name);
}

/** Waits for an extension trace line ("[reglab] …") in the console. */
export function waitForTrace(t, text, options) {
  return t.waitForConsole(`[reglab] ${text}`, options);
}

/** A mark in the console lines: `traceAfter(t, mark, …)` only sees lines that came later. */
export function mark(t) {
  return t.consoleLines.length;
}

/** Waits for a "[reglab] <text>" console line that arrived after `since` (a `mark`); returns it. */
export async function traceAfter(t, since, text, { timeout = 60_000 } = {}) {
  const needle = `[reglab] ${text}`;
  const deadline = Date.now() + timeout;
  for (;;) {
    const line = t.consoleLines.slice(since).find((l) => l.includes(needle));
    if (line !== undefined) return line;
    if (Date.now() > deadline) throw new Error(`no console line containing ${JSON.stringify(needle)} within ${timeout / 1000} s`);
    await t.page.waitForTimeout(100);
  }
}

/**
 * Reglab: Export Results (CSV) on lesson 1's results: the file it wrote into the workspace,
 * checked for its header and one row per epoch of each run (2000); returns its path and lines.
 */
export async function exportLessonOneCsv(t) {
  const since = mark(t);
  await t.runCommand('Reglab: Export Results (CSV)');
  const line = await traceAfter(t, since, 'exported curves: ', { timeout: 15_000 });
  const path = join(t.workspace, line.slice(line.indexOf('exported curves: ') + 17).split(' ')[0]);
  const lines = readFileSync(path, 'utf8').split('\n');
  assert.match(lines[0], /^run,variant,sweepValue,repeat,seed,epoch,step,trainLoss/);
  assert.equal(lines.filter((l) => l.startsWith('no-weight-decay,')).length, 2000, 'one row per epoch of each run');
  return { path, lines };
}

/** Reglab: Export Chart (PNG): the image it wrote into the workspace, checked to be a real chart; returns its path, size and bytes. */
export async function exportChartPng(t) {
  const since = mark(t);
  await t.runCommand('Reglab: Export Chart (PNG)');
  const line = await traceAfter(t, since, 'exported chart: ', { timeout: 20_000 });
  const path = join(t.workspace, line.slice(line.indexOf('exported chart: ') + 16).split(' ')[0]);
  const png = readFileSync(path);
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  assert.ok(width > 300 && height > 200 && png.length > 5000, `a real chart: ${width}×${height}, ${png.length} bytes`);
  return { path, width, height, bytes: png.length };
}

/**
 * Runs a palette command that opens a quick pick of its own ("Show Runs History", "New
 * Experiment"), and waits for that pick, known by its placeholder. (t.runCommand waits for
 * the palette to close by default, which such a command never lets happen.)
 */
export async function runCommandWithPick(t, title, placeholder, { attempts = 4 } = {}) {
  await t.runCommand(title, {
    attempts,
    ran: () => t.page.locator(`.quick-input-widget input[placeholder="${placeholder}"]`).waitFor({ timeout: 10_000 }),
  });
}
