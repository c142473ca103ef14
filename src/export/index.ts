// Export an experiment as an equivalent PyTorch script: one readable `.py` per experiment
// file (its variants, and its sweep), and in exact mode a JSON of Reglab's own data,
// initial weights, shuffling and dropout seeds beside it, so that the script's losses can be checked
// against Reglab's step by step. Free of vscode: the CLI and the extension both call it.
import { basename, dirname } from 'node:path';
import { loadDataset, type Dataset } from '../data/index.ts';
import { expandRuns, slugOf } from '../experiment/expand.ts';
import { baseRunConfig, resolveRunConfig } from '../experiment/resolve.ts';
import type { Experiment, RunConfig } from '../experiment/schema/experiment.ts';
import { exactJson } from './exact.ts';
export { writePytorchExport } from './write.ts';
import { fieldAt, pyName, sweptField } from './fields.ts';
import { loopShape } from './loop.ts';
import { Plan, type ExportRun, type SweepPlan } from './plan.ts';
import { pyValue } from './python.ts';
import { pythonScript } from './script.ts';

/** The name of the one run of a file without variants, as Reglab labels it. */
const BASE = 'base';

export interface ExportOptions {
  /** Only this variant (and its sweep, when it is swept). */
  variant?: string;
  /** Also save Reglab's data, initial weights, shuffling and dropout seeds for the script's --exact mode. */
  exact?: boolean;
  /** The folder the files will be written to (the script finds CSV and IDX files from there); default: the experiment's. */
  outDir?: string;
  /** Data files must stay inside it, as when Reglab trains. */
  workspaceRoot?: string;
}

export interface ExportedFile {
  name: string;
  content: string;
}

export interface PytorchExport {
  scriptName: string;
  script: string;
  /** The exact-mode JSON (empty without `exact`). */
  dataFiles: ExportedFile[];
}

/**
 * The PyTorch script of a parsed experiment (parseExperiment(text, file).experiment).
 * Generated data sets are made here to size the model (and, with `exact`, to be saved);
 * CSV and IDX files are read. Throws an Error (a DataError for data problems) whose
 * message says what cannot be exported.
 */
export function exportPytorch(experiment: Experiment, file: string, options: ExportOptions = {}): PytorchExport {
  const specs = expandRuns(experiment, { variant: options.variant, includeSweep: true });
  const baseDir = dirname(file);
  const datasets = new Map<string, Dataset>();
  const dataOf = (config: RunConfig, seed: number): Dataset => {
    const key = `${seed} ${JSON.stringify(config.data)}`;
    let data = datasets.get(key);
    if (data === undefined) {
      data = loadDataset(config.data as Parameters<typeof loadDataset>[0], { seed, baseDir, workspaceRoot: options.workspaceRoot });
      datasets.set(key, data);
    }
    return data;
  };

  const sweepSpecs = specs.filter((s) => s.kind === 'sweep');
  const sweep: SweepPlan | undefined =
    sweepSpecs.length === 0 || experiment.sweep === undefined
      ? undefined
      : {
          over: experiment.sweep.over,
          values: [...new Set(sweepSpecs.map((s) => s.sweepValue!))],
          repeats: experiment.sweep.repeats,
          variants: [...new Set(sweepSpecs.map((s) => s.variant ?? BASE))],
          ...(experiment.sweep.grid === undefined ? {} : { grid: { over: experiment.sweep.grid.over, values: [...new Set(sweepSpecs.map((s) => s.gridValue!))] } }),
        };
  if (sweep) fieldAt(sweptField(sweep.over));
  if (sweep?.grid) fieldAt(sweptField(sweep.grid.over));

  const runs = specs.map((spec): ExportRun => {
    const name = spec.variant ?? BASE;
    const run: ExportRun = { spec, name, label: name, data: dataOf(spec.config, spec.seed) };
    if (spec.kind === 'sweep' && sweep) {
      run.valueIndex = sweep.values.indexOf(spec.sweepValue!);
      const value = pyValue(spec.sweepValue!, fieldAt(sweptField(sweep.over)).integer);
      const cell = sweep.grid === undefined ? '' : ` ${pyName(sweep.grid.over)}=${pyValue(spec.gridValue!, fieldAt(sweptField(sweep.grid.over)).integer)}`;
      if (sweep.grid) run.gridIndex = sweep.grid.values.indexOf(spec.gridValue!);
      run.label = `${name} ${pyName(sweep.over)}=${value}${cell}${sweep.repeats > 1 ? ` #${spec.repeat}` : ''}${spec.fold === undefined ? '' : ` fold ${spec.fold}`}`;
    }
    return run;
  });

  const base = resolveRunConfig({ ...baseRunConfig(experiment), seed: experiment.seed });
  const sameGenerator = base.data.generator === runs[0]!.spec.config.data.generator;
  const plan = new Plan(experiment, sameGenerator ? base : runs[0]!.spec.config, runs, sweep, options.exact ?? false);

  const stem = basename(file).replace(/\.reglab\.json$|\.json$/, '') + (options.variant === undefined ? '' : `-${slugOf(options.variant)}`);
  const scriptName = `${stem}.py`;
  const exactName = `${stem}.exact.json`;
  const names = { source: basename(file), script: scriptName, exactFile: plan.exact ? exactName : undefined };
  const script = pythonScript(plan, names, { dataDir: baseDir, outDir: options.outDir ?? baseDir });
  const dataFiles = plan.exact ? [{ name: exactName, content: exactJson(plan, basename(file), loopShape(plan).loader) }] : [];
  return { scriptName, script, dataFiles };
}
