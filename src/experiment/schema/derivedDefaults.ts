// Defaults that depend on other fields, so no JSON Schema `default` can state them. Each
// field here is declared in the schema with `derivedDefault` (its words for the hover);
// the rule to compute it lives here. They are computed after variants and sweep values
// are merged in, so a variant that changes `epochs` also moves `snapshotEvery`.
import { isPlainObject } from '../dsl/values.ts';
import { schemaAt } from '../dsl/paths.ts';
import { runConfigSchema, type RunConfig } from './experiment.ts';
import { taskOf } from './tasks.ts';
import { defaultCenterScale } from '../../data/blobs.ts';

interface DerivedDefault {
  path: readonly string[];
  /** Reads a config whose constant defaults are filled in. */
  derive(config: RunConfig): unknown;
}

export const DERIVED_DEFAULTS: readonly DerivedDefault[] = [
  {
    path: ['data', 'testNoise'],
    derive: (c) => ('trainNoise' in c.data ? c.data.trainNoise : undefined),
  },
  {
    path: ['data', 'centerScale'],
    derive: (c) => (c.data.generator === 'blobs' ? defaultCenterScale(c.data.features, c.data.spread) : undefined),
  },
  {
    path: ['training', 'optimizer', 'eps'],
    derive: (c) => (c.training.optimizer.type === 'adagrad' ? 1e-10 : 1e-8),
  },
  {
    path: ['training', 'loss'],
    derive: (c) => (taskOf(c.data) === 'classification' ? 'cross_entropy' : 'mse'),
  },
  {
    path: ['training', 'snapshotEvery'],
    derive: (c) => Math.max(1, Math.ceil(c.training.epochs / 20)),
  },
];

/**
 * Fills the derived defaults that `config` (constant defaults already filled) leaves out,
 * in place, and returns the dot paths it filled.
 */
export function fillDerivedDefaults(config: Record<string, unknown>): string[] {
  const filled: string[] = [];
  for (const rule of DERIVED_DEFAULTS) {
    const parent = rule.path.slice(0, -1).reduce<unknown>((v, key) => (isPlainObject(v) ? v[key] : undefined), config);
    const key = rule.path[rule.path.length - 1]!;
    if (!isPlainObject(parent) || parent[key] !== undefined) continue;
    if (schemaAt(runConfigSchema, rule.path, config)?.derivedDefault === undefined) continue;
    const value = derive(rule, config as RunConfig);
    if (value === undefined) continue;
    parent[key] = value;
    filled.push(rule.path.join('.'));
  }
  return filled;
}

/**
 * The rule's value, or undefined when it cannot be computed: a config with schema errors
 * (reported elsewhere) may lack what the rule reads, and its field then stays unset.
 */
function derive(rule: DerivedDefault, config: RunConfig): unknown {
  try {
    return rule.derive(config);
  } catch {
    return undefined;
  }
}
