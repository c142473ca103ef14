// Binary elementwise ops with broadcasting. Same-shape operands take a direct loop;
// broadcast operands go through precomputed offsets, and their gradients are summed
// back over the stretched dimensions.
import { assertSameDType, opResult, type Tensor } from '../tensor.ts';
import { broadcastOffsets, broadcastShape } from './broadcast.ts';

type Kind = 'add' | 'sub' | 'mul' | 'div';

export const add = (a: Tensor, b: Tensor): Tensor => binary('add', a, b);
export const sub = (a: Tensor, b: Tensor): Tensor => binary('sub', a, b);
export const mul = (a: Tensor, b: Tensor): Tensor => binary('mul', a, b);
export const div = (a: Tensor, b: Tensor): Tensor => binary('div', a, b);

function binary(kind: Kind, a: Tensor, b: Tensor): Tensor {
  assertSameDType(kind, a, b);
  const shape = broadcastShape(kind, a.shape, b.shape);
  const out = opResult(shape, a.dtype, [a, b]);
  const n = out.size;
  const ia = a.size === n ? null : broadcastOffsets(a.shape, shape);
  const ib = b.size === n ? null : broadcastOffsets(b.shape, shape);
  const x = a.data, y = b.data, z = out.data;
  for (let i = 0; i < n; i++) {
    const u = x[ia === null ? i : ia[i]!]!;
    const v = y[ib === null ? i : ib[i]!]!;
    z[i] = kind === 'add' ? u + v : kind === 'sub' ? u - v : kind === 'mul' ? u * v : u / v;
  }
  if (out.requiresGrad) {
    out.backwardFn = () => {
      const dz = out.grad!;
      if (a.requiresGrad) {
        const da = a.gradBuffer();
        for (let i = 0; i < n; i++) {
          const v = y[ib === null ? i : ib[i]!]!;
          const d = kind === 'add' || kind === 'sub' ? dz[i]! : kind === 'mul' ? dz[i]! * v : dz[i]! / v;
          da[ia === null ? i : ia[i]!] += d;
        }
      }
      if (b.requiresGrad) {
        const db = b.gradBuffer();
        for (let i = 0; i < n; i++) {
          const u = x[ia === null ? i : ia[i]!]!;
          const v = y[ib === null ? i : ib[i]!]!;
          const d = kind === 'add' ? dz[i]! : kind === 'sub' ? -dz[i]! : kind === 'mul' ? dz[i]! * u : (-dz[i]! * u) / (v * v);
          db[ib === null ? i : ib[i]!] += d;
        }
      }
    };
  }
  return out;
}

/** a · c for a constant c. */
export function scale(a: Tensor, c: number): Tensor {
  const out = opResult(a.shape, a.dtype, [a]);
  const x = a.data, z = out.data;
  for (let i = 0; i < z.length; i++) z[i] = x[i]! * c;
  if (out.requiresGrad) {
    out.backwardFn = () => {
      const dz = out.grad!, da = a.gradBuffer();
      for (let i = 0; i < dz.length; i++) da[i] += dz[i]! * c;
    };
  }
  return out;
}
