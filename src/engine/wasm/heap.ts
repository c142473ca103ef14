// The float32 heap: one shared WebAssembly memory that every float32 tensor lives in,
// so the SIMD kernels read and write tensors in place, with no copies. The memory is
// shared because growing a shared memory never detaches the views already handed out.
// Blocks are recycled by exact size: from the buffer pool during training, and through a
// FinalizationRegistry when a view (say, a finished run's parameters) is collected.

const PAGE_BYTES = 65536;
const MAX_PAGES = 65536; // 4 GiB of address space, reserved, not committed
const RESERVED_BYTES = PAGE_BYTES; // the kernel module's own statics live in the first page

export const memory = new WebAssembly.Memory({ initial: 64, maximum: MAX_PAGES, shared: true });

let current: ArrayBufferLike = memory.buffer;
const heapBuffers = new Set<ArrayBufferLike>([current]);
let top = RESERVED_BYTES;
const freeBlocks = new Map<number, number[]>();
const collected = new FinalizationRegistry<[offset: number, length: number]>(([offset, length]) => recycle(offset, length));

export function heapFloat32(length: number): Float32Array {
  const recycled = freeBlocks.get(length)?.pop();
  const offset = recycled ?? bump(length);
  const view = new Float32Array(current, offset, length);
  if (recycled !== undefined) view.fill(0); // fresh memory is zero already
  collected.register(view, [offset, length]);
  return view;
}

/** True when `buffer` is a view into the heap, so kernels can address it by byte offset. */
export function inHeap(buffer: Float32Array | Float64Array): boolean {
  return heapBuffers.has(buffer.buffer);
}

function bump(length: number): number {
  const bytes = Math.max(16, (length * 4 + 15) & ~15); // 16-byte aligned for SIMD
  const offset = top;
  top += bytes;
  if (top > current.byteLength) {
    const pages = Math.ceil((top - current.byteLength) / PAGE_BYTES);
    memory.grow(Math.max(pages, current.byteLength / PAGE_BYTES / 2));
    current = memory.buffer;
    heapBuffers.add(current);
  }
  return offset;
}

function recycle(offset: number, length: number): void {
  const list = freeBlocks.get(length);
  if (list === undefined) freeBlocks.set(length, [offset]);
  else list.push(offset);
}
