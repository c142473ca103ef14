// Minibatches over a split, as DataLoader(batch_size, shuffle) draws them: an optional
// reshuffle per epoch, then consecutive slices; the last one may be smaller. Batch
// tensors are allocated once and refilled, so the training loop allocates nothing.
import * as E from '../../engine/index.ts';
import type { Split } from '../../data/index.ts';
import type { Targets } from './objective.ts';

export interface Batch {
  x: E.Tensor;
  targets: Targets;
}

export type TargetKind = 'values' | 'classes';

export class Batcher {
  private readonly order: Int32Array;
  private readonly full: Batch;
  private readonly sizes: Map<number, Batch> = new Map();

  constructor(
    private readonly split: Split,
    private readonly inputs: number,
    private readonly outputs: number,
    private readonly kind: TargetKind,
    private readonly dtype: E.DType,
    readonly batchSize: number,
    private readonly shuffle: E.Random | null,
  ) {
    this.order = Int32Array.from({ length: split.n }, (_, i) => i);
    this.full = wholeSplit(split, inputs, outputs, kind, dtype);
  }

  get batchesPerEpoch(): number {
    return Math.ceil(this.split.n / this.batchSize);
  }

  /** Starts an epoch: reshuffles the sample order when shuffling is on. */
  startEpoch(): void {
    if (this.shuffle !== null && this.batchSize < this.split.n) this.shuffle.permutation(this.split.n, this.order);
  }

  batch(index: number): Batch {
    if (this.batchSize >= this.split.n) return this.full;
    const start = index * this.batchSize;
    const size = Math.min(this.batchSize, this.split.n - start);
    let b = this.sizes.get(size);
    if (b === undefined) {
      b = emptyBatch(size, this.inputs, this.outputs, this.kind, this.dtype);
      this.sizes.set(size, b);
    }
    // Rows come from the whole split already in the run's dtype, a row at a time: a native
    // copy of same-typed memory rather than an element loop with a float64 → float32 conversion.
    const x = this.full.x.data;
    const { inputs, outputs } = this;
    const xs = b.x.data;
    const classes = b.targets.classes;
    const values = b.targets.values?.data;
    const fullClasses = this.full.targets.classes;
    const fullValues = this.full.targets.values?.data;
    for (let r = 0; r < size; r++) {
      const i = this.order[start + r]!;
      xs.set(x.subarray(i * inputs, (i + 1) * inputs), r * inputs);
      if (classes !== null) classes[r] = fullClasses![i]!;
      else values!.set(fullValues!.subarray(i * outputs, (i + 1) * outputs), r * outputs);
    }
    return b;
  }
}

/** The whole split as one batch (for full-batch training and for evaluation). */
export function wholeSplit(split: Split, inputs: number, outputs: number, kind: TargetKind, dtype: E.DType): Batch {
  const x = E.tensor(split.x.subarray(0, split.n * inputs), [split.n, inputs], { dtype });
  if (kind === 'classes') return { x, targets: { values: null, classes: Int32Array.from(split.y.subarray(0, split.n)) } };
  return { x, targets: { values: E.tensor(split.y.subarray(0, split.n * outputs), [split.n, outputs], { dtype }), classes: null } };
}

function emptyBatch(size: number, inputs: number, outputs: number, kind: TargetKind, dtype: E.DType): Batch {
  const x = E.zeros([size, inputs], dtype);
  if (kind === 'classes') return { x, targets: { values: null, classes: new Int32Array(size) } };
  return { x, targets: { values: E.zeros([size, outputs], dtype), classes: null } };
}
