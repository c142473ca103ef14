// The web build's training in a real browser (headless Chromium, bench/browser/harness.ts):
// the pool's contract on real Web Workers, with and without shared memory, and lesson 1
// trained in Chromium's Web Workers and on Node's worker threads giving bit-identical
// results (the same engine and WebAssembly kernels on both). Skipped, saying so, where
// this machine has no Chromium (npm run e2e:setup installs it; CI has it).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseExperiment } from '../../../src/experiment/parse.ts';
import { planRuns } from '../../../src/experiment/session.ts';
import type { RunRequest } from '../../../src/experiment/request.ts';
import type { RunOutcome, RunSummary } from '../../../src/protocol.ts';
import { RunPool } from '../../../src/worker/pool.ts';
import { chromiumPath, openBrowserPage, type BrowserPage } from '../../../bench/browser/harness.ts';
import type { PoolRun } from '../../../bench/browser/page.ts';
import { merge, request, TINY } from '../runner/helpers.ts';

const root = resolve(import.meta.dirname, '../../..');
const skip = chromiumPath() === undefined ? 'no Chromium on this machine (npm run e2e:setup)' : false;

function inBrowser(browser: BrowserPage, requests: RunRequest[], workers: number, cancelAfterEpochEvents?: number): Promise<PoolRun & { cancelMs?: number }> {
  return browser.page.evaluate(
    ([r, w, c]) => (globalThis as unknown as { reglab: { train(...a: unknown[]): Promise<PoolRun> } }).reglab.train(r, w, c),
    [requests, workers, cancelAfterEpochEvents] as const,
  );
}

function summaries(outcomes: RunOutcome[]): RunSummary[] {
  return outcomes.map((o) => {
    if (o.type !== 'finished') throw new Error(`run ${o.runId} ended ${o.type}: ${JSON.stringify(o)}`);
    return o.summary;
  });
}

/** Lesson 1 (examples/01), as the extension plans its runs. */
function lessonOne(): RunRequest[] {
  const file = resolve(root, 'examples/01-tiny-regression-weight-decay.reglab.json');
  const parsed = parseExperiment(readFileSync(file, 'utf8'), 'examples/01-tiny-regression-weight-decay.reglab.json');
  assert.ok(parsed.experiment !== undefined);
  return planRuns(parsed.experiment, file);
}

for (const crossOriginIsolated of [false, true]) {
  describe(`training in Chromium's Web Workers (${crossOriginIsolated ? 'cross-origin isolated: a shared cancel flag' : 'not isolated, as in VS Code: cancel terminates'})`, { skip }, () => {
    let browser: BrowserPage;
    before(async () => {
      browser = await openBrowserPage({ crossOriginIsolated });
    });
    after(() => browser?.close());

    it('the page is as intended', async () => {
      assert.equal(await browser.page.evaluate(() => (globalThis as unknown as { reglab: { crossOriginIsolated(): boolean } }).reglab.crossOriginIsolated()), crossOriginIsolated);
    });

    it('trains runs on its workers, in order, streaming events', async () => {
      const requests = [1, 2, 3].map((seed) => request(TINY, `seed-${seed}`, seed));
      const run = await inBrowser(browser, requests, 2);
      assert.deepEqual(run.outcomes.map((o) => [o.runId, o.type]), requests.map((r) => [r.runId, 'finished']));
      assert.ok(run.events > requests.length, 'events came before the outcomes');
    });

    it('cancel stops every run, running or queued, and each is reported cancelled', async () => {
      const long = merge(TINY, { model: { hidden: [64, 64] }, training: { epochs: 1_000_000 } });
      const run = await inBrowser(browser, [1, 2, 3, 4].map((seed) => request(long, `long-${seed}`, seed)), 2, 2);
      assert.deepEqual(run.outcomes.map((o) => o.type), ['cancelled', 'cancelled', 'cancelled', 'cancelled']);
      assert.ok(run.cancelMs !== undefined && run.cancelMs < 1000, `cancel took ${run.cancelMs} ms`);
    });
  });
}

describe('lesson 1 in a browser and in Node', { skip }, () => {
  it('gives bit-identical results: final losses, weights and histograms', async () => {
    const requests = lessonOne();
    assert.equal(requests.length, 2);
    const browser = await openBrowserPage({ crossOriginIsolated: false });
    let web: PoolRun;
    try {
      web = await inBrowser(browser, requests, 2);
    } finally {
      await browser.close();
    }
    const pool = new RunPool({ workerPath: resolve(root, 'test/unit/runner/worker-under-tsx.cjs'), workerData: { entry: resolve(root, 'src/worker/worker.ts') }, workers: 2 });
    let node: RunOutcome[];
    try {
      node = await pool.run(requests, () => {}).done;
    } finally {
      await pool.dispose();
    }
    const [b, n] = [summaries(web.outcomes), summaries(node)];
    for (let i = 0; i < requests.length; i++) {
      const { milliseconds: _b, ...inBrowserRun } = b[i]!;
      const { milliseconds: _n, ...inNodeRun } = n[i]!;
      // Object.is per number: bit-identical, not merely close (−0 and NaN included).
      assert.deepStrictEqual(inBrowserRun, inNodeRun, `${requests[i]!.runId}: the browser's summary differs from Node's`);
      assert.ok(Object.is(inBrowserRun.final.trainLoss, inNodeRun.final.trainLoss) && Object.is(inBrowserRun.final.testLoss, inNodeRun.final.testLoss));
    }
    assert.ok(b[0]!.final.trainLoss < b[1]!.final.trainLoss, 'weight decay keeps the train loss higher, as the lesson says');
  });
});
