// The Web Worker entry (vscode.dev, github.dev): the same runs, the same engine and kernels
// as worker.ts, over the Web Worker messaging API. No priority: browsers have none to give.
import type { FromWorker, ToWorker } from './messages.ts';
import { serveRun } from './serve.ts';

// The worker's global scope, typed by hand: the project's lib has no WebWorker types.
const scope = globalThis as unknown as {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: { data: ToWorker }) => void): void;
};

scope.addEventListener('message', (event) => serveRun(event.data, (e) => scope.postMessage(e)));
scope.postMessage({ type: 'ready' });
