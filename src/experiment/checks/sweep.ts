// Checks of the sweep against the configs it varies: `over` must name a numeric field
// of every swept config, its values must be valid for that field, its variants must
// exist, and a variant's own value of the swept field is worth a word (the sweep replaces it).
import type { Node } from 'jsonc-parser';
import { clip, expectedText, inRange, rangeText, type Path } from '../dsl/describe.ts';
import { numberSchemaOf, numericPaths, schemaAt } from '../dsl/paths.ts';
import { propertyValue, validateNode, type Issue } from '../dsl/validate.ts';
import type { ArrayNode, NumberNode } from '../dsl/types.ts';
import { widthProblem, widthTarget } from '../width.ts';
import { deepestNode } from '../positions.ts';
import { runConfigSchema, type RunConfig, type Sweep } from '../schema/experiment.ts';
import { closest, didYouMean } from '../suggest.ts';
import { firstRefused } from '../sweepValues.ts';
import { MAX_DIAGNOSTICS } from '../limits.ts';
import { RIDGE_FIELDS } from '../../results/path.ts';

export interface SweepTarget {
  /** The variant's name; absent for the base experiment. */
  name?: string;
  config: RunConfig;
  /** The variant's object in the file. */
  node?: Node;
}

export interface SweepInput {
  node: Node;
  /** The sweep as written, defaults filled; already valid against its schema. */
  sweep: Sweep;
  variantNames: readonly string[];
  /** The configs the sweep applies to (those that are valid). */
  targets: readonly SweepTarget[];
}

export function checkSweep({ node, sweep, variantNames, targets }: SweepInput): Issue[] {
  const issues: Issue[] = [];
  const error = (at: Node, path: Path, message: string): void => void issues.push({ node: at, path, message, severity: 'error' });

  const valuesNode = propertyValue(node, 'values');
  const logspaceNode = propertyValue(node, 'logspace');
  if (valuesNode === undefined && logspaceNode === undefined) {
    const message = 'sweep needs "values" (a list) or "logspace" ({ "from", "to", "count" })';
    issues.push({ node, missing: ['values'], path: ['sweep', 'values'], message, severity: 'error' });
  } else if (valuesNode !== undefined && logspaceNode !== undefined) {
    error(logspaceNode, ['sweep', 'logspace'], 'sweep has both "values" and "logspace": give only one');
  }

  const known = new Set(variantNames);
  let unknown = 0;
  (propertyValue(node, 'variants')?.children ?? []).forEach((nameNode, i) => {
    const name = nameNode.value as string;
    if (known.has(name)) return;
    // Past MAX_DIAGNOSTICS they are only counted: no "did you mean" against every name.
    const hint = ++unknown > MAX_DIAGNOSTICS ? '' : didYouMean(name, variantNames, '"');
    error(
      nameNode,
      ['sweep', 'variants', i],
      variantNames.length === 0
        ? `sweep.variants[${i}] "${clip(name)}" is not a variant: the file has no variants (without them the sweep varies the base)`
        : `sweep.variants[${i}] "${clip(name)}" is not a variant${hint}`,
    );
  });

  const overNode = propertyValue(node, 'over')!;
  const field = sweptField(sweep.over, targets, (message) => error(overNode, ['sweep', 'over'], message));
  if (field === undefined) return issues;

  checkValues(field, sweep, 'sweep', valuesNode, logspaceNode, error, issues);
  const gridNode = propertyValue(node, 'grid');
  if (sweep.grid !== undefined && gridNode !== undefined) checkGrid(sweep, gridNode, targets, issues, error);
  const normPathNode = propertyValue(node, 'normPath');
  const notDrawn = sweep.normPath === true ? normPathIgnored(sweep, targets) : undefined;
  if (notDrawn !== undefined && normPathNode !== undefined) {
    issues.push({ node: normPathNode, path: ['sweep', 'normPath'], message: `sweep.normPath is not drawn: ${notDrawn}`, severity: 'warning' });
  }
  const path = sweep.over.split('.');
  for (const target of targets) {
    if (target.node === undefined) continue;
    const written = deepestNode(target.node, path);
    if (written.depth < path.length) continue;
    issues.push({
      node: written.node,
      path,
      message: `the sweep replaces ${sweep.over} in the sweep runs of variant "${clip(target.name ?? '')}"; this value is used only by its own run (list the variants to sweep in sweep.variants)`,
      severity: 'warning',
    });
  }
  return issues;
}

/** Why the test loss against ‖w‖₂ would not be drawn (the rule of hasNormPath), or undefined when it would. */
function normPathIgnored(sweep: Sweep, targets: readonly SweepTarget[]): string | undefined {
  if (!RIDGE_FIELDS.has(sweep.over)) return `it compares early stopping with ridge, so it needs a sweep of ${[...RIDGE_FIELDS].join(' or ')}, not ${sweep.over}`;
  if (sweep.grid !== undefined) return 'a grid varies two fields; the paths follow one';
  const deep = targets.find((t) => t.config.model.hidden.length > 0);
  if (deep !== undefined) return `it needs a linear model (model.hidden: [])${deep.name === undefined ? '' : `, and variant "${clip(deep.name)}" has hidden layers`}`;
  return undefined;
}

/** A sweep's (or its grid's) `values` or `logspace` against the field they set. */
function checkValues(
  field: NumberNode,
  axis: Pick<Sweep, 'over' | 'values' | 'logspace'>,
  at: string,
  valuesNode: Node | undefined,
  logspaceNode: Node | undefined,
  error: (at: Node, path: Path, message: string) => void,
  issues: Issue[],
): void {
  const base: Path = at === 'sweep' ? ['sweep'] : ['sweep', 'grid'];
  if (valuesNode !== undefined) {
    (valuesNode.children ?? []).forEach((valueNode, i) => validateNode(field, valueNode, [...base, 'values', i], issues));
  } else if (axis.logspace !== undefined) {
    const { from, to, count } = axis.logspace;
    const outside = firstRefused(from, to, count, field.integer, (v) => inRange(field, v));
    if (outside !== undefined) error(logspaceNode!, [...base, 'logspace'], `${at}.logspace gives ${outside}, but ${axis.over} must be ${rangeText(field)}`);
  }
}

/** The grid's second field: a numeric field of every swept config, not `over` itself, with valid values. */
function checkGrid(sweep: Sweep, node: Node, targets: readonly SweepTarget[], issues: Issue[], error: (at: Node, path: Path, message: string) => void): void {
  const grid = sweep.grid!;
  const valuesNode = propertyValue(node, 'values');
  const logspaceNode = propertyValue(node, 'logspace');
  if (valuesNode === undefined && logspaceNode === undefined) {
    issues.push({ node, missing: ['values'], path: ['sweep', 'grid', 'values'], message: 'sweep.grid needs "values" (a list) or "logspace" ({ "from", "to", "count" })', severity: 'error' });
    return;
  }
  if (valuesNode !== undefined && logspaceNode !== undefined) error(logspaceNode, ['sweep', 'grid', 'logspace'], 'sweep.grid has both "values" and "logspace": give only one');
  const overNode = propertyValue(node, 'over')!;
  if (grid.over === sweep.over) {
    error(overNode, ['sweep', 'grid', 'over'], `sweep.grid.over is "${clip(grid.over)}", the same field as sweep.over: a grid needs a second field`);
    return;
  }
  const field = sweptField(grid.over, targets, (message) => error(overNode, ['sweep', 'grid', 'over'], message.replace(/^sweep\.over/, 'sweep.grid.over')));
  if (field !== undefined) checkValues(field, grid, 'sweep.grid', valuesNode, logspaceNode, error, issues);
}

/** The number schema `over` leads to in every target, or undefined after reporting why not. */
function sweptField(over: string, targets: readonly SweepTarget[], fail: (message: string) => void): NumberNode | undefined {
  if (over === 'seed') {
    fail('sweep.over cannot be "seed": sweep.repeats varies the seed (seed, seed + 1, …); sweep another field');
    return undefined;
  }
  if (widthTarget(over) !== undefined) {
    const problem = targets.map((t) => widthProblem(t.config, over)).find((m) => m !== undefined);
    if (problem !== undefined) {
      fail(problem);
      return undefined;
    }
    // Each swept value is a layer size: an integer ≥ 1, as an entry of model.hidden.
    return numberSchemaOf((schemaAt(runConfigSchema, ['model', 'hidden']) as ArrayNode).items);
  }
  const path = over.split('.');
  // When every config the sweep varies is invalid, their own errors say so, and `over` is
  // checked against the schema alone: a misspelt field is reported with the file's other errors.
  if (targets.length === 0) {
    const candidates = numericPaths(runConfigSchema);
    if (!candidates.includes(over)) fail(`sweep.over "${clip(over)}" is not a numeric field of the run config${suggestPath(over, candidates)}`);
    return undefined;
  }
  const found = targets.map((t) => schemaAt(runConfigSchema, path, t.config));
  const first = found.find((f) => f !== undefined);
  if (first === undefined) {
    const candidates = [...new Set(targets.flatMap((t) => numericPaths(runConfigSchema, t.config)))];
    fail(`sweep.over "${clip(over)}" is not a field of the run config${suggestPath(over, candidates)}`);
    return undefined;
  }
  const missing = targets.find((_, i) => found[i] === undefined);
  if (missing !== undefined) {
    const generator = (missing.config.data as { generator: string }).generator;
    fail(`sweep.over "${over}" is not a field of variant "${clip(missing.name ?? '')}" (its data.generator is "${generator}")`);
    return undefined;
  }
  const numeric = numberSchemaOf(first);
  if (numeric === undefined) fail(`sweep.over "${over}" must name a numeric field, but it is ${expectedText(first)}`);
  return numeric;
}

/** "; did you mean "regularization.weightDecay"?" for a misspelt path, or for its last key alone ("weightDecay"). */
function suggestPath(over: string, candidates: readonly string[]): string {
  const whole = didYouMean(over, candidates, '"');
  if (whole !== '') return whole;
  const last = (path: string): string => path.slice(path.lastIndexOf('.') + 1);
  const key = closest(last(over), candidates.map(last));
  const match = key === undefined ? undefined : candidates.find((c) => last(c) === key);
  return match === undefined ? '' : `; did you mean "${match}"?`;
}
