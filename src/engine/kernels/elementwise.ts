// Plain-JS versions of the fused elementwise kernels (float64, and float32 without WebAssembly).
import type { Buffer } from '../dtype.ts';

export function addRowVector(y: Buffer, b: Buffer, rows: number, cols: number): void {
  for (let r = 0, at = 0; r < rows; r++) for (let c = 0; c < cols; c++, at++) y[at] += b[c]!;
}

export function addColumnSums(dz: Buffer, db: Buffer, rows: number, cols: number): void {
  for (let r = 0, at = 0; r < rows; r++) for (let c = 0; c < cols; c++, at++) db[c] += dz[at]!;
}

export function absSum(w: Buffer): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += Math.abs(w[i]!);
  return s;
}

export function squareSum(w: Buffer): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i]! * w[i]!;
  return s;
}

export function addSignScaled(w: Buffer, dw: Buffer, coef: number): void {
  for (let i = 0; i < w.length; i++) {
    const v = w[i]!;
    dw[i] += v > 0 ? coef : v < 0 ? -coef : 0;
  }
}

export function addScaled(w: Buffer, dw: Buffer, coef: number): void {
  for (let i = 0; i < w.length; i++) dw[i] += coef * w[i]!;
}
