// Shared by the examples' tests and by measure.ts: read an example file the way the
// extension does (parseExperiment), expand its runs (optionally with another seed),
// train each one in-process with trainRun, and collect the results with results.ts.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic } from '../../../src/experiment/diagnostics.ts';
import { expandRuns, type RunSpec } from '../../../src/experiment/expand.ts';
import { parseExperiment } from '../../../src/experiment/parse.ts';
import { applyEvent, newResults, sweepStatistics, type RunRecord, type SweepPoint } from '../../../src/experiment/results.ts';
import type { Experiment, RunConfig } from '../../../src/experiment/schema/experiment.ts';
import { trainRun } from '../../../src/experiment/train/train-run.ts';
import type { EpochMetrics, RunRequest, RunSummary } from '../../../src/protocol.ts';

export const EXAMPLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'examples');

export function exampleFiles(): string[] {
  return readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.reglab.json')).sort();
}

/** The file's problems, one line each as the CLI prints them (empty when it is clean). */
export function exampleDiagnostics(file: string): string[] {
  const path = join(EXAMPLES_DIR, file);
  const parsed = parseExperiment(readFileSync(path, 'utf8'), `examples/${file}`);
  return parsed.diagnostics.map((d) => formatDiagnostic(`examples/${file}`, d));
}

/** The parsed example; throws with the diagnostics when it has any (warnings included). */
export function loadExample(file: string): Experiment {
  const parsed = parseExperiment(readFileSync(join(EXAMPLES_DIR, file), 'utf8'), `examples/${file}`);
  if (parsed.diagnostics.length > 0 || parsed.experiment === undefined) {
    throw new Error(`examples/${file} has problems:\n${parsed.diagnostics.map((d) => formatDiagnostic(`examples/${file}`, d)).join('\n')}`);
  }
  return parsed.experiment;
}

export interface RunOptions {
  /** Replaces the file's `seed` (sweep repeats then use seed, seed + 1, …). */
  seed?: number;
  /** Also train the sweep's runs. */
  includeSweep?: boolean;
  /** Only the variant runs of these variants (sweep runs are kept when includeSweep). */
  variants?: readonly string[];
  /** Only sweep runs with these values. */
  sweepValues?: readonly number[];
  /** Changes each run's config before training (to make a test cheaper; say so where used). */
  adjust?: (config: RunConfig) => void;
}

export interface TrainedRun {
  spec: RunSpec;
  record: RunRecord;
  summary: RunSummary;
  final: EpochMetrics;
}

export interface TrainedExample {
  runs: TrainedRun[];
  /** The final metrics of each variant's own run (not the sweep's), by variant name ("base" without variants). */
  finals: Map<string, EpochMetrics>;
  summaries: Map<string, RunSummary>;
  /** The sweep's mean and spread per value (empty without includeSweep). */
  sweep: SweepPoint[];
}

export function specsOf(experiment: Experiment, options: RunOptions = {}): RunSpec[] {
  const copy = structuredClone(experiment);
  if (options.seed !== undefined) copy.seed = options.seed;
  return expandRuns(copy, { includeSweep: options.includeSweep ?? false }).filter((spec) => {
    if (spec.kind === 'variant') return options.variants === undefined || options.variants.includes(spec.variant ?? 'base');
    return options.sweepValues === undefined || options.sweepValues.includes(spec.sweepValue!);
  });
}

/** Trains the example's runs one after the other; fails on a run that does not finish. */
export function trainExample(experiment: Experiment, options: RunOptions = {}): TrainedExample {
  const specs = specsOf(experiment, options);
  const requests: RunRequest[] = specs.map((spec) => {
    const config = structuredClone(spec.config);
    options.adjust?.(config);
    const request: RunRequest = {
      runId: spec.id,
      variant: spec.variant ?? 'base',
      repeat: spec.repeat,
      seed: spec.seed,
      config,
      baseDir: EXAMPLES_DIR,
      workspaceRoot: EXAMPLES_DIR,
    };
    if (spec.sweepValue !== undefined) request.sweepValue = spec.sweepValue;
    return request;
  });
  const results = newResults('examples', experiment.title, experiment.description, requests, experiment.sweep?.over);
  const runs: TrainedRun[] = requests.map((request, i) => {
    const outcome = trainRun(request, { cancelled: () => false, emit: (event) => void applyEvent(results, event), flushMs: 1e9 });
    if (outcome.type !== 'finished') {
      const why = 'cause' in outcome ? outcome.cause : 'message' in outcome ? outcome.message : outcome.type;
      throw new Error(`run ${request.runId} (seed ${request.seed}) did not finish: ${outcome.type}: ${why}`);
    }
    return { spec: specs[i]!, record: results.runs[i]!, summary: outcome.summary, final: outcome.summary.final };
  });
  const finals = new Map<string, EpochMetrics>();
  const summaries = new Map<string, RunSummary>();
  for (const run of runs) {
    if (run.spec.kind !== 'variant') continue;
    finals.set(run.spec.variant ?? 'base', run.final);
    summaries.set(run.spec.variant ?? 'base', run.summary);
  }
  return { runs, finals, summaries, sweep: sweepStatistics(results.runs) };
}

/** `finals.get(name)`, failing clearly when the variant is missing (e.g. renamed in the file). */
export function finalOf(trained: TrainedExample, variant: string): EpochMetrics {
  const final = trained.finals.get(variant);
  if (final === undefined) throw new Error(`no variant "${variant}"; the variants are ${[...trained.finals.keys()].map((n) => `"${n}"`).join(', ')}`);
  return final;
}

export function summaryOf(trained: TrainedExample, variant: string): RunSummary {
  const summary = trained.summaries.get(variant);
  if (summary === undefined) throw new Error(`no variant "${variant}"`);
  return summary;
}

/** The seeds a multi-seed test uses: the file's own seed and the next ones. */
export function seedsFrom(experiment: Experiment, count: number): number[] {
  return Array.from({ length: count }, (_, i) => experiment.seed + i);
}
