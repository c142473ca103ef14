// MNIST (or any data set in its IDX layout: Fashion-MNIST, KMNIST) from the workspace, or,
// when the spec names no file, the 10,000 real digits Reglab ships (bundled-digits.ts).
// Each image becomes one row of rows·cols inputs; the classes are 0 … the largest label.
// limitTrain / limitTest keep the first samples of a file, in file order (no randomness).
import { MNIST_FILE_FIELDS, mnistFilesMessage, readBundledDigits } from './bundled-digits.ts';
import type { Dataset, Split } from './dataset.ts';
import { decodeIdx, IDX_IMAGES, IDX_LABELS, IdxError, type IdxArray } from './idx.ts';
import { SpecReader } from './params.ts';
import { readDataFile, resolveDataFile, type FileOptions } from './paths.ts';
import { DATA_DEFAULTS, type MnistNormalize, type MnistSpec } from './spec.ts';

/** MNIST's pixel mean and standard deviation on the 0–1 scale, as torchvision's examples use. */
const MNIST_MEAN = 0.1307;
const MNIST_STD = 0.3081;

const NORMALIZERS: Record<MnistNormalize, (pixel: number) => number> = {
  unit: (p) => p / 255,
  standard: (p) => (p / 255 - MNIST_MEAN) / MNIST_STD,
  none: (p) => p,
};

type ImageField = 'images' | 'testImages';
type LabelField = 'labels' | 'testLabels';

interface LabelledImages {
  images: IdxArray;
  labels: Uint8Array;
}

export function mnistDataset(spec: MnistSpec, options: FileOptions): Dataset {
  const read = new SpecReader(spec, 'data.mnist');
  const normalize = NORMALIZERS[read.choice<MnistNormalize>('normalize', ['unit', 'standard', 'none'], DATA_DEFAULTS.mnist.normalize)];
  const limitTrain = read.optionalCount('limitTrain');
  const limitTest = read.optionalCount('limitTest');
  const bundled = usesBundledDigits(spec, read);
  const train = bundled ? readBundled('images', 'labels', options) : readPair(read, 'images', 'labels', options);
  const test = bundled ? readBundled('testImages', 'testLabels', options) : readPair(read, 'testImages', 'testLabels', options);
  const [, rows, cols] = train.images.dims as [number, number, number];
  const [, testRows, testCols] = test.images.dims as [number, number, number];
  if (testRows !== rows || testCols !== cols) {
    read.fail(`${spec.testImages} holds ${testRows}×${testCols} images, ${spec.images} holds ${rows}×${cols}`, ['testImages']);
  }
  const inputs = rows * cols;
  let classes = 0;
  for (const { labels } of [train, test]) for (const label of labels) classes = Math.max(classes, label + 1);
  return {
    task: 'classification', inputs, outputs: classes,
    train: toSplit(train, inputs, limitTrain, normalize),
    test: toSplit(test, inputs, limitTest, normalize),
    classNames: Array.from({ length: classes }, (_, k) => String(k)),
  };
}

/** No file named: the bundled digits. Some but not all: an error at the data block. */
function usesBundledDigits(spec: MnistSpec, read: SpecReader): boolean {
  const given = MNIST_FILE_FIELDS.filter((field) => spec[field] !== undefined);
  if (given.length === 0) return true;
  const missing = MNIST_FILE_FIELDS.filter((field) => spec[field] === undefined);
  if (missing.length > 0) read.fail(mnistFilesMessage(missing), []);
  return false;
}

/** The shipped files are Reglab's own: read without the workspace's checks. */
function readBundled(imageField: ImageField, labelField: LabelField, options: FileOptions): LabelledImages {
  const images = decodeIdx(readBundledDigits(imageField, options.preloaded), IDX_IMAGES);
  const labels = decodeIdx(readBundledDigits(labelField, options.preloaded), IDX_LABELS);
  return { images, labels: labels.data };
}

function readPair(read: SpecReader, imageField: ImageField, labelField: LabelField, options: FileOptions): LabelledImages {
  const images = readIdx(read, imageField, IDX_IMAGES, options);
  const labels = readIdx(read, labelField, IDX_LABELS, options);
  const nImages = images.dims[0]!;
  const nLabels = labels.dims[0]!;
  if (nImages !== nLabels) {
    read.fail(`${read.string(labelField)} holds ${nLabels} labels but ${read.string(imageField)} holds ${nImages} images`, [labelField]);
  }
  return { images, labels: labels.data };
}

function readIdx(read: SpecReader, field: ImageField | LabelField, magic: number, options: FileOptions): IdxArray {
  const file = resolveDataFile(read, field, options);
  try {
    return decodeIdx(readDataFile(read, field, file, options), magic, options.maxBytes);
  } catch (error) {
    if (!(error instanceof IdxError)) throw error;
    return read.fail(`${read.string(field)} ${error.message}`, [field]);
  }
}

function toSplit(pair: LabelledImages, inputs: number, limit: number | undefined, normalize: (p: number) => number): Split {
  const n = Math.min(pair.labels.length, limit ?? Infinity);
  const x = new Float64Array(n * inputs);
  const pixels = pair.images.data;
  for (let k = 0; k < x.length; k++) x[k] = normalize(pixels[k]!);
  return { x, y: Float64Array.from(pair.labels.subarray(0, n)), n };
}
