// Element types. Float32 is the default, as in PyTorch; float64 is there for exact
// comparisons (the parity fixtures are float64) and for users who want it.
import { heapFloat32 } from './wasm/heap.ts';
import { wasm } from './wasm/kernels.ts';

export type DType = 'float32' | 'float64';
export type Buffer = Float32Array | Float64Array;

/** A zeroed buffer; float32 ones live in the WebAssembly heap when the SIMD kernels are loaded. */
export function allocate(dtype: DType, length: number): Buffer {
  if (dtype === 'float64') return new Float64Array(length);
  return wasm === null ? new Float32Array(length) : heapFloat32(length);
}

export function dtypeOf(buffer: Buffer): DType {
  return buffer instanceof Float32Array ? 'float32' : 'float64';
}
