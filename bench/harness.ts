// The timing rules of workloads.md for engines that run inside this node process:
// each run trains from scratch, set up before the timer; 1 warm-up run is discarded, then
// the timed runs; gc() between runs when node was started with --expose-gc.

import type { RunTiming, TimingPlan, Trainer, WorkloadResult } from './peer.ts';

export const SPEC_TIMING = { warmupRuns: 1, timedRuns: 5 } as const;

/** `global.gc` exists only under `node --expose-gc`. */
export function collectGarbage(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== 'function') return false;
  gc();
  return true;
}

/**
 * Runs `plan.warmupRuns + plan.timedRuns` runs. Each calls `setup()` (untimed: data upload,
 * parameters, optimizer), then times `train()` in wall and process-CPU time, then disposes.
 * The losses returned are those of the last run.
 */
export async function measureInProcess(plan: TimingPlan, setup: () => Trainer | Promise<Trainer>): Promise<WorkloadResult> {
  const runs: RunTiming[] = [];
  let losses: readonly number[] = [];
  const total = plan.warmupRuns + plan.timedRuns;
  for (let i = 0; i < total; i++) {
    collectGarbage();
    const trainer = await setup();
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    const result = trainer.train();
    losses = result instanceof Promise ? await result : result;
    const wallMs = performance.now() - wallStart;
    const cpu = process.cpuUsage(cpuStart);
    trainer.dispose?.();
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const warmup = i < plan.warmupRuns;
    if (!warmup) runs.push({ wallMs, cpuMs });
    plan.progress(`${warmup ? 'warm-up' : `run ${i - plan.warmupRuns + 1}/${plan.timedRuns}`} ${formatMs(wallMs)}`);
  }
  collectGarbage();
  return { runs, losses };
}

export interface Summary {
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly cpuMedianMs: number;
}

export function summarize(runs: readonly RunTiming[]): Summary {
  if (runs.length === 0) throw new Error('no timed runs to summarize');
  const wall = runs.map((r) => r.wallMs);
  return {
    medianMs: median(wall),
    minMs: Math.min(...wall),
    maxMs: Math.max(...wall),
    cpuMedianMs: median(runs.map((r) => r.cpuMs)),
  };
}

/** The middle value; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(ms >= 100 ? 0 : 1)} ms`;
}
