// One run's full config: the base, then a variant's overrides and a sweep value merged
// over it (merge.ts), then every default filled, derived ones last so that they follow
// what the overrides changed. Used by expansion and, with the same rules, by the parser.
import { fillDefaults } from './dsl/defaults.ts';
import { isPlainObject } from './dsl/values.ts';
import { fillDerivedDefaults } from './schema/derivedDefaults.ts';
import { runConfigSchema, type Experiment, type RunConfig } from './schema/experiment.ts';
import { mergeValues } from './merge.ts';

const RUN_CONFIG_KEYS = Object.keys(runConfigSchema.fields);

/** The base run config of an experiment, without its derived defaults (they are recomputed per run). */
export function baseRunConfig(experiment: Experiment): Record<string, unknown> {
  const base: Record<string, unknown> = {};
  for (const key of RUN_CONFIG_KEYS) {
    const value = (experiment as Record<string, unknown>)[key];
    if (value !== undefined) base[key] = structuredClone(value);
  }
  for (const path of experiment.derived) deletePath(base, path.split('.'));
  return base;
}

/** `base` (the run-config part of a file, defaults filled or not) with `overrides` merged over it in order. */
export function resolveRunConfig(base: unknown, overrides: readonly unknown[] = []): RunConfig {
  const merged = overrides.reduce((config, override) => mergeValues(runConfigSchema, config, override), base);
  const filled = fillDefaults(runConfigSchema, merged) as Record<string, unknown>;
  fillDerivedDefaults(filled);
  return filled as RunConfig;
}

/** The override that sets the field at a dot path: "regularization.weightDecay", 0.1 → { regularization: { weightDecay: 0.1 } }. */
export function overrideAt(dotPath: string, value: unknown): Record<string, unknown> {
  return dotPath
    .split('.')
    .reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;
}

/** Just the run-config keys of a file's top-level object (no title, variants or sweep). */
export function pickRunConfig(file: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(RUN_CONFIG_KEYS.filter((k) => k in file).map((k) => [k, file[k]]));
}

function deletePath(value: Record<string, unknown>, path: readonly string[]): void {
  const parent = path.slice(0, -1).reduce<unknown>((v, key) => (isPlainObject(v) ? v[key] : undefined), value);
  if (isPlainObject(parent)) delete parent[path[path.length - 1]!];
}
