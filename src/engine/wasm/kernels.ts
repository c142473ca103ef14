// Instantiates the SIMD kernels over the heap's memory. One build for every runtime, with
// plain SIMD only (no relaxed SIMD, see assembly/madd.ts), so the same run gives the same
// bits in Node, in any browser and in any worker. REGLAB_KERNELS=js runs everything on the
// plain-JS kernels instead (they round differently: float64 sums, another order).
import { KERNELS_WASM_BASE64 } from './kernels-binary.ts';
import { decodeBase64 } from './base64.ts';
import { memory } from './heap.ts';

export interface WasmKernels {
  gemm(a: number, aI: number, aK: number, b: number, bK: number, bJ: number, c: number, M: number, N: number, K: number, accumulate: boolean, work: number): void;
  gemmWorkFloats(M: number, N: number, K: number): number;
  matmulNT(a: number, b: number, c: number, M: number, N: number, K: number, accumulate: boolean): void;
  matmulAccumulate(a: number, strideI: number, strideK: number, b: number, c: number, M: number, N: number, K: number): void;
  biasActivation(y: number, b: number, M: number, N: number, act: number, slope: number): void;
  activationBackward(y: number, dy: number, dz: number, n: number, act: number, slope: number): void;
  columnSums(dz: number, db: number, M: number, N: number): void;
  fillZero(p: number, n: number): void;
  dropoutForward(x: number, y: number, mask: number, n: number, p: number, keep: number, state: number): number;
  addProduct(a: number, b: number, out: number, n: number): void;
  sgdStep(w: number, g: number, buf: number, n: number, lr: number, wd: number, momentum: number, dampening: number, nesterov: boolean, first: boolean, sign: number): void;
  adamStep(w: number, g: number, m: number, v: number, vmax: number, n: number, stepSize: number, correction2: number, beta1: number, beta2: number, eps: number, coupledWd: number, shrink: number, sign: number): void;
  absSum(w: number, n: number): number;
  squareSum(w: number, n: number): number;
  addSignScaled(w: number, dw: number, n: number, coef: number): void;
  addScaled(w: number, dw: number, n: number, coef: number): void;
}

const choice = typeof process !== 'undefined' ? process.env?.REGLAB_KERNELS : undefined;

function load(): WasmKernels | null {
  if (choice === 'js') return null;
  try {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(decodeBase64(KERNELS_WASM_BASE64)), { env: { memory } });
    return instance.exports as unknown as WasmKernels;
  } catch {
    return null; // no WebAssembly SIMD here: the JS kernels do everything
  }
}

export const wasm: WasmKernels | null = load();
