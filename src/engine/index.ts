// The engine's public surface: everything the runner, the worker, the CLI and the
// tests use. Nothing here imports vscode or anything else of Reglab.
export type { Buffer, DType } from './dtype.ts';
export { Random } from './random.ts';
export { Tensor, tensor, zeros, noGrad, releaseGraph, backward, formatShape, type Shape } from './tensor.ts';
export { poolAllocations } from './pool.ts';
export { kernelBackend } from './kernels/index.ts';
export { add, sub, mul, div, scale } from './ops/elementwise.ts';
export { sum, mean } from './ops/reduce.ts';
export { abs, square, sqrt, exp, log, neg, relu, leakyRelu, tanh, sigmoid, activate } from './ops/unary.ts';
export { logSoftmax } from './ops/softmax.ts';
export { dropout } from './ops/dropout.ts';
export { gaussianNoise, type NormalSource } from './ops/noise.ts';
export { linear } from './ops/linear.ts';
export { ACTIVATIONS, type Activation } from './ops/activation.ts';
export { mseLoss, l1Loss, smoothL1Loss, huberLoss, crossEntropy, bceWithLogits, checkLabelSmoothing, type Reduction } from './losses.ts';
export { l1Penalty, l2Penalty, elasticNetPenalty, l2NormPenalty } from './penalties.ts';
export { Linear, Sequential, mlp, mlpLayers, type LayerSpec, type MlpOptions, type Init } from './nn.ts';
export { Optimizer, type ParamGroup, type GroupInput } from './optim/optimizer.ts';
export { SGD, type SgdOptions } from './optim/sgd.ts';
export { Adam, AdamW, type AdamOptions } from './optim/adam.ts';
export { RMSprop, type RmspropOptions } from './optim/rmsprop.ts';
export { Adagrad, type AdagradOptions } from './optim/adagrad.ts';
