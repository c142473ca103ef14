// How many runs are where, and the one sentence that says it. The panel's header and
// variant lines, the status bar, the CodeLens, the report and the CLI all print counts
// through here, from the same record, so they cannot disagree.
import type { RunRecord, RunStatus } from './model.ts';

export interface RunCounts {
  total: number;
  queued: number;
  running: number;
  finished: number;
  /** Stopped by the user (status "cancelled"). */
  stopped: number;
  diverged: number;
  failed: number;
}

export function countRuns(runs: readonly Pick<RunRecord, 'status'>[]): RunCounts {
  const c: RunCounts = { total: runs.length, queued: 0, running: 0, finished: 0, stopped: 0, diverged: 0, failed: 0 };
  for (const run of runs) c[KEY[run.status]]++;
  return c;
}

const KEY: Record<RunStatus, Exclude<keyof RunCounts, 'total'>> = {
  queued: 'queued',
  running: 'running',
  finished: 'finished',
  cancelled: 'stopped',
  diverged: 'diverged',
  failed: 'failed',
};

/** Runs with an outcome. */
export function settledCount(c: RunCounts): number {
  return c.finished + c.stopped + c.diverged + c.failed;
}

/** True while some run is queued or training. */
export function isActive(c: RunCounts): boolean {
  return c.queued + c.running > 0;
}

const runs = (n: number) => `${n} run${n === 1 ? '' : 's'}`;

/**
 * "48 of 181 runs done · 2 training" while runs train; at rest "181 runs done", or
 * "41 done · 140 stopped" (diverged and failed runs likewise) when not every run finished.
 */
export function countsText(c: RunCounts): string {
  const ended = [
    c.stopped > 0 ? `${c.stopped} stopped` : '',
    c.diverged > 0 ? `${c.diverged} diverged` : '',
    c.failed > 0 ? `${c.failed} failed` : '',
  ].filter((part) => part !== '');
  if (isActive(c)) return [`${c.finished} of ${runs(c.total)} done`, ...ended, ...(c.running > 0 ? [`${c.running} training`] : [])].join(' · ');
  if (ended.length === 0) return `${runs(c.total)} done`;
  return [`${c.finished} done`, ...ended].join(' · ');
}
