// The kernels every op calls. Each takes typed arrays and runs on the WebAssembly SIMD
// kernels when all its operands are float32 views into the heap, and in plain JS otherwise.
import type { Buffer } from '../dtype.ts';
import { activateInPlace, activationBackward as activationBackwardJs, type Activation } from '../ops/activation.ts';
import type { Random } from '../random.ts';
import { heapFloat32, inHeap } from '../wasm/heap.ts';
import { wasm } from '../wasm/kernels.ts';
import * as js from './elementwise.ts';
import { matmulNN as nnJs, matmulNT as ntJs, matmulTN as tnJs } from './matmul.ts';

/** Activations the SIMD kernels compute; tanh and sigmoid stay in JS. */
const WASM_ACTIVATION: Partial<Record<Activation, number>> = { identity: 0, relu: 1, leaky_relu: 2 };

/** True when every given buffer is a float32 view into the heap (fixed arity: no array per call). */
export function onHeap(a: Buffer, b?: Buffer, c?: Buffer, d?: Buffer): boolean {
  return wasm !== null && inHeap(a) && (b === undefined || inHeap(b)) && (c === undefined || inHeap(c)) && (d === undefined || inHeap(d));
}

/** Sets every element to 0. */
export function fillZero(buffer: Buffer): void {
  if (onHeap(buffer)) wasm!.fillZero(buffer.byteOffset, buffer.length);
  else buffer.fill(0);
}

/** C[M,N] = A[M,K]·B[N,K]ᵀ (+ C when `accumulate`). */
export function matmulNT(A: Buffer, B: Buffer, C: Buffer, M: number, N: number, K: number, accumulate: boolean): void {
  if (!onHeap(A, B, C)) ntJs(A, B, C, M, N, K, accumulate);
  else if (N < PACKING_PAYS) wasm!.matmulNT(A.byteOffset, B.byteOffset, C.byteOffset, M, N, K, accumulate);
  else wasm!.gemm(A.byteOffset, K, 1, B.byteOffset, 1, K, C.byteOffset, M, N, K, accumulate, gemmWork(M, N, K));
}

/** C[M,N] += A[M,K]·B[K,N]. */
export function matmulNN(A: Buffer, B: Buffer, C: Buffer, M: number, N: number, K: number): void {
  if (!onHeap(A, B, C)) nnJs(A, B, C, M, N, K);
  else if (thin(M, N, K)) wasm!.matmulAccumulate(A.byteOffset, K, 1, B.byteOffset, C.byteOffset, M, N, K);
  else wasm!.gemm(A.byteOffset, K, 1, B.byteOffset, N, 1, C.byteOffset, M, N, K, true, gemmWork(M, N, K));
}

/** C[M,N] += A[K,M]ᵀ·B[K,N]. */
export function matmulTN(A: Buffer, B: Buffer, C: Buffer, M: number, N: number, K: number): void {
  if (!onHeap(A, B, C)) tnJs(A, B, C, M, N, K);
  else if (thin(M, N, K)) wasm!.matmulAccumulate(A.byteOffset, 1, M, B.byteOffset, C.byteOffset, M, N, K);
  else wasm!.gemm(A.byteOffset, 1, M, B.byteOffset, N, 1, C.byteOffset, M, N, K, true, gemmWork(M, N, K));
}

// The packed product copies its operands into panels first; below this size in a dimension
// the copy costs more than it saves (measured on the layers of the bench workloads: output
// layers of 1–10 units, batches of 10). The forward product y = x·Wᵀ packs well even for a
// small batch or one input, so only its number of outputs decides.
const PACKING_PAYS = 16;
function thin(M: number, N: number, K: number): boolean {
  return M < PACKING_PAYS || N < PACKING_PAYS || K < PACKING_PAYS;
}

/** Scratch for the packed panels of the WebAssembly matrix product: one buffer, grown to the largest product seen. */
let packScratch: Float32Array | null = null;
function gemmWork(M: number, N: number, K: number): number {
  const floats = wasm!.gemmWorkFloats(M, N, K);
  if (packScratch === null || packScratch.length < floats) packScratch = heapFloat32(floats);
  return packScratch.byteOffset;
}

/** y[m,n] = f(y[m,n] + b[n]) for a [M,N] matrix y. */
export function biasActivation(y: Buffer, b: Buffer | null, M: number, N: number, activation: Activation, slope: number): void {
  const code = WASM_ACTIVATION[activation];
  if (onHeap(y) && (b === null || onHeap(b))) {
    wasm!.biasActivation(y.byteOffset, b === null ? 0 : b.byteOffset, M, N, code ?? 0, slope);
    if (code === undefined) activateInPlace(activation, slope, y, 0, y.length);
    return;
  }
  if (b !== null) js.addRowVector(y, b, M, N);
  activateInPlace(activation, slope, y, 0, y.length);
}

/** dz = dy·f'(z), f' computed from the output y. */
export function activationBackward(activation: Activation, slope: number, y: Buffer, dy: Buffer, dz: Buffer, n: number): void {
  const code = WASM_ACTIVATION[activation];
  if (code !== undefined && onHeap(y, dy, dz)) wasm!.activationBackward(y.byteOffset, dy.byteOffset, dz.byteOffset, n, code, slope);
  else activationBackwardJs(activation, slope, y, dy, dz, n);
}

/** db[n] += Σ_m dz[m,n]. */
export function columnSums(dz: Buffer, db: Buffer, M: number, N: number): void {
  if (onHeap(dz, db)) wasm!.columnSums(dz.byteOffset, db.byteOffset, M, N);
  else js.addColumnSums(dz, db, M, N);
}

export function absSum(w: Buffer): number {
  return onHeap(w) ? wasm!.absSum(w.byteOffset, w.length) : js.absSum(w);
}

export function squareSum(w: Buffer): number {
  return onHeap(w) ? wasm!.squareSum(w.byteOffset, w.length) : js.squareSum(w);
}

/** dw += coef·sign(w), sign(0) = 0. */
export function addSignScaled(w: Buffer, dw: Buffer, coef: number): void {
  if (onHeap(w, dw)) wasm!.addSignScaled(w.byteOffset, dw.byteOffset, w.length, coef);
  else js.addSignScaled(w, dw, coef);
}

/** dw += coef·w. */
export function addScaled(w: Buffer, dw: Buffer, coef: number): void {
  if (onHeap(w, dw)) wasm!.addScaled(w.byteOffset, dw.byteOffset, w.length, coef);
  else js.addScaled(w, dw, coef);
}

/**
 * Inverted dropout of x into y, recording the mask: each element is dropped when the
 * next uniform of `rng` is < p, kept and scaled by `keep` otherwise.
 */
export function dropoutForward(x: Buffer, y: Buffer, mask: Buffer, p: number, keep: number, rng: Random): void {
  if (onHeap(x, y, mask)) {
    rng.state = wasm!.dropoutForward(x.byteOffset, y.byteOffset, mask.byteOffset, x.length, p, keep, rng.state);
    return;
  }
  for (let i = 0; i < x.length; i++) {
    const m = rng.uniform() < p ? 0 : keep;
    mask[i] = m;
    y[i] = x[i]! * m;
  }
}

/** out += a·b elementwise. */
export function addProduct(a: Buffer, b: Buffer, out: Buffer): void {
  if (onHeap(a, b, out)) wasm!.addProduct(a.byteOffset, b.byteOffset, out.byteOffset, a.length);
  else for (let i = 0; i < a.length; i++) out[i] += a[i]! * b[i]!;
}

/** Which kernels float32 work runs on, for logs and benchmark tables. */
export function kernelBackend(): string {
  return wasm === null ? 'js' : 'wasm-simd';
}

export { wasm };
