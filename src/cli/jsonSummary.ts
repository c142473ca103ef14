// What `reglab run --json` prints: a summary a script can read in a pipe — per run its status
// and final metrics, per sweep its table and the chosen value — read from the results record
// through the counts and statistics every view uses. The curves and fit snapshots stay in the
// results files (or come with --full), since they are most of the record's size.
import { countRuns, type RunCounts } from '../results/counts.ts';
import type { ExperimentResults, RunRecord, SweepPoint } from '../results/model.ts';
import { chosenValues, type ChosenJson } from '../results/choice.ts';
import type { EpochMetrics } from '../protocol.ts';

export interface RunSummaryJson {
  id: string;
  variant: string;
  sweepValue?: number;
  repeat: number;
  fold?: number;
  seed: number;
  /** As in the results file: "cancelled" is what the views call "stopped". */
  status: RunRecord['status'];
  /** The last evaluated epoch's metrics (train and test loss, weight norm, sparsity, accuracy). */
  final?: EpochMetrics;
  bestTestLoss?: number;
  bestEpoch?: number;
  parameterCount?: number;
  milliseconds?: number;
  message?: string;
  epoch?: number;
}

export interface ExperimentSummaryJson {
  file: string;
  title: string;
  /** The results file this summary comes from, with every curve. */
  resultsFile: string;
  counts: RunCounts;
  runs: RunSummaryJson[];
  sweepOver?: string;
  /** Per variant and swept value: mean, spread, min and max over the repeats that finished. */
  sweep: SweepPoint[];
  /**
   * Per swept variant, the chosen value: λ_min (and λ_1se) on the validation loss when the data
   * hold some out, else the lowest mean test loss (`on` says which); `final` is false while provisional.
   */
  chosen: ChosenJson[];
}

export function experimentSummary(results: ExperimentResults, resultsFile: string): ExperimentSummaryJson {
  return {
    file: results.file,
    title: results.title,
    resultsFile,
    counts: countRuns(results.runs),
    runs: results.runs.map(runSummary),
    ...(results.sweepOver === undefined ? {} : { sweepOver: results.sweepOver }),
    sweep: results.sweep,
    chosen: chosenValues(results),
  };
}

function runSummary(run: RunRecord): RunSummaryJson {
  const s = run.summary;
  return {
    id: run.id,
    variant: run.variant,
    ...(run.sweepValue === undefined ? {} : { sweepValue: run.sweepValue }),
    repeat: run.repeat,
    ...(run.fold === undefined ? {} : { fold: run.fold }),
    seed: run.seed,
    status: run.status,
    ...(s !== undefined
      ? { final: s.final, bestTestLoss: s.bestTestLoss, bestEpoch: s.bestEpoch, parameterCount: s.parameterCount, milliseconds: s.milliseconds }
      : run.metrics.length > 0 ? { final: run.metrics[run.metrics.length - 1]! } : {}),
    ...(run.message === undefined ? {} : { message: run.message }),
    ...(run.epoch === undefined ? {} : { epoch: run.epoch }),
  };
}
