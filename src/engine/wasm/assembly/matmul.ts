import { madd } from './madd';
import { multiplyTile } from './tile';

// Float32 matrix products with WebAssembly SIMD (f32x4) that read their operands where they
// lie, for thin shapes: an output layer of 1–10 units, a batch of 10, where copying the
// operands into panels (gemm.ts) would cost more than it saves. Pointers are byte offsets
// into the engine's heap; matrices are row-major.

// C[M,N] = A[M,K] · B[N,K]ᵀ (+ C when accumulate). Linear's forward y = x·Wᵀ with W as
// PyTorch stores it: both operands are read along K, four lanes at a time, in tiles of
// 4 rows of A × 2 rows of B (eight vector accumulators), and summed across lanes at the end.
export function matmulNT(a: usize, b: usize, c: usize, M: i32, N: i32, K: i32, accumulate: bool): void {
  const K4 = K & ~3;
  const rowA = <usize>K << 2;
  let i = 0;
  for (; i + 4 <= M; i += 4) {
    const a0 = a + <usize>i * rowA, a1 = a0 + rowA, a2 = a1 + rowA, a3 = a2 + rowA;
    let j = 0;
    for (; j + 2 <= N; j += 2) {
      const b0 = b + <usize>j * rowA, b1 = b0 + rowA;
      let c00 = f32x4.splat(0), c01 = f32x4.splat(0), c10 = f32x4.splat(0), c11 = f32x4.splat(0);
      let c20 = f32x4.splat(0), c21 = f32x4.splat(0), c30 = f32x4.splat(0), c31 = f32x4.splat(0);
      for (let k = 0; k < K4; k += 4) {
        const o = <usize>k << 2;
        const y0 = v128.load(b0 + o), y1 = v128.load(b1 + o);
        const x0 = v128.load(a0 + o), x1 = v128.load(a1 + o), x2 = v128.load(a2 + o), x3 = v128.load(a3 + o);
        c00 = madd(x0, y0, c00); c01 = madd(x0, y1, c01);
        c10 = madd(x1, y0, c10); c11 = madd(x1, y1, c11);
        c20 = madd(x2, y0, c20); c21 = madd(x2, y1, c21);
        c30 = madd(x3, y0, c30); c31 = madd(x3, y1, c31);
      }
      let s00 = hsum(c00), s01 = hsum(c01), s10 = hsum(c10), s11 = hsum(c11);
      let s20 = hsum(c20), s21 = hsum(c21), s30 = hsum(c30), s31 = hsum(c31);
      for (let k = K4; k < K; k++) {
        const o = <usize>k << 2;
        const y0 = load<f32>(b0 + o), y1 = load<f32>(b1 + o);
        const x0 = load<f32>(a0 + o), x1 = load<f32>(a1 + o), x2 = load<f32>(a2 + o), x3 = load<f32>(a3 + o);
        s00 += x0 * y0; s01 += x0 * y1; s10 += x1 * y0; s11 += x1 * y1;
        s20 += x2 * y0; s21 += x2 * y1; s30 += x3 * y0; s31 += x3 * y1;
      }
      put(c, i, j, N, s00, accumulate); put(c, i, j + 1, N, s01, accumulate);
      put(c, i + 1, j, N, s10, accumulate); put(c, i + 1, j + 1, N, s11, accumulate);
      put(c, i + 2, j, N, s20, accumulate); put(c, i + 2, j + 1, N, s21, accumulate);
      put(c, i + 3, j, N, s30, accumulate); put(c, i + 3, j + 1, N, s31, accumulate);
    }
    for (; j < N; j++) {
      const bj = b + <usize>j * rowA;
      put(c, i, j, N, dot(a0, bj, K), accumulate);
      put(c, i + 1, j, N, dot(a1, bj, K), accumulate);
      put(c, i + 2, j, N, dot(a2, bj, K), accumulate);
      put(c, i + 3, j, N, dot(a3, bj, K), accumulate);
    }
  }
  for (; i < M; i++) {
    const ai = a + <usize>i * rowA;
    for (let j = 0; j < N; j++) put(c, i, j, N, dot(ai, b + <usize>j * rowA, K), accumulate);
  }
}

// C[M,N] += A·B[K,N] where A's element (i, k) sits at a + 4·(i·strideI + k·strideK): with
// strides (K, 1) that is A[M,K] (Linear's input gradient dx += dz·W), with (1, M) it is
// A[K,M]ᵀ (the weight gradient dW += dzᵀ·x). B and C are read along N, eight lanes at a
// time, in tiles of 4 rows × 8 columns. Column blocks are the outer loop, so the slab of B
// a block reads (K × 8 floats) stays in L1 while every row block passes over it.
export function matmulAccumulate(a: usize, strideI: i32, strideK: i32, b: usize, c: usize, M: i32, N: i32, K: i32): void {
  const rowB = <usize>N << 2;
  const sI = <usize>strideI << 2, sK = <usize>strideK << 2;
  let j = 0;
  for (; j + 8 <= N; j += 8) {
    const o = <usize>j << 2;
    let i = 0;
    for (; i + 4 <= M; i += 4) {
      multiplyTile(a + <usize>i * sI, sI, sK, b + o, rowB, K, c + <usize>i * rowB + o, rowB, true);
    }
    for (; i < M; i++) {
      const ci = c + <usize>i * rowB + o;
      let p0 = v128.load(ci), p1 = v128.load(ci, 16);
      let ak = a + <usize>i * sI, bk = b + o;
      for (let k = 0; k < K; k++, ak += sK, bk += rowB) {
        const x = v128.load32_splat(ak);
        p0 = madd(x, v128.load(bk), p0);
        p1 = madd(x, v128.load(bk, 16), p1);
      }
      v128.store(ci, p0);
      v128.store(ci, p1, 16);
    }
  }
  for (; j < N; j++) {
    for (let i = 0; i < M; i++) accumulateScalar(a + <usize>i * sI, sK, b + (<usize>j << 2), rowB, c + <usize>i * rowB + (<usize>j << 2), K);
  }
}

// @ts-ignore: decorator
@inline function hsum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
}

// @ts-ignore: decorator
@inline function put(c: usize, i: i32, j: i32, N: i32, value: f32, accumulate: bool): void {
  const at = c + ((<usize>i * N + j) << 2);
  store<f32>(at, accumulate ? load<f32>(at) + value : value);
}

function dot(x: usize, y: usize, K: i32): f32 {
  const K4 = K & ~3;
  let acc = f32x4.splat(0);
  for (let k = 0; k < K4; k += 4) acc = madd(v128.load(x + (<usize>k << 2)), v128.load(y + (<usize>k << 2)), acc);
  let s = hsum(acc);
  for (let k = K4; k < K; k++) s += load<f32>(x + (<usize>k << 2)) * load<f32>(y + (<usize>k << 2));
  return s;
}

function accumulateScalar(a: usize, sK: usize, b: usize, rowB: usize, c: usize, K: i32): void {
  let s = load<f32>(c);
  for (let k = 0; k < K; k++, a += sK, b += rowB) s += load<f32>(a) * load<f32>(b);
  store<f32>(c, s);
}
