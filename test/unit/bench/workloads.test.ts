// The project's benchmark generators must produce exactly the data and initial weights of
// the shared reference (../shared/bench/reference-spec.mjs), bit for bit, or the engines
// compared by `npm run bench` would not be doing the same work as the spec's.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as ours from '../../../bench/workloads.ts';

// CI runs on a clean clone of main with ../shared beside it; the runner starts in the repo root.
const referencePath = resolve(process.cwd(), '..', 'shared', 'bench', 'reference-spec.mjs');

interface ReferenceLayer { fanIn: number; fanOut: number; W: Float32Array; b: Float32Array }
interface Reference {
  SPEC: Record<string, Record<string, unknown>>;
  mulberry32(seed: number): () => number;
  permutation(rng: () => number, n: number): Int32Array;
  initMLP(sizes: number[], seed: number): ReferenceLayer[];
  dataW1(): { x: Float32Array; y: Float32Array; n: number };
  dataW2(): { x: Float32Array; y: Float32Array; n: number };
  dataW3(): { train: { X: Float32Array; y: Float32Array }; test: { X: Float32Array; y: Float32Array } };
  initW3(): { w: Float32Array; b: Float32Array };
  dataW4(): { X: Float32Array; labels: Int32Array; onehot: Float32Array };
  dataW5(): { X: Float32Array; labels: Int32Array; onehot: Float32Array };
}

async function loadReference(): Promise<Reference> {
  assert.ok(existsSync(referencePath), `reference generators not found at ${referencePath}`);
  return (await import(pathToFileURL(referencePath).href)) as Reference;
}

/** Bit-identical: compares the raw bytes, so -0/+0 and NaN payloads count too. */
function assertSameBits(actual: Float32Array | Int32Array, expected: Float32Array | Int32Array, what: string): void {
  assert.equal(actual.constructor, expected.constructor, `${what}: element type`);
  assert.equal(actual.length, expected.length, `${what}: length`);
  const a = new Uint8Array(actual.buffer, actual.byteOffset, actual.byteLength);
  const e = new Uint8Array(expected.buffer, expected.byteOffset, expected.byteLength);
  const first = a.findIndex((byte, i) => byte !== e[i]);
  assert.equal(first, -1, `${what}: first differing element is ${Math.floor(first / 4)}`);
}

function assertSameMLP(actual: ours.DenseLayer[], expected: ReferenceLayer[], what: string): void {
  assert.equal(actual.length, expected.length, `${what}: layer count`);
  actual.forEach((layer, l) => {
    assert.equal(layer.fanIn, expected[l]!.fanIn, `${what}[${l}].fanIn`);
    assert.equal(layer.fanOut, expected[l]!.fanOut, `${what}[${l}].fanOut`);
    assertSameBits(layer.W, expected[l]!.W, `${what}[${l}].W`);
    assertSameBits(layer.b, expected[l]!.b, `${what}[${l}].b`);
  });
}

test('W1 data and both nets match the reference', async () => {
  const ref = await loadReference();
  const data = ours.dataW1();
  const expected = ref.dataW1();
  assertSameBits(data.x, expected.x, 'W1 x');
  assertSameBits(data.y, expected.y, 'W1 y');
  const nets = ours.initW1();
  assertSameMLP(nets.plain, ref.initMLP([1, 100, 100, 100, 1], 111), 'W1 plain');
  assertSameMLP(nets.decay, ref.initMLP([1, 100, 100, 100, 1], 112), 'W1 decay');
});

test('W2 data and both nets match the reference', async () => {
  const ref = await loadReference();
  const data = ours.dataW2();
  const expected = ref.dataW2();
  assertSameBits(data.x, expected.x, 'W2 x');
  assertSameBits(data.y, expected.y, 'W2 y');
  const nets = ours.initW2();
  assertSameMLP(nets.plain, ref.initMLP([1, 300, 300, 1], 211), 'W2 plain');
  assertSameMLP(nets.dropout, ref.initMLP([1, 300, 300, 1], 212), 'W2 dropout');
});

test('W3 data, init and shuffle order match the reference', async () => {
  const ref = await loadReference();
  const data = ours.dataW3();
  const expected = ref.dataW3();
  assertSameBits(data.train.X, expected.train.X, 'W3 train X');
  assertSameBits(data.train.y, expected.train.y, 'W3 train y');
  assertSameBits(data.test.X, expected.test.X, 'W3 test X');
  assertSameBits(data.test.y, expected.test.y, 'W3 test y');
  const init = ours.initW3();
  const expectedInit = ref.initW3();
  assertSameBits(init.w, expectedInit.w, 'W3 w');
  assertSameBits(init.b, expectedInit.b, 'W3 b');

  const rng = ref.mulberry32(303);
  const epochs = Array.from({ length: ours.W3.epochs }, () => ref.permutation(rng, ours.W3.nTrain));
  const expectedOrder = new Int32Array(epochs.flatMap((p) => Array.from(p)));
  assertSameBits(ours.shuffleOrderW3(), expectedOrder, 'W3 shuffle order');
  const restarted = ours.shuffleRngW3();
  assertSameBits(restarted.permutation(ours.W3.nTrain), epochs[0]!, 'W3 restarted shuffle RNG');
});

test('W4 data and net match the reference', async () => {
  const ref = await loadReference();
  const data = ours.dataW4();
  const expected = ref.dataW4();
  assertSameBits(data.X, expected.X, 'W4 X');
  assertSameBits(data.labels, expected.labels, 'W4 labels');
  assertSameBits(data.onehot, expected.onehot, 'W4 onehot');
  assertSameMLP(ours.initW4(), ref.initMLP([784, 64, 32, 10], 411), 'W4 net');
});

test('W5 data and net match the reference', async () => {
  const ref = await loadReference();
  const data = ours.dataW5();
  const expected = ref.dataW5();
  assertSameBits(data.X, expected.X, 'W5 X');
  assertSameBits(data.labels, expected.labels, 'W5 labels');
  assertSameBits(data.onehot, expected.onehot, 'W5 onehot');
  assertSameMLP(ours.initW5(), ref.initMLP([784, 256, 256, 10], 511), 'W5 net');
});

test('hyper-parameters match the reference SPEC', async () => {
  const { SPEC } = await loadReference();
  const pick = (w: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, w[k]]));
  const w1 = ['n', 'noiseStd', 'sizes', 'weightDecay', 'iterations', 'seeds'];
  assert.deepEqual(pick(ours.W1, w1), pick(SPEC.W1!, w1));
  assert.deepEqual(pick(ours.W2, ['n', 'noiseStd', 'sizes', 'dropout', 'iterations', 'seeds', 'optimizer']),
    pick(SPEC.W2!, ['n', 'noiseStd', 'sizes', 'dropout', 'iterations', 'seeds', 'optimizer']));
  const w3 = ['nTrain', 'nTest', 'd', 'trueW', 'trueB', 'noiseStd', 'batch', 'optimizer', 'epochs', 'evalEvery',
    'singleLambda', 'lambdas', 'seeds'];
  assert.deepEqual(pick(ours.W3, w3), pick(SPEC.W3!, w3));
  const w4 = ['nSamples', 'inputs', 'classes', 'sizes', 'batch', 'optimizer', 'l1Lambda', 'steps', 'seeds'];
  assert.deepEqual(pick(ours.W4, w4), pick(SPEC.W4!, w4));
  const w5 = ['batch', 'inputs', 'classes', 'sizes', 'optimizer', 'stepsPerRun', 'seeds', 'flopsPerStep'];
  assert.deepEqual(pick(ours.W5, w5), pick(SPEC.W5!, w5));
  // W1's optimizer in the SPEC carries `nesterov: false`, which ours states by having no such option.
  const { nesterov, ...w1Optimizer } = SPEC.W1!.optimizer as Record<string, unknown>;
  assert.equal(nesterov, false);
  assert.deepEqual(ours.W1.optimizer, w1Optimizer);
});
