// From a parsed experiment to the list of runs to train. Pure: the same experiment always
// gives the same runs, ids and seeds, and every run is deterministic given its seed.
//
// - Without a sweep, one run per variant (or one for the base when there are none), with
//   the experiment's seed.
// - The sweep adds, for each variant it applies to, each repeat r and each value, a run
//   with seed = (seed + r) mod 2³². Every value shares the seeds of a repeat (same data,
//   same initial weights), so differences along the sweep come from the value alone.
// - With `data.folds` = k, each sweep value and repeat trains k runs, one per held-out fold
//   (the folds are a function of the seed, so every value sees the same ones).
// - With `sweep.grid`, every value of `over` is crossed with every value of `grid.over`.
import { numberSchemaOf, schemaAt } from './dsl/paths.ts';
import { baseRunConfig, overrideAt, resolveRunConfig } from './resolve.ts';
import { runConfigSchema, type Experiment, type RunConfig, type Variant } from './schema/experiment.ts';
import { sweepValues } from './sweepValues.ts';
import { hiddenWith, widthTarget } from './width.ts';

export interface RunSpec {
  /** Stable across expansions: "weight-decay" for a variant's run, "weight-decay@0.01#2" for a sweep run. */
  id: string;
  kind: 'variant' | 'sweep';
  /** The variant's name; absent for the base experiment (a file without variants). */
  variant?: string;
  /** The swept field's value in this run (sweep runs only). */
  sweepValue?: number;
  /** With `sweep.grid`, the second field's value in this run. */
  gridValue?: number;
  /** 0 for variant runs; 0 … repeats − 1 for sweep runs. */
  repeat: number;
  /** With `data.folds`, the held-out fold of a sweep run (0 … folds − 1). */
  fold?: number;
  seed: number;
  /** Everything the run needs, defaults filled; `config.seed` is `seed`. */
  config: RunConfig;
}

export interface ExpandOptions {
  /** Only this variant's runs. */
  variant?: string;
  /** Also the sweep's runs (after the variant runs). */
  includeSweep?: boolean;
}

interface Target {
  variant?: Variant;
  slug: string;
}

export function expandRuns(experiment: Experiment, options: ExpandOptions = {}): RunSpec[] {
  const targets = selectTargets(experiment, options.variant);
  const base = baseRunConfig(experiment);
  const runs = targets.map((t) => makeRun(base, t, experiment.seed, 0));
  const sweep = experiment.sweep;
  if (!options.includeSweep || sweep === undefined) return runs;
  // Repeat by repeat: the first pass trains every value once, so the whole curve is on the
  // chart after one run per value (and a sweep stopped early still spans the range); each
  // further repeat tightens the error bars. A value's folds train one after the other.
  for (const { target, values, gridValues, folds } of sweptTargets(experiment, targets, base)) {
    for (let repeat = 0; repeat < sweep.repeats; repeat++) {
      const seed = (experiment.seed + repeat) >>> 0;
      for (const value of values) {
        // A 1-D sweep is a grid of one column without a second field.
        for (const gridValue of gridValues ?? [undefined]) {
          const cell = { over: sweep.over, value, ...(gridValue === undefined ? {} : { grid: { over: sweep.grid!.over, value: gridValue } }) };
          if (folds === undefined) runs.push(makeRun(base, target, seed, repeat, cell));
          else for (let fold = 0; fold < folds; fold++) runs.push(makeRun(base, target, seed, repeat, { ...cell, fold }));
        }
      }
    }
  }
  return runs;
}

/**
 * How many runs expandRuns gives, counted without making them (a CodeLens title and the
 * resource budget ask this on every keystroke): the cost is that of the file, not of the count.
 */
export function countRuns(experiment: Experiment, options: ExpandOptions = {}): { variant: number; sweep: number } {
  const targets = selectTargets(experiment, options.variant);
  const sweep = experiment.sweep;
  if (!options.includeSweep || sweep === undefined) return { variant: targets.length, sweep: 0 };
  const swept = sweptTargets(experiment, targets, baseRunConfig(experiment));
  return { variant: targets.length, sweep: swept.reduce((n, { values, gridValues, folds }) => n + values.length * (gridValues?.length ?? 1) * sweep.repeats * (folds ?? 1), 0) };
}

/** The targets the sweep applies to, each with its values (rounded for an integer field) and its cross-validation folds. */
function sweptTargets(experiment: Experiment, targets: readonly Target[], base: Record<string, unknown>): { target: Target; values: number[]; gridValues?: number[]; folds?: number }[] {
  const sweep = experiment.sweep;
  if (sweep === undefined) return [];
  const swept = new Set(sweep.variants ?? experiment.variants.map((v) => v.name));
  return targets.flatMap((target) => {
    if (target.variant !== undefined && !swept.has(target.variant.name)) return [];
    const config = resolveRunConfig(base, target.variant ? [sectionsOf(target.variant)] : []);
    const integer = (over: string) => widthTarget(over) !== undefined || (numberSchemaOf(schemaAt(runConfigSchema, over.split('.'), config))?.integer ?? false);
    const folds = (config.data as { folds?: number }).folds;
    const grid = sweep.grid === undefined ? {} : { gridValues: sweepValues(sweep.grid, integer(sweep.grid.over)) };
    return [{ target, values: sweepValues(sweep, integer(sweep.over)), ...grid, ...(folds === undefined ? {} : { folds }) }];
  });
}

function makeRun(
  base: Record<string, unknown>,
  target: Target,
  seed: number,
  repeat: number,
  sweep?: { over: string; value: number; grid?: { over: string; value: number }; fold?: number },
): RunSpec {
  const overrides: unknown[] = target.variant ? [sectionsOf(target.variant)] : [];
  for (const axis of sweep ? [sweep, ...(sweep.grid ? [sweep.grid] : [])] : []) {
    // A width replaces the list of hidden sizes, built from the config's own list.
    const hidden = widthTarget(axis.over) === undefined ? undefined : hiddenWith(resolveRunConfig(base, overrides).model.hidden, axis.over, axis.value);
    overrides.push(hidden === undefined ? overrideAt(axis.over, axis.value) : { model: { hidden } });
  }
  const config = resolveRunConfig(base, overrides);
  config.seed = seed;
  const run: RunSpec = {
    id: sweep ? `${target.slug}@${sweep.value}${sweep.grid ? `,${sweep.grid.value}` : ''}#${repeat}${sweep.fold === undefined ? '' : `/fold${sweep.fold}`}` : target.slug,
    kind: sweep ? 'sweep' : 'variant',
    repeat,
    seed,
    config,
  };
  if (target.variant) run.variant = target.variant.name;
  if (sweep) run.sweepValue = sweep.value;
  if (sweep?.grid) run.gridValue = sweep.grid.value;
  if (sweep?.fold !== undefined) run.fold = sweep.fold;
  return run;
}

/** The overrides of a variant, without its name and description. */
function sectionsOf(variant: Variant): Record<string, unknown> {
  const { name: _name, description: _description, ...sections } = variant;
  return sections;
}

function selectTargets(experiment: Experiment, only: string | undefined): Target[] {
  if (experiment.variants.length === 0) {
    if (only !== undefined) throw new Error(`no variant named "${only}": the experiment has no variants`);
    return [{ slug: 'base' }];
  }
  const used = new Set<string>();
  const targets = experiment.variants.map((variant): Target => {
    let slug = slugOf(variant.name);
    for (let n = 2; used.has(slug); n++) slug = `${slugOf(variant.name)}-${n}`;
    used.add(slug);
    return { variant, slug };
  });
  if (only === undefined) return targets;
  const chosen = targets.filter((t) => t.variant?.name === only);
  if (chosen.length === 0) {
    throw new Error(`no variant named "${only}"; the variants are ${experiment.variants.map((v) => `"${v.name}"`).join(', ')}`);
  }
  return chosen;
}

/** "Weight decay (λ = 0.01)" → "weight-decay-λ-0-01": lower case, runs of other characters as one "-". */
export function slugOf(name: string): string {
  const slug = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  return slug === '' ? 'variant' : slug;
}
