// What saved results look like, free of any file system: the folder and file names, the
// curves CSV, and a results file's text checked on reading (results-io.ts writes and reads
// them with node:fs, results-io.web.ts with vscode.workspace.fs).
import { basename } from 'node:path';
import { RESULTS_VERSION, type ExperimentResults } from '../results/model.ts';

/** `<timestamp>.json`, the results file's name within its experiment's folder. */
export function resultsFileName(results: ExperimentResults): string {
  return `${results.startedAt.replace(/[:.]/g, '-')}.json`;
}

export function parseResults(text: string, path: string): ExperimentResults {
  const parsed = JSON.parse(text) as ExperimentResults;
  if (parsed.version !== RESULTS_VERSION || !Array.isArray(parsed.runs)) {
    throw new Error(`${path} is not a Reglab results file of version ${RESULTS_VERSION}`);
  }
  return parsed;
}

export function experimentSlug(file: string): string {
  return basename(file).replace(/\.reglab\.json$/, '').replace(/[^A-Za-z0-9._-]+/g, '-');
}

// trainLoss and trainDataLoss are the epoch's batch mean in train mode; trainEvalLoss (with
// training.evalTrain) the whole training set's in eval mode after the epoch, empty otherwise.
// New columns go last, so that readers that count columns keep working.
const CSV_COLUMNS = [
  'epoch', 'step', 'trainLoss', 'trainDataLoss', 'trainPenalty', 'testLoss', 'trainAccuracy', 'testAccuracy', 'weightNorm', 'weightL1', 'sparsity', 'validationLoss',
  'trainEvalLoss',
] as const;

/** Every run's per-epoch curves, one row per run and epoch. */
export function curvesCsv(results: ExperimentResults): string {
  const header = ['run', 'variant', 'sweepValue', 'repeat', 'seed', ...CSV_COLUMNS].join(',');
  const rows = results.runs.flatMap((run) =>
    run.metrics.map((m) =>
      [csvField(run.id), csvField(run.variant), run.sweepValue ?? '', run.repeat, run.seed, ...CSV_COLUMNS.map((c) => m[c] ?? '')].join(','),
    ),
  );
  return [header, ...rows].join('\n') + '\n';
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
