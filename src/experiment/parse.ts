// Reading an experiment file: JSON with comments in, the experiment with every default
// filled in and all the problems found out, like a compiler: each with its place in the
// file, the field's path and what was expected.
//
// The passes, each over jsonc-parser's tree so that every problem keeps its position:
// 1. syntax (when the text is not valid JSONC, nothing else is checked);
// 2. the whole file against experimentSchema (types, ranges, unknown and missing keys);
// 3. the base config, then each variant merged over it (merge.ts), against the run-config
//    schema and the cross-field checks (checks/). A problem the base already has is
//    reported once, in the base; one that only a variant has is reported with the
//    variant's name, in the variant when the variant wrote the value, else at its name;
// 4. the variant names and the sweep, against the configs the sweep varies.
import { getNodePath, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { BUDGET_DEFAULTS, checkTime, memoryCheck, type BudgetLimits, type Planned } from './budget.ts';
import { RUN_CONFIG_CHECKS } from './checks/index.ts';
import { runChecks, type Check } from './checks/context.ts';
import { checkSweep, type SweepTarget } from './checks/sweep.ts';
import { checkVariantNames } from './checks/variants.ts';
import { capDiagnostics, hasErrors, type Diagnostic } from './diagnostics.ts';
import { clip, type Path } from './dsl/describe.ts';
import { fillDefaults } from './dsl/defaults.ts';
import { propertyValue, validateNode, type Issue } from './dsl/validate.ts';
import { MAX_FILE_CHARS, MAX_NESTING, MAX_VARIANTS } from './limits.ts';
import { mergeRootNodes } from './merge.ts';
import { tooDeep } from './nesting.ts';
import { knownValue, nodeValue } from './nodeValue.ts';
import { anchorSpan, LineIndex } from './positions.ts';
import { resolveRunConfig } from './resolve.ts';
import { fillDerivedDefaults } from './schema/derivedDefaults.ts';
import { experimentSchema, OVERRIDABLE, runConfigSchema, type Experiment, type RunConfig, type Sweep } from './schema/experiment.ts';
import { sweepValues } from './sweepValues.ts';
import { syntaxDiagnostics } from './syntax.ts';

export interface ParseResult {
  /** The file name given to parseExperiment, for formatDiagnostic. */
  file: string;
  /** Present when there are no errors (warnings allow it). */
  experiment?: Experiment;
  /** Errors and warnings, in the order of their positions. */
  diagnostics: Diagnostic[];
  /** jsonc-parser's tree of the file, for rangeOfPath and locateSections; undefined for an empty file. */
  tree: Node | undefined;
  /** Set when the text is not JSON with comments (or nests too deep to read): only syntax was checked. */
  syntaxError?: true;
}

const RUN_CONFIG_KEYS: readonly string[] = Object.keys(runConfigSchema.fields);

export interface ParseOptions {
  /** The resource budget's limits (budget.ts); default BUDGET_DEFAULTS. */
  budget?: BudgetLimits;
}

export function parseExperiment(text: string, file: string, options: ParseOptions = {}): ParseResult {
  const budget = options.budget ?? BUDGET_DEFAULTS;
  const checks = [...RUN_CONFIG_CHECKS, memoryCheck(budget)];
  if (text.length > MAX_FILE_CHARS) {
    const message = `the file is ${(text.length / 2 ** 20).toFixed(1)} M characters long; an experiment file is at most ${MAX_FILE_CHARS / 2 ** 20} M (the lessons are about 3 K)`;
    const start = { line: 0, character: 0 };
    return { file, tree: undefined, syntaxError: true, diagnostics: [{ message, path: [], range: { start, end: start }, severity: 'error' }] };
  }
  const lines = new LineIndex(text);
  // A UTF-8 byte order mark (VS Code hides it, Node's readFileSync keeps it) is read as a
  // space, so every offset is still one of `text`.
  const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  // Checked first, in one flat pass: parsing and every walk of the tree recurse per level.
  const deep = tooDeep(source, MAX_NESTING);
  if (deep !== undefined) {
    const message = `syntax error: objects and arrays nested more than ${MAX_NESTING} levels deep; an experiment needs far fewer`;
    const diagnostic: Diagnostic = { message, path: [], range: lines.range(deep.offset, deep.length), severity: 'error' };
    return { file, tree: undefined, syntaxError: true, diagnostics: [diagnostic] };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  if (errors.length > 0) return { file, tree, syntaxError: true, diagnostics: syntaxDiagnostics(source, errors, lines) };
  if (tree === undefined || tree.type !== 'object') {
    const what = tree === undefined ? 'the file is empty' : 'the file must be a JSON object';
    const message = `${what}: an experiment looks like { "title": …, "data": { "generator": … }, "training": { "optimizer": { "type": …, "lr": … } } }`;
    const at: Node = tree ?? { type: 'null', offset: 0, length: 0 };
    return { file, tree, diagnostics: [toDiagnostic({ node: at, path: [], message, severity: 'error' }, lines)] };
  }

  const found = new Findings();
  const fileIssues: Issue[] = [];
  validateNode(experimentSchema, tree, [], fileIssues);
  found.addAll(fileIssues.map((issue): Issue => ({ ...issue, schema: true })));
  const baseRoot = withKeys(tree, (key) => RUN_CONFIG_KEYS.includes(key));
  const base = checkRunConfig(baseRoot, checks);
  found.addAll(base.issues);
  const variants = checkVariants(tree, baseRoot, base, found, checks);
  const sweep = checkSweepBlock(tree, base.config, variants, found);
  found.addAll(checkTime({ tree, variants: plannedVariants(base.config, variants), ...(sweep && { sweep }), limits: budget }));

  // Sorted by offset (the order of line and column); only the first ones are positioned and worded.
  const issues = found.issues.map((issue) => ({ issue, offset: anchorSpan(issue.node).offset })).sort((a, b) => a.offset - b.offset);
  const diagnostics = capDiagnostics(issues, ({ issue }) => toDiagnostic(issue, lines), ({ issue }) => issue.severity);
  if (hasErrors(diagnostics)) return { file, tree, diagnostics };
  const experiment = fillDefaults(experimentSchema, nodeValue(tree)) as Experiment;
  experiment.derived = fillDerivedDefaults(experiment as unknown as Record<string, unknown>);
  return { file, experiment, diagnostics, tree };
}

/** What parsing knows of one variant once merged over the base. */
interface CheckedVariant {
  name?: string;
  node: Node;
  /** Absent when the merged config has invalid values. */
  config?: RunConfig;
}

/** Checks each variant merged over the base, and the names; returns every variant. */
function checkVariants(tree: Node, baseRoot: Node, base: CheckedConfig, found: Findings, checks: readonly Check[]): CheckedVariant[] {
  const list = propertyValue(tree, 'variants');
  const nodes = list?.type === 'array' ? (list.children ?? []) : [];
  found.addAll(checkVariantNames(nodes));
  // Past MAX_VARIANTS the list is in error already; checking each would cost a run config apiece.
  return nodes.slice(0, MAX_VARIANTS).flatMap((variant, index): CheckedVariant[] => {
    if (variant.type !== 'object') return [];
    const nameNode = propertyValue(variant, 'name');
    const name = nameNode?.type === 'string' ? (nameNode.value as string) : undefined;
    const label = name === undefined ? `variants[${index}]` : `variant ${JSON.stringify(clip(name))}`;
    const overrides = withKeys(variant, (key, value) => (OVERRIDABLE as readonly string[]).includes(key) && value.type === 'object');
    const mergedRoot = mergeRootNodes(runConfigSchema, baseRoot, overrides);
    // The base's sections the variant leaves alone were checked with the base; their invalid values stay invalid.
    const untouched = new Set((mergedRoot.children ?? []).filter((p) => baseRoot.children?.includes(p)));
    const untouchedKeys = new Set([...untouched].map((p) => p.children?.[0]?.value as string));
    const inherited = { skip: untouched, invalid: base.invalid.filter((path) => untouchedKeys.has(path[0] as string)) };
    const merged = checkRunConfig(mergedRoot, checks, inherited);
    for (const issue of merged.issues) found.addForVariant(issue, variant, nameNode ?? variant, label);
    return [{ node: variant, ...(name !== undefined && { name }), ...(merged.config !== undefined && { config: merged.config }) }];
  });
}

/**
 * Checks the sweep against the configs it varies: the variants it names (default: all), or
 * the base when there are none. Returns the sweep and its targets when all of it is valid.
 */
function checkSweepBlock(tree: Node, base: RunConfig | undefined, variants: readonly CheckedVariant[], found: Findings): { node: Node; sweep: Sweep; values: number[]; targets: Planned[] } | undefined {
  const node = propertyValue(tree, 'sweep');
  if (node === undefined || found.hasErrorWithin(node)) return undefined;
  const sweep = fillDefaults(experimentSchema.fields.sweep, nodeValue(node)) as Sweep;
  // Every variant's name, also past MAX_VARIANTS (those are not checked, but they exist).
  const list = propertyValue(tree, 'variants');
  const names = (list?.type === 'array' ? (list.children ?? []) : []).flatMap((v) => {
    const name = propertyValue(v, 'name');
    return name?.type === 'string' ? [name.value as string] : [];
  });
  const chosen = new Set(sweep.variants ?? names);
  const swept: readonly Partial<SweepTarget>[] =
    variants.length === 0 ? [{ config: base }] : variants.filter((v) => v.name !== undefined && chosen.has(v.name));
  // Only configs without invalid values can be checked; the others have their errors already.
  const targets = swept.flatMap((t): SweepTarget[] => (t.config === undefined ? [] : [{ ...t, config: t.config }]));
  found.addAll(checkSweep({ node, sweep, variantNames: names, targets }));
  if (found.hasErrorWithin(node)) return undefined;
  return { node, sweep, values: sweepValues(sweep), targets: targets.map((t) => ({ config: t.config, ...(t.node && { node: t.node }), runs: 1 })) };
}

/** The configs that run once each: every valid variant's, or the base's when there are no variants. */
function plannedVariants(base: RunConfig | undefined, variants: readonly CheckedVariant[]): Planned[] {
  if (variants.length === 0) return base === undefined ? [] : [{ config: base, runs: 1 }];
  return variants.flatMap((v) => (v.config === undefined ? [] : [{ config: v.config, node: v.node, runs: 1 }]));
}

interface CheckedConfig {
  issues: Issue[];
  /** The paths schema errors made unusable. */
  invalid: Path[];
  /** Absent when the config has invalid values. */
  config?: RunConfig;
}

/**
 * The schema and cross-field problems of one run config's tree, and the config itself when
 * every value in it is usable. Checks whose fields are invalid are skipped (see checks/context.ts).
 */
function checkRunConfig(root: Node, checks: readonly Check[], inherited?: { skip: ReadonlySet<Node>; invalid: readonly Path[] }): CheckedConfig {
  const issues: Issue[] = [];
  validateNode(runConfigSchema, root, [], issues, inherited?.skip);
  const invalid = [...issues.filter((i) => i.invalid).map((i) => i.path), ...(inherited?.invalid ?? [])];
  const config = resolveRunConfig(knownValue(runConfigSchema, root) as Record<string, unknown>);
  issues.push(...runChecks(checks, config, root, invalid));
  return invalid.length === 0 ? { issues, invalid, config } : { issues, invalid };
}

/** An object node with only the properties `keep` accepts (same place in the file). */
function withKeys(node: Node, keep: (key: string, value: Node) => boolean): Node {
  const children = (node.children ?? []).filter((p) => {
    const [key, value] = p.children ?? [];
    return key !== undefined && value !== undefined && keep(key.value as string, value);
  });
  return { ...node, children };
}

/** Issues without repeats: the same problem at the same place is reported once. */
class Findings {
  readonly issues: Issue[] = [];
  private readonly seen = new Set<string>();

  addAll(issues: readonly Issue[]): void {
    for (const issue of issues) this.add(issue);
  }

  add(issue: Issue): void {
    const key = keyOf(issue);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.issues.push(issue);
  }

  /**
   * A problem of a variant's merged config: skipped when the base has it too; else named
   * after the variant, and moved to the variant's name when the value it is about comes
   * from the base (the variant is what needs fixing).
   */
  addForVariant(issue: Issue, variant: Node, nameNode: Node, label: string): void {
    if (this.seen.has(keyOf(issue))) return;
    this.add(
      within(issue.node, variant)
        ? { ...issue, message: `${label}: ${issue.message}` }
        : { node: nameNode, path: issue.path, message: `${label}: ${issue.message} (the value comes from the base)`, severity: issue.severity },
    );
  }

  hasErrorWithin(node: Node): boolean {
    return this.issues.some((i) => i.severity === 'error' && within(i.node, node));
  }
}

function keyOf(issue: Issue): string {
  return `${issue.node.offset}:${issue.node.length}:${(issue.missing ?? []).join('.')}:${issue.message}`;
}

function within(node: Node, container: Node): boolean {
  return node.offset >= container.offset && node.offset + node.length <= container.offset + container.length;
}

function toDiagnostic(issue: Issue, lines: LineIndex): Diagnostic {
  const span = anchorSpan(issue.node);
  return {
    message: issue.message,
    path: [...getNodePath(issue.node), ...(issue.missing ?? [])],
    range: lines.range(span.offset, span.length),
    severity: issue.severity,
    ...(issue.schema && { schema: true }),
  };
}
