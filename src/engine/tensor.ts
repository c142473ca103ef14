// Tensors and reverse-mode autograd, micrograd-style: each op builds its output and
// attaches a closure that pushes the output's gradient into its inputs' gradients.
// Ops are recorded on a tape in execution order, which is already a topological order,
// so backward() just runs the closures in reverse. releaseGraph() hands every
// intermediate buffer back to the pool, so the next step reuses them.
import { allocate, type Buffer, type DType } from './dtype.ts';
import { giveBuffer, takeBuffer } from './pool.ts';
import { fillZero, onHeap } from './kernels/index.ts';

export type Shape = readonly number[];

const RELEASED = new Float64Array(0);
const tape: Tensor[] = [];
let gradEnabled = true;

export class Tensor {
  data: Buffer;
  grad: Buffer | null = null;
  readonly shape: Shape;
  readonly size: number;
  readonly dtype: DType;
  /** Whether backward() computes a gradient for it; a leaf's can be switched off (`requiresGrad_`). */
  requiresGrad: boolean;
  readonly isLeaf: boolean;
  /** Adds d(output)/d(inputs)·grad into the inputs' gradients; null for leaves and no-grad results. */
  backwardFn: (() => void) | null = null;

  constructor(data: Buffer, shape: Shape, requiresGrad: boolean, isLeaf: boolean) {
    const size = shapeSize(shape);
    if (data.length !== size) {
      throw new Error(`Tensor data has ${data.length} elements but shape ${formatShape(shape)} needs ${size}`);
    }
    this.data = data;
    this.shape = shape;
    this.size = size;
    this.dtype = data instanceof Float32Array ? 'float32' : 'float64';
    this.requiresGrad = requiresGrad;
    this.isLeaf = isLeaf;
  }

  /** The value of a one-element tensor as a JS number. */
  item(): number {
    if (this.data === RELEASED) throw new Error('Tensor was released with its graph; read values before releaseGraph()');
    if (this.size !== 1) throw new Error(`item() needs a tensor with one element, got shape ${formatShape(this.shape)}`);
    return this.data[0]!;
  }

  /** Runs reverse-mode autodiff from this scalar into every tensor that requires grad. */
  backward(): void {
    backward(this);
  }

  /** Zero-filled gradient buffer, created on first use (persistent for leaves, pooled otherwise). */
  gradBuffer(): Buffer {
    if (this.grad === null) {
      this.grad = this.isLeaf ? allocate(this.dtype, this.size) : takeBuffer(this.dtype, this.size, true);
    }
    return this.grad;
  }

  zeroGrad(): void {
    if (this.grad !== null) fillZero(this.grad);
  }

  /**
   * PyTorch's `requires_grad_(flag)` on a leaf: a frozen parameter (flag false) gets no
   * gradient, so the ops that read it skip its gradient work and no optimizer may hold it.
   * Only for leaves, as in PyTorch; a result's flag follows from its inputs.
   */
  requiresGrad_(flag: boolean): this {
    if (!this.isLeaf) throw new Error('requiresGrad_() is for leaf tensors only: a result requires grad when one of its inputs does');
    this.requiresGrad = flag;
    if (!flag) this.grad = null;
    return this;
  }
}

export function shapeSize(shape: Shape): number {
  let size = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw new Error(`Invalid shape ${formatShape(shape)}: sizes must be integers ≥ 0`);
    size *= d;
  }
  return size;
}

export function formatShape(shape: Shape): string {
  return `[${shape.join(', ')}]`;
}

/** A leaf tensor over a copy of `values` (or over `values` itself when it is a buffer of the right dtype and `copy` is false). */
export function tensor(
  values: ArrayLike<number>,
  shape: Shape = [values.length],
  options: { dtype?: DType; requiresGrad?: boolean; copy?: boolean } = {},
): Tensor {
  const dtype = options.dtype ?? 'float32';
  // Reusing caller memory is only safe when it is what allocate() would give: float32 in the heap.
  const reuse =
    options.copy === false &&
    ((dtype === 'float32' && values instanceof Float32Array && onHeap(values)) || (dtype === 'float64' && values instanceof Float64Array));
  let data: Buffer;
  if (reuse) data = values as Buffer;
  else {
    data = allocate(dtype, values.length);
    data.set(values);
  }
  return new Tensor(data, shape, options.requiresGrad ?? false, true);
}

export function zeros(shape: Shape, dtype: DType = 'float32', requiresGrad = false): Tensor {
  return new Tensor(allocate(dtype, shapeSize(shape)), shape, requiresGrad, true);
}

/** The output of an op: a pooled buffer, recorded on the tape so releaseGraph() recycles it. */
export function opResult(shape: Shape, dtype: DType, inputs: readonly Tensor[], zeroed = false): Tensor {
  let requiresGrad = false;
  if (gradEnabled) for (const t of inputs) if (t.requiresGrad) requiresGrad = true;
  const out = new Tensor(takeBuffer(dtype, shapeSize(shape), zeroed), shape, requiresGrad, false);
  tape.push(out);
  return out;
}

/** A scratch buffer that lives until releaseGraph() (e.g. a dropout mask kept for backward). */
export function graphScratch(dtype: DType, length: number): Buffer {
  const holder = new Tensor(takeBuffer(dtype, length, false), [length], false, false);
  tape.push(holder);
  return holder.data;
}

export function backward(loss: Tensor): void {
  if (loss.size !== 1) throw new Error(`backward() needs a scalar loss, got shape ${formatShape(loss.shape)}`);
  if (!loss.requiresGrad) throw new Error('backward() on a tensor that does not require grad: no parameter contributed to it');
  loss.gradBuffer()[0] = 1;
  const start = tape.lastIndexOf(loss);
  for (let i = start; i >= 0; i--) {
    const node = tape[i]!;
    if (node.grad !== null && node.backwardFn !== null) node.backwardFn();
  }
}

/** Returns every intermediate buffer of the recorded graphs to the pool. */
export function releaseGraph(): void {
  for (const node of tape) {
    giveBuffer(node.data);
    node.data = RELEASED;
    if (node.grad !== null) {
      giveBuffer(node.grad);
      node.grad = null;
    }
    node.backwardFn = null;
  }
  tape.length = 0;
}

/** Runs `fn` without recording gradients (evaluation, metrics). */
export function noGrad<T>(fn: () => T): T {
  const previous = gradEnabled;
  gradEnabled = false;
  try {
    return fn();
  } finally {
    gradEnabled = previous;
  }
}

export function assertSameDType(op: string, a: Tensor, b: Tensor): void {
  if (a.dtype !== b.dtype) throw new Error(`${op}: dtype mismatch, ${a.dtype} and ${b.dtype}`);
}
