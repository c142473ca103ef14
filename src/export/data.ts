// The script's data: `make_data(s)`, Reglab's generator reimplemented with torch's RNG (the
// same distributions and the same draw order, not the same numbers), or the CSV and IDX
// files read from disk. Exact mode loads Reglab's own numbers instead (exact.ts).
import { relative, resolve } from 'node:path';
import { BUNDLED_DIGITS_FILES, bundledDigitsDir } from '../data/bundled-digits.ts';
import type { DataConfig } from '../experiment/schema/experiment.ts';
import type { Plan } from './plan.ts';
import { docstring, lines, pyStr } from './python.ts';

type Generator = DataConfig['generator'];

/** The experiment file's folder (data paths start there) and the script's. */
export interface DataDirs {
  dataDir: string;
  outDir: string;
}

/** The whole `make_data` function (and its helpers) for the runs' generator. */
export function dataSection(plan: Plan, dirs: DataDirs): string {
  const generators = plan.values('data.generator') as Generator[];
  if (generators.length > 1) {
    throw new Error(`the variants use different data generators (${generators.join(', ')}); export them one at a time with --variant`);
  }
  const generator = generators[0]!;
  switch (generator) {
    case 'line':
    case 'sine':
    case 'polynomial':
      return curve(plan, generator);
    case 'd2l':
      return d2l(plan);
    case 'circles':
      return circles(plan);
    case 'xor':
      return xor(plan);
    case 'gaussian':
      return gaussian(plan);
    case 'spiral':
      return spiral(plan);
    case 'moons':
      return moons(plan);
    case 'blobs':
      return blobs(plan);
    case 'csv':
      return csvData(plan, dirs);
    case 'mnist':
      return mnist(plan, dirs);
  }
}

/** The last line of make_data when one `sample(n)` draws each split. */
const sampleBoth = (plan: Plan) => `    return (*sample(${plan.s('data.train')}), *sample(${plan.s('data.test')}))`;

function curve(plan: Plan, generator: 'line' | 'sine' | 'polynomial'): string {
  const truths = {
    line: () => ({ doc: 'y = slope·x + intercept', body: `${plan.s('data.slope')} * x + ${plan.s('data.intercept')}` }),
    sine: () => ({
      doc: 'y = amplitude·sin(frequency·x + phase)',
      body: `${plan.s('data.amplitude')} * torch.sin(${plan.s('data.frequency')} * x + ${plan.s('data.phase')})`,
    }),
    polynomial: () => ({ doc: 'y = c0 + c1·x + c2·x² + …', body: `sum(c * x**k for k, c in enumerate(${plan.s('data.coefficients')}))` }),
  };
  const truth = truths[generator]();
  const linspace = `torch.linspace(low, high, ${plan.s('data.train')}).unsqueeze(1)`;
  const uniform = (n: string) => `low + (high - low) * torch.rand(${n}, 1)`;
  const spacing = plan.ref('data.spacing');
  const xTrain =
    spacing === '"linspace"' ? linspace : spacing === '"uniform"' ? uniform('s.train') : `${linspace} if ${spacing} == "linspace" else ${uniform('s.train')}`;
  const placement = spacing === '"linspace"' ? 'evenly spaced over x' : spacing === '"uniform"' ? 'uniform in x' : 'placed by spacing in x';
  const testAt = plan.ref('data.testAt');
  const testX =
    testAt === '"train"' ? 'x_train.clone()' : testAt === '"uniform"' ? uniform(plan.s('data.test')) : `x_train.clone() if ${testAt} == "train" else ${uniform(plan.s('data.test'))}`;
  const testPlaces = testAt === '"train"' ? 'test x the train x (fresh noise)' : testAt === '"uniform"' ? 'test x uniform in it' : 'test x placed by test_at';
  const testCount = testAt === '"train"' ? 'len(x_test)' : testAt === '"uniform"' ? plan.s('data.test') : 'len(x_test)';
  return lines(
    'def make_data(s):',
    docstring(`${truth.doc} + N(0, noise²): train x ${placement}, ${testPlaces}.`),
    '',
    '    def truth(x):',
    `        return ${truth.body}`,
    '',
    `    low, high = ${plan.s('data.x')}`,
    `    x_train = ${xTrain}`,
    `    y_train = truth(x_train) + ${plan.s('data.trainNoise')} * torch.randn(s.train, 1)`,
    `    x_test = ${testX}`,
    `    y_test = truth(x_test) + ${plan.s('data.testNoise')} * torch.randn(${testCount}, 1)`,
    '    return x_train, y_train, x_test, y_test',
  );
}

function d2l(plan: Plan): string {
  return lines(
    'def make_data(s):',
    docstring('d2l\'s high-dimensional linear regression: X ~ N(0, 1), y = X·w* + b* + N(0, noise²).'),
    `    true_w = torch.full((${plan.s('data.features')}, 1), ${plan.s('data.trueWeight')})`,
    plan.some((c) => c.data.generator === 'd2l' && c.data.support !== undefined) &&
      lines(`    if ${plan.s('data.support')} is not None:  # a sparse truth`, `        true_w[${plan.s('data.support')}:] = 0`),
    '',
    '    def sample(n):',
    '        x = torch.randn(n, s.features)',
    `        return x, x @ true_w + ${plan.s('data.trueBias')} + ${plan.s('data.noise')} * torch.randn(n, 1)`,
    '',
    sampleBoth(plan),
  );
}

/** Two classes drawn one after the other (class 1's ⌈n/2⌉ points first), then shuffled. */
function twoClasses(plan: Plan, doc: string, helper: string[], draw: (count: string, cls: 1 | 0) => string): string {
  plan.s('data.noise');
  return lines(
    'def make_data(s):',
    docstring(doc),
    '',
    ...helper,
    '    def sample(n):',
    `        x1, y1 = ${draw('n - n // 2', 1)}`,
    `        x0, y0 = ${draw('n // 2', 0)}`,
    '        order = torch.randperm(n)',
    '        return torch.cat([x1, x0])[order], torch.cat([y1, y0])[order]',
    '',
    sampleBoth(plan),
  );
}

function circles(plan: Plan): string {
  plan.needs('import math');
  return twoClasses(
    plan,
    "TensorFlow Playground's circles: class 1 in the disc of radius 2.5, class 0 in the ring from 3.5 to 5. " +
      'A label is decided at the point moved by U(-5, 5)·noise per coordinate, so noise flips labels near the boundary.',
    [
      '    def ring(count, r_low, r_high):',
      '        r = r_low + (r_high - r_low) * torch.rand(count)',
      '        angle = 2 * math.pi * torch.rand(count)',
      '        x = torch.stack([r * torch.sin(angle), r * torch.cos(angle)], dim=1)',
      '        moved = x + s.noise * (10 * torch.rand(count, 2) - 5)',
      '        return x, (moved.norm(dim=1) < 2.5).long()',
      '',
    ],
    (count, cls) => (cls === 1 ? `ring(${count}, 0, 2.5)` : `ring(${count}, 3.5, 5)`),
  );
}

function xor(plan: Plan): string {
  return lines(
    'def make_data(s):',
    docstring(
      'TensorFlow Playground\'s xor: points in [-5, 5]², pushed 0.3 off the axes, labelled by the sign of x1·x2 ' +
        'at the point moved by U(-5, 5)·noise per coordinate.',
    ),
    '',
    '    def sample(n):',
    '        x = 10 * torch.rand(n, 2) - 5',
    '        x = torch.where(x > 0, x + 0.3, x - 0.3)',
    `        moved = x + ${plan.s('data.noise')} * (10 * torch.rand(n, 2) - 5)`,
    '        return x, (moved[:, 0] * moved[:, 1] >= 0).long()',
    '',
    sampleBoth(plan),
  );
}

function gaussian(plan: Plan): string {
  plan.needs('import math');
  return twoClasses(
    plan,
    "TensorFlow Playground's gaussian: two blobs of variance 0.5 + 7·noise around (2, 2) (class 1) and (-2, -2) (class 0).",
    ['    std = math.sqrt(0.5 + 7 * s.noise)', '', '    def blob(count, centre, label):', '        return centre + std * torch.randn(count, 2), torch.full((count,), label)', ''],
    (count, cls) => (cls === 1 ? `blob(${count}, 2.0, 1)` : `blob(${count}, -2.0, 0)`),
  );
}

function spiral(plan: Plan): string {
  plan.needs('import math');
  return twoClasses(
    plan,
    "TensorFlow Playground's spiral: two arms of 1.75 turns out to radius 5, half a turn apart, each coordinate moved by U(-1, 1)·noise.",
    [
      '    def arm(count, turn, label):',
      '        t = torch.arange(count) / count',
      '        angle = 1.75 * 2 * math.pi * t + turn',
      '        x = torch.stack([5 * t * torch.sin(angle), 5 * t * torch.cos(angle)], dim=1)',
      '        return x + s.noise * (2 * torch.rand(count, 2) - 1), torch.full((count,), label)',
      '',
    ],
    (count, cls) => (cls === 1 ? `arm(${count}, 0.0, 1)` : `arm(${count}, math.pi, 0)`),
  );
}

function moons(plan: Plan): string {
  plan.needs('import math');
  return lines(
    'def make_data(s):',
    docstring(
      'scikit-learn\'s make_moons: two interleaving half circles (class 0 the upper one), shuffled, with ' +
        'Gaussian noise of std `noise` added to each coordinate.',
    ),
    '',
    '    def sample(n):',
    '        outer = torch.linspace(0, math.pi, n // 2)',
    '        inner = torch.linspace(0, math.pi, n - n // 2)',
    '        x = torch.cat([',
    '            torch.stack([torch.cos(outer), torch.sin(outer)], dim=1),',
    '            torch.stack([1 - torch.cos(inner), 0.5 - torch.sin(inner)], dim=1),',
    '        ])',
    '        y = torch.cat([torch.zeros(n // 2), torch.ones(n - n // 2)]).long()',
    '        order = torch.randperm(n)',
    `        return x[order] + ${plan.s('data.noise')} * torch.randn(n, 2), y[order]`,
    '',
    sampleBoth(plan),
  );
}

function blobs(plan: Plan): string {
  return lines(
    'def make_data(s):',
    docstring(
      'Gaussian blobs, one per class: centres ~ N(0, center_scale²) per feature, samples at centre + N(0, spread²); ' +
        'the classes are balanced, in random order.',
    ),
    `    centres = ${plan.s('data.centerScale')} * torch.randn(${plan.s('data.classes')}, ${plan.s('data.features')})`,
    '',
    '    def sample(n):',
    '        y = torch.randperm(n) % s.classes',
    `        return centres[y] + ${plan.s('data.spread')} * torch.randn(n, s.features), y`,
    '',
    sampleBoth(plan),
  );
}

const HERE = 'HERE = Path(__file__).resolve().parent  # data paths are relative to this script';

/** A data file named in the experiment, as a path beside the script: HERE / "…". */
function scriptPath(plan: Plan, dirs: DataDirs, key: 'path' | 'testPath' | 'images' | 'labels' | 'testImages' | 'testLabels'): string {
  const written = plan.value<string>(`data.${key}`);
  if (plan.varies(`data.${key}`)) throw new Error(`the variants read different data files (data.${key}); export them one at a time with --variant`);
  plan.needs('from pathlib import Path');
  const path = relative(resolve(dirs.outDir), resolve(dirs.dataDir, written)).split('\\').join('/');
  return `HERE / ${pyStr(path)}`;
}

function csvData(plan: Plan, dirs: DataDirs): string {
  plan.needs('import csv');
  for (const key of ['features', 'target', 'task', 'testPath'] as const) {
    if (plan.varies(`data.${key}`)) throw new Error(`the variants differ in data.${key}; export them one at a time with --variant`);
  }
  const classification = plan.value('data.task') === 'classification';
  const testFile = plan.value('data.testPath') !== undefined;
  if (!testFile) plan.needs('import math');
  const what = classification ? 'holds the class (its distinct values, sorted, are the classes)' : 'is the value to predict';
  return lines(
    HERE,
    ...(testFile
      ? [`TRAIN_FILE = ${scriptPath(plan, dirs, 'path')}`, `TEST_FILE = ${scriptPath(plan, dirs, 'testPath')}`]
      : [`DATA_FILE = ${scriptPath(plan, dirs, 'path')}`]),
    `FEATURES = [${plan.value<string[]>('data.features').map(pyStr).join(', ')}]`,
    `TARGET = ${pyStr(plan.value<string>('data.target'))}`,
    '',
    '',
    'def read_csv(path):',
    docstring('The rows of a CSV file with a header row, as dicts keyed by the column names.'),
    '    with open(path, newline="") as f:',
    '        reader = csv.reader(f)',
    '        header = [name.strip() for name in next(reader)]',
    '        return [dict(zip(header, row)) for row in reader if row]',
    '',
    '',
    `def make_data(${testFile ? '' : 's'}):`,
    docstring(`The FEATURES columns are the inputs; TARGET ${what}.`),
    testFile ? '    train_rows, test_rows = read_csv(TRAIN_FILE), read_csv(TEST_FILE)' : '    rows = read_csv(DATA_FILE)',
    testFile && '    rows = train_rows + test_rows',
    '    x = torch.tensor([[float(row[name]) for name in FEATURES] for row in rows])',
    ...(classification
      ? [
          '    labels = [row[TARGET].strip() for row in rows]',
          '    try:',
          '        labels = [float(label) for label in labels]  # numeric labels sort as numbers',
          '    except ValueError:',
          '        pass',
          '    classes = sorted(set(labels))',
          '    y = torch.tensor([classes.index(label) for label in labels])',
        ]
      : ['    y = torch.tensor([[float(row[TARGET])] for row in rows])']),
    ...(testFile
      ? ['    n = len(train_rows)', '    return x[:n], y[:n], x[n:], y[n:]']
      : [
          '    # test_fraction of the rows, drawn at random, are held out for testing.',
          '    order = torch.randperm(len(rows))',
          `    n_train = math.floor(len(rows) * (1 - ${plan.s('data.testFraction')}) + 0.5)`,
          '    train, test = order[:n_train], order[n_train:]',
          '    return x[train], y[train], x[test], y[test]',
        ]),
  );
}

function mnist(plan: Plan, dirs: DataDirs): string {
  plan.needs('import gzip');
  plan.needs('import struct');
  const normalize = plan.ref('data.normalize');
  const scale: Record<string, string> = {
    '"unit"': 'pixels / 255',
    '"standard"': "(pixels / 255 - 0.1307) / 0.3081  # MNIST's mean and std",
    '"none"': 'pixels.to(torch.get_default_dtype())',
  };
  const scaling =
    scale[normalize] !== undefined
      ? [`        x = ${scale[normalize]}`]
      : [
          `        if ${normalize} == "unit":`,
          `            x = ${scale['"unit"']}`,
          `        elif ${normalize} == "standard":`,
          `            x = ${scale['"standard"']}`,
          '        else:',
          `            x = ${scale['"none"']}`,
        ];
  const limited = plan.some((c) => 'limitTrain' in c.data && (c.data.limitTrain !== undefined || c.data.limitTest !== undefined));
  const bundled = !plan.varies('data.images') && plan.value('data.images') === undefined;
  const files = bundled
    ? [
        '# Reglab\'s bundled digits (10,000 of MNIST: 8,004 train, 1,996 test), in the',
        '# folder where Reglab is installed. To run this script on another machine, copy',
        '# that folder and point DIGITS at the copy.',
        `DIGITS = Path(${pyStr(bundledDigitsDir())})`,
        `TRAIN_IMAGES = DIGITS / ${pyStr(BUNDLED_DIGITS_FILES.images)}`,
        `TRAIN_LABELS = DIGITS / ${pyStr(BUNDLED_DIGITS_FILES.labels)}`,
        `TEST_IMAGES = DIGITS / ${pyStr(BUNDLED_DIGITS_FILES.testImages)}`,
        `TEST_LABELS = DIGITS / ${pyStr(BUNDLED_DIGITS_FILES.testLabels)}`,
      ]
    : [
        `TRAIN_IMAGES = ${scriptPath(plan, dirs, 'images')}`,
        `TRAIN_LABELS = ${scriptPath(plan, dirs, 'labels')}`,
        `TEST_IMAGES = ${scriptPath(plan, dirs, 'testImages')}`,
        `TEST_LABELS = ${scriptPath(plan, dirs, 'testLabels')}`,
      ];
  if (bundled) plan.needs('from pathlib import Path');
  return lines(
    bundled ? undefined : HERE,
    ...files,
    '',
    '',
    'def read_idx(path):',
    docstring('An IDX file (MNIST\'s format, plain or gzipped) as a uint8 tensor of the shape its header gives.'),
    '    data = path.read_bytes()',
    '    if data[:2] == b"\\x1f\\x8b":',
    '        data = gzip.decompress(data)',
    '    dims = data[3]',
    '    shape = struct.unpack(f">{dims}I", data[4:4 + 4 * dims])',
    '    pixels = torch.frombuffer(bytearray(data[4 + 4 * dims:]), dtype=torch.uint8)',
    '    return pixels.reshape(shape)',
    '',
    '',
    `def make_data(${normalize.startsWith('s.') || limited ? 's' : ''}):`,
    docstring(`MNIST from its IDX files: each image one row of pixels${limited ? ', only the first limit_train / limit_test images' : ''}.`),
    '',
    limited ? '    def split(images, labels, limit):' : '    def split(images, labels):',
    `        pixels = read_idx(images)${limited ? '[:limit]' : ''}.flatten(1)`,
    ...scaling,
    `        return x, read_idx(labels)${limited ? '[:limit]' : ''}.long()`,
    '',
    limited
      ? lines(
          `    x_train, y_train = split(TRAIN_IMAGES, TRAIN_LABELS, ${plan.s('data.limitTrain')})`,
          `    x_test, y_test = split(TEST_IMAGES, TEST_LABELS, ${plan.s('data.limitTest')})`,
          '    return x_train, y_train, x_test, y_test',
        )
      : '    return (*split(TRAIN_IMAGES, TRAIN_LABELS), *split(TEST_IMAGES, TEST_LABELS))',
  );
}
