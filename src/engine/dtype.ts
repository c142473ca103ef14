// Element types. Float32 is the default, as in PyTorch; float64 is there for exact
// comparisons (the parity fixtures are float64) and for users who want it.

export type DType = 'float32' | 'float64';
export type Buffer = Float32Array | Float64Array;

export function allocate(dtype: DType, length: number): Buffer {
  return dtype === 'float32' ? new Float32Array(length) : new Float64Array(length);
}

export function dtypeOf(buffer: Buffer): DType {
  return buffer instanceof Float32Array ? 'float32' : 'float64';
}
