import { multiplyTile } from './tile';

// Float32 matrix products with WebAssembly SIMD (f32x4), packed the way BLAS libraries do,
// for every shape that is not thin (thin ones: matmul.ts). One routine serves Linear's three
// products: y = x·Wᵀ, dx += dz·W and dW += dzᵀ·x differ only in the strides their operands
// are read with. Each operand is first copied into panels laid out in exactly the order the
// inner loop reads them, so the inner loop makes only contiguous loads: reading a
// 256-float-wide matrix down a column instead hits the same few L1 sets on every row and ran
// ~25% slower. Pointers are byte offsets into the engine's heap; C is row-major [M, N].

/** Rows of A and columns of B one inner-loop tile covers: 4 × 8 outputs, eight f32x4 accumulators. */
const TILE_ROWS = 4;
const TILE_COLS = 8;
/** The depth packed at a time: a 4-row panel of A (4 KB) and an 8-column panel of B (8 KB) stay in L1. */
const DEPTH_BLOCK = 256;

/**
 * C = A·B (+ C when `accumulate`), where A's element (i, k) sits at a + 4·(i·aI + k·aK) and B's
 * element (k, j) at b + 4·(k·bK + j·bJ). `work` is scratch for the packed panels: at least
 * gemmWorkFloats(M, N, K) floats, 16-byte aligned.
 */
export function gemm(a: usize, aI: i32, aK: i32, b: usize, bK: i32, bJ: i32, c: usize, M: i32, N: i32, K: i32, accumulate: bool, work: usize): void {
  const depth = min(K, DEPTH_BLOCK);
  const packedA = work;
  const packedB = packedA + ((<usize>roundUp(M, TILE_ROWS) * depth) << 2);
  const edgeTile = packedB + ((<usize>roundUp(N, TILE_COLS) * depth) << 2);
  const rowC = <usize>N << 2;
  if (K == 0 && !accumulate) memory.fill(c, 0, <usize>M * rowC); // an empty sum is 0
  for (let k0 = 0; k0 < K; k0 += DEPTH_BLOCK) {
    const kc = min(DEPTH_BLOCK, K - k0);
    const add = accumulate || k0 > 0;
    packA(a + ((<usize>k0 * aK) << 2), aI, aK, M, kc, packedA);
    packB(b + ((<usize>k0 * bK) << 2), bK, bJ, N, kc, packedB);
    // B's panel is the outer loop, so it stays in L1 while every panel of A passes over it.
    for (let j = 0; j < N; j += TILE_COLS) {
      const panelB = packedB + ((<usize>j * kc) << 2);
      for (let i = 0; i < M; i += TILE_ROWS) {
        const panelA = packedA + ((<usize>i * kc) << 2);
        const tile = c + <usize>i * rowC + (<usize>j << 2);
        if (i + TILE_ROWS <= M && j + TILE_COLS <= N) multiplyPanels(panelA, panelB, kc, tile, rowC, add);
        else multiplyEdgeTile(panelA, panelB, kc, tile, rowC, min(TILE_ROWS, M - i), min(TILE_COLS, N - j), add, edgeTile);
      }
    }
  }
}

/** The scratch `gemm` needs, in floats. */
export function gemmWorkFloats(M: i32, N: i32, K: i32): i32 {
  return (roundUp(M, TILE_ROWS) + roundUp(N, TILE_COLS)) * min(K, DEPTH_BLOCK) + TILE_ROWS * TILE_COLS;
}

// One 4×8 tile of C from a packed panel of A ([kc][4]) and one of B ([kc][8]).
// @ts-ignore: decorator
@inline function multiplyPanels(panelA: usize, panelB: usize, kc: i32, c: usize, rowC: usize, add: bool): void {
  multiplyTile(panelA, 4, 16, panelB, 32, kc, c, rowC, add);
}

// A tile that sticks out of C: computed whole into scratch (the panels are zero-padded),
// then only the part inside C is written.
function multiplyEdgeTile(panelA: usize, panelB: usize, kc: i32, c: usize, rowC: usize, rows: i32, cols: i32, add: bool, scratch: usize): void {
  multiplyPanels(panelA, panelB, kc, scratch, TILE_COLS << 2, false);
  for (let r = 0; r < rows; r++) {
    for (let q = 0; q < cols; q++) {
      const at = c + <usize>r * rowC + (<usize>q << 2);
      const value = load<f32>(scratch + (<usize>(r * TILE_COLS + q) << 2));
      store<f32>(at, add ? load<f32>(at) + value : value);
    }
  }
}

// Panels of 4 rows of A, each [kc][4]. Rows along k (x or dz as stored) are transposed four
// by four; columns (dzᵀ) are copied four floats at a time; anything else element by element.
function packA(a: usize, aI: i32, aK: i32, M: i32, kc: i32, out: usize): void {
  const sI = <usize>aI << 2, sK = <usize>aK << 2;
  for (let i = 0; i < M; i += TILE_ROWS, out += <usize>kc << 4) {
    const rows = min(TILE_ROWS, M - i);
    const first = a + <usize>i * sI;
    let k = 0;
    if (rows == TILE_ROWS && aI == 1) {
      for (; k < kc; k++) v128.store(out + (<usize>k << 4), v128.load(first + <usize>k * sK));
    } else if (rows == TILE_ROWS && aK == 1) {
      for (; k + 4 <= kc; k += 4) {
        const at = first + (<usize>k << 2);
        transpose4x4(at, sI, out + (<usize>k << 4), 16);
      }
    }
    for (; k < kc; k++) {
      for (let r = 0; r < TILE_ROWS; r++) {
        store<f32>(out + (<usize>(k * TILE_ROWS + r) << 2), r < rows ? load<f32>(first + <usize>r * sI + <usize>k * sK) : 0);
      }
    }
  }
}

// Panels of 8 columns of B, each [kc][8]. Rows along j (W or x as stored) are copied eight
// floats at a time; B = Wᵀ (rows of W along k) is transposed four by four.
function packB(b: usize, bK: i32, bJ: i32, N: i32, kc: i32, out: usize): void {
  const sK = <usize>bK << 2, sJ = <usize>bJ << 2;
  for (let j = 0; j < N; j += TILE_COLS, out += <usize>kc << 5) {
    const cols = min(TILE_COLS, N - j);
    const first = b + <usize>j * sJ;
    let k = 0;
    if (cols == TILE_COLS && bJ == 1) {
      for (; k < kc; k++) {
        const at = first + <usize>k * sK, to = out + (<usize>k << 5);
        v128.store(to, v128.load(at));
        v128.store(to, v128.load(at, 16), 16);
      }
    } else if (cols == TILE_COLS && bK == 1) {
      for (; k + 4 <= kc; k += 4) {
        const at = first + (<usize>k << 2), to = out + (<usize>k << 5);
        transpose4x4(at, sJ, to, 32);
        transpose4x4(at + 4 * sJ, sJ, to + 16, 32);
      }
    }
    for (; k < kc; k++) {
      for (let q = 0; q < TILE_COLS; q++) {
        store<f32>(out + (<usize>(k * TILE_COLS + q) << 2), q < cols ? load<f32>(first + <usize>q * sJ + <usize>k * sK) : 0);
      }
    }
  }
}

// Reads four vectors of four floats, `stride` bytes apart, and stores their transpose as
// four vectors `step` bytes apart.
// @ts-ignore: decorator
@inline function transpose4x4(from: usize, stride: usize, to: usize, step: usize): void {
  const r0 = v128.load(from), r1 = v128.load(from + stride), r2 = v128.load(from + 2 * stride), r3 = v128.load(from + 3 * stride);
  const t0 = i32x4.shuffle(r0, r1, 0, 4, 1, 5), t1 = i32x4.shuffle(r2, r3, 0, 4, 1, 5);
  const t2 = i32x4.shuffle(r0, r1, 2, 6, 3, 7), t3 = i32x4.shuffle(r2, r3, 2, 6, 3, 7);
  v128.store(to, i32x4.shuffle(t0, t1, 0, 1, 4, 5));
  v128.store(to + step, i32x4.shuffle(t0, t1, 2, 3, 6, 7));
  v128.store(to + 2 * step, i32x4.shuffle(t2, t3, 0, 1, 4, 5));
  v128.store(to + 3 * step, i32x4.shuffle(t2, t3, 2, 3, 6, 7));
}

// @ts-ignore: decorator
@inline function roundUp(n: i32, multiple: i32): i32 {
  return (n + multiple - 1) / multiple * multiple;
}
