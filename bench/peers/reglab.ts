// Reglab's own engine on W1–W5, written the way the runner uses it: a Sequential MLP,
// fused linear + activation, losses and penalties as single ops, pooled buffers.
import * as E from '../../src/engine/index.ts';
import { measureInProcess } from '../harness.ts';
import type { Peer, Trainer, WorkloadId } from '../peer.ts';
import * as W from '../workloads.ts';

type Layers = readonly W.DenseLayer[];

/** An MLP with ReLU hidden layers and the workload's initial weights (spec layout [in, out] → PyTorch's [out, in]). */
function model(layers: Layers, dropout = 0): E.Sequential {
  const specs: E.LayerSpec[] = [];
  layers.forEach((l, k) => {
    specs.push({ kind: 'linear', inFeatures: l.fanIn, outFeatures: l.fanOut });
    if (k + 1 < layers.length) {
      // ReLU then Dropout computes exactly Dropout then ReLU (the spec's order): the mask scales by 0 or 1/(1−p) > 0.
      specs.push({ kind: 'relu' });
      if (dropout > 0) specs.push({ kind: 'dropout', p: dropout });
    }
  });
  const net = new E.Sequential(specs, { rng: new E.Random(0) });
  net.loadValues(
    Object.fromEntries(
      net.namedParameters().map(([name], i) => {
        const l = layers[i >> 1]!;
        return [name, name.endsWith('weight') ? W.transposeWeight(l.W, l.fanIn, l.fanOut) : l.b];
      }),
    ),
  );
  return net;
}

function column(values: Float32Array): E.Tensor {
  return E.tensor(values, [values.length, 1]);
}

function w1(): Trainer {
  const data = W.dataW1();
  const x = column(data.x), y = column(data.y);
  const init = W.initW1();
  const nets = [model(init.plain), model(init.decay)];
  const optimizers = nets.map((n) => new E.SGD(n.parameters(), { lr: W.W1.optimizer.lr, momentum: W.W1.optimizer.momentum }));
  const decayParams = nets[1]!.parameters();
  return {
    train() {
      const losses = [0, 0];
      for (let it = 0; it < W.W1.iterations; it++) {
        for (let k = 0; k < 2; k++) {
          optimizers[k]!.zeroGrad();
          let loss = E.mseLoss(nets[k]!.forward(x), y);
          if (k === 1) loss = E.add(loss, E.l2Penalty(decayParams, W.W1.weightDecay / 2));
          loss.backward();
          optimizers[k]!.step();
          losses[k] = loss.item();
          E.releaseGraph();
        }
      }
      return losses;
    },
  };
}

function w2(): Trainer {
  const data = W.dataW2();
  const x = column(data.x), y = column(data.y);
  const init = W.initW2();
  const nets = [model(init.plain), model(init.dropout, W.W2.dropout).useRandom(new E.Random(W.W2.seeds.dropout))];
  const o = W.W2.optimizer;
  const optimizers = nets.map((n) => new E.Adam(n.parameters(), { lr: o.lr, betas: [o.beta1, o.beta2], eps: o.epsilon }));
  return {
    train() {
      const losses = [0, 0];
      for (let it = 0; it < W.W2.iterations; it++) {
        for (let k = 0; k < 2; k++) {
          optimizers[k]!.zeroGrad();
          const loss = E.mseLoss(nets[k]!.forward(x), y);
          loss.backward();
          optimizers[k]!.step();
          losses[k] = loss.item();
          E.releaseGraph();
        }
      }
      return losses;
    },
  };
}

function w3(lambdas: readonly number[]): Trainer {
  const { train, test } = W.dataW3();
  const d = W.W3.d, batch = W.W3.batch;
  const xTrain = E.tensor(train.X, [W.W3.nTrain, d]), yTrain = column(train.y);
  const xTest = E.tensor(test.X, [W.W3.nTest, d]), yTest = column(test.y);
  const xb = E.zeros([batch, d]), yb = E.zeros([batch, 1]);
  const init = W.initW3();
  const weight = E.zeros([1, d], 'float32', true), bias = E.zeros([1], 'float32', true);
  const order = new Int32Array(W.W3.nTrain);
  const halfMse = (x: E.Tensor, t: E.Tensor) => E.scale(E.mseLoss(E.linear(x, weight, bias), t), 0.5);
  return {
    train() {
      let last = [0, 0];
      for (const lambda of lambdas) {
        weight.data.set(init.w);
        bias.data.set(init.b);
        const optimizer = new E.SGD([weight, bias], { lr: W.W3.optimizer.lr });
        const shuffle = W.shuffleRngW3();
        for (let epoch = 1; epoch <= W.W3.epochs; epoch++) {
          shuffle.permutation(W.W3.nTrain, order);
          for (let start = 0; start < W.W3.nTrain; start += batch) {
            for (let r = 0; r < batch; r++) {
              const i = order[start + r]!;
              xb.data.set(train.X.subarray(i * d, (i + 1) * d), r * d);
              yb.data[r] = train.y[i]!;
            }
            optimizer.zeroGrad();
            const loss = E.add(halfMse(xb, yb), E.l2Penalty([weight], lambda / 2));
            loss.backward();
            optimizer.step();
            E.releaseGraph();
          }
          if (epoch % W.W3.evalEvery === 0) {
            last = E.noGrad(() => [halfMse(xTrain, yTrain).item(), halfMse(xTest, yTest).item()]);
            E.releaseGraph();
          }
        }
      }
      return last;
    },
  };
}

function w4(): Trainer {
  const data = W.dataW4();
  const net = model(W.initW4());
  const o = W.W4.optimizer;
  const optimizer = new E.Adam(net.parameters(), { lr: o.lr, betas: [o.beta1, o.beta2], eps: o.epsilon });
  const params = net.parameters();
  const batch = W.W4.batch, inputs = W.W4.inputs;
  const xb = E.zeros([batch, inputs]);
  const labels = new Int32Array(batch);
  return {
    train() {
      let objective = 0;
      for (let step = 0; step < W.W4.steps; step++) {
        const first = step * batch;
        for (let i = 0; i < batch * inputs; i++) xb.data[i] = data.X[first * inputs + i]!;
        for (let r = 0; r < batch; r++) labels[r] = data.labels[first + r]!;
        optimizer.zeroGrad();
        const loss = E.add(E.crossEntropy(net.forward(xb), labels), E.l1Penalty(params, W.W4.l1Lambda));
        loss.backward();
        optimizer.step();
        objective = loss.item();
        E.releaseGraph();
      }
      return [objective];
    },
  };
}

function w5(): Trainer {
  const data = W.dataW5();
  const net = model(W.initW5());
  const optimizer = new E.SGD(net.parameters(), { lr: W.W5.optimizer.lr });
  const x = E.tensor(data.X, [W.W5.batch, W.W5.inputs]);
  return {
    train() {
      let value = 0;
      for (let step = 0; step < W.W5.stepsPerRun; step++) {
        optimizer.zeroGrad();
        const loss = E.crossEntropy(net.forward(x), data.labels);
        loss.backward();
        optimizer.step();
        value = loss.item();
        E.releaseGraph();
      }
      return [value];
    },
  };
}

export const TRAINERS: Record<WorkloadId, () => Trainer> = {
  W1: w1,
  W2: w2,
  W3_single: () => w3([W.W3.singleLambda]),
  W3_sweep: () => w3(W.W3.lambdas),
  W4: w4,
  W5: w5,
};

export const reglabPeer: Peer = {
  name: 'reglab',
  unavailable: async () => undefined,
  describe: () => `reglab engine (${E.kernelBackend()} kernels, float32, one thread)`,
  run: (workload, plan) => measureInProcess(plan, TRAINERS[workload]),
};
