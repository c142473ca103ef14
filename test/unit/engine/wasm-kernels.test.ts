// The WebAssembly SIMD kernels against the plain-JS ones, on shapes that exercise every
// tile and remainder path; and the committed kernel binary against its source.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as K from '../../../src/engine/kernels/index.ts';
import * as js from '../../../src/engine/kernels/elementwise.ts';
import { matmulNN, matmulNT, matmulTN } from '../../../src/engine/kernels/matmul.ts';
import { activationBackward, activateInPlace } from '../../../src/engine/ops/activation.ts';
import { allocate } from '../../../src/engine/dtype.ts';
import { Random } from '../../../src/engine/random.ts';

const rng = new Random(11);
/** A heap buffer with random values, and a plain copy of it for the JS kernel. */
function pair(n: number): [Float32Array, Float32Array] {
  const heap = allocate('float32', n) as Float32Array;
  for (let i = 0; i < n; i++) heap[i] = rng.between(-1, 1);
  return [heap, Float32Array.from(heap)];
}

function assertNear(what: string, a: Float32Array, b: Float32Array, tolerance = 1e-5): void {
  for (let i = 0; i < a.length; i++) {
    assert.ok(Math.abs(a[i]! - b[i]!) <= tolerance * (1 + Math.abs(b[i]!)), `${what}[${i}]: wasm ${a[i]} js ${b[i]}`);
  }
}

const shapes: [number, number, number][] = [[1, 1, 1], [3, 5, 7], [4, 8, 4], [10, 100, 100], [9, 13, 17], [128, 10, 33], [6, 2, 1], [13, 19, 600], [8, 16, 256], [5, 9, 257], [16, 16, 16], [37, 41, 270]];

describe('WebAssembly kernels equal the JS kernels', { skip: K.kernelBackend() === 'js' && 'REGLAB_KERNELS=js or no WebAssembly SIMD' }, () => {
  for (const [M, N, Kd] of shapes) {
    it(`matmul NT/NN/TN, M=${M} N=${N} K=${Kd}`, () => {
      const [a, a2] = pair(M * Kd), [b, b2] = pair(N * Kd), [c, c2] = pair(M * N);
      K.matmulNT(a, b, c, M, N, Kd, true);
      matmulNT(a2, b2, c2, M, N, Kd, true);
      assertNear('NT', c, c2);
      const [bn, bn2] = pair(Kd * N), [d, d2] = pair(M * N);
      K.matmulNN(a, bn, d, M, N, Kd);
      matmulNN(a2, bn2, d2, M, N, Kd);
      assertNear('NN', d, d2);
      const [at, at2] = pair(Kd * M), [e, e2] = pair(M * N);
      K.matmulTN(at, bn, e, M, N, Kd);
      matmulTN(at2, bn2, e2, M, N, Kd);
      assertNear('TN', e, e2);
    });
  }
  it('a product over an empty depth is zero, or leaves C when accumulating', () => {
    const [c] = pair(15), [empty] = pair(0);
    const before = Float32Array.from(c);
    K.matmulNN(empty, empty, c, 3, 5, 0);
    assert.deepEqual(c, before);
    K.matmulNT(empty, empty, c, 3, 5, 0, false);
    assert.deepEqual(c, new Float32Array(15));
  });
  for (const activation of ['identity', 'relu', 'leaky_relu', 'tanh'] as const) {
    it(`bias + ${activation} and its backward`, () => {
      const [y, y2] = pair(7 * 9), [b, b2] = pair(9);
      y[3] = 0;
      y2[3] = 0;
      K.biasActivation(y, b, 7, 9, activation, 0.1);
      js.addRowVector(y2, b2, 7, 9);
      activateInPlace(activation, 0.1, y2, 0, y2.length);
      assertNear('forward', y, y2);
      const [dy, dy2] = pair(63), [dz, dz2] = pair(63);
      K.activationBackward(activation, 0.1, y, dy, dz, 63);
      activationBackward(activation, 0.1, y2, dy2, dz2, 63);
      assertNear('backward', dz, dz2);
    });
  }
  it('column sums, penalty sums and gradients', () => {
    const [w, w2] = pair(23), [g, g2] = pair(23);
    w[4] = 0;
    w2[4] = 0;
    assert.ok(Math.abs(K.absSum(w) - js.absSum(w2)) < 1e-5);
    assert.ok(Math.abs(K.squareSum(w) - js.squareSum(w2)) < 1e-5);
    K.addSignScaled(w, g, 0.3);
    js.addSignScaled(w2, g2, 0.3);
    assertNear('sign', g, g2);
    K.addScaled(w, g, -0.7);
    js.addScaled(w2, g2, -0.7);
    assertNear('scaled', g, g2);
    const [db, db2] = pair(5);
    K.columnSums(g.subarray(0, 20), db, 4, 5);
    js.addColumnSums(g2.subarray(0, 20), db2, 4, 5);
    assertNear('column sums', db, db2);
  });
});

describe('the kernel build', () => {
  it('this run uses the WebAssembly SIMD kernels (the ones VS Code, the CLI and browsers run)', () => {
    if (process.env.REGLAB_KERNELS === undefined) assert.equal(K.kernelBackend(), 'wasm-simd');
  });
});

describe('the committed kernel binary', () => {
  it('is what scripts/build-kernels.mjs makes from the AssemblyScript source (run `npm run build` after editing it)', async () => {
    const build = await import(resolve(import.meta.dirname, '../../../scripts/build-kernels.mjs'));
    assert.equal(readFileSync(build.OUTPUT, 'utf8'), build.compileAll());
  });
});
