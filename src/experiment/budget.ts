// The resource budget of an experiment, checked at validation from the file alone: how
// much memory one run takes and how long all of them train (cost.ts estimates both). Past
// a soft limit a warning says so at the field that makes it large; past a hard limit it is
// an error, so the file does not run: a typo such as `epochs: 1e12` or `hidden: [1000000]`
// is caught before it takes the machine. The limits are settings (reglab.budget.*).
import { sweepValues } from './sweepValues.ts';
import { availableParallelism } from '../platform/cores.ts';
import { hiddenWith } from './width.ts';
import type { Node } from 'jsonc-parser';
import type { Check } from './checks/context.ts';
import { runCost, type RunCost } from './cost.ts';
import type { Path } from './dsl/describe.ts';
import type { Issue, Severity } from './dsl/validate.ts';
import { deepestNode } from './positions.ts';
import type { RunConfig, Sweep } from './schema/experiment.ts';

export interface BudgetLimits {
  /** Memory of one run, in MB, past which a warning is given. */
  warnMemoryMB: number;
  /** Memory of one run, in MB, past which the file is in error. */
  maxMemoryMB: number;
  /** Training time of all the runs, in minutes, past which a warning is given. */
  warnMinutes: number;
  /** Training time of all the runs, in minutes, past which the file is in error. */
  maxMinutes: number;
  /** Runs trained at once (the workers); default: one per core. */
  parallel?: number;
}

export const BUDGET_DEFAULTS: Readonly<BudgetLimits> = { warnMemoryMB: 1024, maxMemoryMB: 8192, warnMinutes: 30, maxMinutes: 24 * 60 };

/**
 * How fast one core trains, measured by scripts/measure-cost.ts on the development machine
 * (2 shared cores; least squares over six runs from lesson-sized to 100 GFLOP, each within
 * 30 % of its measured time): seconds ≈ flops/FLOPS + elements/ELEMENTS + passes/PASSES.
 */
export const SPEED = { flops: 8.0e9, elements: 68e6, passes: 41e3 };

export function runSeconds(cost: RunCost): number {
  return cost.flops / SPEED.flops + cost.elements / SPEED.elements + cost.passes / SPEED.passes;
}

const MB = 1024 * 1024;

/** The memory check of one run config, at the field that makes it large (a cross-field check: see checks/). */
export function memoryCheck(limits: BudgetLimits): Check {
  return {
    reads: [['data'], ['model'], ['training'], ['dtype']],
    run: ({ config, report }) => {
      const cost = runCost(config);
      const verdict = judgeMemory(cost, limits);
      if (verdict !== undefined) report(fieldOf(config, mostMemory(cost)), verdict.message, verdict.severity);
    },
  };
}

function judgeMemory(cost: RunCost, limits: BudgetLimits, what = 'one run'): { message: string; severity: Severity } | undefined {
  const over = cost.bytes > limits.maxMemoryMB * MB ? 'max' : cost.bytes > limits.warnMemoryMB * MB ? 'warn' : undefined;
  if (over === undefined) return undefined;
  const estimate = `${what} needs ≈ ${size(cost.bytes)} of memory (${cost.parameters.toLocaleString('en-US')} parameters; ${MOSTLY[mostMemory(cost)]})`;
  return over === 'max'
    ? { message: `${estimate}, over the limit of ${size(limits.maxMemoryMB * MB)} (setting reglab.budget.maxMemoryMB)`, severity: 'error' }
    : { message: `${estimate}, over the ${size(limits.warnMemoryMB * MB)} at which Reglab warns (setting reglab.budget.warnMemoryMB)`, severity: 'warning' };
}

type Culprit = 'layers' | 'samples' | 'epochs';

const MOSTLY: Record<Culprit, string> = {
  layers: 'mostly the wide layers',
  samples: 'mostly the samples and their activations',
  epochs: '',
};

/** What makes the memory large: wide layers (parameters, or activations wider than the samples are many), or samples. */
function mostMemory(cost: RunCost): Culprit {
  const { parameters, activations, data } = cost.memory;
  if (data > parameters + activations) return 'samples';
  if (parameters >= activations) return 'layers';
  return cost.samplesHeld > cost.width ? 'samples' : 'layers';
}

/**
 * What makes the work large: the factor furthest above what the lessons use (2,000 epochs,
 * 10,000 samples, 100,000 parameters).
 */
function mostWork(cost: RunCost): Culprit {
  const ratios: [Culprit, number][] = [['epochs', cost.epochs / 2000], ['samples', cost.samples / 10_000], ['layers', cost.parameters / 100_000]];
  return ratios.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
}

/** The field to change: the hidden layers, the training set or the epochs. */
function fieldOf(config: RunConfig, culprit: Culprit): Path {
  if (culprit === 'layers') return ['model', 'hidden'];
  if (culprit === 'epochs') return ['training', 'epochs'];
  return config.data.generator === 'mnist' ? ['data', 'limitTrain'] : ['data', 'train'];
}

/** One config the experiment trains, where it is written, and how many runs of it. */
export interface Planned {
  config: RunConfig;
  /** The variant's object; absent for the base. */
  node?: Node;
  runs: number;
}

export interface TimeInput {
  tree: Node;
  /** The variants' configs (or the base's when there are none), one run each. */
  variants: readonly Planned[];
  /** The sweep as parsed, and the configs it varies, when there is one and it is valid. */
  sweep?: { node: Node; sweep: Sweep; values: readonly number[]; targets: readonly Planned[] };
  limits: BudgetLimits;
}

/** At most this many of a sweep's values, for at most this many of its targets, are costed; the rest are estimated from them. */
const COSTED_VALUES = 16;
const COSTED_TARGETS = 4;

/**
 * The time (and the sweep's memory) of the whole experiment. Every run's cost is estimated
 * from at most COSTED_VALUES sweep values per target, so checking stays cheap for any sweep.
 */
export function checkTime({ tree, variants, sweep, limits }: TimeInput): Issue[] {
  const issues: Issue[] = [];
  let seconds = 0;
  let runs = 0;
  let heaviest: { seconds: number; cost: RunCost; planned: Planned } | undefined;
  for (const planned of variants) {
    const cost = runCost(planned.config);
    const s = runSeconds(cost);
    seconds += s;
    runs += 1;
    if (heaviest === undefined || s > heaviest.seconds) heaviest = { seconds: s, cost, planned };
  }
  let sweepSeconds = 0;
  if (sweep !== undefined) {
    // A sample of the targets and of the values is costed; the rest are taken to cost alike.
    const values = spread([...new Set(sweep.values)].sort((a, b) => a - b), COSTED_VALUES);
    const targets = spread(sweep.targets, COSTED_TARGETS);
    const distinct = new Set(sweep.values).size;
    let sampled = 0;
    for (const target of targets) {
      let largest: RunCost | undefined;
      for (const value of values) {
        const cost = runCost(withValue(target.config, sweep.sweep.over.split('.'), value));
        sampled += runSeconds(cost);
        if (largest === undefined || cost.bytes > largest.bytes) largest = cost;
      }
      const verdict = largest === undefined ? undefined : judgeMemory(largest, limits, `the sweep's largest run (${sweep.sweep.over} = ${values.at(-1)})`);
      if (verdict !== undefined && !issues.some((i) => i.message === verdict.message)) {
        issues.push({ node: sweep.node, path: ['sweep'], message: verdict.message, severity: verdict.severity });
      }
    }
    // Each value also trains once per grid value and once per cross-validation fold.
    const gridValues = sweep.sweep.grid === undefined ? 1 : new Set(sweepValues(sweep.sweep.grid)).size;
    const folds = Math.max(1, ...sweep.targets.map((t) => (t.config.data as { folds?: number }).folds ?? 1));
    const sweepRuns = sweep.targets.length * distinct * sweep.sweep.repeats * gridValues * folds;
    sweepSeconds = values.length * targets.length === 0 ? 0 : (sampled / (values.length * targets.length)) * sweepRuns;
    runs += sweepRuns;
  }
  seconds += sweepSeconds;
  const parallel = Math.max(1, Math.min(runs, limits.parallel ?? availableParallelism()));
  const minutes = seconds / parallel / 60;
  const over = minutes > limits.maxMinutes ? 'max' : minutes > limits.warnMinutes ? 'warn' : undefined;
  if (over === undefined) return issues;
  const estimate = `${runs === 1 ? 'the run trains' : `the ${runs.toLocaleString('en-US')} runs train`} for ≈ ${duration(minutes)} on ${parallel} ${parallel === 1 ? 'core' : 'cores'} of this machine`;
  const message = over === 'max'
    ? `${estimate}, over the limit of ${duration(limits.maxMinutes)} (setting reglab.budget.maxMinutes)`
    : `${estimate}, over the ${duration(limits.warnMinutes)} at which Reglab warns (setting reglab.budget.warnMinutes)`;
  const severity: Severity = over === 'max' ? 'error' : 'warning';
  if (sweep !== undefined && sweepSeconds > seconds / 2) {
    issues.push({ node: sweep.node, path: ['sweep'], message, severity });
  } else if (heaviest !== undefined) {
    issues.push(at(tree, heaviest.planned.node, fieldOf(heaviest.planned.config, mostWork(heaviest.cost)), message, severity));
  }
  return issues;
}

/** An issue at `path`, in the variant when it writes the field, else in the base (or at the nearest written object). */
function at(tree: Node, variant: Node | undefined, path: Path, message: string, severity: Severity): Issue {
  const inVariant = variant === undefined ? undefined : deepestNode(variant, path);
  const target = inVariant !== undefined && inVariant.depth === path.length ? inVariant : deepestNode(tree, path);
  const issue: Issue = { node: target.node, path, message, severity };
  if (target.depth < path.length) issue.missing = path.slice(target.depth);
  return issue;
}

/**
 * The config with the field at `path` set to `value`, copying only the objects on the way:
 * what the cost reads, without cloning and re-filling a whole config per value.
 */
function withValue(config: RunConfig, path: readonly string[], value: number): RunConfig {
  const hidden = hiddenWith(config.model.hidden, path.join('.'), value);
  if (hidden !== undefined) return { ...config, model: { ...config.model, hidden } };
  const set = (object: unknown, depth: number): unknown => {
    const copy: Record<string, unknown> = { ...(object as Record<string, unknown>) };
    copy[path[depth]!] = depth === path.length - 1 ? value : set(copy[path[depth]!], depth + 1);
    return copy;
  };
  return set(config, 0) as RunConfig;
}

/** At most n of the items (sorted, for values), evenly spread, the first and the last included. */
function spread<T>(sorted: readonly T[], n: number): T[] {
  if (sorted.length <= n) return [...sorted];
  if (n === 1) return [sorted[0]!];
  return Array.from({ length: n }, (_, i) => sorted[Math.round((i * (sorted.length - 1)) / (n - 1))]!);
}

function size(bytes: number): string {
  const gb = bytes / (1024 * MB);
  if (gb >= 1024) return `${round(gb / 1024)} TB`;
  if (gb >= 1) return `${round(gb)} GB`;
  return `${Math.ceil(bytes / MB)} MB`;
}

/** 4.1, 12, 3,200: two significant digits at least, no exponent. */
function round(x: number): string {
  return x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US');
}

function duration(minutes: number): string {
  if (minutes < 1) return `${Math.ceil(minutes * 60)} s`;
  if (minutes < 90) return `${Math.round(minutes)} min`;
  const hours = minutes / 60;
  if (hours < 48) return `${round(hours)} h`;
  const days = hours / 24;
  if (days < 730) return `${Math.round(days)} days`;
  return `${round(days / 365)} years`;
}
