// The messages between the pool and a worker (a worker thread or a Web Worker).
import type { RunRequest } from '../experiment/request.ts';
import type { RunEvent } from '../protocol.ts';

/**
 * Messages from the pool to a worker. `cancelFlag` is a shared flag the training loop polls;
 * it is absent where memory cannot be shared with a worker (a page that is not
 * cross-origin isolated), and there a cancelled run's worker is terminated instead.
 * `niceness`, when set, lowers the worker thread's scheduling priority (training beside an editor).
 */
export type ToWorker = { type: 'run'; request: RunRequest; cancelFlag?: Int32Array; flushMs: number; niceness?: number };
/** A run's events, and `ready` once when the worker has loaded (its kernels compiled). */
export type FromWorker = RunEvent | { type: 'ready' };
