// The worker entry: trains the runs the pool sends, one at a time, streaming their events
// back. Training is synchronous, so cancellation is a shared flag the loop polls each step.
// Asked to, the thread lowers its own priority once, before its first run.
import '../node/relaxed-simd.ts'; // first: before any kernel is compiled
import { parentPort } from 'node:worker_threads';
import { trainRun } from '../experiment/train/train-run.ts';
import type { FromWorker, ToWorker } from './messages.ts';
import { lowerThreadPriority } from './priority.ts';

const port = parentPort;
if (port === null) throw new Error('worker.ts must run in a worker thread');

let niceness: number | undefined;

port.on('message', (message: ToWorker) => {
  const { request, cancelFlag, flushMs } = message;
  if (message.niceness !== undefined && message.niceness !== niceness) {
    niceness = message.niceness;
    lowerThreadPriority(niceness);
  }
  const emit = (event: FromWorker) => port.postMessage(event);
  try {
    trainRun(request, { cancelled: () => Atomics.load(cancelFlag, 0) !== 0, emit, flushMs });
  } catch (error) {
    emit({ type: 'failed', runId: request.runId, message: error instanceof Error ? error.message : String(error) });
  }
});
