// Sums and gradient updates of the L1 and L2 penalties over one parameter tensor.

// Σ|w|, accumulated in four float32 lanes and returned as f64.
export function absSum(w: usize, n: i32): f64 {
  const n4 = n & ~3;
  let acc = f32x4.splat(0);
  for (let i = 0; i < n4; i += 4) acc = f32x4.add(acc, f32x4.abs(v128.load(w + (<usize>i << 2))));
  let s = <f64>f32x4.extract_lane(acc, 0) + <f64>f32x4.extract_lane(acc, 1) + <f64>f32x4.extract_lane(acc, 2) + <f64>f32x4.extract_lane(acc, 3);
  for (let i = n4; i < n; i++) s += <f64>abs<f32>(load<f32>(w + (<usize>i << 2)));
  return s;
}

// Σw².
export function squareSum(w: usize, n: i32): f64 {
  const n4 = n & ~3;
  let acc = f32x4.splat(0);
  for (let i = 0; i < n4; i += 4) {
    const v = v128.load(w + (<usize>i << 2));
    acc = f32x4.add(acc, f32x4.mul(v, v));
  }
  let s = <f64>f32x4.extract_lane(acc, 0) + <f64>f32x4.extract_lane(acc, 1) + <f64>f32x4.extract_lane(acc, 2) + <f64>f32x4.extract_lane(acc, 3);
  for (let i = n4; i < n; i++) {
    const v = <f64>load<f32>(w + (<usize>i << 2));
    s += v * v;
  }
  return s;
}

// dw += coef·sign(w), with sign(0) = 0: the L1 subgradient PyTorch uses.
export function addSignScaled(w: usize, dw: usize, n: i32, coef: f32): void {
  const n4 = n & ~3;
  const c = f32x4.splat(coef), zero = f32x4.splat(0);
  for (let i = 0; i < n4; i += 4) {
    const o = <usize>i << 2;
    const v = v128.load(w + o);
    const step = f32x4.sub(v128.and(f32x4.gt(v, zero), c), v128.and(f32x4.lt(v, zero), c));
    v128.store(dw + o, f32x4.add(v128.load(dw + o), step));
  }
  for (let i = n4; i < n; i++) {
    const o = <usize>i << 2;
    const v = load<f32>(w + o);
    store<f32>(dw + o, load<f32>(dw + o) + (v > 0 ? coef : v < 0 ? -coef : 0));
  }
}

// dw += coef·w: the L2 gradient (coef = 2λ).
export function addScaled(w: usize, dw: usize, n: i32, coef: f32): void {
  const n4 = n & ~3;
  const c = f32x4.splat(coef);
  for (let i = 0; i < n4; i += 4) {
    const o = <usize>i << 2;
    v128.store(dw + o, f32x4.add(v128.load(dw + o), f32x4.mul(c, v128.load(w + o))));
  }
  for (let i = n4; i < n; i++) {
    const o = <usize>i << 2;
    store<f32>(dw + o, load<f32>(dw + o) + coef * load<f32>(w + o));
  }
}
