// The worker-thread entry (desktop, CLI): trains the runs the pool sends, one at a time,
// streaming their events back. Asked to, the thread lowers its own priority once, before
// its first run.
import { parentPort } from 'node:worker_threads';
import type { FromWorker, ToWorker } from './messages.ts';
import { lowerThreadPriority } from './priority.ts';
import { serveRun } from './serve.ts';

const port = parentPort;
if (port === null) throw new Error('worker.ts must run in a worker thread');

let niceness: number | undefined;

port.on('message', (message: ToWorker) => {
  if (message.niceness !== undefined && message.niceness !== niceness) {
    niceness = message.niceness;
    lowerThreadPriority(niceness);
  }
  serveRun(message, (event: FromWorker) => port.postMessage(event));
});
port.postMessage({ type: 'ready' } satisfies FromWorker);
