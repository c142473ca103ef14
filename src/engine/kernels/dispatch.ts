// Which implementation each matrix product uses. The JS kernels are always there;
// the WebAssembly SIMD kernels take float32 work when they are loaded.
import { matmulNN, matmulNT, matmulTN } from './matmul.ts';

export const matmul = {
  nt: matmulNT,
  nn: matmulNN,
  tn: matmulTN,
};
