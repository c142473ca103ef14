// What one exported script covers: the runs (variants, then the sweep's), their configs,
// and the Settings the generated code reads. Emitters ask the plan what the runs use and
// whether they agree; every `s.name` they write is recorded, so the Settings dataclass
// lists exactly the fields the code reads, and nothing else.
import type { Dataset } from '../data/index.ts';
import type { RunSpec } from '../experiment/expand.ts';
import type { Experiment, RunConfig } from '../experiment/schema/experiment.ts';
import { fieldAt, pyName, valueAt } from './fields.ts';
import { holdOutOf, type HoldOut } from './holdout.ts';
import { pyValue, type PyValue } from './python.ts';

export interface ExportRun {
  spec: RunSpec;
  /** The variant's name as the script's VARIANTS key ("base" for a file without variants). */
  name: string;
  /** How the script labels the run in its output and in --save-weights. */
  label: string;
  /** For sweep runs: the index of the value in SWEEP_VALUES. */
  valueIndex?: number;
  /** With sweep.grid: the index of the second field's value in GRID_VALUES. */
  gridIndex?: number;
  /** The run's data set, as Reglab generates it (sizes; exact mode saves it). */
  data: Dataset;
}

export interface SweepPlan {
  over: string;
  values: number[];
  repeats: number;
  /** The swept variants' names, as VARIANTS keys. */
  variants: string[];
  /** With sweep.grid: the second field, crossed with every value of `over`. */
  grid?: { over: string; values: number[] };
}

export class Plan {
  readonly configs: RunConfig[];
  /** Fields the code reads from the settings, by dot path. */
  readonly settings = new Set<string>();
  /** Modules and names the script imports, as import lines. */
  readonly imports = new Set<string>();
  /** Fields the script holds in another form than the file (dropout as one p per layer). */
  readonly transforms = new Map<string, (config: RunConfig) => unknown>();
  /** Validation data held out of the training set (data.validation, data.folds), when the runs hold some out. */
  readonly holdOut: HoldOut | undefined;

  constructor(
    readonly experiment: Experiment,
    /** The run whose values the Settings' defaults are: the file's base config. */
    readonly base: RunConfig,
    readonly runs: ExportRun[],
    readonly sweep: SweepPlan | undefined,
    readonly exact: boolean,
  ) {
    this.configs = runs.map((r) => r.spec.config);
    this.holdOut = holdOutOf(runs);
  }

  get variantRuns(): ExportRun[] {
    return this.runs.filter((r) => r.spec.kind === 'variant');
  }

  /** The distinct values a field takes over the runs (undefined when unset). */
  values(path: string): unknown[] {
    const seen = new Map<string, unknown>();
    for (const c of this.configs) {
      const v = this.valueIn(c, path);
      seen.set(JSON.stringify(v) ?? 'undefined', v);
    }
    return [...seen.values()];
  }

  varies(path: string): boolean {
    return this.values(path).length > 1;
  }

  /** The value every run agrees on; only meaningful when !varies(path). */
  value<T = unknown>(path: string): T {
    return this.valueIn(this.configs[0]!, path) as T;
  }

  /** A field's value in one config, as the script holds it. */
  valueIn(config: RunConfig, path: string): unknown {
    const transform = this.transforms.get(path);
    return transform === undefined ? valueAt(config, path) : transform(config);
  }

  some(predicate: (c: RunConfig) => boolean): boolean {
    return this.configs.some(predicate);
  }

  every(predicate: (c: RunConfig) => boolean): boolean {
    return this.configs.every(predicate);
  }

  /** `s.<name>`: the field read from the run's settings. */
  s(path: string): string {
    fieldAt(path);
    this.settings.add(path);
    return `s.${pyName(path)}`;
  }

  /**
   * A choice that shapes the code (a layer kind, a loss class): `s.<name>` when runs
   * differ, else its value as a Python literal. Numeric hyperparameters are always read
   * with s(), so that a reader finds them at the top.
   */
  ref(path: string): string {
    if (this.varies(path)) return this.s(path);
    const field = fieldAt(path);
    return pyValue(settingValue(path, this.value(path)), field.integer);
  }

  needs(line: string): void {
    this.imports.add(line);
  }
}

/** A field's value as the script's settings hold it: batchSize "full" is None. */
export function settingValue(path: string, value: unknown): PyValue {
  if (path === 'training.batchSize' && value === 'full') return null;
  return value as PyValue;
}
