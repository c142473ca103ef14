// A training pool whose batches need an asynchronous step before they can train, in front of
// another pool that it starts on first use. The web build needs both (trainingPools.web.ts):
// a run's data files are read through vscode.workspace.fs, which a Web Worker cannot reach,
// and the Web Worker pool starts only once its script has been fetched. It keeps the pool
// contract (trainingPool.ts) through both waits, and is tested against it with the others:
//
// - a run whose step fails is reported failed with the step's reason; the others train;
// - a pool that cannot start has every run of the batch reported failed, and the next batch
//   tries again;
// - cancel() while the batch waits reports every run cancelled at once, as queued runs are,
//   and `done` resolves without waiting for the read; dispose() cancels such batches too.
import type { RunOutcome, RunEvent } from '../protocol.ts';
import type { RunRequest } from '../experiment/request.ts';
import type { RunBatch, TrainingPool } from './trainingPool.ts';

/** A request ready to train (perhaps with what the step added to it), or its run's outcome. */
export type Prepared = { request: RunRequest } | { failed: RunOutcome };

export interface PreparingPoolOptions {
  workerCount: number;
  /** Starts the pool that trains; called on first use, and again after a failed start. */
  start(): Promise<TrainingPool>;
  /** One Prepared per request, in order. */
  prepare(requests: readonly RunRequest[]): Promise<Prepared[]>;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class PreparingPool implements TrainingPool {
  readonly workerCount: number;
  private inner: Promise<TrainingPool> | undefined;
  private live: TrainingPool | undefined;
  private disposed = false;
  private readonly waiting = new Set<() => void>();

  constructor(private readonly options: PreparingPoolOptions) {
    this.workerCount = options.workerCount;
  }

  get liveWorkers(): number {
    return this.live?.liveWorkers ?? 0;
  }

  warm(): Promise<void> {
    return this.pool().then((pool) => pool.warm()).catch(() => undefined);
  }

  run(requests: readonly RunRequest[], onEvent: (event: RunEvent) => void): RunBatch {
    const outcomes: (RunOutcome | undefined)[] = new Array(requests.length);
    const settle = (index: number, outcome: RunOutcome) => {
      outcomes[index] = outcome;
      onEvent(outcome);
    };
    let cancelled = false;
    let batch: RunBatch | undefined;
    let cancelledWaiting!: (outcomes: RunOutcome[]) => void;
    const whenCancelledWaiting = new Promise<RunOutcome[]>((r) => (cancelledWaiting = r));
    const cancel = () => {
      if (cancelled) return;
      cancelled = true;
      this.waiting.delete(cancel);
      if (batch !== undefined) return batch.cancel();
      // Every outcome is known now: `done` need not wait for a read that may take long.
      requests.forEach((r, i) => outcomes[i] ?? settle(i, { type: 'cancelled', runId: r.runId }));
      cancelledWaiting(outcomes as RunOutcome[]);
    };
    this.waiting.add(cancel);
    const trained = (async (): Promise<RunOutcome[]> => {
      let prepared: Prepared[];
      try {
        prepared = await this.options.prepare(requests);
      } catch (error) {
        prepared = requests.map((r) => ({ failed: { type: 'failed', runId: r.runId, message: reason(error) } }));
      }
      let pool: TrainingPool | undefined;
      let poolError: string | undefined;
      if (!cancelled && prepared.some((p) => 'request' in p)) {
        try {
          pool = await this.pool();
        } catch (error) {
          poolError = `The training worker could not start: ${reason(error)}`;
        }
      }
      if (cancelled) return outcomes as RunOutcome[]; // cancel() reported every run
      this.waiting.delete(cancel);
      const ready: { index: number; request: RunRequest }[] = [];
      prepared.forEach((got, index) => {
        if ('failed' in got) settle(index, got.failed);
        else if (pool === undefined) settle(index, { type: 'failed', runId: got.request.runId, message: poolError ?? 'The training pool was disposed' });
        else ready.push({ index, request: got.request });
      });
      if (ready.length > 0 && pool !== undefined) {
        batch = pool.run(ready.map((r) => r.request), onEvent);
        const ran = await batch.done;
        ready.forEach((r, i) => (outcomes[r.index] = ran[i]));
      }
      return outcomes as RunOutcome[];
    })();
    return { done: Promise.race([trained, whenCancelledWaiting]), cancel };
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const cancel of [...this.waiting]) cancel();
    if (this.inner !== undefined) await (await this.inner.catch(() => undefined))?.dispose();
  }

  private pool(): Promise<TrainingPool> {
    if (this.disposed) return Promise.reject(new Error('The training pool was disposed'));
    if (this.inner === undefined) {
      const starting = this.options.start().then((pool) => (this.live = pool));
      this.inner = starting;
      starting.catch(() => {
        if (this.inner === starting) this.inner = undefined; // a failed start is tried again with the next batch
      });
    }
    return this.inner;
  }
}
