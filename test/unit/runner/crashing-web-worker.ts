// The Web Worker stand-in for pool tests: "crash" throws out of the message handler (a Web
// Worker's uncaught error), "hang" never checks the cancel flag, anything else finishes at once.
import type { ToWorker } from '../../../src/worker/messages.ts';

const scope = globalThis as unknown as {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: ToWorker }) => void): void;
};

scope.addEventListener('message', ({ data: { request } }) => {
  if (request.runId === 'crash') throw new Error('boom');
  if (request.runId === 'hang') for (;;);
  scope.postMessage({ type: 'cancelled', runId: request.runId });
});
