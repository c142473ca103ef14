// The training pool's contract (src/worker/trainingPool.ts), against each implementation:
// the Node pool on worker threads, and the browser's pool on Web Workers (here on threads
// through a Web Worker shim, with and without a shared cancel flag; test/unit/web runs it
// in Chromium), and the web extension's pool, which reads each batch's data files and
// starts its Web Workers before training (PreparingPool in front of WebRunPool). Runs in
// parallel and in order, warm start, cancellation long before the runs could end, a
// crashing worker reported while the other runs go on; then what PreparingPool adds.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import type { RunEvent } from '../../../src/protocol.ts';
import type { RunRequest } from '../../../src/experiment/request.ts';
import { RunPool } from '../../../src/worker/pool.ts';
import type { TrainingPool } from '../../../src/worker/trainingPool.ts';
import { PreparingPool, type Prepared } from '../../../src/worker/preparingPool.ts';
import { WebRunPool } from '../../../src/worker/webPool.ts';
import { merge, request, TINY } from './helpers.ts';
import { ThreadAsWebWorker } from './web-worker-shim.ts';

const here = import.meta.dirname;
const bootstrap = resolve(here, 'worker-under-tsx.cjs');

interface Options {
  workers: number;
  flushMs?: number;
  cancelGraceMs?: number;
}

interface Implementation {
  name: string;
  /** A pool on the real worker entry, or on the fake that crashes on "crash" and ignores cancel on "hang". */
  real(options: Options): TrainingPool;
  fake(options: Options): TrainingPool;
  crashMessage: RegExp;
  /**
   * A bound that proves cancel does not wait for the run (a million epochs) without timing
   * the machine: generous, so a loaded CI machine does not fail it. The latency itself (the
   * product's 100 ms) is measured by the e2e responsiveness scenario and reported, not asserted here.
   */
  cancelMs: number;
}

const implementations: Implementation[] = [
  {
    name: 'Node worker threads (RunPool)',
    real: (o) => new RunPool({ ...o, workerPath: bootstrap, workerData: { entry: resolve(here, '../../../src/worker/worker.ts') } }),
    fake: (o) => new RunPool({ ...o, workerPath: bootstrap, workerData: { entry: resolve(here, 'crashing-worker.ts') } }),
    crashMessage: /exited with code 3/,
    cancelMs: 1000,
  },
  ...[true, false].map((shareMemory): Implementation => ({
    name: `Web Workers (WebRunPool), ${shareMemory ? 'a shared cancel flag' : 'no shared memory: cancel terminates'}`,
    real: (o) => new WebRunPool({ ...o, shareMemory, createWorker: () => new ThreadAsWebWorker(resolve(here, '../../../src/worker/webWorker.ts')) }),
    fake: (o) => new WebRunPool({ ...o, shareMemory, createWorker: () => new ThreadAsWebWorker(resolve(here, 'crashing-web-worker.ts')) }),
    crashMessage: /crashed: Uncaught boom/,
    cancelMs: 1000,
  })),
  {
    name: 'the web extension\'s pool (PreparingPool: data read, then WebRunPool)',
    real: (o) => preparing(o, resolve(here, '../../../src/worker/webWorker.ts')),
    fake: (o) => preparing(o, resolve(here, 'crashing-web-worker.ts')),
    crashMessage: /crashed: Uncaught boom/,
    cancelMs: 1000,
  },
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** As trainingPools.web.ts builds it, with a preparation that waits as a read would. */
function preparing(o: Options, entry: string, prepare?: (requests: readonly RunRequest[]) => Promise<Prepared[]>, start?: () => Promise<TrainingPool>): PreparingPool {
  return new PreparingPool({
    workerCount: o.workers,
    start: start ?? (async () => new WebRunPool({ ...o, shareMemory: false, createWorker: () => new ThreadAsWebWorker(entry) })),
    prepare: prepare ?? (async (requests) => {
      await sleep(10);
      return requests.map((request) => ({ request }));
    }),
  });
}

for (const impl of implementations) {
  describe(`training pool: ${impl.name}`, () => {
    const pool = impl.real({ workers: 2, flushMs: 20 });
    after(() => pool.dispose());

    it('trains several runs on its workers and returns their outcomes in order', async () => {
      const requests = [1, 2, 3].map((seed) => request(TINY, `seed-${seed}`, seed));
      const events: RunEvent[] = [];
      const outcomes = await pool.run(requests, (e) => events.push(e)).done;
      assert.deepEqual(outcomes.map((o) => [o.runId, o.type]), requests.map((r) => [r.runId, 'finished']));
      assert.ok(events.some((e) => e.type === 'epochs' && e.runId === 'seed-2'));
      for (const r of requests) {
        const own = events.filter((e) => e.runId === r.runId);
        assert.equal(own.filter((e) => ['finished', 'diverged', 'cancelled', 'failed'].includes(e.type)).length, 1, 'one outcome per run');
        assert.equal(own.at(-1)!.type, 'finished', 'the outcome comes last');
      }
    });

    it('warm starts every worker before a run needs it; a run then uses them', async () => {
      const warmed = impl.real({ workers: 2 });
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

    it(`cancel stops every run, running or queued, within ${impl.cancelMs} ms; the pool trains on`, async () => {
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
      assert.ok(elapsed < impl.cancelMs, `cancel took ${elapsed.toFixed(0)} ms`);
      const next = await pool.run([request(TINY, 'after-cancel', 5)], () => {}).done;
      assert.deepEqual(next.map((o) => o.type), ['finished']);
    });

    it('a worker that crashes is reported and replaced; a worker that ignores cancel is terminated', async () => {
      const fake = impl.fake({ workers: 1, cancelGraceMs: 50 });
      try {
        const outcomes = await fake.run([request(TINY, 'crash'), request(TINY, 'after')], () => {}).done;
        assert.equal(outcomes[0]!.type, 'failed');
        assert.match((outcomes[0] as { message: string }).message, impl.crashMessage);
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
}

describe('the web extension\'s pool: the waits before training', () => {
  const entry = resolve(here, '../../../src/worker/webWorker.ts');

  it('a run whose data cannot be read is reported failed with the reason; the others train', async () => {
    const pool = preparing({ workers: 1 }, entry, async (requests) =>
      requests.map((request) => (request.runId === 'bad' ? { failed: { type: 'failed', runId: 'bad', message: 'data.csv: file "x.csv" not found', path: ['data', 'path'] } } : { request })));
    try {
      const events: RunEvent[] = [];
      const outcomes = await pool.run([request(TINY, 'a', 1), request(TINY, 'bad', 2), request(TINY, 'c', 3)], (e) => events.push(e)).done;
      assert.deepEqual(outcomes.map((o) => [o.runId, o.type]), [['a', 'finished'], ['bad', 'failed'], ['c', 'finished']]);
      assert.deepEqual(outcomes[1], { type: 'failed', runId: 'bad', message: 'data.csv: file "x.csv" not found', path: ['data', 'path'] });
      assert.deepEqual(events.filter((e) => e.runId === 'bad'), [outcomes[1]], 'one event, the outcome');
    } finally {
      await pool.dispose();
    }
  });

  it('cancel while the batch waits reports every run cancelled at once, and nothing after', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const pool = preparing({ workers: 2 }, entry, async (requests) => {
      await held;
      return requests.map((request) => ({ request }));
    });
    try {
      const events: RunEvent[] = [];
      const batch = pool.run([request(TINY, 'a', 1), request(TINY, 'b', 2)], (e) => events.push(e));
      await sleep(20);
      batch.cancel();
      assert.deepEqual(events.map((e) => [e.runId, e.type]), [['a', 'cancelled'], ['b', 'cancelled']], 'reported before the wait ends');
      release();
      assert.deepEqual((await batch.done).map((o) => o.type), ['cancelled', 'cancelled']);
      await sleep(50);
      assert.equal(events.length, 2, 'no event after the outcomes');
      assert.equal(pool.liveWorkers, 0, 'no worker was started for it');
    } finally {
      await pool.dispose();
    }
  });

  it('a pool that cannot start fails the batch\'s runs with the reason; the next batch starts it', async () => {
    let starts = 0;
    const pool = preparing({ workers: 1 }, entry, undefined, async () => {
      if (++starts === 1) throw new Error('the worker script could not be fetched');
      return new WebRunPool({ workers: 1, shareMemory: false, createWorker: () => new ThreadAsWebWorker(entry) });
    });
    try {
      const first = await pool.run([request(TINY, 'a', 1), request(TINY, 'b', 2)], () => {}).done;
      assert.deepEqual(first.map((o) => [o.type, (o as { message?: string }).message]), [
        ['failed', 'The training worker could not start: the worker script could not be fetched'],
        ['failed', 'The training worker could not start: the worker script could not be fetched'],
      ]);
      const second = await pool.run([request(TINY, 'c', 3)], () => {}).done;
      assert.deepEqual(second.map((o) => o.type), ['finished']);
      assert.equal(starts, 2);
    } finally {
      await pool.dispose();
    }
  });

  it('dispose cancels a batch still waiting', async () => {
    const pool = preparing({ workers: 1 }, entry, () => new Promise<Prepared[]>(() => {}));
    const batch = pool.run([request(TINY, 'a', 1)], () => {});
    await pool.dispose();
    assert.deepEqual((await batch.done).map((o) => o.type), ['cancelled']);
  });
});
