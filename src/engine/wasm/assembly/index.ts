// The engine's WebAssembly kernels: the few loops that dominate training.
export { gemm, gemmWorkFloats } from './gemm';
export { matmulNT, matmulAccumulate } from './matmul';
export { biasActivation, activationBackward, columnSums, fillZero, dropoutForward, addProduct } from './elementwise';
export { sgdStep, adamStep } from './optimizers';
export { absSum, squareSum, addSignScaled, addScaled } from './penalties';
