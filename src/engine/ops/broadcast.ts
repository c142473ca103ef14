// NumPy/PyTorch broadcasting: shapes are aligned on the right, and a size-1 (or missing)
// dimension stretches to the other's size.
import { formatShape, type Shape } from '../tensor.ts';

export function broadcastShape(op: string, a: Shape, b: Shape): number[] {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new Error(`${op}: shapes ${formatShape(a)} and ${formatShape(b)} cannot be broadcast together`);
    }
    out.push(da === 1 ? db : da);
  }
  return out;
}

/**
 * For every element of the output, the offset of the element of `shape` it reads:
 * strides are 0 along broadcast dimensions. Computed once per op call.
 */
export function broadcastOffsets(shape: Shape, outShape: Shape): Int32Array {
  const rank = outShape.length;
  const strides = new Array<number>(rank).fill(0);
  let stride = 1;
  for (let i = rank - 1; i >= 0; i--) {
    const d = shape[shape.length - rank + i] ?? 1;
    strides[i] = d === 1 ? 0 : stride;
    stride *= d;
  }
  let size = 1;
  for (const d of outShape) size *= d;
  const offsets = new Int32Array(size);
  const index = new Array<number>(rank).fill(0);
  let offset = 0;
  for (let n = 0; n < size; n++) {
    offsets[n] = offset;
    for (let i = rank - 1; i >= 0; i--) {
      index[i]++;
      offset += strides[i]!;
      if (index[i]! < outShape[i]!) break;
      offset -= strides[i]! * index[i]!;
      index[i] = 0;
    }
  }
  return offsets;
}
