// a·b + c on four lanes. Built twice (scripts/build-kernels.mjs): with relaxed SIMD enabled
// it is a fused multiply-add, one instruction, for runtimes that have it (VS Code, Node ≥ 22);
// otherwise a multiply then an add. The branch is resolved at compile time.

// @ts-ignore: decorator
@inline export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(c, f32x4.mul(a, b));
}
