// From a parsed experiment to trained results: the run requests of the chosen variants
// and sweep, trained on a run pool, collected into one ExperimentResults as events
// arrive. The CLI and the extension both go through here.
import { dirname } from 'node:path';
import type { RunEvent } from '../protocol.ts';
import type { RunRequest } from './request.ts';
import type { RunBatch } from '../worker/trainingPool.ts';
import { expandRuns, type ExpandOptions } from './expand.ts';
import { applyEvent, finishResults, newResults, type ExperimentResults, type ResultsHeader } from '../results/model.ts';
import type { Experiment } from './schema/experiment.ts';

export interface PlanOptions extends ExpandOptions {
  /** The folder data paths must stay inside. */
  workspaceRoot?: string;
}

export function planRuns(experiment: Experiment, file: string, options: PlanOptions = {}): RunRequest[] {
  return expandRuns(experiment, options).map((spec) => ({
    runId: spec.id,
    // A file without variants runs its base experiment, labelled as such in tables and legends.
    variant: spec.variant ?? 'base',
    ...(spec.sweepValue === undefined ? {} : { sweepValue: spec.sweepValue }),
    ...(spec.gridValue === undefined ? {} : { gridValue: spec.gridValue }),
    repeat: spec.repeat,
    ...(spec.fold === undefined ? {} : { fold: spec.fold }),
    seed: spec.seed,
    config: spec.config,
    baseDir: dirname(file),
    ...(options.workspaceRoot === undefined ? {} : { workspaceRoot: options.workspaceRoot }),
  }));
}

/** Anything that trains a batch of runs: the worker pool, or a test's in-process runner. */
export type RunExecutor = (requests: readonly RunRequest[], onEvent: (event: RunEvent) => void) => RunBatch;

export interface ExperimentSession {
  results: ExperimentResults;
  done: Promise<ExperimentResults>;
  cancel(): void;
}

export function startExperiment(
  experiment: Experiment,
  displayFile: string,
  requests: readonly RunRequest[],
  execute: RunExecutor,
  onEvent: (event: RunEvent, results: ExperimentResults) => void = () => {},
): ExperimentSession {
  const results = newResults(resultsHeader(experiment, displayFile, requests), requests);
  const batch = execute(requests, (event) => {
    applyEvent(results, event);
    onEvent(event, results);
  });
  return { results, done: batch.done.then(() => finishResults(results)), cancel: batch.cancel };
}

/** What the results say of the experiment: its title, the lesson in words, and what a sweep varies. */
export function resultsHeader(experiment: Experiment, file: string, requests: readonly RunRequest[]): ResultsHeader {
  const descriptions: Record<string, string> = {};
  for (const v of experiment.variants) if (v.description !== undefined) descriptions[v.name] = v.description;
  const hasSweep = requests.some((r) => r.sweepValue !== undefined);
  return {
    file,
    title: experiment.title,
    description: experiment.description,
    variantDescriptions: descriptions,
    initialization: initializationText(requests),
    sweepOver: hasSweep ? experiment.sweep?.over : undefined,
    gridOver: hasSweep ? experiment.sweep?.grid?.over : undefined,
    normPath: hasSweep && experiment.sweep?.normPath === true,
  };
}

/** With two variants or more: whether they start from the same initial weights, as the panel's lesson area says. */
export function initializationText(requests: readonly RunRequest[]): string | undefined {
  const variants = new Map<string, boolean>();
  for (const r of requests) if (r.sweepValue === undefined) variants.set(r.variant, r.config.model.initPerVariant);
  if (variants.size < 2) return undefined;
  const own = [...variants.values()].filter(Boolean).length;
  if (own === 0) return 'Every variant starts from the same initial weights (drawn from the seed), so the variants differ only by what they change.';
  if (own === variants.size) return 'Each variant draws its own initial weights (model.initPerVariant), as a PyTorch script that builds one net after another does.';
  return `${own} of ${variants.size} variants draw their own initial weights (model.initPerVariant); the others share one draw.`;
}
