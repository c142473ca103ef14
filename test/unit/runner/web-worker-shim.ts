// A Web Worker on a Node worker thread: the part of the Web Worker API the browser pool
// uses (WebWorkerLike), so the pool's contract tests run the web pool in Node. A thread that
// dies is reported as a Web Worker reports an uncaught error: an `error` event.
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker } from '../../../src/worker/messages.ts';
import type { WebWorkerLike } from '../../../src/worker/webPool.ts';

const bootstrap = resolve(import.meta.dirname, 'web-worker-under-tsx.cjs');

export class ThreadAsWebWorker implements WebWorkerLike {
  private readonly thread: Worker;
  private errored = false;

  constructor(entry: string) {
    this.thread = new Worker(bootstrap, { workerData: { entry } });
  }

  postMessage(message: ToWorker): void {
    this.thread.postMessage(message);
  }

  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: never) => void): void {
    const call = listener as (event: unknown) => void;
    if (type === 'message') this.thread.on('message', (data: FromWorker) => call({ data }));
    if (type === 'error') {
      const once = (message: string) => {
        if (this.errored) return;
        this.errored = true;
        call({ message });
      };
      this.thread.on('error', (error) => once(`Uncaught ${error.message}`));
      this.thread.on('exit', () => once('the worker stopped'));
    }
  }

  terminate(): void {
    this.thread.removeAllListeners();
    void this.thread.terminate();
  }
}
