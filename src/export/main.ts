// The script's entry point: the variants in turn, then the sweep with its mean ± std table,
// and on request the trained weights as JSON (exact mode) and a plot (when matplotlib is
// there: the script itself needs nothing but torch).
import { widthTarget } from '../experiment/width.ts';
import { pyName } from './fields.ts';
import type { Plan } from './plan.ts';
import { call, docstring, lines, pyFloat, pyStr } from './python.ts';

/** `sweep(...)` and its `summarize` helper. */
export function sweepFunction(plan: Plan): string {
  const sweep = plan.sweep!;
  const name = pyName(sweep.over);
  const seeds = sweep.repeats > 1;
  const folds = plan.holdOut?.kind === 'folds';
  const validated = plan.holdOut !== undefined;
  // Several runs per value: over seeds (repeats), or over the folds of cross-validation.
  const repeats = seeds || folds;
  const exact = plan.exact;
  const runOne = (indentLevel: number, seed: string, label: string, savedArgs: string) => {
    const pad = '    '.repeat(indentLevel);
    const foldArg = folds ? (exact ? ', fold' : ', fold=fold') : '';
    return lines(
      ...setValue(pad, sweep.over, seed),
      `${pad}label = f"{name} ${name}={value!r}${label}${folds ? ' fold {fold}' : ''}"`,
      exact && `${pad}run_saved = saved.sweep(name, i, ${savedArgs}${folds ? ', fold' : ''}) if saved else None`,
      exact ? `${pad}trained[label], _, final = run(label, s, run_saved${foldArg})` : `${pad}_, _, final = run(label, s${foldArg})`,
    );
  };
  const depth = 3 + (seeds ? 1 : 0) + (folds ? 1 : 0);
  const inner = '    '.repeat(depth);
  const params = exact ? 'saved, trained' : '';
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
    docstring(`Trains every swept variant at each value of ${name}; prints and returns the final losses per value.`),
    '    points = []',
    '    for name in SWEPT_VARIANTS:',
    '        base = VARIANTS[name]',
    `        for ${exact ? 'i, value in enumerate(SWEEP_VALUES)' : 'value in SWEEP_VALUES'}:`,
    ...(repeats
      ? [
          '            finals = []',
          seeds && '            for repeat in range(SWEEP_REPEATS):',
          folds && `${'    '.repeat(depth - 1)}for fold in range(FOLDS):`,
          runOne(depth, seeds ? ', seed=base.seed + repeat' : '', seeds ? ' #{repeat}' : '', seeds ? 'repeat' : '0'),
          `${inner}if final is not None:`,
          `${inner}    finals.append(final)`,
          '            points.append((name, value, finals))',
        ]
      : [runOne(3, '', '', '0'), '            points.append((name, value, [] if final is None else [final]))']),
    seeds
      ? printParts(1, [`f"\\nSweep of ${name}: final losses"`, `f" (mean ± std, {SWEEP_REPEATS} seeds${folds ? ' × {FOLDS} folds' : ''})"`])
      : folds
        ? printParts(1, [`f"\\nSweep of ${name}: final losses"`, 'f" (mean ± std over {FOLDS} folds)"'])
        : `    print("\\nSweep of ${name}: final losses")`,
    '    for name, value, finals in points:',
    '        train = summarize([f["train_loss"] for f in finals])',
    validated && '        validation = summarize([f["validation_loss"] for f in finals])',
    '        test = summarize([f["test_loss"] for f in finals])',
    validated
      ? printParts(2, [`f"[{name}] ${name}={value!r}: "`, 'f"train loss {train}, "', 'f"validation loss {validation}, test loss {test}"'])
      : printParts(2, [`f"[{name}] ${name}={value!r}: "`, 'f"train loss {train}, test loss {test}"']),
    validated && '    choose(points)',
    '    return points',
  );
}

/**
 * The lines that make the swept settings `s`: replace() of the field, and for a width sweep
 * the hidden sizes built first (every layer, or layer N alone).
 */
function setValue(pad: string, over: string, seed: string): string[] {
  const width = widthTarget(over);
  if (width === undefined) return [`${pad}s = replace(base, ${pyName(over)}=value${seed})`];
  const hidden =
    width === 'all'
      ? `${pad}hidden = (value,) * len(base.hidden)  # every hidden layer this wide`
      : `${pad}hidden = base.hidden[:${width}] + (value,) + base.hidden[${width + 1}:]  # layer ${width}`;
  return [hidden, `${pad}s = replace(base, hidden=hidden${seed})`];
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
  const sweepPanel = sweep
    ? [
        '    for name in SWEPT_VARIANTS:',
        '        done = [(value, finals) for n, value, finals in points if n == name and finals]',
        '        means = [statistics.mean(f["test_loss"] for f in finals) for _, finals in done]',
        '        chart.plot([value for value, _ in done], means, "o-", label=name)',
        `    chart.set(xlabel=${pyStr(pyName(sweep.over))}, ylabel="final test loss", yscale="log")`,
        xScale(sweep.values),
        '    chart.legend(fontsize="small")',
      ].filter((l) => l !== '')
    : [];
  return lines(
    `def plot(curves, ${sweep ? 'points, ' : ''}path):`,
    docstring(`Saves the train and test loss curves of the variants${sweep ? ' and the sweep\'s final test loss per value' : ''} to \`path\`.`),
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
