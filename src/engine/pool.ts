// Recycles the typed arrays of intermediate tensors. A training step builds the same
// graph every time, so after the first step every buffer it asks for is already here:
// steady-state training allocates no typed arrays at all.
import { allocate, type Buffer, type DType } from './dtype.ts';
import { fillZero } from './kernels/index.ts';

const free: Record<DType, Map<number, Buffer[]>> = { float32: new Map(), float64: new Map() };
let allocations = 0;

/** A buffer of exactly `length` elements; its contents are arbitrary unless `zeroed`. */
export function takeBuffer(dtype: DType, length: number, zeroed: boolean): Buffer {
  const stack = free[dtype].get(length);
  const reused = stack?.pop();
  if (reused === undefined) {
    allocations++;
    return allocate(dtype, length);
  }
  if (zeroed) fillZero(reused);
  return reused;
}

export function giveBuffer(buffer: Buffer): void {
  const byLength = buffer instanceof Float32Array ? free.float32 : free.float64;
  const stack = byLength.get(buffer.length);
  if (stack === undefined) byLength.set(buffer.length, [buffer]);
  else stack.push(buffer);
}

/** How many typed arrays the pool has created so far (tests check it stops growing). */
export function poolAllocations(): number {
  return allocations;
}
