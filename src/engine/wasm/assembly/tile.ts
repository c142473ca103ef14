import { madd } from './madd';

// The register tile both matrix products are built on: a 4×8 block of C plus the outer
// products of four values of A with eight of B, one step of the depth at a time. Eight f32x4
// accumulators cover the latency of the adds into them (madd.ts: a multiply, then an add);
// more spill to the stack under V8's register allocator (a 6×8 tile and a 4-way unrolled loop both ran slower).
// A's four values sit `rowA` bytes apart and move `stepA` bytes per step; B's eight are
// contiguous and move `stepB`. C's rows are `rowC` bytes apart; `add` keeps what C holds.
// @ts-ignore: decorator
@inline export function multiplyTile(a: usize, rowA: usize, stepA: usize, b: usize, stepB: usize, depth: i32, c0: usize, rowC: usize, add: bool): void {
  const c1 = c0 + rowC, c2 = c1 + rowC, c3 = c2 + rowC;
  let p00 = f32x4.splat(0), p01 = f32x4.splat(0), p10 = f32x4.splat(0), p11 = f32x4.splat(0);
  let p20 = f32x4.splat(0), p21 = f32x4.splat(0), p30 = f32x4.splat(0), p31 = f32x4.splat(0);
  if (add) {
    p00 = v128.load(c0); p01 = v128.load(c0, 16); p10 = v128.load(c1); p11 = v128.load(c1, 16);
    p20 = v128.load(c2); p21 = v128.load(c2, 16); p30 = v128.load(c3); p31 = v128.load(c3, 16);
  }
  for (let k = 0; k < depth; k++, a += stepA, b += stepB) {
    const y0 = v128.load(b), y1 = v128.load(b, 16);
    const x0 = v128.load32_splat(a), x1 = v128.load32_splat(a + rowA);
    const x2 = v128.load32_splat(a + 2 * rowA), x3 = v128.load32_splat(a + 3 * rowA);
    p00 = madd(x0, y0, p00); p01 = madd(x0, y1, p01);
    p10 = madd(x1, y0, p10); p11 = madd(x1, y1, p11);
    p20 = madd(x2, y0, p20); p21 = madd(x2, y1, p21);
    p30 = madd(x3, y0, p30); p31 = madd(x3, y1, p31);
  }
  v128.store(c0, p00); v128.store(c0, p01, 16); v128.store(c1, p10); v128.store(c1, p11, 16);
  v128.store(c2, p20); v128.store(c2, p21, 16); v128.store(c3, p30); v128.store(c3, p31, 16);
}
