// Exact mode: the numbers Reglab draws for each run (its data set, its initial weights,
// for shuffled minibatches the order of the samples in every epoch, and with dropout the
// seed of its mask generator), saved as JSON beside the script so that the script can train
// from the very same start, drop the very same units, and the two trajectories can be
// compared step by step. Dropout masks are not saved (millions of bits for a long run):
// the script re-implements Reglab's generator, mulberry32, whose 32-bit integer steps
// numpy reproduces exactly, and draws them as Reglab does. Numbers are written in their shortest
// round-trip form, so Python's json reads back the exact doubles. Runs that share a seed
// share their data (and usually their initial weights): each is stored once and the runs
// refer to it by index.
import type { Dataset, Split } from '../data/index.ts';
import type { RunConfig } from '../experiment/schema/experiment.ts';
import * as E from '../engine/index.ts';
import { deriveSeed } from '../experiment/train/seeds.ts';
import { setupModel } from '../experiment/train/setup.ts';
import { trainedCount } from './holdout.ts';
import { shuffled } from './loop.ts';
import type { ExportRun, Plan } from './plan.ts';
import { docstring, lines } from './python.ts';

interface Refs {
  data: number;
  init: number;
  shuffle?: number;
  dropout?: number;
}

/** Whether a run drops units anywhere (one p for every hidden layer, or one per layer). */
export function dropsUnits(config: RunConfig): boolean {
  const d = config.regularization.dropout;
  return config.model.hidden.length > 0 && (typeof d === 'number' ? d > 0 : d.some((p) => p > 0));
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
  const dropoutSeeds = new Table<number>();
  const refsOf = (run: ExportRun): Refs => {
    const { config, seed } = run.spec;
    const n = trainedCount(run); // the samples trained on: without the validation ones
    const refs: Refs = {
      data: data.ref(`${seed} ${JSON.stringify(config.data)}`, () => dataLists(run.data)),
      init: init.ref(`${seed} ${config.model.initPerVariant ? run.spec.variant ?? 'base' : ''} ${JSON.stringify([config.model, config.regularization.dropout, config.training.loss, config.dtype, JSON.stringify(config.data)])}`, () =>
        initialWeights(run),
      ),
    };
    if (loader && plan.runs.some((r) => shuffled(r.spec.config, trainedCount(r)))) {
      const shuffle = shuffled(config, n);
      refs.shuffle = orders.ref(`${seed} ${n} ${config.training.epochs} ${shuffle}`, () => sampleOrders(seed, n, config.training.epochs, shuffle));
    }
    if (dropsUnits(config)) refs.dropout = dropoutSeeds.ref(String(seed), () => deriveSeed(seed, 'dropout'));
    return refs;
  };
  const variants = Object.fromEntries(plan.variantRuns.map((r) => [r.name, refsOf(r)]));
  const file: Record<string, unknown> = {
    about:
      `Reglab's own numbers for ${source}, for the exported script's --exact mode: per run, indices into "data" ` +
      '([x_train, y_train, x_test, y_test]), "init" (the initial state_dict, PyTorch layout), "shuffle" (the sample order of every epoch) ' +
      'and "dropout" (the 32-bit state its dropout mask generator, mulberry32, starts from).',
    variants,
  };
  if (plan.sweep) {
    // [value][repeat]; with sweep.grid [value][grid value][repeat]; with data.folds, [fold] after.
    const sweep: Record<string, unknown[]> = {};
    for (const run of plan.runs.filter((r) => r.spec.kind === 'sweep')) {
      const path = [run.valueIndex!, ...(run.gridIndex === undefined ? [] : [run.gridIndex]), run.spec.repeat, ...(run.spec.fold === undefined ? [] : [run.spec.fold])];
      let node = (sweep[run.name] ??= []);
      for (const index of path.slice(0, -1)) node = (node[index] ??= []) as unknown[];
      node[path.at(-1)!] = refsOf(run);
    }
    file.sweep = sweep;
  }
  file.data = data.values;
  file.init = init.values;
  if (orders.values.length > 0) file.shuffle = orders.values;
  if (dropoutSeeds.values.length > 0) file.dropout = dropoutSeeds.values;
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
  const { model } = setupModel(run.spec.config, run.data, run.spec.seed, run.spec.variant ?? 'base');
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
  const folds = plan.holdOut?.kind === 'folds';
  const indices = ['value_index', ...(plan.sweep?.grid ? ['grid_index'] : []), 'repeat', ...(folds ? ['fold'] : [])];
  return lines(
    'class Saved:',
    docstring(
      'Reglab\'s own data, initial weights, shuffling orders and dropout seeds of every run, from the --exact file. ' +
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
    plan.sweep && `    def sweep(self, name, ${indices.join(', ')}):`,
    plan.sweep && `        return self.run(self.file["sweep"][name]${indices.map((i) => `[${i}]`).join('')})`,
    plan.sweep && '',
    '    def run(self, refs):',
    '        return {part: self.file[part][index] for part, index in refs.items()}',
  );
}

/**
 * The Python side of Reglab's dropout: its generator (mulberry32) and an nn.Dropout that
 * draws its masks from it, element by element in row-major order, dropping where the
 * draw is below p, as Reglab's kernel does; eval mode and p = 0 are the identity.
 */
export function dropoutReplay(): string {
  return lines(
    'class Mulberry32:',
    docstring(
      "Reglab's random generator: a 32-bit state advanced by 0x6D2B79F5 per draw and mixed into a 32-bit " +
        'output. Draw k of a batch depends only on the state plus k steps, so numpy computes a whole batch of ' +
        "them at once, with unsigned 64-bit arithmetic masked to 32 bits: the same integers as Reglab's.",
    ),
    '',
    '    M32 = np.uint64(0xFFFFFFFF)',
    '',
    '    def __init__(self, state):',
    '        self.state = state',
    '',
    '    def next32(self, n):',
    docstring('The next n outputs, as integers in [0, 2³²).', 2),
    '        m = self.M32',
    '        k = np.arange(1, n + 1, dtype=np.uint64)',
    '        t = (np.uint64(self.state) + k * np.uint64(0x6D2B79F5)) & m',
    '        self.state = int(t[-1]) if n > 0 else self.state',
    '        t = ((t ^ (t >> np.uint64(15))) * (t | np.uint64(1))) & m',
    '        t ^= (t + (((t ^ (t >> np.uint64(7))) * (t | np.uint64(61))) & m)) & m',
    '        return t ^ (t >> np.uint64(14))',
    '',
    '',
    'class ReglabDropout(nn.Dropout):',
    docstring(
      "nn.Dropout(p) with Reglab's masks: element i of the input (row-major) is dropped when the next " +
        'draw u = r / 2³² is below p, and kept scaled by 1/(1 − p) otherwise (1 − p and its inverse in ' +
        "the input's dtype, as torch computes them); the layers of a model share one generator.",
    ),
    '',
    '    def __init__(self, p, generator):',
    '        super().__init__(p)',
    '        self.generator = generator',
    '',
    '    def forward(self, x):',
    '        if not self.training or self.p == 0:',
    '            return x',
    '        drop = self.generator.next32(x.numel()) < self.p * 2.0**32',
    '        keep = 1 / torch.tensor(1 - self.p, dtype=x.dtype)',
    '        dropped = torch.from_numpy(drop).reshape(x.shape)',
    '        return x * torch.where(dropped, torch.zeros((), dtype=x.dtype), keep)',
    '',
    '',
    'def replay_dropout(model, state):',
    docstring("Swaps every nn.Dropout of the model for one that draws Reglab's masks, from the saved state."),
    '    generator = Mulberry32(state)',
    '    for index, layer in enumerate(model):',
    '        if isinstance(layer, nn.Dropout):',
    '            model[index] = ReglabDropout(layer.p, generator)',
  );
}
