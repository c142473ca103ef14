// The contract every training pool keeps, whatever runs its workers (Node's worker threads
// on desktop and in the CLI, Web Workers in vscode.dev and github.dev): the extension, the
// CLI and the bench see only this.
//
// - run() queues a batch; runs start as workers free up, in request order, as many at once
//   as the pool has workers. Each run's events stream to `onEvent` as they come, ending
//   with exactly one outcome (finished, diverged, cancelled or failed) per run.
// - `done` resolves with one outcome per request, in request order; it never rejects.
// - cancel() ends the batch: queued runs are reported cancelled at once, running ones
//   notice within a step (or their worker is terminated after the grace period, or at
//   once where the platform cannot share a cancel flag) and are reported cancelled.
//   Other batches go on.
// - A worker that crashes (an uncaught error, an exit) has its run reported failed, with
//   the reason, and is replaced; the other runs go on.
// - dispose() cancels everything and stops the workers; the pool cannot be used afterwards.
import type { RunEvent, RunOutcome } from '../protocol.ts';
import type { RunRequest } from '../experiment/request.ts';

export interface RunBatch {
  /** Resolves with one outcome per request, in request order. */
  done: Promise<RunOutcome[]>;
  cancel(): void;
}

export interface TrainingPool {
  /** How many runs train at once. */
  readonly workerCount: number;
  /** Workers alive, busy or idle. */
  readonly liveWorkers: number;
  /** Starts every worker before a run needs it; resolves when they are ready (or gone). */
  warm(): Promise<void>;
  run(requests: readonly RunRequest[], onEvent: (event: RunEvent) => void): RunBatch;
  dispose(): Promise<void>;
}

export const isOutcome = (e: RunEvent): e is RunOutcome =>
  e.type === 'finished' || e.type === 'diverged' || e.type === 'cancelled' || e.type === 'failed';
