// Shared by the examples' tests and by measure.ts: read an example file the way the
// extension does (parseExperiment), expand its runs (optionally with another seed),
// train each one in-process with trainRun, and collect the results with results.ts.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDiagnostic } from '../../../src/experiment/diagnostics.ts';
import { expandRuns, type RunSpec } from '../../../src/experiment/expand.ts';
import { parseExperiment } from '../../../src/experiment/parse.ts';
import { applyEvent, newResults, type RunRecord } from '../../../src/results/model.ts';
import { sweepStatistics, type SweepPoint } from '../../../src/results/stats.ts';
import type { Experiment, RunConfig } from '../../../src/experiment/schema/experiment.ts';
import { trainRun } from '../../../src/experiment/train/train-run.ts';
import type { EpochMetrics, RunSummary } from '../../../src/protocol.ts';
import type { RunRequest } from '../../../src/experiment/request.ts';

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
    if (spec.gridValue !== undefined) request.gridValue = spec.gridValue;
    if (spec.fold !== undefined) request.fold = spec.fold;
    return request;
  });
  const results = newResults({ file: 'examples', title: experiment.title, description: experiment.description, sweepOver: experiment.sweep?.over, gridOver: experiment.sweep?.grid?.over, normPath: experiment.sweep?.normPath }, requests);
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

/** How many of the pairs satisfy `better(a, b)`. */
export function wins<T>(pairs: readonly [T, T][], better: (a: T, b: T) => boolean): number {
  return pairs.filter(([a, b]) => better(a, b)).length;
}

export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** The noiseless curve of a line or polynomial data config. */
export function truthOf(data: RunConfig['data']): (x: number) => number {
  if (data.generator === 'line') return (x) => data.slope * x + data.intercept;
  if (data.generator === 'polynomial') return (x) => data.coefficients.reduceRight((sum, c) => sum * x + c, 0);
  throw new Error(`no closed-form truth for data.generator "${data.generator}"`);
}

export interface CurveStats {
  /** Mean squared distance between the fitted curve and the true one over the 200-point grid: the test loss without test noise. */
  errorToTruth: number;
  /** Total variation Σ|Δy| of the fitted curve over the grid minus the true curve's: how much it wiggles beyond the truth. */
  excessVariation: number;
}

/** Compares a run's last fitted curve (its final snapshot) with the data's true curve. */
export function curveStats(run: TrainedRun): CurveStats {
  const last = run.record.snapshots.at(-1);
  if (last?.kind !== 'curve') throw new Error(`run ${run.spec.id} has no fitted curve`);
  const truth = truthOf(run.spec.config.data);
  const { x, y } = last;
  let error = 0, variation = 0, trueVariation = 0;
  for (let i = 0; i < x.length; i++) {
    error += (y[i]! - truth(x[i]!)) ** 2;
    if (i > 0) {
      variation += Math.abs(y[i]! - y[i - 1]!);
      trueVariation += Math.abs(truth(x[i]!) - truth(x[i - 1]!));
    }
  }
  return { errorToTruth: error / x.length, excessVariation: variation - trueVariation };
}

/** Share of neighbouring grid cells (right and up) of the final decision boundary whose class differs: the boundary's length, relative. */
export function boundaryLength(run: TrainedRun): number {
  const last = run.record.snapshots.at(-1);
  if (last?.kind !== 'boundary') throw new Error(`run ${run.spec.id} has no decision boundary`);
  const { size, classes } = last;
  let changes = 0, pairs = 0;
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const k = classes[r * size + c];
      if (c + 1 < size) { pairs++; if (classes[r * size + c + 1] !== k) changes++; }
      if (r + 1 < size) { pairs++; if (classes[(r + 1) * size + c] !== k) changes++; }
    }
  }
  return changes / pairs;
}

/** The run of `variant` (its own run, not the sweep's). */
export function runOf(trained: TrainedExample, variant: string): TrainedRun {
  const run = trained.runs.find((r) => r.spec.kind === 'variant' && (r.spec.variant ?? 'base') === variant);
  if (run === undefined) throw new Error(`no run of variant "${variant}"`);
  return run;
}

/** Evaluate only at the end: the final metrics are the same (training never reads them), the run is quicker. */
export function evaluateAtEndOnly(config: RunConfig): void {
  config.training.evalEvery = config.training.epochs;
}
