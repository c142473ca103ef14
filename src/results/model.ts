// The record of one experiment run: every run's curves, snapshots, summary and state, folded
// from the events as they stream in. The host, the panel, the report and the CLI fold the
// same events with the same `applyEvent`, and read counts (counts.ts) and sweep statistics
// (stats.ts) from the record, so no two views can tell different numbers. It is also what
// gets saved under .reglab/runs/ and read back to redraw charts without retraining.
import type { DataPoints, EpochMetrics, RunEvent, RunSummary, Snapshot } from '../protocol.ts';
import { sweepStatistics, type SweepPoint } from './stats.ts';
import { chosenValues, type ChosenJson } from './choice.ts';

export type { SweepPoint, Stat } from './stats.ts';

export const RESULTS_VERSION = 1;

/** queued → running → one of the four outcomes. `cancelled` is what the views call "stopped". */
export type RunStatus = 'queued' | 'running' | 'finished' | 'diverged' | 'cancelled' | 'failed';

export interface RunRecord {
  id: string;
  variant: string;
  sweepValue?: number;
  /** With `sweep.grid`, the second field's value. */
  gridValue?: number;
  repeat: number;
  /** With `data.folds`, the fold this sweep run held out. */
  fold?: number;
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
  /**
   * The playground values this run was trained with, when they differ from the file
   * (e.g. { "regularization.weightDecay": 0.5 }); the views name the curve after them.
   */
  overrides?: Record<string, number>;
}

export interface ExperimentResults {
  version: typeof RESULTS_VERSION;
  /** The experiment file, relative to the workspace (or as given on the command line). */
  file: string;
  title: string;
  description?: string;
  /** Each variant's description (the "what to look for"), by variant name. */
  variantDescriptions?: Record<string, string>;
  /** With several variants: whether they start from the same initial weights (model.initPerVariant), in a sentence. */
  initialization?: string;
  startedAt: string;
  finishedAt?: string;
  sweepOver?: string;
  /** With `sweep.grid`, the second swept field. */
  gridOver?: string;
  /** The file's `sweep.normPath`: the Sweep view also draws the test loss against ‖w‖₂ (lesson 09). */
  normPath?: true;
  runs: RunRecord[];
  sweep: SweepPoint[];
  /** Written when the record closes: the sweep's chosen values per variant (λ_min, λ_1se; see choice.ts). */
  chosen?: ChosenJson[];
}

/** What a results record needs to know of a run before it starts (a RunRequest has it). */
export interface PlannedRun {
  runId: string;
  variant: string;
  sweepValue?: number;
  gridValue?: number;
  repeat: number;
  fold?: number;
  seed: number;
  overrides?: Record<string, number>;
}

export interface ResultsHeader {
  file: string;
  title: string;
  description?: string | undefined;
  variantDescriptions?: Record<string, string> | undefined;
  initialization?: string | undefined;
  sweepOver?: string | undefined;
  gridOver?: string | undefined;
  normPath?: boolean | undefined;
}

export function newResults(header: ResultsHeader, planned: readonly PlannedRun[]): ExperimentResults {
  const descriptions = header.variantDescriptions ?? {};
  return {
    version: RESULTS_VERSION,
    file: header.file,
    title: header.title,
    ...(header.description === undefined ? {} : { description: header.description }),
    ...(Object.keys(descriptions).length === 0 ? {} : { variantDescriptions: { ...descriptions } }),
    ...(header.initialization === undefined ? {} : { initialization: header.initialization }),
    startedAt: new Date().toISOString(),
    ...(header.sweepOver === undefined ? {} : { sweepOver: header.sweepOver }),
    ...(header.gridOver === undefined ? {} : { gridOver: header.gridOver }),
    ...(header.normPath === true ? { normPath: true as const } : {}),
    runs: planned.map((r) => ({
      id: r.runId,
      variant: r.variant,
      ...(r.sweepValue === undefined ? {} : { sweepValue: r.sweepValue }),
      ...(r.gridValue === undefined ? {} : { gridValue: r.gridValue }),
      repeat: r.repeat,
      ...(r.fold === undefined ? {} : { fold: r.fold }),
      seed: r.seed,
      status: 'queued',
      metrics: [],
      snapshots: [],
      ...(r.overrides === undefined || Object.keys(r.overrides).length === 0 ? {} : { overrides: { ...r.overrides } }),
    })),
    sweep: [],
  };
}

/** True once a run has an outcome: it will not change again. */
export function isSettled(run: Pick<RunRecord, 'status'>): boolean {
  return run.status !== 'queued' && run.status !== 'running';
}

/**
 * Folds one event into the results; returns the run it touched, or undefined when the event
 * changed nothing. A run's first outcome is final: after Stop marked it stopped, a late
 * "finished" or a last batch of epochs from its worker changes nothing, so every view keeps
 * the counts it showed at the click.
 */
export function applyEvent(results: ExperimentResults, event: RunEvent): RunRecord | undefined {
  const run = results.runs.find((r) => r.id === event.runId);
  if (run === undefined || isSettled(run)) return undefined;
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
      for (const m of event.metrics) run.metrics.push(m);
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

/** The status a run has after an event, as applyEvent would set it (undefined: unchanged). */
export function statusAfter(event: RunEvent): RunStatus | undefined {
  switch (event.type) {
    case 'started':
      return 'running';
    case 'finished':
    case 'diverged':
    case 'cancelled':
    case 'failed':
      return event.type;
    default:
      return undefined;
  }
}

/**
 * The events that Stop means, for the runs not yet settled: each becomes "stopped" the moment
 * the user clicks, whether its worker has noticed yet or not. Folded like any other event.
 */
export function stopEvents(results: ExperimentResults): RunEvent[] {
  return results.runs.filter((r) => !isSettled(r)).map((r) => ({ type: 'cancelled', runId: r.id }));
}

/** Closes the record: the finish time and the sweep's statistics over repeats. */
export function finishResults(results: ExperimentResults): ExperimentResults {
  results.finishedAt = new Date().toISOString();
  results.sweep = sweepStatistics(results.runs);
  if (results.sweep.length > 0) results.chosen = chosenValues(results);
  return results;
}
