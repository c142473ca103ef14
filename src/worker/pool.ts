// A pool of worker threads that trains runs in parallel, as many at once as it has
// workers (default: one per core), so a sweep uses the whole machine while the caller's
// thread (the extension host, the CLI) stays free. Each batch of runs can be cancelled on
// its own; a worker that does not stop within the grace period, or that crashes, is
// replaced and its run reported, and the other runs go on.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RunEvent, RunOutcome } from '../protocol.ts';
import type { FromWorker, ToWorker } from './messages.ts';
import type { RunRequest } from '../experiment/request.ts';

export interface PoolOptions {
  /** The bundled worker script (dist/worker.js). */
  workerPath: string;
  /** Passed to the worker as `workerData` (tests use it to name a TypeScript entry for a bootstrap). */
  workerData?: unknown;
  workers?: number;
  /** How often runs send their epoch metrics (ms). */
  flushMs?: number;
  /** How long a cancelled run may take to notice before its worker is terminated (ms). */
  cancelGraceMs?: number;
  /** Lower the workers' scheduling priority to this nice value (Linux; see priority.ts). */
  niceness?: number;
}

export interface RunBatch {
  /** Resolves with one outcome per request, in request order. */
  done: Promise<RunOutcome[]>;
  cancel(): void;
}

interface Job {
  flag: Int32Array;
  onEvent: (event: RunEvent) => void;
  settle: (index: number, outcome: RunOutcome) => void;
  cancelled: boolean;
}

interface Task {
  job: Job;
  request: RunRequest;
  index: number;
}

interface Slot {
  worker: Worker;
  task: Task | null;
}

const isOutcome = (e: RunEvent): e is RunOutcome => e.type === 'finished' || e.type === 'diverged' || e.type === 'cancelled' || e.type === 'failed';

export class RunPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly size: number;
  private disposed = false;

  constructor(private readonly options: PoolOptions) {
    this.size = Math.max(1, options.workers ?? availableParallelism());
  }

  get workerCount(): number {
    return this.size;
  }

  /** Worker threads alive, busy or idle. */
  get liveWorkers(): number {
    return this.slots.length;
  }

  /**
   * Starts every worker before a run needs it, so the first run's first point does not wait
   * for a thread to start and compile its kernels (about 0.4 s on a busy 2-core machine).
   * Resolves when they run.
   */
  warm(): Promise<void> {
    const fresh: Slot[] = [];
    while (!this.disposed && this.slots.length < this.size) fresh.push(this.spawn());
    return Promise.all(fresh.map((slot) => new Promise<void>((resolve) => {
      slot.worker.once('online', () => resolve());
      slot.worker.once('exit', () => resolve());
    }))).then(() => undefined);
  }

  run(requests: readonly RunRequest[], onEvent: (event: RunEvent) => void): RunBatch {
    if (this.disposed) throw new Error('RunPool was disposed');
    const outcomes: RunOutcome[] = new Array(requests.length);
    let remaining = requests.length;
    let resolve!: (o: RunOutcome[]) => void;
    const done = new Promise<RunOutcome[]>((r) => (resolve = r));
    const job: Job = {
      flag: new Int32Array(new SharedArrayBuffer(4)),
      onEvent,
      cancelled: false,
      settle: (index, outcome) => {
        if (outcomes[index] !== undefined) return;
        outcomes[index] = outcome;
        if (--remaining === 0) resolve(outcomes);
      },
    };
    if (requests.length === 0) resolve([]);
    requests.forEach((request, index) => this.queue.push({ job, request, index }));
    this.pump();
    return { done, cancel: () => this.cancel(job) };
  }

  /** Stops every run and the workers; the pool cannot be used afterwards. */
  async dispose(): Promise<void> {
    this.disposed = true;
    for (const task of this.queue.splice(0)) this.finish(task, { type: 'cancelled', runId: task.request.runId });
    await Promise.all(
      this.slots.splice(0).map((slot) => {
        if (slot.task !== null) this.finish(slot.task, { type: 'cancelled', runId: slot.task.request.runId });
        return slot.worker.terminate();
      }),
    );
  }

  private cancel(job: Job): void {
    if (job.cancelled) return;
    job.cancelled = true;
    Atomics.store(job.flag, 0, 1);
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const task = this.queue[i]!;
      if (task.job !== job) continue;
      this.queue.splice(i, 1);
      this.finish(task, { type: 'cancelled', runId: task.request.runId });
    }
    // A run polls the flag every step; one stuck in a long step is stopped the hard way.
    setTimeout(() => {
      for (const slot of [...this.slots]) {
        if (slot.task?.job === job) this.replace(slot, { type: 'cancelled', runId: slot.task.request.runId });
      }
    }, this.options.cancelGraceMs ?? 100).unref();
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.disposed) {
      let slot = this.slots.find((s) => s.task === null);
      if (slot === undefined) {
        if (this.slots.length >= this.size) return;
        slot = this.spawn();
      }
      const task = this.queue.shift()!;
      slot.task = task;
      const message: ToWorker = {
        type: 'run',
        request: task.request,
        cancelFlag: task.job.flag,
        flushMs: this.options.flushMs ?? 100,
        ...(this.options.niceness === undefined ? {} : { niceness: this.options.niceness }),
      };
      slot.worker.postMessage(message);
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.workerPath, { workerData: this.options.workerData });
    const slot: Slot = { worker, task: null };
    worker.on('message', (event: FromWorker) => {
      const task = slot.task;
      if (task === null || event.runId !== task.request.runId) return;
      if (!isOutcome(event)) {
        task.job.onEvent(event);
        return;
      }
      slot.task = null;
      this.finish(task, event);
      this.pump();
    });
    const crashed = (message: string) => {
      if (slot.task !== null) this.replace(slot, { type: 'failed', runId: slot.task.request.runId, message });
    };
    worker.on('error', (error) => crashed(`The training worker crashed: ${error.message}`));
    worker.on('exit', (code) => crashed(`The training worker exited with code ${code}`));
    this.slots.push(slot);
    return slot;
  }

  /** Terminates a slot's worker, reports its run, and lets a fresh worker take its place. */
  private replace(slot: Slot, outcome: RunOutcome): void {
    const task = slot.task;
    slot.task = null;
    this.slots.splice(this.slots.indexOf(slot), 1);
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    if (task !== null) this.finish(task, outcome);
    this.pump();
  }

  private finish(task: Task, outcome: RunOutcome): void {
    task.job.onEvent(outcome);
    task.job.settle(task.index, outcome);
  }
}
