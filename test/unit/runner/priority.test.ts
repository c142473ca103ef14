// Training threads below the editor: a worker lowers its own priority, not its process's;
// and the editor's default worker count leaves a core unless training runs in idle time.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { editorWorkerCount } from '../../../src/worker/workerCount.ts';

const bootstrap = resolve(import.meta.dirname, 'worker-under-tsx.cjs');
/** Linux's SCHED_IDLE policy number. */
const SCHED_IDLE = 5;

/** The scheduling policy of a thread (field 41 of its stat). */
function policyOf(tid: number): number {
  return Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[38]);
}

describe('lowerThreadPriority', { skip: process.platform !== 'linux' && 'threads have their own priority on Linux only' }, () => {
  it('sets the calling thread\'s nice value and SCHED_IDLE policy, and leaves the rest of the process alone', async () => {
    const before = getPriority();
    const worker = new Worker(bootstrap, { workerData: { entry: resolve(import.meta.dirname, 'priority-worker.ts'), niceness: 10 } });
    const answer = await new Promise<{ lowered: boolean; idle: boolean; nice: number; policy: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    // Without util-linux's chrt the thread keeps the usual policy (SCHED_OTHER, 0) at nice 10.
    const chrt = ['/usr/bin/chrt', '/bin/chrt'].some((path) => existsSync(path));
    assert.deepEqual(answer, { lowered: true, idle: chrt, nice: Math.max(10, before), policy: chrt ? SCHED_IDLE : 0 });
    assert.equal(getPriority(), before);
    assert.equal(policyOf(process.pid), 0, 'the process\'s main thread keeps the usual policy');
  });
});

describe('editorWorkerCount', () => {
  it('leaves the editor a core: cores - 1, at least 1, at most 4', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 8, 64].map((cores) => editorWorkerCount(cores)), [1, 1, 2, 3, 4, 4, 4]);
  });
  it('trains on every core, at most 4, where training runs in idle time', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 8, 64].map((cores) => editorWorkerCount(cores, true)), [1, 2, 3, 4, 4, 4, 4]);
  });
});
