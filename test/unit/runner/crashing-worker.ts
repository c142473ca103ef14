// A stand-in worker for pool tests: "crash" kills the thread outright, "hang" never
// checks the cancel flag, anything else finishes at once.
import { parentPort } from 'node:worker_threads';
import type { ToWorker } from '../../../src/worker/messages.ts';

parentPort!.on('message', ({ request }: ToWorker) => {
  if (request.runId === 'crash') process.exit(3);
  if (request.runId === 'hang') for (;;);
  parentPort!.postMessage({ type: 'cancelled', runId: request.runId });
});
