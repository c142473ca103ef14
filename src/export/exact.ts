// Exact mode: the numbers Reglab draws for each run (its data set, its initial weights
// and, for shuffled minibatches, the order of the samples in every epoch), saved as JSON
// beside the script so that the script can train from the very same start and the two
// trajectories can be compared step by step. Numbers are written in their shortest
// round-trip form, so Python's json reads back the exact doubles. Runs that share a seed
// share their data (and usually their initial weights): each is stored once and the runs
// refer to it by index.
import type { Dataset, Split } from '../data/index.ts';
import * as E from '../engine/index.ts';
import { deriveSeed } from '../experiment/train/seeds.ts';
import { setupModel } from '../experiment/train/setup.ts';
import { shuffled } from './loop.ts';
import type { ExportRun, Plan } from './plan.ts';
import { docstring, lines } from './python.ts';

interface Refs {
  data: number;
  init: number;
  shuffle?: number;
}

/** One table of the file: values stored once per distinct key. */
class Table<T> {
  readonly values: T[] = [];
  private readonly index = new Map<string, number>();

  ref(key: string, make: () => T): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.values.push(make()) - 1;
      this.index.set(key, i);
    }
    return i;
  }
}

/** The exact-mode JSON file's text. `loader`: whether the script draws minibatches (and so needs orders). */
export function exactJson(plan: Plan, source: string, loader: boolean): string {
  const data = new Table<unknown[]>();
  const init = new Table<Record<string, unknown>>();
  const orders = new Table<number[][]>();
  const refsOf = (run: ExportRun): Refs => {
    const { config, seed } = run.spec;
    const n = run.data.train.n;
    const refs: Refs = {
      data: data.ref(`${seed} ${JSON.stringify(config.data)}`, () => dataLists(run.data)),
      init: init.ref(`${seed} ${JSON.stringify([config.model, config.regularization.dropout, config.training.loss, config.dtype, JSON.stringify(config.data)])}`, () =>
        initialWeights(run),
      ),
    };
    if (loader && plan.runs.some((r) => shuffled(r.spec.config, r.data.train.n))) {
      const shuffle = shuffled(config, n);
      refs.shuffle = orders.ref(`${seed} ${n} ${config.training.epochs} ${shuffle}`, () => sampleOrders(seed, n, config.training.epochs, shuffle));
    }
    return refs;
  };
  const variants = Object.fromEntries(plan.variantRuns.map((r) => [r.name, refsOf(r)]));
  const file: Record<string, unknown> = {
    about:
      `Reglab's own numbers for ${source}, for the exported script's --exact mode: per run, indices into "data" ` +
      '([x_train, y_train, x_test, y_test]), "init" (the initial state_dict, PyTorch layout) and "shuffle" (the sample order of every epoch).',
    variants,
  };
  if (plan.sweep) {
    const sweep: Record<string, Refs[][]> = {};
    for (const run of plan.runs.filter((r) => r.spec.kind === 'sweep')) {
      const byValue = (sweep[run.name] ??= plan.sweep.values.map(() => []));
      byValue[run.valueIndex!]![run.spec.repeat] = refsOf(run);
    }
    file.sweep = sweep;
  }
  file.data = data.values;
  file.init = init.values;
  if (orders.values.length > 0) file.shuffle = orders.values;
  return JSON.stringify(file);
}

function dataLists(data: Dataset): unknown[] {
  const classes = data.task === 'classification';
  const rows = (split: Split) => Array.from({ length: split.n }, (_, i) => Array.from(split.x.subarray(i * data.inputs, (i + 1) * data.inputs)));
  // Class indices stay integers (torch.tensor makes them int64); BCE's float targets are made by the script.
  const targets = (split: Split) =>
    classes
      ? Array.from(split.y.subarray(0, split.n))
      : Array.from({ length: split.n }, (_, i) => Array.from(split.y.subarray(i * data.outputs, (i + 1) * data.outputs)));
  return [rows(data.train), targets(data.train), rows(data.test), targets(data.test)];
}

/** The initial weights Reglab's runner starts this run from, by state_dict name. */
function initialWeights(run: ExportRun): Record<string, unknown> {
  const { model } = setupModel(run.spec.config, run.data, run.spec.seed);
  return Object.fromEntries(
    model.namedParameters().map(([name, p]) => {
      const values = Array.from(p.data);
      if (p.shape.length === 1) return [name, values];
      const cols = p.shape[1]!;
      return [name, Array.from({ length: p.shape[0]! }, (_, r) => values.slice(r * cols, (r + 1) * cols))];
    }),
  );
}

/** The order of the training samples in each epoch, as Reglab's batcher draws it. */
function sampleOrders(seed: number, n: number, epochs: number, shuffle: boolean): number[][] {
  const rng = new E.Random(deriveSeed(seed, 'shuffle'));
  const identity = Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: epochs }, () => (shuffle ? Array.from(rng.permutation(n)) : identity));
}

/** The Python side: `Saved`, which reads the file and hands each run its part. */
export function savedClass(plan: Plan): string {
  return lines(
    'class Saved:',
    docstring(
      'Reglab\'s own data, initial weights and shuffling orders of every run, from the --exact file. ' +
        'Runs that share a seed share their data: the file stores it once and the runs refer to it by index.',
    ),
    '',
    '    def __init__(self, path):',
    '        with open(path) as f:',
    '            self.file = json.load(f)',
    '',
    '    def variant(self, name):',
    '        return self.run(self.file["variants"][name])',
    '',
    plan.sweep && '    def sweep(self, name, value_index, repeat):',
    plan.sweep && '        return self.run(self.file["sweep"][name][value_index][repeat])',
    plan.sweep && '',
    '    def run(self, refs):',
    '        return {part: self.file[part][index] for part, index in refs.items()}',
  );
}
