// Validation data in the script: `data.validation` (one held-out split) and `data.folds`
// (k-fold cross-validation). Reglab draws which samples are held out from the run seed's
// own stream; rather than re-implement that generator in Python, the export computes the
// split here (holdOutIndices, the runner's own function) and writes it into the script as
// a constant per seed, so the script holds out exactly Reglab's samples. The sweep then
// chooses on the mean validation loss only: λ_min, and glmnet's λ_1se (results/stats.ts).
import { foldAssignment, holdOutIndices } from '../data/index.ts';
import type { RunConfig } from '../experiment/schema/experiment.ts';
import { deriveSeed } from '../experiment/train/seeds.ts';
import { moreIsSimpler } from '../results/stats.ts';
import type { ExportRun, Plan } from './plan.ts';
import { comment, docstring, lines } from './python.ts';

export interface HoldOut {
  /** `folds`: the fold of every training sample; `validation`: the held-out samples' indices. */
  kind: 'folds' | 'validation';
  folds: number;
  /** Per run seed and training-set size (a sweep of data.train changes the size, not the seed). */
  byRun: Map<string, { seed: number; n: number; list: number[] }>;
}

const specOf = (c: RunConfig) => c.data as { validation?: number; folds?: number };

/** The runs' hold-out, or undefined when none holds data out. Runs must agree on it. */
export function holdOutOf(runs: readonly ExportRun[]): HoldOut | undefined {
  const specs = new Set(runs.map((r) => JSON.stringify({ v: specOf(r.spec.config).validation, f: specOf(r.spec.config).folds })));
  const first = specOf(runs[0]!.spec.config);
  if (specs.size > 1) throw new Error('the runs hold out different validation data (data.validation, data.folds); export them one at a time with --variant');
  if (first.validation === undefined && first.folds === undefined) return undefined;
  const kind = first.folds !== undefined ? 'folds' : 'validation';
  const byRun = new Map<string, { seed: number; n: number; list: number[] }>();
  for (const run of runs) {
    const seed = run.spec.seed;
    const n = run.data.train.n;
    if (byRun.has(`${seed} ${n}`)) continue;
    const holdoutSeed = deriveSeed(seed, 'holdout');
    const list = kind === 'folds' ? Array.from(foldAssignment(n, first.folds!, holdoutSeed)) : holdOutIndices(n, first, holdoutSeed)!.validation;
    byRun.set(`${seed} ${n}`, { seed, n, list });
  }
  return { kind, folds: first.folds ?? 1, byRun };
}

/** How many samples a run trains on once its validation data is held out. */
export function trainedCount(run: ExportRun): number {
  const spec = specOf(run.spec.config);
  if (spec.validation === undefined && spec.folds === undefined) return run.data.train.n;
  return holdOutIndices(run.data.train.n, spec, deriveSeed(run.spec.seed, 'holdout'), run.spec.fold ?? 0)!.train.length;
}

/** The constant the script reads the split from: FOLD_OF or VALIDATION_SAMPLES, per seed. */
export function holdOutConstant(held: HoldOut): string {
  const name = held.kind === 'folds' ? 'FOLD_OF' : 'VALIDATION_SAMPLES';
  const about =
    held.kind === 'folds'
      ? `Cross-validation (data.folds = ${held.folds}): per (seed, training samples), the fold (0 … ${held.folds - 1}) of each training sample. Run k of a value trains on the other folds and is validated on fold k.`
      : 'A validation split (data.validation): per (seed, training samples), the indices of the training samples held out for validation; the run trains on the others.';
  const entries = [...held.byRun.values()].map(({ seed, n, list }) => numberRows(`    (${seed}, ${n}): [`, list, '    ],'));
  return lines(
    comment(`${about} Reglab draws them from the run seed (its own generator); the export computed them, so this script holds out the very same samples.`),
    `${name} = {`,
    ...entries,
    '}',
    held.kind === 'folds' && `FOLDS = ${held.folds}`,
  );
}

function numberRows(open: string, items: readonly number[], close: string): string {
  const rows: string[] = [];
  for (const item of items.map(String)) {
    const last = rows[rows.length - 1];
    if (last !== undefined && last.length + item.length + 2 <= 88) rows[rows.length - 1] = `${last} ${item},`;
    else rows.push(`        ${item},`);
  }
  return [open, ...rows, close].join('\n');
}

/** `hold_out(x, y, seed, fold)`: the training set cut into what is trained on and validation. */
export function holdOutFunction(held: HoldOut): string {
  return lines(
    held.kind === 'folds' ? 'def hold_out(x, y, seed, fold):' : 'def hold_out(x, y, seed):',
    docstring(
      held.kind === 'folds'
        ? 'Splits the training set as Reglab does: fold `fold` is held out for validation, the other folds are trained on (both keep the original order of the samples).'
        : 'Splits the training set as Reglab does: VALIDATION_SAMPLES are held out for validation, the others trained on (both keep the original order of the samples).',
    ),
    held.kind === 'folds'
      ? '    held = torch.tensor(FOLD_OF[seed, len(x)]) == fold'
      : lines('    held = torch.zeros(len(x), dtype=torch.bool)', '    held[VALIDATION_SAMPLES[seed, len(x)]] = True'),
    '    return (x[~held], y[~held]), (x[held], y[held])',
  );
}

/** `choose(points)`: λ_min and λ_1se per swept variant, printed as the CLI prints them. */
export function chooseFunction(plan: Plan): string {
  const grid = plan.sweep!.grid !== undefined;
  // λ_1se orders the values of one field; a grid's cells have no such order.
  const oneSe = moreIsSimpler(plan.sweep!.over) && !grid;
  const min = grid ? 'chosen cell' : 'λ_min';
  return lines(
    'def choose(points):',
    docstring(
      `Chooses the ${grid ? 'cell' : 'value'} per swept variant on the validation loss only, as Reglab does: ${grid ? 'the chosen cell (value, grid value)' : 'λ_min'} has the lowest mean ` +
        'validation loss over its runs (folds × seeds)' +
        (oneSe ? "; λ_1se (glmnet's rule) is the largest value whose mean is within one standard error (std / √runs) of λ_min's" : '') +
        '. The test loss is only reported at the chosen values.',
    ),
    '    for name in SWEPT_VARIANTS:',
    '        rows = []',
    '        for n, value, finals in points:',
    '            if n != name or not finals:',
    '                continue',
    '            losses = [f["validation_loss"] for f in finals]',
    '            runs = len(losses)',
    '            se = statistics.stdev(losses) / math.sqrt(runs) if runs > 1 else 0.0',
    '            test = statistics.mean(f["test_loss"] for f in finals)',
    '            rows.append((value, statistics.mean(losses), se, test))',
    '        if not rows:',
    '            continue',
    '        best = min(rows, key=lambda row: row[1])  # the first of equal means, as Reglab',
    oneSe && '        bound = best[1] + best[2]',
    oneSe && '        one_se = max((row for row in rows if row[1] <= bound), key=lambda row: row[0])',
    '        print(',
    '            f"{name}: chosen on the validation loss; "',
    '            f"the test set only reports the result"',
    '        )',
    `        for label, (value, loss, se, test) in [("${min}", best)${oneSe ? ', ("λ_1se", one_se)' : ''}]:`,
    // The value as the CLI prints it: "2.512", a cell "0.01 × 0.5".
    grid ? '            shown = f"{VALUE_TEXT[value[0]]} × {VALUE_TEXT[value[1]]}"' : '            shown = VALUE_TEXT[value]',
    '            print(',
    '                f"  {label} = {shown}: validation loss {loss:.6g} ± {se:.2g} (SE), "',
    '                f"test loss {test:.6g}"',
    '            )',
  );
}
