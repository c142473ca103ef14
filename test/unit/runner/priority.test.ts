// Training threads below the editor: a worker lowers its own priority, not its process's;
// and the editor's default worker count leaves a core.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getPriority } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { editorWorkerCount } from '../../../src/worker/workerCount.ts';

const bootstrap = resolve(import.meta.dirname, 'worker-under-tsx.cjs');

describe('lowerThreadPriority', { skip: process.platform !== 'linux' && 'threads have their own priority on Linux only' }, () => {
  it('sets the calling thread\'s nice value and leaves the rest of the process alone', async () => {
    const before = getPriority();
    const worker = new Worker(bootstrap, { workerData: { entry: resolve(import.meta.dirname, 'priority-worker.ts'), niceness: 10 } });
    const answer = await new Promise<{ lowered: boolean; nice: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    assert.deepEqual(answer, { lowered: true, nice: Math.max(10, before) });
    assert.equal(getPriority(), before);
  });
});

describe('editorWorkerCount', () => {
  it('leaves the editor a core: cores - 1, at least 1, at most 4', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 8, 64].map((cores) => editorWorkerCount(cores)), [1, 1, 2, 3, 4, 4, 4]);
  });
});
