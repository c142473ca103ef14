import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadDataset, type MnistSpec } from '../../../src/data/index.ts';
import { assertDataError, tempDir } from './helpers.ts';

const dir = tempDir('mnist');

function idx(magic: number, dims: number[], data: number[]): Buffer {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE(magic, 0);
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([header, Buffer.from(data)]);
}

// Three 2×2 train images and two test images; labels 0, 9, 3 and 1, 2.
const trainPixels = [0, 255, 51, 102, 10, 20, 30, 40, 255, 255, 0, 0];
const testPixels = [1, 2, 3, 4, 5, 6, 7, 8];
writeFileSync(join(dir, 'train-images-idx3-ubyte'), idx(0x803, [3, 2, 2], trainPixels));
writeFileSync(join(dir, 'train-labels-idx1-ubyte'), idx(0x801, [3], [0, 9, 3]));
writeFileSync(join(dir, 't10k-images-idx3-ubyte.gz'), gzipSync(idx(0x803, [2, 2, 2], testPixels)));
writeFileSync(join(dir, 't10k-labels-idx1-ubyte.gz'), gzipSync(idx(0x801, [2], [1, 2])));

const FILES: MnistSpec = {
  generator: 'mnist',
  images: 'train-images-idx3-ubyte',
  labels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte.gz',
  testLabels: 't10k-labels-idx1-ubyte.gz',
};
const load = (spec: Partial<MnistSpec>) => loadDataset({ ...FILES, ...spec }, { seed: 1, baseDir: dir, workspaceRoot: dir });

test('mnist: plain and gzipped IDX files, scaled to [0, 1] by default', () => {
  const ds = load({});
  assert.equal(ds.task, 'classification');
  assert.equal(ds.inputs, 4);
  assert.equal(ds.outputs, 10, 'classes 0 … the largest label');
  assert.deepEqual(ds.classNames, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  assert.equal(ds.train.n, 3);
  assert.deepEqual([...ds.train.x], trainPixels.map((p) => p / 255));
  assert.deepEqual([...ds.train.y], [0, 9, 3]);
  assert.equal(ds.test.n, 2);
  assert.deepEqual([...ds.test.x], testPixels.map((p) => p / 255));
  assert.deepEqual([...ds.test.y], [1, 2]);
});

test('mnist: normalize "standard" and "none", limitTrain and limitTest', () => {
  const standard = load({ normalize: 'standard' });
  assert.ok(Math.abs(standard.train.x[0]! - (0 - 0.1307) / 0.3081) < 1e-12);
  assert.ok(Math.abs(standard.train.x[1]! - (1 - 0.1307) / 0.3081) < 1e-12);
  assert.deepEqual([...load({ normalize: 'none' }).test.x], testPixels);
  const limited = load({ limitTrain: 2, limitTest: 5 });
  assert.equal(limited.train.n, 2);
  assert.equal(limited.train.x.length, 8);
  assert.deepEqual([...limited.train.y], [0, 9]);
  assert.equal(limited.test.n, 2, 'a limit above the file size keeps the whole file');
  assertDataError(() => load({ limitTrain: 0 }), /"limitTrain" must be an integer ≥ 1/, ['limitTrain']);
  assertDataError(() => load({ normalize: 'z' as 'unit' }), /"normalize" must be one of "unit", "standard", "none"/, ['normalize']);
});

test('mnist: wrong magic, truncated files, mismatched counts and shapes are errors naming the file', () => {
  writeFileSync(join(dir, 'swapped'), idx(0x801, [3], [0, 9, 3]));
  assertDataError(
    () => load({ images: 'swapped' }),
    /^data\.mnist: swapped is not an IDX file of u8 images \[n, rows, cols\]: magic number 0x00000801, expected 0x00000803$/,
    ['images'],
  );
  writeFileSync(join(dir, 'text.gz'), 'not gzip at all');
  assertDataError(() => load({ testLabels: 'text.gz' }), /text\.gz is not an IDX file of u8 labels/, ['testLabels']);
  writeFileSync(join(dir, 'broken.gz'), gzipSync(idx(0x803, [2, 2, 2], testPixels)).subarray(0, 20));
  assertDataError(() => load({ testImages: 'broken.gz' }), /broken\.gz is gzipped but cannot be unpacked/, ['testImages']);
  writeFileSync(join(dir, 'short-images'), idx(0x803, [3, 2, 2], trainPixels.slice(0, 11)));
  assertDataError(
    () => load({ images: 'short-images' }),
    /short-images is truncated: its header announces \[3, 2, 2\] = 12 bytes of data, it holds 11/,
    ['images'],
  );
  writeFileSync(join(dir, 'short-header'), idx(0x803, [3], []));
  assertDataError(() => load({ images: 'short-header' }), /short-header is truncated inside its header/, ['images']);
  writeFileSync(join(dir, 'tiny'), Buffer.from([0, 0]));
  assertDataError(() => load({ labels: 'tiny' }), /tiny is truncated/, ['labels']);
  writeFileSync(join(dir, 'four-labels'), idx(0x801, [4], [0, 1, 2, 3]));
  assertDataError(
    () => load({ labels: 'four-labels' }),
    /four-labels holds 4 labels but train-images-idx3-ubyte holds 3 images/,
    ['labels'],
  );
  writeFileSync(join(dir, 'wide-images'), idx(0x803, [2, 1, 4], testPixels));
  assertDataError(() => load({ testImages: 'wide-images' }), /wide-images holds 1×4 images, train-images-idx3-ubyte holds 2×2/, ['testImages']);
  assertDataError(() => load({ testLabels: 'missing.gz' }), /file "missing\.gz" not found/, ['testLabels']);
  assertDataError(
    () => load({ images: undefined, testLabels: undefined }),
    /^data\.mnist: "images", "testLabels" are missing: name all four IDX files \(images, labels, testImages, testLabels\), or none to train on the 10,000 digits Reglab ships$/,
    [],
  );
});
