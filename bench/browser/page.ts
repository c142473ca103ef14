// The page the browser harness (harness.ts) loads: the web build's training pool
// (WebRunPool over Web Workers running src/worker/webWorker.ts) and the engine's bench
// trainers in a Web Worker, driven from Node through page.evaluate.
import type { RunRequest } from '../../src/experiment/request.ts';
import type { RunEvent, RunOutcome } from '../../src/protocol.ts';
import { WebRunPool, type WebWorkerLike } from '../../src/worker/webPool.ts';
import type { BenchReply, BenchRequest } from './bench-worker.ts';

type WorkerConstructor = new (url: string) => WebWorkerLike & { onmessage: ((e: { data: unknown }) => void) | null; postMessage(m: unknown): void };
const NativeWorker = (globalThis as unknown as { Worker: WorkerConstructor }).Worker;

export interface PoolRun {
  outcomes: RunOutcome[];
  events: number;
  ms: number;
}

async function train(requests: RunRequest[], workers: number, cancelAfterEpochEvents?: number): Promise<PoolRun & { cancelMs?: number }> {
  const pool = new WebRunPool({ createWorker: () => new NativeWorker('/worker.js'), workers, flushMs: 50 });
  try {
    await pool.warm();
    let events = 0;
    let epochEvents = 0;
    let cancelledAt: number | undefined;
    const t0 = performance.now();
    const batch = pool.run(requests, (e: RunEvent) => {
      events++;
      if (e.type === 'epochs' && ++epochEvents === cancelAfterEpochEvents) {
        cancelledAt = performance.now();
        batch.cancel();
      }
    });
    const outcomes = await batch.done;
    const end = performance.now();
    return { outcomes, events, ms: end - t0, ...(cancelledAt === undefined ? {} : { cancelMs: end - cancelledAt }) };
  } finally {
    await pool.dispose();
  }
}

// One bench worker for the page's life, as Node's bench runs in one warm process.
let benchWorker: InstanceType<WorkerConstructor> | undefined;
let benchQueue: Promise<unknown> = Promise.resolve();

function bench(request: BenchRequest): Promise<BenchReply> {
  const worker = (benchWorker ??= new NativeWorker('/bench-worker.js'));
  const reply = benchQueue.then(() => new Promise<BenchReply>((resolve) => {
    worker.onmessage = (e) => resolve(e.data as BenchReply);
    worker.postMessage(request);
  }));
  benchQueue = reply;
  return reply;
}

(globalThis as unknown as { reglab: unknown }).reglab = {
  train,
  bench,
  crossOriginIsolated: () => (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
};
