// The worker pool: runs in parallel on real worker threads, cancellation within 100 ms,
// a crashing worker reported while the other runs go on.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { RunEvent } from '../../../src/protocol.ts';
import { RunPool } from '../../../src/worker/pool.ts';
import { merge, request, TINY } from './helpers.ts';

const bootstrap = resolve(import.meta.dirname, 'worker-under-tsx.cjs');
const realWorker = { workerPath: bootstrap, workerData: { entry: resolve(import.meta.dirname, '../../../src/worker/worker.ts') } };
const fakeWorker = { workerPath: bootstrap, workerData: { entry: resolve(import.meta.dirname, 'crashing-worker.ts') } };

describe('RunPool', () => {
  const pool = new RunPool({ ...realWorker, workers: 2, flushMs: 20 });
  after(() => pool.dispose());

  it('trains several runs on worker threads and returns their outcomes in order', async () => {
    const requests = [1, 2, 3].map((seed) => request(TINY, `seed-${seed}`, seed));
    const events: RunEvent[] = [];
    const outcomes = await pool.run(requests, (e) => events.push(e)).done;
    assert.deepEqual(outcomes.map((o) => [o.runId, o.type]), requests.map((r) => [r.runId, 'finished']));
    assert.ok(events.some((e) => e.type === 'epochs' && e.runId === 'seed-2'));
  });

  it('warm starts every worker before a run needs it; a run then uses them', async () => {
    const warmed = new RunPool({ ...realWorker, workers: 2 });
    try {
      assert.equal(warmed.liveWorkers, 0);
      await warmed.warm();
      assert.equal(warmed.liveWorkers, 2);
      const outcomes = await warmed.run([request(TINY, 'after-warm', 1)], () => {}).done;
      assert.deepEqual(outcomes.map((o) => o.type), ['finished']);
      assert.equal(warmed.liveWorkers, 2, 'no worker was added for the run');
    } finally {
      await warmed.dispose();
    }
  });

  it('cancel stops every run, running or queued, within 100 ms', async () => {
    const long = merge(TINY, { model: { hidden: [64, 64] }, training: { epochs: 1_000_000 } });
    const requests = [1, 2, 3, 4].map((seed) => request(long, `long-${seed}`, seed));
    let started = 0;
    let markStarted!: () => void;
    const bothStarted = new Promise<void>((r) => (markStarted = r));
    const batch = pool.run(requests, (e) => {
      if (e.type === 'epochs' && ++started === 2) markStarted();
    });
    await bothStarted;
    const t0 = performance.now();
    batch.cancel();
    const outcomes = await batch.done;
    const elapsed = performance.now() - t0;
    assert.deepEqual(outcomes.map((o) => o.type), ['cancelled', 'cancelled', 'cancelled', 'cancelled']);
    assert.ok(elapsed < 100, `cancel took ${elapsed.toFixed(0)} ms`);
  });

  it('a worker that crashes is reported and replaced; a worker that ignores cancel is terminated', async () => {
    const fake = new RunPool({ ...fakeWorker, workers: 1, cancelGraceMs: 50 });
    try {
      const outcomes = await fake.run([request(TINY, 'crash'), request(TINY, 'after')], () => {}).done;
      assert.equal(outcomes[0]!.type, 'failed');
      assert.match((outcomes[0] as { message: string }).message, /exited with code 3/);
      assert.equal(outcomes[1]!.type, 'cancelled'); // the fake worker's answer: it ran on a fresh worker
      const hung = fake.run([request(TINY, 'hang')], () => {});
      await new Promise((r) => setTimeout(r, 200));
      const t0 = performance.now();
      hung.cancel();
      assert.equal((await hung.done)[0]!.type, 'cancelled');
      assert.ok(performance.now() - t0 < 200);
    } finally {
      await fake.dispose();
    }
  });
});
