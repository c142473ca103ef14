// Optimizer updates, one fused pass per parameter; the formulas are documented with the
// JS reference implementations in src/engine/optim/.

// torch.optim.SGD. buf = 0 when momentum is 0; `first` marks the momentum buffer's first step.
export function sgdStep(
  w: usize, g: usize, buf: usize, n: i32,
  lr: f32, wd: f32, momentum: f32, dampening: f32, nesterov: bool, first: bool, sign: f32,
): void {
  const n4 = n & ~3;
  const vlr = f32x4.splat(lr), vwd = f32x4.splat(wd), vmu = f32x4.splat(momentum);
  const vdamp = f32x4.splat(1 - dampening), vsign = f32x4.splat(sign);
  for (let i = 0; i < n4; i += 4) {
    const o = <usize>i << 2;
    const wi = v128.load(w + o);
    let d = f32x4.add(f32x4.mul(vsign, v128.load(g + o)), f32x4.mul(vwd, wi));
    if (buf != 0) {
      const b = first ? d : f32x4.add(f32x4.mul(vmu, v128.load(buf + o)), f32x4.mul(vdamp, d));
      v128.store(buf + o, b);
      d = nesterov ? f32x4.add(d, f32x4.mul(vmu, b)) : b;
    }
    v128.store(w + o, f32x4.sub(wi, f32x4.mul(vlr, d)));
  }
  for (let i = n4; i < n; i++) {
    const o = <usize>i << 2;
    const wi = load<f32>(w + o);
    let d = sign * load<f32>(g + o) + wd * wi;
    if (buf != 0) {
      const b = first ? d : momentum * load<f32>(buf + o) + (1 - dampening) * d;
      store<f32>(buf + o, b);
      d = nesterov ? d + momentum * b : b;
    }
    store<f32>(w + o, wi - lr * d);
  }
}

// torch.optim.Adam / AdamW. vmax = 0 without amsgrad. shrink = 1 − lr·wd for AdamW (else 1),
// coupledWd = wd for Adam (else 0); stepSize = lr/(1−β1ᵗ), correction2 = √(1−β2ᵗ).
export function adamStep(
  w: usize, g: usize, m: usize, v: usize, vmax: usize, n: i32,
  stepSize: f32, correction2: f32, beta1: f32, beta2: f32, eps: f32, coupledWd: f32, shrink: f32, sign: f32,
): void {
  const n4 = n & ~3;
  const vb1 = f32x4.splat(beta1), vb1c = f32x4.splat(1 - beta1), vb2 = f32x4.splat(beta2), vb2c = f32x4.splat(1 - beta2);
  const vstep = f32x4.splat(stepSize), vc2 = f32x4.splat(correction2), veps = f32x4.splat(eps);
  const vwd = f32x4.splat(coupledWd), vshrink = f32x4.splat(shrink), vsign = f32x4.splat(sign);
  for (let i = 0; i < n4; i += 4) {
    const o = <usize>i << 2;
    const wi = f32x4.mul(v128.load(w + o), vshrink);
    const gi = f32x4.add(f32x4.mul(vsign, v128.load(g + o)), f32x4.mul(vwd, wi));
    const mi = f32x4.add(f32x4.mul(vb1, v128.load(m + o)), f32x4.mul(vb1c, gi));
    let vi = f32x4.add(f32x4.mul(vb2, v128.load(v + o)), f32x4.mul(vb2c, f32x4.mul(gi, gi)));
    v128.store(m + o, mi);
    v128.store(v + o, vi);
    if (vmax != 0) {
      vi = f32x4.max(v128.load(vmax + o), vi);
      v128.store(vmax + o, vi);
    }
    const denom = f32x4.add(f32x4.div(f32x4.sqrt(vi), vc2), veps);
    v128.store(w + o, f32x4.sub(wi, f32x4.div(f32x4.mul(vstep, mi), denom)));
  }
  for (let i = n4; i < n; i++) {
    const o = <usize>i << 2;
    const wi = load<f32>(w + o) * shrink;
    const gi = sign * load<f32>(g + o) + coupledWd * wi;
    const mi = beta1 * load<f32>(m + o) + (1 - beta1) * gi;
    let vi = beta2 * load<f32>(v + o) + (1 - beta2) * gi * gi;
    store<f32>(m + o, mi);
    store<f32>(v + o, vi);
    if (vmax != 0) {
      vi = max(load<f32>(vmax + o), vi);
      store<f32>(vmax + o, vi);
    }
    store<f32>(w + o, wi - (stepSize * mi) / (sqrt<f32>(vi) / correction2 + eps));
  }
}
