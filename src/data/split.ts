// Small helpers shared by the generators and the file loaders.
//
// Generated values are rounded to float32 (`f32`) before they are stored: the engine
// computes in float32 by default, so a float32 run, a float64 run and a float32 PyTorch
// export all see exactly the same numbers (and d2l matches bench W3 bit for bit).
import type { Split } from './dataset.ts';

export const f32 = Math.fround;

export function newSplit(n: number, inputs: number, yWidth: number): Split {
  return { x: new Float64Array(n * inputs), y: new Float64Array(n * yWidth), n };
}

/** The i-th of n evenly spaced points from low to high, as numpy.linspace (n = 1 gives low). */
export function linspaceAt(low: number, high: number, n: number, i: number): number {
  return n === 1 ? low : low + ((high - low) * i) / (n - 1);
}

/** A new split whose row r is row order[r] of `split`. */
export function reorderRows(split: Split, inputs: number, yWidth: number, order: ArrayLike<number>): Split {
  const out = newSplit(order.length, inputs, yWidth);
  for (let r = 0; r < order.length; r++) {
    const from = order[r]!;
    out.x.set(split.x.subarray(from * inputs, (from + 1) * inputs), r * inputs);
    out.y.set(split.y.subarray(from * yWidth, (from + 1) * yWidth), r * yWidth);
  }
  return out;
}

/**
 * Per input, the range of the values in the splits widened by `margin` of its width on
 * each side: where a fit curve or a decision boundary is worth drawing.
 */
export function paddedBounds(splits: Split[], inputs: number, margin = 0.1): [number, number][] {
  const bounds: [number, number][] = [];
  for (let j = 0; j < inputs; j++) {
    let low = Infinity;
    let high = -Infinity;
    for (const split of splits) {
      for (let i = 0; i < split.n; i++) {
        const v = split.x[i * inputs + j]!;
        if (v < low) low = v;
        if (v > high) high = v;
      }
    }
    if (!(low <= high)) [low, high] = [-1, 1];
    const pad = high > low ? (high - low) * margin : 1;
    bounds.push([low - pad, high + pad]);
  }
  return bounds;
}
