// Matrix products in plain JS, blocked 4×4 so sixteen accumulators live in registers
// and every inner loop reads memory contiguously. All matrices are row-major.
// These serve float64 and any size; float32 uses the WebAssembly SIMD kernels when loaded.
import type { Buffer } from '../dtype.ts';

/** C[M,N] = A[M,K] · B[N,K]ᵀ (+ C when `accumulate`). Linear's forward: y = x·Wᵀ. */
export function matmulNT(A: Buffer, B: Buffer, C: Buffer, M: number, N: number, K: number, accumulate: boolean): void {
  const M4 = M - (M % 4);
  const N4 = N - (N % 4);
  for (let i = 0; i < M4; i += 4) {
    const a0 = i * K, a1 = a0 + K, a2 = a1 + K, a3 = a2 + K;
    for (let j = 0; j < N4; j += 4) {
      const b0 = j * K, b1 = b0 + K, b2 = b1 + K, b3 = b2 + K;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let k = 0; k < K; k++) {
        const x0 = A[a0 + k]!, x1 = A[a1 + k]!, x2 = A[a2 + k]!, x3 = A[a3 + k]!;
        const y0 = B[b0 + k]!, y1 = B[b1 + k]!, y2 = B[b2 + k]!, y3 = B[b3 + k]!;
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
        c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
        c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
      }
      store4(C, i * N + j, c00, c01, c02, c03, accumulate);
      store4(C, (i + 1) * N + j, c10, c11, c12, c13, accumulate);
      store4(C, (i + 2) * N + j, c20, c21, c22, c23, accumulate);
      store4(C, (i + 3) * N + j, c30, c31, c32, c33, accumulate);
    }
    for (let r = i; r < i + 4; r++) for (let j = N4; j < N; j++) dotInto(A, r * K, B, j * K, K, C, r * N + j, accumulate);
  }
  for (let r = M4; r < M; r++) {
    const a = r * K;
    for (let j = 0; j < N4; j += 4) {
      const b0 = j * K, b1 = b0 + K, b2 = b1 + K, b3 = b2 + K;
      let c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      for (let k = 0; k < K; k++) {
        const x = A[a + k]!;
        c0 += x * B[b0 + k]!; c1 += x * B[b1 + k]!; c2 += x * B[b2 + k]!; c3 += x * B[b3 + k]!;
      }
      store4(C, r * N + j, c0, c1, c2, c3, accumulate);
    }
    for (let j = N4; j < N; j++) dotInto(A, a, B, j * K, K, C, r * N + j, accumulate);
  }
}

/** C[M,N] += A[M,K] · B[K,N]. Linear's input gradient: dx += dy·W. */
export function matmulNN(A: Buffer, B: Buffer, C: Buffer, M: number, N: number, K: number): void {
  matmulAccumulate(A, K, 1, B, C, M, N, K);
}

/** C[M,N] += A[K,M]ᵀ · B[K,N]. Linear's weight gradient: dW += dyᵀ·x. */
export function matmulTN(A: Buffer, B: Buffer, C: Buffer, M: number, N: number, K: number): void {
  matmulAccumulate(A, 1, M, B, C, M, N, K);
}

/** C[M,N] += A·B[K,N], where A's element (i, k) is A[i·strideI + k·strideK]: both products above, as the WebAssembly kernel does. */
function matmulAccumulate(A: Buffer, strideI: number, strideK: number, B: Buffer, C: Buffer, M: number, N: number, K: number): void {
  const M4 = M - (M % 4);
  const N4 = N - (N % 4);
  for (let i = 0; i < M4; i += 4) {
    const a0 = i * strideI, a1 = a0 + strideI, a2 = a1 + strideI, a3 = a2 + strideI;
    for (let j = 0; j < N4; j += 4) {
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let k = 0, ak = 0, b = j; k < K; k++, ak += strideK, b += N) {
        const x0 = A[a0 + ak]!, x1 = A[a1 + ak]!, x2 = A[a2 + ak]!, x3 = A[a3 + ak]!;
        const y0 = B[b]!, y1 = B[b + 1]!, y2 = B[b + 2]!, y3 = B[b + 3]!;
        c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
        c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
        c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
        c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
      }
      store4(C, i * N + j, c00, c01, c02, c03, true);
      store4(C, (i + 1) * N + j, c10, c11, c12, c13, true);
      store4(C, (i + 2) * N + j, c20, c21, c22, c23, true);
      store4(C, (i + 3) * N + j, c30, c31, c32, c33, true);
    }
  }
  // Remaining rows and columns, one element at a time.
  for (let i = 0; i < M; i++) {
    for (let j = i < M4 ? N4 : 0; j < N; j++) {
      let c = 0;
      for (let k = 0, a = i * strideI, b = j; k < K; k++, a += strideK, b += N) c += A[a]! * B[b]!;
      C[i * N + j] += c;
    }
  }
}

function store4(C: Buffer, at: number, c0: number, c1: number, c2: number, c3: number, accumulate: boolean): void {
  if (accumulate) {
    C[at] += c0; C[at + 1] += c1; C[at + 2] += c2; C[at + 3] += c3;
  } else {
    C[at] = c0; C[at + 1] = c1; C[at + 2] = c2; C[at + 3] = c3;
  }
}

function dotInto(A: Buffer, a: number, B: Buffer, b: number, K: number, C: Buffer, at: number, accumulate: boolean): void {
  let c = 0;
  for (let k = 0; k < K; k++) c += A[a + k]! * B[b + k]!;
  C[at] = accumulate ? C[at]! + c : c;
}
