// The script's entry point: the variants in turn, then the sweep with its mean ± std table,
// and on request the trained weights as JSON (exact mode) and a plot (when matplotlib is
// there: the script itself needs nothing but torch).
import { widthTarget } from '../experiment/width.ts';
import { pyName } from './fields.ts';
import type { Plan } from './plan.ts';
import { call, docstring, lines, pyFloat, pyStr } from './python.ts';

/** `sweep(...)` and its `summarize` helper (and with a grid, `grid_table`). */
export function sweepFunction(plan: Plan): string {
  const sweep = plan.sweep!;
  const name = pyName(sweep.over);
  const gridName = sweep.grid && pyName(sweep.grid.over);
  const grid = gridName !== undefined;
  const seeds = sweep.repeats > 1;
  const folds = plan.holdOut?.kind === 'folds';
  const validated = plan.holdOut !== undefined;
  // Several runs per value: over seeds (repeats), or over the folds of cross-validation.
  const repeats = seeds || folds;
  const exact = plan.exact;
  // With a grid, a point's value is the cell: (value, grid_value). Values print as the CLI
  // prints them (VALUE_TEXT, GRID_TEXT); the runs train with the exact ones.
  const cellParts = grid ? [`${name}={VALUE_TEXT[value]} `, `${gridName}={VALUE_TEXT[grid_value]}`] : [`${name}={VALUE_TEXT[value]}`];
  const cellLabel = cellParts.join('');
  const runOne = (indentLevel: number) => {
    const pad = '    '.repeat(indentLevel);
    const foldArg = folds ? (exact ? ', fold' : ', fold=fold') : '';
    const savedArgs = ['i', grid && 'j', seeds ? 'repeat' : '0', folds && 'fold'].filter((a) => typeof a === 'string').join(', ');
    return lines(
      ...setValue(pad, [[sweep.over, 'value'], ...(grid ? [[sweep.grid!.over, 'grid_value'] as [string, string]] : [])], seeds ? 'base.seed + repeat' : undefined),
      grid && fit(`${pad}cell = f"${cellLabel}"`, [`${pad}cell = (`, ...cellParts.map((p) => `${pad}    f"${p}"`), `${pad})`].join('\n')),
      `${pad}label = f"{name} ${grid ? '{cell}' : cellLabel}${seeds ? ' #{repeat}' : ''}${folds ? ' fold {fold}' : ''}"`,
      exact && fit(`${pad}run_saved = saved.sweep(name, ${savedArgs}) if saved else None`, `${pad}run_saved = saved and saved.sweep(name, ${savedArgs})`),
      exact ? `${pad}trained[label], _, final = run(label, s, run_saved${foldArg})` : `${pad}_, _, final = run(label, s${foldArg})`,
    );
  };
  // "[name] cell: " as print()'s first parts, one per field.
  const cellPrint = cellParts.map((p, i) => `f"${i === 0 ? '[{name}] ' : ''}${p}${i === cellParts.length - 1 ? ': ' : ''}"`);
  const top = 3 + (grid ? 1 : 0);
  const depth = top + (seeds ? 1 : 0) + (folds ? 1 : 0);
  const pad = (level: number) => '    '.repeat(level);
  const point = grid ? '(name, (value, grid_value), finals)' : '(name, value, finals)';
  const params = exact ? 'saved, trained' : '';
  const over = grid ? `${name} × ${gridName}` : name;
  return lines(
    'def summarize(values):',
    docstring(
      repeats
        ? 'mean ± std of the final losses (the sample std, as Reglab\'s sweep chart), or "diverged" when no run finished.'
        : 'The final loss, or "diverged".',
    ),
    '    if not values:',
    '        return "diverged"',
    repeats ? '    std = statistics.stdev(values) if len(values) > 1 else 0.0' : false,
    repeats ? '    return f"{statistics.mean(values):.6g} ± {std:.2g}"' : '    return f"{values[0]:.6g}"',
    '',
    '',
    `def sweep(${params}):`,
    docstring(
      grid
        ? `Trains every swept variant at each cell of the grid ${name} × ${gridName}; prints and returns the final losses per cell.`
        : `Trains every swept variant at each value of ${name}; prints and returns the final losses per value.`,
    ),
    '    points = []',
    '    for name in SWEPT_VARIANTS:',
    '        base = VARIANTS[name]',
    `        for ${exact ? 'i, value in enumerate(SWEEP_VALUES)' : 'value in SWEEP_VALUES'}:`,
    grid && `            for ${exact ? 'j, grid_value in enumerate(GRID_VALUES)' : 'grid_value in GRID_VALUES'}:`,
    ...(repeats
      ? [
          `${pad(top)}finals = []`,
          seeds && `${pad(top)}for repeat in range(SWEEP_REPEATS):`,
          folds && `${pad(depth - 1)}for fold in range(FOLDS):`,
          runOne(depth),
          `${pad(depth)}if final is not None:`,
          `${pad(depth)}    finals.append(final)`,
          `${pad(top)}points.append(${point})`,
        ]
      : [runOne(top), `${pad(top)}finals = [] if final is None else [final]`, `${pad(top)}points.append(${point})`]),
    seeds
      ? printParts(1, [`f"\\nSweep of ${over}: final losses"`, `f" (mean ± std, {SWEEP_REPEATS} seeds${folds ? ' × {FOLDS} folds' : ''})"`])
      : folds
        ? printParts(1, [`f"\\nSweep of ${over}: final losses"`, 'f" (mean ± std over {FOLDS} folds)"'])
        : `    print("\\nSweep of ${over}: final losses")`,
    `    for ${grid ? 'name, (value, grid_value), finals' : 'name, value, finals'} in points:`,
    '        train = summarize([f["train_loss"] for f in finals])',
    validated && '        validation = summarize([f["validation_loss"] for f in finals])',
    '        test = summarize([f["test_loss"] for f in finals])',
    validated
      ? printParts(2, [...cellPrint, 'f"train loss {train}, "', 'f"validation loss {validation}, test loss {test}"'])
      : printParts(2, [...cellPrint, 'f"train loss {train}, test loss {test}"']),
    grid && '    grid_table(points)',
    validated && '    choose(points)',
    '    return points',
    grid && lines('', '', gridTableFunction(plan)),
  );
}

/** `grid_table(points)`: the grid's mean final loss per cell, rows `over`, columns `grid.over`. */
function gridTableFunction(plan: Plan): string {
  const sweep = plan.sweep!;
  const loss = plan.holdOut ? 'validation' : 'test';
  return lines(
    'def grid_table(points):',
    docstring(
      `The grid as a table, as the CLI prints it: rows ${pyName(sweep.over)}, columns ${pyName(sweep.grid!.over)}, each cell ` +
        `the mean final ${loss} loss of its runs, the lowest starred ("–": every run diverged).`,
    ),
    '    for name in SWEPT_VARIANTS:',
    '        means = {}',
    '        for n, cell, finals in points:',
    '            if n == name and finals:',
    `                means[cell] = statistics.mean(f["${loss}_loss"] for f in finals)`,
    '        lowest = min(means, key=means.get) if means else None',
    `        print(f"\\n[{name}] mean final ${loss} loss per cell (* the lowest)")`,
    `        corner = ${pyStr(`${pyName(sweep.over)} ↓ ${pyName(sweep.grid!.over)} →`)}`,
    '        print(f"{corner:>24}" + "".join(f"{VALUE_TEXT[g]:>14}" for g in GRID_VALUES))',
    '        for value in SWEEP_VALUES:',
    '            row = []',
    '            for g in GRID_VALUES:',
    '                mean = means.get((value, g))',
    '                star = "*" if (value, g) == lowest else ""',
    '                row.append("–" if mean is None else f"{star}{mean:.6g}")',
    '            print(f"{VALUE_TEXT[value]:>24}" + "".join(f"{c:>14}" for c in row))',
  );
}

/** `line` when it fits in 88 columns, else `shorter`. */
const fit = (line: string, shorter: string): string => (line.length <= 88 ? line : shorter);

/**
 * The lines that make the swept settings `s`: replace() of the fields, and for a width
 * the hidden sizes built first (every layer, or layer N alone).
 */
function setValue(pad: string, axes: [string, string][], seed: string | undefined): string[] {
  const out: string[] = [];
  const args = ['base'];
  let hidden = 'base.hidden';
  for (const [over, variable] of axes) {
    const width = widthTarget(over);
    if (width === undefined) {
      args.push(`${pyName(over)}=${variable}`);
      continue;
    }
    out.push(
      width === 'all'
        ? fit(`${pad}hidden = (${variable},) * len(${hidden})  # every hidden layer this wide`, `${pad}# every hidden layer this wide\n${pad}hidden = (${variable},) * len(${hidden})`)
        : fit(
            `${pad}hidden = ${hidden}[:${width}] + (${variable},) + ${hidden}[${width + 1}:]  # layer ${width}`,
            `${pad}# hidden layer ${width}\n${pad}hidden = ${hidden}[:${width}] + (${variable},) + ${hidden}[${width + 1}:]`,
          ),
    );
    if (hidden === 'base.hidden') args.push('hidden=hidden');
    hidden = 'hidden';
  }
  if (seed !== undefined) args.push(`seed=${seed}`);
  return [...out, call('s = replace', args, pad.length / 4)];
}

export function saveWeightsFunction(): string {
  return lines(
    'def save_weights(trained, path):',
    docstring('Writes every run\'s trained weights (its state_dict, in PyTorch\'s layout) to `path` as JSON.'),
    '    weights = {',
    '        label: {key: value.tolist() for key, value in model.state_dict().items()}',
    '        for label, model in trained.items()',
    '    }',
    '    with open(path, "w") as f:',
    '        json.dump(weights, f)',
  );
}

export function plotFunction(plan: Plan): string {
  const sweep = plan.sweep;
  const title = pyStr(plan.experiment.title);
  const curves = [
    '    for name, history in curves.items():',
    '        epochs = [m["epoch"] for m in history]',
    '        train = [m["train_loss"] for m in history]',
    '        test = [m["test_loss"] for m in history]',
    '        (line,) = losses.plot(epochs, train, label=name)',
    '        losses.plot(epochs, test, "--", color=line.get_color())',
    '    losses.set(xlabel="epoch", ylabel="loss (train solid, test dashed)", yscale="log")',
    '    losses.legend(fontsize="small")',
  ];
  const gridPanel = sweep?.grid
    ? [
        '    for name in SWEPT_VARIANTS:',
        '        for g in GRID_VALUES:',
        '            done = [(v, f) for n, (v, gv), f in points if n == name and gv == g and f]',
        '            means = [statistics.mean(x["test_loss"] for x in f) for _, f in done]',
        `            label = f"{name}, ${pyName(sweep.grid.over)}={VALUE_TEXT[g]}"`,
        '            chart.plot([value for value, _ in done], means, "o-", label=label)',
      ]
    : null;
  const sweepPanel = sweep
    ? [
        ...(gridPanel ??
          (plan.holdOut
            ? [
                // As the Sweep view: the validation curve chosen on, the test curve only reported.
                '    for name in SWEPT_VARIANTS:',
                '        done = [(value, finals) for n, value, finals in points if n == name and finals]',
                '        values = [value for value, _ in done]',
                '        validation = [statistics.mean(x["validation_loss"] for x in f) for _, f in done]',
                '        test = [statistics.mean(x["test_loss"] for x in f) for _, f in done]',
                '        (line,) = chart.plot(values, validation, "o-", label=f"{name}: validation")',
                '        chart.plot(values, test, "x--", color=line.get_color(), label=f"{name}: test")',
              ]
            : [
                '    for name in SWEPT_VARIANTS:',
                '        done = [(value, finals) for n, value, finals in points if n == name and finals]',
                '        means = [statistics.mean(f["test_loss"] for f in finals) for _, finals in done]',
                '        chart.plot([value for value, _ in done], means, "o-", label=name)',
              ])),
        call('chart.set', [`xlabel=${pyStr(pyName(sweep.over))}`, `ylabel=${pyStr(plan.holdOut && !sweep.grid ? 'final loss (validation solid, test dashed)' : 'final test loss')}`, 'yscale="log"'], 1),
        xScale(sweep.values),
        '    chart.legend(fontsize="small")',
      ].filter((l) => l !== '')
    : [];
  return lines(
    `def plot(curves, ${sweep ? 'points, ' : ''}path):`,
    docstring(
      `Saves the train and test loss curves of the variants${sweep ? ` and the sweep's final ${plan.holdOut && !sweep.grid ? 'validation and test losses' : 'test loss'} per value` : ''} to \`path\`.`,
    ),
    '    try:',
    '        import matplotlib',
    '    except ImportError:',
    '        print("--plot needs matplotlib (pip install matplotlib)")',
    '        return',
    '    matplotlib.use("Agg")',
    '    import matplotlib.pyplot as plt',
    '',
    sweep ? '    fig, (losses, chart) = plt.subplots(1, 2, figsize=(13, 5))' : '    fig, losses = plt.subplots(figsize=(8, 5))',
    ...curves,
    ...sweepPanel,
    `    fig.suptitle(${title})`,
    '    fig.tight_layout()',
    '    fig.savefig(path)',
    '    print(f"Saved the plot to {path}")',
  );
}

/** A log scale when the values span two decades, symlog when 0 is among them. */
function xScale(values: number[]): string {
  const positive = values.filter((v) => v > 0);
  if (positive.length < 2 || Math.max(...positive) / Math.min(...positive) < 100) return '';
  if (values.some((v) => v <= 0)) return `    chart.set_xscale("symlog", linthresh=${pyFloat(Math.min(...positive))})`;
  return '    chart.set_xscale("log")';
}

/** One `parser.add_argument` line for an option taking a FILE. */
function argument(option: string, help: string): string {
  return call('parser.add_argument', [pyStr(option), 'metavar="FILE"', `help=${pyStr(help)}`], 1);
}

export function mainFunction(plan: Plan): string {
  const exact = plan.exact;
  const sweep = plan.sweep !== undefined;
  return lines(
    'def main():',
    '    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])',
    exact && argument('--exact', "Reglab's data, initial weights, shuffles and dropout masks in FILE"),
    exact && argument('--save-weights', "write every run's trained weights to FILE as JSON"),
    argument('--plot', 'save the loss curves to FILE (e.g. losses.png); needs matplotlib'),
    '    args = parser.parse_args()',
    exact && '    saved = Saved(args.exact) if args.exact else None',
    '',
    exact ? '    trained, curves, finals = {}, {}, {}' : '    curves, finals = {}, {}',
    '    for name, s in VARIANTS.items():',
    exact && '        run_saved = saved.variant(name) if saved else None',
    exact ? '        trained[name], curves[name], finals[name] = run(name, s, run_saved)' : '        _, curves[name], finals[name] = run(name, s)',
    '    print()',
    '    for name, final in finals.items():',
    '        if final is None:',
    '            print(f"{name}: diverged")',
    '        else:',
    '            train, test = final["train_loss"], final["test_loss"]',
    '            print(f"{name}: final train loss {train:.6g}, test loss {test:.6g}")',
    sweep && (exact ? '    points = sweep(saved, trained)' : '    points = sweep()'),
    exact && '    if args.save_weights:',
    exact && '        save_weights(trained, args.save_weights)',
    '    if args.plot:',
    `        plot(curves, ${sweep ? 'points, ' : ''}args.plot)`,
  );
}

/**
 * `print(...)` of adjacent f-strings (Python joins them): on one line when it fits in 88
 * columns, else one part per line, so a long swept field's name never overflows.
 */
function printParts(level: number, parts: readonly string[]): string {
  const pad = '    '.repeat(level);
  const joined = parts.map((p, i) => (i === 0 ? p.slice(0, -1) : p.slice(2, -1))).join('') + '"';
  const one = `${pad}print(${joined})`;
  if (one.length <= 88) return one;
  return [`${pad}print(`, ...parts.map((p) => `${pad}    ${p}`), `${pad})`].join('\n');
}
