// What the report embeds as JSON: the results, thinned to what the charts draw. Per-epoch
// curves of thousands of epochs, every snapshot of every run and every sweep run's curves
// would make a report of many megabytes; the charts show at most a few hundred points per
// line, the last snapshot, and only the summaries of sweep runs.
import type { ExperimentResults, RunRecord } from '../results/model.ts';
import type { EpochMetrics, Snapshot } from '../protocol.ts';

export const DATA_ELEMENT_ID = 'reglab-data';
export const PAYLOAD_FORMAT = 'reglab-report';

export interface ReportPayload {
  format: typeof PAYLOAD_FORMAT;
  version: 1;
  title: string;
  generatedAt: string;
  experiments: ExperimentResults[];
}

/** Points kept per curve. */
export const MAX_CURVE_POINTS = 400;

export function compactResults(results: ExperimentResults, maxPoints = MAX_CURVE_POINTS): ExperimentResults {
  return { ...results, runs: results.runs.map((run) => compactRun(run, maxPoints)) };
}

function compactRun(run: RunRecord, maxPoints: number): RunRecord {
  if (run.sweepValue !== undefined) {
    // The sweep's charts read the sweep statistics; the tables are rendered already.
    const { data: _data, ...rest } = run;
    return { ...rest, metrics: [], snapshots: [] };
  }
  return { ...run, metrics: thin(run.metrics, maxPoints), snapshots: lastSnapshots(run.snapshots) };
}

/** Evenly spaced epochs, always with the first and the last. */
export function thin(metrics: readonly EpochMetrics[], maxPoints: number): EpochMetrics[] {
  const n = metrics.length;
  if (n <= maxPoints) return [...metrics];
  const kept: EpochMetrics[] = [];
  let previous = -1;
  for (let i = 0; i < maxPoints; i++) {
    const index = Math.round((i * (n - 1)) / (maxPoints - 1));
    if (index !== previous) kept.push(metrics[index]!);
    previous = index;
  }
  return kept;
}

/** The last snapshot of each kind, in their original order. */
function lastSnapshots(snapshots: readonly Snapshot[]): Snapshot[] {
  return snapshots.filter((s, i) => !snapshots.slice(i + 1).some((later) => later.kind === s.kind));
}

/**
 * The payload as the text of a `<script type="application/json">`: `<` is written as \u003c
 * so that no string in it (a title with `</script>`) can end the element or open a comment.
 */
export function payloadScriptText(payload: ReportPayload): string {
  return JSON.stringify(payload).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
