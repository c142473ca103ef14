// What the panel is sent of a session's results: only what it draws. The panel draws a sweep
// run through its summary (the Sweep view's means over repeats) and shows at most where it
// is (epoch, test loss); its per-epoch curves, points and fitted curves are drawn nowhere. A
// 181-run sweep's full results are megabytes, which the window's renderer (it also paints
// the editor) would parse and clone while the user types; sent thin, they are kilobytes.
// The host keeps the full results (saved files, CSV export); free of vscode, for the tests.
import type { ExperimentResults, RunRecord } from '../results/model.ts';
import type { RunEvent } from '../protocol.ts';

/** The results as the panel needs them: each sweep run with its last metrics only, no points or snapshots. */
export function resultsForPanel(results: ExperimentResults): ExperimentResults {
  if (!results.runs.some(isHeavySweepRun)) return results;
  return { ...results, runs: results.runs.map((run) => (isHeavySweepRun(run) ? thinSweepRun(run) : run)) };
}

/**
 * A streamed event as the panel needs it: a sweep run's epochs shrink to the latest one
 * (`sweepRuns` holds the session's sweep run ids); everything else goes as it is.
 */
export function eventForPanel(event: RunEvent, sweepRuns: ReadonlySet<string>): RunEvent {
  if (event.type !== 'epochs' || !sweepRuns.has(event.runId) || event.metrics.length <= 1) return event;
  return { ...event, metrics: event.metrics.slice(-1) };
}

function isHeavySweepRun(run: RunRecord): boolean {
  return run.sweepValue !== undefined && (run.metrics.length > 1 || run.snapshots.length > 0 || run.data !== undefined);
}

function thinSweepRun(run: RunRecord): RunRecord {
  const { data: _data, ...rest } = run;
  return { ...rest, metrics: run.metrics.slice(-1), snapshots: [] };
}
