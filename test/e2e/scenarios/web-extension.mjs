// Reglab in the browser, as vscode.dev and github.dev run it: code-server installs the
// package without its `main` entry, so VS Code can only run the `browser` entry, in the
// browser's extension host (a Web Worker); training runs in Web Workers it starts. Lesson 1
// is opened and run; the Fit and Loss charts draw; the results are saved through
// vscode.workspace.fs; and the final losses equal those of the same lesson trained by the
// CLI in Node here, bit for bit. The saved results are found and opened again through the
// runs history (listed and read through vscode.workspace.fs), and exported as CSV and PNG
// into the workspace. Then a CSV data file, read through vscode.workspace.fs by the editor's
// checks (a missing column is reported at its field) and by the training. Last, lesson 6's
// sweep is stopped while it trains (no shared memory here: Stop terminates the workers).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { canvasPixels, clickLens, exportChartPng, exportLessonOneCsv, mark, panel, selectTab, traceAfter, waitForChart, waitForPageState, waitForTrace } from '../panel.mjs';

const ROOT = resolve(import.meta.dirname, '../../..');
const EXAMPLES = join(ROOT, 'examples');
const LESSON = '01-tiny-regression-weight-decay.reglab.json';

/** The saved results files under `dir` (JSON), newest last. */
function savedResults(dir) {
  const found = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(d, entry.name));
      else if (entry.name.endsWith('.json')) found.push(join(d, entry.name));
    }
  };
  walk(dir);
  return found.sort();
}

/** Each run's final metrics, by run id. */
function finals(results) {
  return Object.fromEntries(results.runs.map((r) => [r.id, r.summary.final]));
}

export default {
  name: 'web-extension',
  fixture: EXAMPLES,
  server: { trust: false, webOnly: true },
  timeoutMs: 240_000,

  async run(t) {
    const { page } = t;
    await t.waitForConsole('[reglab] activated (web extension host)');
    t.step('activated in the browser\'s extension host');
    // The Node extension host must not activate Reglab (its package has no `main`). Only its
    // activation line counts: the log may name the extension for other reasons (a CI run once
    // failed on a bare mention), and what it said is printed with the failure.
    const mentions = t.exthostLog().split('\n').filter((line) => line.includes('reglab.reglab'));
    assert.ok(!mentions.some((line) => /_doActivateExtension reglab\.reglab\b/.test(line)), `the Node extension host activated Reglab:\n${mentions.join('\n')}`);
    if (mentions.length > 0) t.step(`the Node extension host's log names Reglab without activating it: ${mentions.join(' | ')}`);
    await t.openFile(LESSON);
    await page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Run this variant' }).first().waitFor({ timeout: 60_000 });
    await t.screenshot('lenses');
    await t.clickCodeLens('Run all variants');
    await waitForTrace(t, 'session started');
    const fit = await waitForChart(t, 'fit', { min: 10 });
    t.step(`fit chart drew ${fit} points while training in Web Workers`);
    await t.screenshot('training-fit');
    const finished = await waitForTrace(t, 'session finished', { timeout: 180_000 });
    assert.match(String(finished), /finished,finished/, 'both runs finished');
    await waitForPageState(t, 'idle');
    await selectTab(t, 'loss');
    const loss = await waitForChart(t, 'loss', { min: 1000 });
    const pixels = await canvasPixels(t, 'loss');
    assert.ok(pixels.some((p) => p.painted > 1000), `the loss canvas is painted: ${JSON.stringify(pixels)}`);
    t.step(`loss chart drew ${loss} points`);
    await t.screenshot('finished-loss');
    // (The Reglab channel's log of a browser's extension host stays in the browser, not in the server's logs.)

    // Saved through vscode.workspace.fs into the workspace (here on the server's disk).
    const saved = savedResults(join(t.workspace, '.reglab', 'runs'));
    assert.equal(saved.length, 1, `one results file: ${saved.join(', ')}`);
    const web = JSON.parse(readFileSync(saved[0], 'utf8'));
    t.step(`results saved: ${saved[0].slice(t.workspace.length + 1)}`);

    // The same lesson trained in Node by the CLI (worker threads, the same WebAssembly kernels).
    const out = mkdtempSync(join(tmpdir(), 'reglab-e2e-node-'));
    try {
      execFileSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'run', join(EXAMPLES, LESSON), '--out', out, '--no-report', '--json'], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
      const node = JSON.parse(readFileSync(savedResults(out)[0], 'utf8'));
      const [inBrowser, inNode] = [finals(web), finals(node)];
      assert.deepEqual(Object.keys(inBrowser).sort(), Object.keys(inNode).sort());
      for (const id of Object.keys(inNode)) {
        for (const key of ['trainLoss', 'testLoss', 'trainDataLoss', 'trainPenalty', 'weightNorm']) {
          assert.ok(Object.is(inBrowser[id][key], inNode[id][key]), `${id} ${key}: browser ${inBrowser[id][key]}, Node ${inNode[id][key]}`);
        }
      }
      t.step(`final losses equal Node's bit for bit: ${Object.entries(inBrowser).map(([id, f]) => `${id} train ${f.trainLoss} test ${f.testLoss}`).join('; ')}`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }

    // The runs history: the saved results are listed and read back through workspace.fs.
    let since = mark(t);
    await t.clickCodeLens('Open results');
    await traceAfter(t, since, 'opened saved results: "Weight decay on a tiny noisy regression"', { timeout: 30_000 });
    await waitForChart(t, 'fit', { min: 10 });
    t.step('the saved results open again from the runs history');
    await t.screenshot('opened-results');

    // Exports, written through workspace.fs into the workspace (a browser user downloads them from the Explorer).
    const csv = await exportLessonOneCsv(t);
    const png = await exportChartPng(t);
    t.step(`exported through workspace.fs: CSV (${csv.lines.length - 2} rows), PNG ${png.width}×${png.height}`);

    // A CSV experiment: the file is checked and trained from the workspace's file system.
    mkdirSync(join(t.workspace, 'data'), { recursive: true });
    cpSync(join(ROOT, 'test/e2e/fixtures/broken/data/houses.csv'), join(t.workspace, 'data/houses.csv'));
    const experiment = (target) => `{
  "title": "Houses from a CSV file",
  "data": { "generator": "csv", "path": "data/houses.csv", "features": ["size", "rooms"], "target": "${target}" },
  "model": { "hidden": [8] },
  "training": { "optimizer": { "type": "sgd", "lr": 0.01 }, "epochs": 20 }
}
`;
    writeFileSync(join(t.workspace, 'houses.reglab.json'), experiment('prize'));
    since = mark(t);
    // New on disk: Quick Open's index may not have it yet; the Explorer shows it once its watcher does.
    const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'houses.reglab.json' }).first();
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await page.locator('.tabs-container .tab', { hasText: 'houses.reglab.json' }).first().waitFor({ timeout: 15_000 });
    await traceAfter(t, since, 'diagnostics: houses.reglab.json 1', { timeout: 60_000 });
    await t.screenshot('csv-missing-column');
    t.step('the missing CSV column is reported (the check read the file through workspace.fs)');
    writeFileSync(join(t.workspace, 'houses.reglab.json'), experiment('price'));
    await traceAfter(t, since, 'diagnostics: houses.reglab.json 0', { timeout: 60_000 });
    since = mark(t);
    await t.clickCodeLens('Run experiment');
    const csvRun = await traceAfter(t, since, 'session finished', { timeout: 60_000 });
    assert.match(String(csvRun), /"Houses from a CSV file", finished/);
    await t.screenshot('csv-trained');
    t.step('the CSV experiment trained in a Web Worker');

    // Stop while a sweep trains in Web Workers (lesson 6, 20 repeats: 181 runs).
    const sweepFile = join(t.workspace, '06-lambda-sweep-u-shape.reglab.json');
    const sweepText = readFileSync(sweepFile, 'utf8');
    assert.match(sweepText, /"repeats": 5\b/);
    writeFileSync(sweepFile, sweepText.replace(/"repeats": 5\b/, '"repeats": 20'));
    await t.openFile('06-lambda-sweep-u-shape.reglab.json');
    since = mark(t);
    await clickLens(t, 'Run sweep');
    assert.match(await traceAfter(t, since, 'session started: experiment', { timeout: 30_000 }), /181 runs/);
    await selectTab(t, 'sweep');
    await waitForChart(t, 'sweep', { min: 2, timeout: 120_000 });
    const stopAt = mark(t);
    await t.runCommand('Reglab: Stop'); // the panel and the lesson share an editor group: its title shows the panel's actions
    // How fast Stop acts is measured by responsiveness.mjs (desktop's pool); here: that it does, within 15 s.
    const stopped = await traceAfter(t, stopAt, 'session finished: experiment "Sweeping weight decay', { timeout: 15_000 });
    const statuses = /session finished: experiment "[^"]*", ([a-z,]+)/.exec(stopped)[1].split(',');
    const count = (s) => statuses.filter((x) => x === s).length;
    assert.equal(statuses.length, 181);
    assert.ok(count('finished') > 0 && count('cancelled') > 0 && count('finished') + count('cancelled') === 181, `statuses: ${stopped}`);
    await waitForPageState(t, 'idle');
    t.step(`Stop in the browser: the session ended, ${count('finished')} runs finished, ${count('cancelled')} stopped`);
    await t.screenshot('sweep-stopped');
    assert.ok(await panel(t).locator('canvas[data-view="sweep"]').count() > 0);
  },
};
