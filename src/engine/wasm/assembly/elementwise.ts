// Bias, activation and their gradients, fused into single passes.
// Activation codes: 0 identity, 1 relu, 2 leaky_relu (slope given). tanh and sigmoid stay in JS.

// y[m,n] = act(y[m,n] + b[n]); b = 0 means no bias.
export function biasActivation(y: usize, b: usize, M: i32, N: i32, act: i32, slope: f32): void {
  const N4 = N & ~3;
  const zero = f32x4.splat(0), s = f32x4.splat(slope);
  for (let m = 0; m < M; m++) {
    const row = y + ((<usize>m * N) << 2);
    for (let n = 0; n < N4; n += 4) {
      const o = <usize>n << 2;
      let v = v128.load(row + o);
      if (b != 0) v = f32x4.add(v, v128.load(b + o));
      v128.store(row + o, activate(v, act, zero, s));
    }
    for (let n = N4; n < N; n++) {
      const o = <usize>n << 2;
      let v = load<f32>(row + o);
      if (b != 0) v += load<f32>(b + o);
      store<f32>(row + o, act == 0 || v > 0 ? v : act == 1 ? 0 : v * slope);
    }
  }
}

// @ts-ignore: decorator
@inline function activate(v: v128, act: i32, zero: v128, slope: v128): v128 {
  if (act == 1) return f32x4.max(v, zero);
  if (act == 2) return v128.bitselect(v, f32x4.mul(v, slope), f32x4.gt(v, zero));
  return v;
}

// dz = dy · f'(z), with f' read from the output y: 1 where y > 0, else 0 (relu) or slope (leaky_relu).
export function activationBackward(y: usize, dy: usize, dz: usize, n: i32, act: i32, slope: f32): void {
  const n4 = n & ~3;
  const zero = f32x4.splat(0);
  const below = f32x4.splat(act == 2 ? slope : 0);
  for (let i = 0; i < n4; i += 4) {
    const o = <usize>i << 2;
    const g = v128.load(dy + o);
    v128.store(dz + o, act == 0 ? g : v128.bitselect(g, f32x4.mul(g, below), f32x4.gt(v128.load(y + o), zero)));
  }
  for (let i = n4; i < n; i++) {
    const o = <usize>i << 2;
    const g = load<f32>(dy + o);
    store<f32>(dz + o, act == 0 || load<f32>(y + o) > 0 ? g : act == 1 ? 0 : g * slope);
  }
}

// db[n] += Σ_m dz[m,n]: the bias gradient.
export function columnSums(dz: usize, db: usize, M: i32, N: i32): void {
  const N4 = N & ~3;
  for (let m = 0; m < M; m++) {
    const row = dz + ((<usize>m * N) << 2);
    for (let n = 0; n < N4; n += 4) {
      const o = <usize>n << 2;
      v128.store(db + o, f32x4.add(v128.load(db + o), v128.load(row + o)));
    }
    for (let n = N4; n < N; n++) {
      const o = <usize>n << 2;
      store<f32>(db + o, load<f32>(db + o) + load<f32>(row + o));
    }
  }
}

// Zeroes n floats. TypedArray.fill is several times slower on shared memory than bulk memory.fill.
export function fillZero(p: usize, n: i32): void {
  memory.fill(p, 0, <usize>n << 2);
}

// Inverted dropout: y = x·m with m = 0 where a uniform draw is < p, else `keep` (1/(1−p)).
// The uniforms are mulberry32's, continuing the JS generator's stream from `state`, so
// masks are the same whichever side draws them. Returns the generator's new state.
export function dropoutForward(x: usize, y: usize, mask: usize, n: i32, p: f64, keep: f32, state: u32): u32 {
  // u = r / 2³² < p exactly when r < p·2³²: both sides are scaled by a power of two, so
  // the comparison is the JS generator's, without a division per element.
  const threshold = p * 4294967296.0;
  for (let i = 0; i < n; i++) {
    state += 0x6d2b79f5;
    let t = state;
    t = (t ^ (t >>> 15)) * (t | 1);
    t ^= t + (t ^ (t >>> 7)) * (t | 61);
    const m: f32 = <f64>(t ^ (t >>> 14)) < threshold ? 0 : keep;
    const o = <usize>i << 2;
    store<f32>(mask + o, m);
    store<f32>(y + o, load<f32>(x + o) * m);
  }
  return state;
}

// out += a·b, elementwise (the backward pass of a product with a constant, like a dropout mask).
export function addProduct(a: usize, b: usize, out: usize, n: i32): void {
  const n4 = n & ~3;
  for (let i = 0; i < n4; i += 4) {
    const o = <usize>i << 2;
    v128.store(out + o, f32x4.add(v128.load(out + o), f32x4.mul(v128.load(a + o), v128.load(b + o))));
  }
  for (let i = n4; i < n; i++) {
    const o = <usize>i << 2;
    store<f32>(out + o, load<f32>(out + o) + load<f32>(a + o) * load<f32>(b + o));
  }
}
