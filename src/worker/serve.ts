// What a worker does with a run, on either platform: trains it synchronously, streaming its
// events, polling the cancel flag (when there is one) each step. An error becomes the run's
// `failed` outcome rather than the worker's death.
import { trainRun } from '../experiment/train/train-run.ts';
import type { RunEvent } from '../protocol.ts';
import type { ToWorker } from './messages.ts';

export function serveRun(message: ToWorker, emit: (event: RunEvent) => void): void {
  const { request, cancelFlag, flushMs } = message;
  const cancelled = cancelFlag === undefined ? () => false : () => Atomics.load(cancelFlag, 0) !== 0;
  try {
    trainRun(request, { cancelled, emit, flushMs });
  } catch (error) {
    emit({ type: 'failed', runId: request.runId, message: error instanceof Error ? error.message : String(error) });
  }
}
