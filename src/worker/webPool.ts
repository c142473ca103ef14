// The browser's pool (vscode.dev, github.dev, any web extension host): runs train in Web
// Workers, with the same scheduling and contract as the Node pool (workerPool.ts). The
// cancel flag is shared memory only where the page is cross-origin isolated; elsewhere a
// cancelled run's worker is terminated at once (training is synchronous: a message could
// not reach it) and a fresh one takes its place.
import type { FromWorker, ToWorker } from './messages.ts';
import { WorkerPool, type WorkerBackend } from './workerPool.ts';

/** The part of the Web Worker API the pool uses (the project's lib has no DOM types). */
export interface WebWorkerLike {
  postMessage(message: ToWorker): void;
  addEventListener(type: 'message', listener: (event: { data: FromWorker }) => void): void;
  addEventListener(type: 'error', listener: (event: { message?: string; preventDefault?(): void }) => void): void;
  addEventListener(type: 'messageerror', listener: (event: unknown) => void): void;
  terminate(): void;
}

export interface WebPoolOptions {
  /** Makes one worker running the web worker bundle (dist/web/worker.js). */
  createWorker: () => WebWorkerLike;
  workers: number;
  flushMs?: number;
  cancelGraceMs?: number;
  /** Whether memory may be shared with workers (default: the page's crossOriginIsolated). */
  shareMemory?: boolean;
}

export function webWorkerBackend(createWorker: () => WebWorkerLike, shareMemory: boolean): WorkerBackend {
  return {
    sharedFlag: () => (shareMemory ? new Int32Array(new SharedArrayBuffer(4)) : undefined),
    spawn(callbacks) {
      let worker: WebWorkerLike;
      try {
        worker = createWorker();
      } catch (error) {
        // Reported after spawn returns, as a crash of this slot.
        queueMicrotask(() => callbacks.crashed(`The training worker could not start: ${error instanceof Error ? error.message : String(error)}`));
        return { post: () => {}, terminate: () => {} };
      }
      worker.addEventListener('message', (event) => callbacks.message(event.data));
      worker.addEventListener('error', (event) => {
        event.preventDefault?.();
        callbacks.crashed(`The training worker crashed: ${event.message ?? 'an error without a message (the worker script may have failed to load)'}`);
      });
      worker.addEventListener('messageerror', () => callbacks.crashed('The training worker sent a message that could not be read'));
      return {
        post: (message) => worker.postMessage(message),
        terminate: () => worker.terminate(),
      };
    },
  };
}

/** Whether this page may share memory with its workers (a SharedArrayBuffer can be posted). */
export function canShareMemory(): boolean {
  return (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
}

export class WebRunPool extends WorkerPool {
  constructor(options: WebPoolOptions) {
    const { createWorker, shareMemory, ...rest } = options;
    super(webWorkerBackend(createWorker, shareMemory ?? canShareMemory()), rest);
  }
}
