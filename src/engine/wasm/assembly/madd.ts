// a·b + c on four lanes: a multiply, rounded, then an add, rounded, exactly as IEEE float32
// and every runtime define it. Not relaxed SIMD's f32x4.relaxed_madd: whether that one fuses
// (rounds once) is up to the engine and the CPU (fused with FMA3 or on ARM, not without, and
// absent in browsers without relaxed SIMD), and one last bit, amplified by a chaotic run
// (Adam at lr 0.1 on lesson 12), changed final losses from 0.355 to 0.697. Plain mul + add
// gives the same bits in every Node, browser, worker and CPU; it costs ≈ 10 % on W1 and
// nothing measurable on W4 (bench/README.md).

// @ts-ignore: decorator
@inline export function madd(a: v128, b: v128, c: v128): v128 {
  return f32x4.add(c, f32x4.mul(a, b));
}
