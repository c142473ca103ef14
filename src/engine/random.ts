// Seeded random numbers. One seed gives the same stream on every machine: mulberry32 is
// pure 32-bit integer arithmetic, and normals use Box–Muller with one normal per two
// uniforms (the convention of ../shared/bench/workloads.md, so benchmark data matches).

export class Random {
  private seedState: number;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new Error(`Random seed must be a finite number, got ${seed}`);
    this.seedState = seed >>> 0;
  }

  /** The 32-bit state, so a kernel can continue this stream outside JS and hand it back. */
  get state(): number {
    return this.seedState;
  }

  set state(value: number) {
    this.seedState = value >>> 0;
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    this.seedState = (this.seedState + 0x6d2b79f5) >>> 0;
    let t = this.seedState;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform in [low, high). */
  between(low: number, high: number): number {
    return low + (high - low) * this.uniform();
  }

  /** Standard normal N(0, 1) by Box–Muller; consumes two uniforms. */
  normal(): number {
    const u1 = this.uniform();
    const u2 = this.uniform();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** A random permutation of 0..n-1 (Fisher–Yates), written into `out` when given. */
  permutation(n: number, out: Int32Array = new Int32Array(n)): Int32Array {
    for (let i = 0; i < n; i++) out[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(this.uniform() * (i + 1));
      const t = out[i]!;
      out[i] = out[j]!;
      out[j] = t;
    }
    return out;
  }

  /** A new generator whose stream is a deterministic function of this one's next draw. */
  fork(): Random {
    return new Random(Math.floor(this.uniform() * 4294967296));
  }
}
