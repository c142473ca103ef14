// The scheduling behind every training pool (the contract is in trainingPool.ts): a queue
// of runs, a slot per worker, cancellation per batch, and a crashed or stuck worker
// replaced while the other runs go on. What a worker is (a Node worker thread, a Web
// Worker) comes from a WorkerBackend, so both platforms share this code and its tests.
//
// While there is work for every worker, each busy worker also holds its next run in its
// message queue, so it starts that run the moment the last one ends instead of waiting a
// round trip through the pool's thread (a busy extension host can take milliseconds to
// answer, and a sweep of short runs is mostly such waits). Only runs with a shared cancel
// flag are sent ahead: they can be cancelled where they wait.
import type { RunEvent, RunOutcome } from '../protocol.ts';
import type { RunRequest } from '../experiment/request.ts';
import type { FromWorker, ToWorker } from './messages.ts';
import { isOutcome, type RunBatch, type TrainingPool } from './trainingPool.ts';

/** One worker, as the pool drives it. */
export interface WorkerHandle {
  post(message: ToWorker): void;
  /** Stops the worker; its events are no longer delivered. */
  terminate(): Promise<unknown> | void;
}

export interface WorkerCallbacks {
  message(message: FromWorker): void;
  /** The worker died or failed to load: `reason` is a sentence for the run's `failed` outcome. */
  crashed(reason: string): void;
}

export interface WorkerBackend {
  spawn(callbacks: WorkerCallbacks): WorkerHandle;
  /** A flag shared with the workers, or undefined where memory cannot be shared. */
  sharedFlag(): Int32Array | undefined;
}

export interface WorkerPoolOptions {
  workers: number;
  /** How often runs send their epoch metrics (ms). */
  flushMs?: number;
  /** How long a cancelled run may take to notice before its worker is terminated (ms). */
  cancelGraceMs?: number;
  /** Lower the workers' scheduling priority to this nice value (worker threads on Linux only). */
  niceness?: number;
}

interface Job {
  flag: Int32Array | undefined;
  onEvent: (event: RunEvent) => void;
  settle: (index: number, outcome: RunOutcome) => void;
  cancelled: boolean;
}

interface Task {
  job: Job;
  request: RunRequest;
  index: number;
  /** Its outcome was reported (a run cancelled while it waited in a worker's queue is reported at once). */
  done: boolean;
}

interface Slot {
  worker: WorkerHandle;
  /** The runs posted to this worker, in its order: the one training first, then the one sent ahead. */
  tasks: Task[];
  ready: Promise<void>;
  gone: boolean;
}

/** Runs a worker holds at most: the one training and the next. */
const WORKER_DEPTH = 2;

export class WorkerPool implements TrainingPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private readonly size: number;
  private disposed = false;

  constructor(
    private readonly backend: WorkerBackend,
    private readonly options: WorkerPoolOptions,
  ) {
    this.size = Math.max(1, options.workers);
  }

  get workerCount(): number {
    return this.size;
  }

  get liveWorkers(): number {
    return this.slots.length;
  }

  /**
   * Starts every worker before a run needs it, so the first run's first point does not wait
   * for a worker to start and compile its kernels (about 0.4 s on a busy 2-core machine).
   */
  warm(): Promise<void> {
    const fresh: Slot[] = [];
    while (!this.disposed && this.slots.length < this.size) fresh.push(this.spawn());
    return Promise.all(fresh.map((slot) => slot.ready)).then(() => undefined);
  }

  run(requests: readonly RunRequest[], onEvent: (event: RunEvent) => void): RunBatch {
    if (this.disposed) throw new Error('The training pool was disposed');
    const outcomes: RunOutcome[] = new Array(requests.length);
    let remaining = requests.length;
    let resolve!: (o: RunOutcome[]) => void;
    const done = new Promise<RunOutcome[]>((r) => (resolve = r));
    const job: Job = {
      flag: this.backend.sharedFlag(),
      onEvent,
      cancelled: false,
      settle: (index, outcome) => {
        if (outcomes[index] !== undefined) return;
        outcomes[index] = outcome;
        if (--remaining === 0) resolve(outcomes);
      },
    };
    if (requests.length === 0) resolve([]);
    requests.forEach((request, index) => this.queue.push({ job, request, index, done: false }));
    this.pump();
    return { done, cancel: () => this.cancel(job) };
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const task of this.queue.splice(0)) this.finish(task, { type: 'cancelled', runId: task.request.runId });
    await Promise.all(
      this.slots.splice(0).map((slot) => {
        slot.gone = true;
        for (const task of slot.tasks.splice(0)) this.finish(task, { type: 'cancelled', runId: task.request.runId });
        return slot.worker.terminate();
      }),
    );
  }

  private cancel(job: Job): void {
    if (job.cancelled) return;
    job.cancelled = true;
    if (job.flag !== undefined) Atomics.store(job.flag, 0, 1);
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const task = this.queue[i]!;
      if (task.job !== job) continue;
      this.queue.splice(i, 1);
      this.finish(task, { type: 'cancelled', runId: task.request.runId });
    }
    // A run sent ahead is reported now; its worker will start it, see the flag and drop it.
    for (const slot of this.slots) {
      for (const task of slot.tasks.slice(1)) if (task.job === job) this.finish(task, { type: 'cancelled', runId: task.request.runId });
    }
    const stopRunning = () => {
      for (const slot of [...this.slots]) {
        const running = slot.tasks[0];
        if (running?.job === job) this.replace(slot, { type: 'cancelled', runId: running.request.runId });
      }
    };
    // Without a shared flag a run cannot notice: its worker goes now. With one, a run polls
    // it every step, and one stuck in a long step is stopped the hard way.
    if (job.flag === undefined) {
      stopRunning();
      return;
    }
    const timer = setTimeout(stopRunning, this.options.cancelGraceMs ?? 100);
    (timer as { unref?: () => void }).unref?.();
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.disposed) {
      const slot = this.slots.find((s) => s.tasks.length === 0) ?? (this.slots.length < this.size ? this.spawn() : this.slotToSendAhead());
      if (slot === undefined) return;
      this.post(slot, this.queue.shift()!);
    }
  }

  /**
   * A busy worker that may take the next run now: only while every worker has work (near
   * the end of a batch a run waits in the pool, for whichever worker is free first).
   */
  private slotToSendAhead(): Slot | undefined {
    const next = this.queue[0]!;
    if (next.job.flag === undefined || this.queue.length < this.slots.length) return undefined;
    return this.slots.find((s) => s.tasks.length < WORKER_DEPTH && s.tasks.every((t) => t.job.flag !== undefined));
  }

  private post(slot: Slot, task: Task): void {
    slot.tasks.push(task);
    slot.worker.post({
      type: 'run',
      request: task.request,
      flushMs: this.options.flushMs ?? 100,
      ...(task.job.flag === undefined ? {} : { cancelFlag: task.job.flag }),
      ...(this.options.niceness === undefined ? {} : { niceness: this.options.niceness }),
    });
  }

  private spawn(): Slot {
    let markReady!: () => void;
    const ready = new Promise<void>((r) => (markReady = r));
    const slot = { tasks: [], ready, gone: false } as Omit<Slot, 'worker'> as Slot;
    slot.worker = this.backend.spawn({
      message: (event) => {
        if (slot.gone) return;
        if (event.type === 'ready') {
          markReady();
          return;
        }
        const task = slot.tasks[0];
        if (task === undefined || event.runId !== task.request.runId) return;
        if (!isOutcome(event)) {
          if (!task.done) task.job.onEvent(event);
          return;
        }
        slot.tasks.shift();
        this.finish(task, event);
        this.pump();
      },
      crashed: (reason) => {
        markReady();
        if (slot.gone) return;
        const running = slot.tasks[0];
        if (running !== undefined) this.replace(slot, { type: 'failed', runId: running.request.runId, message: reason });
        else this.drop(slot);
      },
    });
    this.slots.push(slot);
    return slot;
  }

  /**
   * Terminates a slot's worker, reports its running run, puts the run it held next back at
   * the head of the queue, and lets a fresh worker take its place.
   */
  private replace(slot: Slot, outcome: RunOutcome): void {
    const [running, ...waiting] = slot.tasks.splice(0);
    this.drop(slot);
    if (running !== undefined) this.finish(running, outcome);
    this.queue.unshift(...waiting.filter((task) => !task.done));
    this.pump();
  }

  private drop(slot: Slot): void {
    slot.gone = true;
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    void slot.worker.terminate();
  }

  private finish(task: Task, outcome: RunOutcome): void {
    if (task.done) return;
    task.done = true;
    task.job.onEvent(outcome);
    task.job.settle(task.index, outcome);
  }
}
