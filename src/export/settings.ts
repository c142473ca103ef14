// The top of the script a reader tunes: the Settings dataclass (the fields the code reads,
// named after the experiment file's, the base experiment's values as defaults), VARIANTS
// (each the base with the file's overrides) and the sweep's values.
import type { RunConfig } from '../experiment/schema/experiment.ts';
import { widthTarget } from '../experiment/width.ts';
import { fieldAt, fieldOrder, pyName, sweptField } from './fields.ts';
import { settingValue, type Plan } from './plan.ts';
import { call, comment, docstring, lines, pyStr, pyValue, type PyValue } from './python.ts';
import { valueTexts } from '../results/valueText.ts';

const SECTIONS: Record<string, string> = {
  data: '# data',
  model: '# model',
  training: '# training',
  regularization: '# regularization',
};

export function settingsSection(plan: Plan): string {
  const paths = [...plan.settings].sort((a, b) => fieldOrder(a) - fieldOrder(b));
  const fieldLines: string[] = [];
  let section = '';
  for (const path of paths) {
    const head = path.split('.')[0]!;
    if (head !== section && SECTIONS[head] !== undefined) fieldLines.push(`    ${SECTIONS[head]}`);
    section = head;
    const field = fieldAt(path);
    const value = defaultOf(plan, path);
    const note = commentOf(plan, path);
    const declaration = `    ${pyName(path)}: ${typeOf(plan, path)} = ${pyValue(value, field.integer)}`;
    const line = `${declaration}  # ${note}`;
    fieldLines.push(line.length <= 88 ? line : `    # ${note}\n${declaration}`);
  }
  return lines(
    '@dataclass(frozen=True)',
    'class Settings:',
    docstring(
      'The settings of one run, named after the experiment file\'s fields. The defaults are the ' +
        'base experiment\'s; each variant overrides some of them.',
    ),
    '',
    ...fieldLines,
    '',
    '',
    variantsTable(plan, paths),
    plan.sweep && '',
    plan.sweep && sweepConstants(plan),
  );
}

/** What `noise` means depends on the data set. */
const NOISE: Record<string, string> = {
  d2l: 'std of the Gaussian noise on the targets',
  moons: 'std of the Gaussian noise on each coordinate',
  circles: "TensorFlow Playground's noise / 100",
  xor: "TensorFlow Playground's noise / 100",
  gaussian: "TensorFlow Playground's noise / 100",
  spiral: "TensorFlow Playground's noise / 100",
};

function commentOf(plan: Plan, path: string): string {
  if (path === 'data.noise') return NOISE[plan.value<string>('data.generator')] ?? fieldAt(path).comment;
  return fieldAt(path).comment;
}

function defaultOf(plan: Plan, path: string): PyValue {
  return settingValue(path, plan.valueIn(plan.base, path));
}

function typeOf(plan: Plan, path: string): string {
  const values = [plan.base, ...plan.configs].map((c) => settingValue(path, plan.valueIn(c, path)));
  const present = values.find((v) => v !== null && v !== undefined);
  const optional = values.some((v) => v === null || v === undefined);
  const base =
    present === undefined || present === null
      ? 'float'
      : Array.isArray(present)
        ? 'tuple'
        : typeof present === 'boolean'
          ? 'bool'
          : typeof present === 'string'
            ? 'str'
            : fieldAt(path).integer
              ? 'int'
              : 'float';
  if (!optional) return base;
  plan.needs('from typing import Optional');
  return `Optional[${base}]`;
}

/** The keyword arguments that make `config` from the defaults. */
function overrides(plan: Plan, paths: string[], config: RunConfig): string[] {
  return paths
    .filter((p) => p !== 'seed')
    .filter((p) => JSON.stringify(plan.valueIn(config, p)) !== JSON.stringify(plan.valueIn(plan.base, p)))
    .map((p) => `${pyName(p)}=${pyValue(settingValue(p, plan.valueIn(config, p)), fieldAt(p).integer)}`);
}

function variantsTable(plan: Plan, paths: string[]): string {
  const descriptions = new Map(plan.experiment.variants.map((v) => [v.name, v.description]));
  const entries = plan.variantRuns.map((run) => {
    const description = descriptions.get(run.name);
    const entry = `${call(`${pyStr(run.name)}: Settings`, overrides(plan, paths, run.spec.config), 1)},`;
    return lines(description && comment(description, 84).replace(/^/gm, '    '), entry);
  });
  if (plan.variantRuns.length === 1 && plan.experiment.variants.length === 0) {
    return lines('# The experiment has no variants: its base settings are the one run.', 'VARIANTS = {', ...entries, '}');
  }
  return lines('VARIANTS = {', ...entries, '}');
}

function sweepConstants(plan: Plan): string {
  const sweep = plan.sweep!;
  plan.s(sweptField(sweep.over));
  if (sweep.grid) plan.s(sweptField(sweep.grid.over));
  const name = pyName(sweep.over);
  const width = widthTarget(sweep.over);
  const what = width === undefined ? `${sweep.over} (${name})` : width === 'all' ? 'the width of every hidden layer' : `the width of hidden layer ${width}`;
  return lines(
    comment(
      `The sweep: ${what} takes each of SWEEP_VALUES in each of SWEPT_VARIANTS, ${sweep.repeats === 1 ? 'once' : `SWEEP_REPEATS times with the seeds seed, seed + 1, …`}.`,
    ),
    wrappedList('SWEEP_VALUES', sweep.values.map((v) => pyValue(v, fieldAt(sweptField(sweep.over)).integer))),
    sweep.grid && comment(`A 2-D grid: every value of SWEEP_VALUES with every value of GRID_VALUES, ${sweep.grid.over} (${pyName(sweep.grid.over)}).`),
    sweep.grid && wrappedList('GRID_VALUES', sweep.grid.values.map((v) => pyValue(v, fieldAt(sweptField(sweep.grid!.over)).integer))),
    sweep.repeats > 1 && `SWEEP_REPEATS = ${sweep.repeats}`,
    `SWEPT_VARIANTS = [${sweep.variants.map(pyStr).join(', ')}]`,
    comment(
      `How the script prints each swept value: as Reglab's CLI and panel print it (4 significant digits, more only where two values would read the same); the runs train with the exact values above.`,
    ),
    textDict(sweep),
  );
}

/** `VALUE_TEXT = {value: "text", …}`: each swept value's printed text (valueTexts, the CLI's), of both fields of a grid. */
function textDict(sweep: NonNullable<Plan['sweep']>): string {
  const axes = [{ over: sweep.over, values: sweep.values }, ...(sweep.grid ? [sweep.grid] : [])];
  const literals = new Map<number, string>();
  for (const { over, values } of axes) for (const v of values) if (!literals.has(v)) literals.set(v, pyValue(v, fieldAt(sweptField(over)).integer));
  const values = [...literals.keys()];
  const texts = valueTexts(values);
  return wrappedList('VALUE_TEXT', values.map((v, i) => `${literals.get(v)}: ${pyStr(texts[i]!)}`), '{}');
}

/** `NAME = [a, b, …]` on one line when it fits in 88 columns, else as many values per line as fit. */
function wrappedList(name: string, items: readonly string[], brackets = '[]'): string {
  const [open, close] = [brackets[0]!, brackets[1]!];
  const one = `${name} = ${open}${items.join(', ')}${close}`;
  if (one.length <= 88) return one;
  const rows: string[] = [];
  for (const item of items) {
    const last = rows[rows.length - 1];
    if (last !== undefined && last.length + item.length + 2 <= 88) rows[rows.length - 1] = `${last} ${item},`;
    else rows.push(`    ${item},`);
  }
  return [`${name} = ${open}`, ...rows, close].join('\n');
}
