// The record of one experiment run: every run's curves, snapshots and summary, collected
// from the events as they stream in, and the sweep's statistics over repeats. It is what
// gets saved under .reglab/runs/ and read back to redraw charts without retraining.
import type { DataPoints, EpochMetrics, RunEvent, RunRequest, RunSummary, Snapshot } from '../protocol.ts';

export const RESULTS_VERSION = 1;

export type RunStatus = 'queued' | 'running' | 'finished' | 'diverged' | 'cancelled' | 'failed';

export interface RunRecord {
  id: string;
  variant: string;
  sweepValue?: number;
  repeat: number;
  seed: number;
  status: RunStatus;
  task?: 'regression' | 'classification';
  parameterCount?: number;
  metrics: EpochMetrics[];
  snapshots: Snapshot[];
  data?: { train: DataPoints; test: DataPoints };
  summary?: RunSummary;
  /** Why it diverged or failed, with the epoch for a divergence. */
  message?: string;
  epoch?: number;
  /** The failing field of the experiment file, when known (e.g. a missing CSV column). */
  path?: (string | number)[];
}

export interface SweepPoint {
  variant: string;
  value: number;
  repeats: number;
  trainLoss: Stat;
  testLoss: Stat;
  weightNorm: Stat;
  sparsity: Stat;
  testAccuracy?: Stat;
}

export interface Stat {
  mean: number;
  std: number;
  min: number;
  max: number;
}

export interface ExperimentResults {
  version: typeof RESULTS_VERSION;
  /** The experiment file, relative to the workspace (or as given on the command line). */
  file: string;
  title: string;
  description?: string;
  startedAt: string;
  finishedAt?: string;
  sweepOver?: string;
  runs: RunRecord[];
  sweep: SweepPoint[];
}

export function newResults(file: string, title: string, description: string | undefined, requests: readonly RunRequest[], sweepOver?: string): ExperimentResults {
  return {
    version: RESULTS_VERSION,
    file,
    title,
    ...(description === undefined ? {} : { description }),
    startedAt: new Date().toISOString(),
    ...(sweepOver === undefined ? {} : { sweepOver }),
    runs: requests.map((r) => ({
      id: r.runId,
      variant: r.variant,
      ...(r.sweepValue === undefined ? {} : { sweepValue: r.sweepValue }),
      repeat: r.repeat,
      seed: r.seed,
      status: 'queued',
      metrics: [],
      snapshots: [],
    })),
    sweep: [],
  };
}

/** Folds one event into the results; returns the run it touched. */
export function applyEvent(results: ExperimentResults, event: RunEvent): RunRecord | undefined {
  const run = results.runs.find((r) => r.id === event.runId);
  if (run === undefined) return undefined;
  switch (event.type) {
    case 'started':
      run.status = 'running';
      run.task = event.task;
      run.parameterCount = event.parameterCount;
      break;
    case 'data':
      run.data = { train: event.train, test: event.test };
      break;
    case 'epochs':
      run.metrics.push(...event.metrics);
      break;
    case 'snapshot':
      run.snapshots.push(event.snapshot);
      break;
    case 'finished':
      run.status = 'finished';
      run.summary = event.summary;
      break;
    case 'diverged':
      run.status = 'diverged';
      run.message = event.cause;
      run.epoch = event.epoch;
      break;
    case 'cancelled':
      run.status = 'cancelled';
      break;
    case 'failed':
      run.status = 'failed';
      run.message = event.message;
      if (event.path !== undefined) run.path = event.path;
      break;
  }
  return run;
}

/** Closes the record: the finish time and the sweep's statistics over repeats. */
export function finishResults(results: ExperimentResults): ExperimentResults {
  results.finishedAt = new Date().toISOString();
  results.sweep = sweepStatistics(results.runs);
  return results;
}

export function sweepStatistics(runs: readonly RunRecord[]): SweepPoint[] {
  const groups = new Map<string, RunRecord[]>();
  for (const run of runs) {
    if (run.sweepValue === undefined || run.summary === undefined) continue;
    const key = `${run.variant}\u0000${run.sweepValue}`;
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  return [...groups.values()].map((group) => {
    const finals = group.map((r) => r.summary!.final);
    const point: SweepPoint = {
      variant: group[0]!.variant,
      value: group[0]!.sweepValue!,
      repeats: group.length,
      trainLoss: stat(finals.map((f) => f.trainLoss)),
      testLoss: stat(finals.map((f) => f.testLoss)),
      weightNorm: stat(finals.map((f) => f.weightNorm)),
      sparsity: stat(finals.map((f) => f.sparsity)),
    };
    if (finals.every((f) => f.testAccuracy !== undefined)) point.testAccuracy = stat(finals.map((f) => f.testAccuracy!));
    return point;
  });
}

/** The sweep value with the lowest mean test loss, per variant. */
export function bestSweepValues(points: readonly SweepPoint[]): Map<string, SweepPoint> {
  const best = new Map<string, SweepPoint>();
  for (const p of points) {
    const current = best.get(p.variant);
    if (current === undefined || p.testLoss.mean < current.testLoss.mean) best.set(p.variant, p);
  }
  return best;
}

export function stat(values: readonly number[]): Stat {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, std: Math.sqrt(variance), min: Math.min(...values), max: Math.max(...values) };
}
