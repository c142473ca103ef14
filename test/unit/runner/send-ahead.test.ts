// The pool sends a busy worker its next run ahead (workerPool.ts), so a sweep of short runs
// does not wait a round trip through the pool's thread between runs. Against a scripted
// backend whose workers finish a run only when the test says so: which runs each worker
// holds, and that a run waiting in a worker's queue is still cancelled at once, put back
// when its worker crashes, and never sent ahead where no cancel flag can reach it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RunEvent } from '../../../src/protocol.ts';
import type { ToWorker } from '../../../src/worker/messages.ts';
import { WorkerPool, type WorkerBackend, type WorkerCallbacks } from '../../../src/worker/workerPool.ts';

interface ScriptedWorker {
  received: string[];
  callbacks: WorkerCallbacks;
  terminated: boolean;
}

/** Workers that only record what they are sent; the test answers for them. */
function scriptedBackend(shareMemory: boolean) {
  const workers: ScriptedWorker[] = [];
  const backend: WorkerBackend = {
    sharedFlag: () => (shareMemory ? new Int32Array(new SharedArrayBuffer(4)) : undefined),
    spawn(callbacks) {
      const worker: ScriptedWorker = { received: [], callbacks, terminated: false };
      workers.push(worker);
      return {
        post: (message: ToWorker) => worker.received.push(message.request.runId),
        terminate: () => {
          worker.terminated = true;
        },
      };
    },
  };
  const finish = (worker: ScriptedWorker, runId: string, type: 'finished' | 'cancelled' = 'finished') =>
    worker.callbacks.message(type === 'finished' ? ({ type, runId, summary: {} } as unknown as RunEvent) : { type, runId });
  return { backend, workers, finish };
}

const requests = (...ids: string[]) => ids.map((runId) => ({ runId }) as never);

describe('the pool sends a busy worker its next run ahead', () => {
  it('while every worker has work, each holds its next run; near the end runs wait for the first free worker', async () => {
    const { backend, workers, finish } = scriptedBackend(true);
    const pool = new WorkerPool(backend, { workers: 2 });
    const batch = pool.run(requests('a', 'b', 'c', 'd', 'e'), () => {});
    assert.deepEqual(workers.map((w) => w.received), [['a', 'c'], ['b', 'd']], 'two running, two sent ahead, e waits');
    finish(workers[1]!, 'b');
    assert.deepEqual(workers[1]!.received, ['b', 'd'], 'd starts without a round trip; e (the last) is not sent ahead');
    finish(workers[0]!, 'a');
    finish(workers[0]!, 'c');
    assert.deepEqual(workers[0]!.received, ['a', 'c', 'e'], 'e went to the first worker with nothing to do');
    finish(workers[1]!, 'd');
    finish(workers[0]!, 'e');
    assert.deepEqual((await batch.done).map((o) => o.type), ['finished', 'finished', 'finished', 'finished', 'finished']);
    await pool.dispose();
  });

  it('a run waiting in a worker is reported cancelled at once; the worker\'s late answer for it is ignored', async () => {
    const { backend, workers, finish } = scriptedBackend(true);
    const pool = new WorkerPool(backend, { workers: 1, cancelGraceMs: 10_000 });
    const events: RunEvent[] = [];
    const batch = pool.run(requests('a', 'b', 'c'), (e) => events.push(e));
    assert.deepEqual(workers[0]!.received, ['a', 'b']);
    batch.cancel();
    assert.deepEqual(events.map((e) => [e.runId, e.type]), [['c', 'cancelled'], ['b', 'cancelled']], 'queued and sent-ahead runs at once');
    finish(workers[0]!, 'a', 'cancelled');
    finish(workers[0]!, 'b', 'cancelled');
    assert.deepEqual((await batch.done).map((o) => o.type), ['cancelled', 'cancelled', 'cancelled']);
    assert.equal(events.filter((e) => e.runId === 'b').length, 1, 'one outcome for b');
    const next = pool.run(requests('n'), () => {});
    assert.deepEqual(workers[0]!.received, ['a', 'b', 'n'], 'the same worker trains on');
    finish(workers[0]!, 'n');
    assert.equal((await next.done)[0]!.type, 'finished');
    await pool.dispose();
  });

  it('when a worker crashes, the run it held next goes back to the head of the queue', async () => {
    const { backend, workers, finish } = scriptedBackend(true);
    const pool = new WorkerPool(backend, { workers: 1 });
    const batch = pool.run(requests('a', 'b', 'c'), () => {});
    workers[0]!.callbacks.crashed('boom');
    assert.equal(workers[0]!.terminated, true);
    assert.deepEqual(workers[1]!.received, ['b', 'c'], 'a fresh worker takes b, then c ahead');
    finish(workers[1]!, 'b');
    finish(workers[1]!, 'c');
    assert.deepEqual((await batch.done).map((o) => o.type), ['failed', 'finished', 'finished']);
    await pool.dispose();
  });

  it('nothing is sent ahead where there is no shared cancel flag (a cancel terminates the worker)', async () => {
    const { backend, workers, finish } = scriptedBackend(false);
    const pool = new WorkerPool(backend, { workers: 1 });
    const batch = pool.run(requests('a', 'b'), () => {});
    assert.deepEqual(workers[0]!.received, ['a']);
    finish(workers[0]!, 'a');
    assert.deepEqual(workers[0]!.received, ['a', 'b']);
    finish(workers[0]!, 'b');
    await batch.done;
    await pool.dispose();
  });
});
