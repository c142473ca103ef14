// Reglab in the browser, as vscode.dev and github.dev run it: code-server installs the
// package without its `main` entry, so VS Code can only run the `browser` entry, in the
// browser's extension host (a Web Worker); training runs in Web Workers it starts. Lesson 1
// is opened and run; the Fit and Loss charts draw; the results are saved through
// vscode.workspace.fs; and the final losses equal those of the same lesson trained by the
// CLI in Node here, bit for bit.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { canvasPixels, selectTab, waitForChart, waitForPageState, waitForTrace } from '../panel.mjs';

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
    assert.doesNotMatch(t.exthostLog(), /reglab\.reglab/, 'the Node extension host did not load Reglab');
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

    // The same lesson trained in Node by the CLI (worker threads, the relaxed-SIMD kernels).
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
  },
};
