// The Node pool (desktop extension host, CLI, bench): runs train on worker threads, as many
// at once as it has workers (default: one per core), so a sweep uses the whole machine
// while the caller's thread stays free. The scheduling and its contract are shared with
// the browser's pool (workerPool.ts, trainingPool.ts).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FromWorker } from './messages.ts';
import { WorkerPool, type WorkerBackend } from './workerPool.ts';

export type { RunBatch, TrainingPool } from './trainingPool.ts';

export interface PoolOptions {
  /** The bundled worker script (dist/worker.js). */
  workerPath: string;
  /** Passed to the worker as `workerData` (tests use it to name a TypeScript entry for a bootstrap). */
  workerData?: unknown;
  workers?: number;
  /** How often runs send their epoch metrics (ms). */
  flushMs?: number;
  /** How long a cancelled run may take to notice before its worker is terminated (ms). */
  cancelGraceMs?: number;
  /** Lower the workers' scheduling priority to this nice value (Linux; see priority.ts). */
  niceness?: number;
}

export function threadBackend(workerPath: string, workerData?: unknown): WorkerBackend {
  return {
    sharedFlag: () => new Int32Array(new SharedArrayBuffer(4)),
    spawn(callbacks) {
      const worker = new Worker(workerPath, { workerData });
      worker.on('message', (message: FromWorker) => callbacks.message(message));
      worker.on('error', (error) => callbacks.crashed(`The training worker crashed: ${error.message}`));
      worker.on('exit', (code) => callbacks.crashed(`The training worker exited with code ${code}`));
      return {
        post: (message) => worker.postMessage(message),
        terminate: () => {
          worker.removeAllListeners();
          return worker.terminate();
        },
      };
    },
  };
}

export class RunPool extends WorkerPool {
  constructor(options: PoolOptions) {
    const { workerPath, workerData, workers, ...rest } = options;
    super(threadBackend(workerPath, workerData), { ...rest, workers: workers ?? availableParallelism() });
  }
}
