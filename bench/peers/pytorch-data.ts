// What the PyTorch peer receives for each workload: the data and initial weights from
// bench/workloads.ts as named arrays (written to raw float32/int32 files), and the
// hyper-parameters as JSON, so pytorch_bench.py holds formulas but no numbers of its own.

import type { WorkloadId } from '../peer.ts';
import * as spec from '../workloads.ts';

export interface NamedArray {
  readonly name: string;
  readonly data: Float32Array | Int32Array;
  readonly shape: readonly number[];
}

export interface PytorchWorkload {
  readonly arrays: readonly NamedArray[];
  readonly config: Readonly<Record<string, unknown>>;
}

/** `prefix.{l}.W` as [fanIn, fanOut] (the spec's layout; the Python side transposes) and `prefix.{l}.b`. */
function mlpArrays(prefix: string, layers: readonly spec.DenseLayer[]): NamedArray[] {
  return layers.flatMap((layer, l) => [
    { name: `${prefix}.${l}.W`, data: layer.W, shape: [layer.fanIn, layer.fanOut] },
    { name: `${prefix}.${l}.b`, data: layer.b, shape: [layer.fanOut] },
  ]);
}

function classificationArrays(data: spec.ClassificationData, n: number, inputs: number, classes: number): NamedArray[] {
  return [
    { name: 'X', data: data.X, shape: [n, inputs] },
    { name: 'labels', data: data.labels, shape: [n] },
    { name: 'onehot', data: data.onehot, shape: [n, classes] },
  ];
}

export function pytorchWorkload(id: WorkloadId): PytorchWorkload {
  switch (id) {
    case 'W1': {
      const data = spec.dataW1();
      const nets = spec.initW1();
      return {
        arrays: [
          { name: 'x', data: data.x, shape: [data.n, 1] },
          { name: 'y', data: data.y, shape: [data.n, 1] },
          ...mlpArrays('plain', nets.plain),
          ...mlpArrays('decay', nets.decay),
        ],
        config: spec.W1,
      };
    }
    case 'W2': {
      const data = spec.dataW2();
      const nets = spec.initW2();
      return {
        arrays: [
          { name: 'x', data: data.x, shape: [data.n, 1] },
          { name: 'y', data: data.y, shape: [data.n, 1] },
          ...mlpArrays('plain', nets.plain),
          ...mlpArrays('dropout', nets.dropout),
        ],
        config: spec.W2,
      };
    }
    case 'W3_single':
    case 'W3_sweep': {
      const S = spec.W3;
      const data = spec.dataW3();
      const init = spec.initW3();
      return {
        arrays: [
          { name: 'Xtrain', data: data.train.X, shape: [S.nTrain, S.d] },
          { name: 'ytrain', data: data.train.y, shape: [S.nTrain, 1] },
          { name: 'Xtest', data: data.test.X, shape: [S.nTest, S.d] },
          { name: 'ytest', data: data.test.y, shape: [S.nTest, 1] },
          { name: 'w', data: init.w, shape: [S.d, 1] },
          { name: 'b', data: init.b, shape: [1] },
          { name: 'order', data: spec.shuffleOrderW3(), shape: [S.epochs, S.nTrain] },
        ],
        config: { ...S, lambdas: id === 'W3_single' ? [S.singleLambda] : S.lambdas },
      };
    }
    case 'W4': {
      const S = spec.W4;
      return {
        arrays: [...classificationArrays(spec.dataW4(), S.nSamples, S.inputs, S.classes), ...mlpArrays('net', spec.initW4())],
        config: S,
      };
    }
    case 'W5': {
      const S = spec.W5;
      return {
        arrays: [...classificationArrays(spec.dataW5(), S.batch, S.inputs, S.classes), ...mlpArrays('net', spec.initW5())],
        config: S,
      };
    }
  }
}
