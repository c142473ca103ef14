// The messages between the pool and a worker thread.
import type { RunRequest } from '../experiment/request.ts';
import type { RunEvent } from '../protocol.ts';

/**
 * Messages from the pool to a worker. `cancelFlag` is a shared flag the training loop polls;
 * `niceness`, when set, lowers the worker thread's scheduling priority (training beside an editor).
 */
export type ToWorker = { type: 'run'; request: RunRequest; cancelFlag: Int32Array; flushMs: number; niceness?: number };
export type FromWorker = RunEvent;
