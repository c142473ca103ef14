// A Web Worker that times the engine's bench trainers (bench/peers/reglab.ts, the code
// `npm run bench` times in Node) as workloads.md says: set up untimed, train timed, the
// warm-up runs discarded. Replies with the wall times and the last run's losses.
import { kernelBackend } from '../../src/engine/index.ts';
import type { WorkloadId } from '../peer.ts';
import { TRAINERS } from '../peers/reglab.ts';

export interface BenchRequest {
  workload: WorkloadId;
  warmupRuns: number;
  timedRuns: number;
}

export interface BenchReply {
  ms: number[];
  losses: number[];
  kernels: string;
}

const scope = globalThis as unknown as {
  postMessage(message: BenchReply): void;
  addEventListener(type: 'message', listener: (event: { data: BenchRequest }) => void): void;
};

scope.addEventListener('message', async ({ data }) => {
  const ms: number[] = [];
  let losses: readonly number[] = [];
  for (let i = 0; i < data.warmupRuns + data.timedRuns; i++) {
    const trainer = TRAINERS[data.workload]();
    const t0 = performance.now();
    const result = trainer.train();
    losses = result instanceof Promise ? await result : result;
    const elapsed = performance.now() - t0;
    trainer.dispose?.();
    if (i >= data.warmupRuns) ms.push(elapsed);
  }
  scope.postMessage({ ms, losses: [...losses], kernels: kernelBackend() });
});
