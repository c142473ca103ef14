// Shared by the PyTorch export tests (not a test file itself): finding a python3 that can
// import torch, running exported scripts in it, reading what they print, and training the
// same experiment with Reglab in-process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, type TestContext } from 'node:test';
import * as E from '../../../src/engine/index.ts';
import { hasErrors } from '../../../src/experiment/diagnostics.ts';
import { parseExperiment } from '../../../src/experiment/parse.ts';
import type { Experiment } from '../../../src/experiment/schema/experiment.ts';
import { valueTexts } from '../../../src/results/valueText.ts';
import { planRuns } from '../../../src/experiment/session.ts';
import { trainRun } from '../../../src/experiment/train/train-run.ts';
import { pyName } from '../../../src/export/fields.ts';
import type { EpochMetrics } from '../../../src/protocol.ts';

/** A fresh temporary folder, removed when the test file ends. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `reglab-${prefix}-`));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * The first python3 that has torch: `python3` on PATH, then Debian's /usr/bin/python3
 * (where python3-torch installs; the PATH one may be a pyenv without it), or only
 * $REGLAB_PYTHON when it is set. Null when there is none.
 */
export function torchPython(): string | null {
  const override = process.env.REGLAB_PYTHON;
  const candidates = override ? [override] : ['python3', '/usr/bin/python3', 'python'];
  for (const python of candidates) {
    // find_spec answers without importing torch, which takes seconds.
    const probe = spawnSync(python, ['-c', 'import importlib.util, sys; sys.exit(importlib.util.find_spec("torch") is None)'], { timeout: 60_000 });
    if (probe.status === 0) return python;
  }
  return null;
}

const NO_TORCH = `no python3 with torch found (tried ${process.env.REGLAB_PYTHON || 'python3 on PATH, /usr/bin/python3'}); on Debian: apt-get install python3-torch`;

/** The torch python, or skips the test (fails it with REGLAB_TORCH_REQUIRED=1). */
export function requireTorch(t: TestContext): string | null {
  const python = PYTHON;
  if (python !== null) return python;
  if (process.env.REGLAB_TORCH_REQUIRED === '1') assert.fail(`${NO_TORCH} (REGLAB_TORCH_REQUIRED=1)`);
  t.skip(NO_TORCH);
  return null;
}

const PYTHON = torchPython();

/** Run a script as `python3 SCRIPT ARGS…`, or (data) load it and describe what its make_data returns. */
export type ScriptJob = { script: string; args: string[] } | { script: string; data: Record<string, unknown> };

export interface TensorSummary {
  shape: number[];
  dtype: string;
  /** The values, for small tensors (at most 5000 elements). */
  values?: unknown;
  /** Per column (the last dimension; the whole tensor when 1-D): mean and std. */
  mean: number[];
  std: number[];
}

export interface ScriptResult {
  stdout: string;
  error: string | null;
  /** For data jobs: x_train, y_train, x_test, y_test. */
  data?: TensorSummary[];
}

const DRIVER = `
import contextlib, dataclasses, inspect, io, json, runpy, sys, traceback
import torch

def summary(t):
    columns = t.double().reshape(len(t), -1) if t.dim() > 1 else t.double().reshape(-1, 1)
    out = {"shape": list(t.shape), "dtype": str(t.dtype), "mean": columns.mean(0).tolist(), "std": columns.std(0).tolist()}
    if t.numel() <= 5000:
        out["values"] = t.tolist()
    return out

jobs_file, results_file = sys.argv[1:3]
with open(jobs_file) as f:
    jobs = json.load(f)
results = []
for job in jobs:
    torch.set_default_dtype(torch.float32)
    out, error, data = io.StringIO(), None, None
    try:
        with contextlib.redirect_stdout(out):
            if "data" in job:
                module = runpy.run_path(job["script"], run_name="exported")
                s = dataclasses.replace(module["Settings"](), **job["data"])
                make_data = module["make_data"]
                torch.manual_seed(0)
                tensors = make_data(s) if inspect.signature(make_data).parameters else make_data()
                data = [summary(t) for t in tensors]
            else:
                sys.argv = [job["script"], *job["args"]]
                runpy.run_path(job["script"], run_name="__main__")
    except BaseException:
        error = traceback.format_exc()
    results.append({"stdout": out.getvalue(), "error": error, "data": data})
with open(results_file, "w") as f:
    json.dump(results, f)
`;

/**
 * Runs exported scripts as `python3 SCRIPT ARGS…` would (runpy as __main__, with sys.argv
 * set), all in one interpreter, so that torch's import (seconds) is paid once. The default
 * dtype is reset before each, as a fresh interpreter would have it.
 */
export function runScripts(python: string, jobs: ScriptJob[], dir: string): ScriptResult[] {
  const driver = join(dir, 'run_scripts.py');
  writeFileSync(driver, DRIVER);
  const jobsFile = join(dir, 'jobs.json');
  const resultsFile = join(dir, 'results.json');
  writeFileSync(jobsFile, JSON.stringify(jobs));
  const ran = spawnSync(python, [driver, jobsFile, resultsFile], { cwd: dir, encoding: 'utf8', timeout: 900_000, maxBuffer: 1 << 28 });
  assert.equal(ran.status, 0, `the script runner failed: ${ran.stderr}`);
  return JSON.parse(readFileSync(resultsFile, 'utf8')) as ScriptResult[];
}

export interface PrintedEpoch {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  /** With training.evalTrain: the train loss (eval mode, full set). */
  trainEvalLoss?: number;
  /** With data.validation or data.folds: the loss on the held-out samples. */
  validationLoss?: number;
}

/** The per-epoch lines a script printed, by run label. */
export function printedEpochs(stdout: string): Map<string, PrintedEpoch[]> {
  const runs = new Map<string, PrintedEpoch[]>();
  const line = /^\[(.+)\] epoch +(\d+): train loss (?:\(batch mean, train mode\) )?(\S+?)[, ].*?test loss (\S+?),/;
  for (const text of stdout.split('\n')) {
    const m = line.exec(text);
    if (m === null) continue;
    const list = runs.get(m[1]!) ?? [];
    const epoch: PrintedEpoch = { epoch: Number(m[2]), trainLoss: Number(m[3]), testLoss: Number(m[4]) };
    const evalTrain = /train loss \(eval mode, full set\) (\S+?),/.exec(text);
    if (evalTrain !== null) epoch.trainEvalLoss = Number(evalTrain[1]);
    const validation = /validation loss (\S+?),/.exec(text);
    if (validation !== null) epoch.validationLoss = Number(validation[1]);
    list.push(epoch);
    runs.set(m[1]!, list);
  }
  return runs;
}

export function parseFile(file: string): Experiment {
  const parsed = parseExperiment(readFileSync(file, 'utf8'), file);
  assert.ok(!hasErrors(parsed.diagnostics) && parsed.experiment, JSON.stringify(parsed.diagnostics));
  return parsed.experiment;
}

export interface ReglabRun {
  label: string;
  epochs: EpochMetrics[];
  /** The parameters at the start and at the end of training, by state_dict name. */
  initial: Map<string, Float64Array>;
  final: Map<string, Float64Array>;
  stoppedEarly: boolean;
  variant: string;
  sweepValue?: number;
  /** With data.folds: the fold held out. */
  fold?: number;
}

/**
 * Trains every run of the experiment file (variants and sweep) with Reglab's runner, in
 * this process, labelled as the exported script labels them.
 */
export function trainWithReglab(file: string, experiment: Experiment): ReglabRun[] {
  const requests = planRuns(experiment, file, { includeSweep: true });
  // The script prints a swept value as the CLI does (VALUE_TEXT, GRID_TEXT): its runs' labels too.
  const textOf = (values: (number | undefined)[]) => {
    const distinct = [...new Set(values.filter((v): v is number => v !== undefined))];
    const texts = valueTexts(distinct);
    return new Map(distinct.map((v, i) => [v, texts[i]!]));
  };
  const sweepText = textOf(requests.map((r) => r.sweepValue));
  const gridText = textOf(requests.map((r) => r.gridValue));
  return requests.map((request) => {
    let model: E.Sequential | null = null;
    const epochs: EpochMetrics[] = [];
    let initial = new Map<string, Float64Array>();
    const outcome = trainRun(request, {
      cancelled: () => false,
      flushMs: 0,
      onModel: (built) => (model = built),
      emit: (event) => {
        if (event.type === 'started') initial = snapshot(model!);
        if (event.type === 'epochs') epochs.push(...event.metrics);
      },
    });
    if (outcome.type !== 'finished') assert.fail(`${request.runId}: ${JSON.stringify(outcome)}`);
    const name = request.variant;
    let label = name;
    if (request.sweepValue !== undefined) {
      const over = experiment.sweep!.over;
      const grid = experiment.sweep!.grid?.over;
      const cell = grid === undefined ? '' : ` ${pyName(grid)}=${gridText.get(request.gridValue!)}`;
      label = `${name} ${pyName(over)}=${sweepText.get(request.sweepValue)}${cell}${experiment.sweep!.repeats > 1 ? ` #${request.repeat}` : ''}`;
      if (request.fold !== undefined) label += ` fold ${request.fold}`;
    }
    const run: ReglabRun = { label, epochs, initial, final: snapshot(model!), stoppedEarly: outcome.summary.stoppedEarly, variant: name };
    if (request.sweepValue !== undefined) run.sweepValue = request.sweepValue;
    if (request.fold !== undefined) run.fold = request.fold;
    return run;
  });
}

function snapshot(model: E.Sequential): Map<string, Float64Array> {
  return new Map(model.namedParameters().map(([name, p]) => [name, Float64Array.from(p.data)]));
}

export const relativeError = (actual: number, expected: number): number =>
  actual === expected ? 0 : Math.abs(actual - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);

/** max |a − b| / max |b| over one tensor: the error relative to the tensor's scale. */
export function tensorError(actual: readonly number[], expected: ArrayLike<number>): number {
  let diff = 0, scale = 0;
  for (let i = 0; i < expected.length; i++) {
    diff = Math.max(diff, Math.abs(actual[i]! - expected[i]!));
    scale = Math.max(scale, Math.abs(expected[i]!));
  }
  return scale === 0 ? diff : diff / scale;
}

/** A saved state_dict value (nested lists) as a flat list. */
export const flat = (value: unknown): number[] => (Array.isArray(value) ? value.flatMap(flat) : [value as number]);
