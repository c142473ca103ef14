// Saving and reading back experiment results, and their curves as CSV.
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { RESULTS_VERSION, type ExperimentResults } from '../results/model.ts';

/** Writes atomically (a temporary file renamed into place), so a reader never sees half a file. */
export function writeFileAtomic(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/** `<dir>/<experiment name>/<timestamp>.json`; returns the path written. */
export function saveResults(dir: string, results: ExperimentResults): string {
  const folder = join(dir, experimentSlug(results.file));
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${results.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileAtomic(path, JSON.stringify(results));
  return path;
}

export function readResults(path: string): ExperimentResults {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as ExperimentResults;
  if (parsed.version !== RESULTS_VERSION || !Array.isArray(parsed.runs)) {
    throw new Error(`${path} is not a Reglab results file of version ${RESULTS_VERSION}`);
  }
  return parsed;
}

/** Saved results under `dir`, newest first. */
export function listResults(dir: string): { path: string; experiment: string; startedAt: string }[] {
  let experiments: string[];
  try {
    experiments = readdirSync(dir);
  } catch {
    return [];
  }
  return experiments
    .flatMap((experiment) => {
      let files: string[] = [];
      try {
        files = readdirSync(join(dir, experiment)).filter((f) => f.endsWith('.json'));
      } catch {}
      return files.map((f) => ({ path: join(dir, experiment, f), experiment, startedAt: f.replace(/\.json$/, '') }));
    })
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

export function experimentSlug(file: string): string {
  return basename(file).replace(/\.reglab\.json$/, '').replace(/[^A-Za-z0-9._-]+/g, '-');
}

const CSV_COLUMNS = [
  'epoch', 'step', 'trainLoss', 'trainDataLoss', 'trainPenalty', 'testLoss', 'trainAccuracy', 'testAccuracy', 'weightNorm', 'weightL1', 'sparsity',
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
