// W1–W5 written in TensorFlow.js the way a tfjs user would write them: tf.variable for
// the parameters, optimizer.minimize for forward + backward + update, tf.fused.matMul with
// the bias (and ReLU when nothing sits between them) as tfjs-layers' Dense does. The
// formulas are workloads.md's; the same file serves the cpu and the wasm backend.
//
// Each function builds data, parameters and optimizers (untimed) and returns a Trainer
// whose train() is the timed loop. Intermediate tensors are freed by minimize (which runs
// in a tidy scope) or explicitly, so memory stays flat over thousands of steps.

import type { Optimizer, Scalar, Tensor, Tensor2D, Variable } from '@tensorflow/tfjs-core';
import type { Trainer, WorkloadId } from '../peer.ts';
import type { Tf } from './tfjs-backend.ts';
import * as spec from '../workloads.ts';

interface Layer {
  readonly W: Variable; // [fanIn, fanOut], the spec's layout, which is also tfjs's
  readonly b: Variable;
}

export function tfjsTrainer(tf: Tf, id: WorkloadId): Trainer {
  switch (id) {
    case 'W1': return w1(tf);
    case 'W2': return w2(tf);
    case 'W3_single': return w3(tf, [spec.W3.singleLambda]);
    case 'W3_sweep': return w3(tf, spec.W3.lambdas);
    case 'W4': return w4(tf);
    case 'W5': return w5(tf);
  }
}

// ---------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------

function mlp(tf: Tf, layers: readonly spec.DenseLayer[]): Layer[] {
  // tidy frees the initial tensors; variables survive it and keep the data.
  return tf.tidy(() => layers.map((l) => ({
    W: tf.variable(tf.tensor2d(l.W, [l.fanIn, l.fanOut])),
    b: tf.variable(tf.tensor1d(l.b)),
  })));
}

function parameters(net: readonly Layer[]): Variable[] {
  return net.flatMap((l) => [l.W, l.b]);
}

/** Linear → [Dropout] → ReLU for every hidden layer, Linear for the last. */
function forward(tf: Tf, net: readonly Layer[], x: Tensor, dropout = 0): Tensor {
  let h = x;
  net.forEach((layer, i) => {
    const hidden = i < net.length - 1;
    if (hidden && dropout > 0) {
      // tf.dropout is inverted dropout (kept units × 1/(1-p)) with a new mask on every call.
      h = tf.relu(tf.dropout(tf.fused.matMul({ a: h as Tensor2D, b: layer.W as Tensor2D, bias: layer.b }), dropout));
    } else {
      h = tf.fused.matMul({ a: h as Tensor2D, b: layer.W as Tensor2D, bias: layer.b, activation: hidden ? 'relu' : 'linear' });
    }
  });
  return h;
}

function optimizer(tf: Tf, config: spec.SgdConfig | spec.MomentumConfig | spec.AdamConfig): Optimizer {
  switch (config.type) {
    case 'sgd': return tf.train.sgd(config.lr);
    case 'sgd_momentum': return tf.train.momentum(config.lr, config.momentum, false);
    // epsilon given explicitly: tfjs defaults to 1e-7, the spec (and PyTorch) use 1e-8.
    case 'adam': return tf.train.adam(config.lr, config.beta1, config.beta2, config.epsilon);
  }
}

/**
 * optimizer.dispose(), plus the learning-rate scalar that tfjs 4.22's MomentumOptimizer.dispose()
 * forgets (SGDOptimizer.dispose() frees it; the subclass's override does not call super).
 */
function disposeOptimizer(opt: Optimizer): void {
  opt.dispose();
  (opt as unknown as { c?: Tensor }).c?.dispose();
}

function mse(tf: Tf, pred: Tensor, y: Tensor): Scalar {
  return tf.mean(tf.square(tf.sub(pred, y)));
}

/** mean((ŷ − y)²/2), d2l's squared loss. */
function halfMse(tf: Tf, pred: Tensor, y: Tensor): Scalar {
  return tf.mean(tf.div(tf.square(tf.sub(pred, y)), 2));
}

function sumOfSquares(tf: Tf, params: readonly Tensor[]): Scalar {
  return tf.addN(params.map((p) => tf.sum(tf.square(p)))) as Scalar;
}

function sumOfAbs(tf: Tf, params: readonly Tensor[]): Scalar {
  return tf.addN(params.map((p) => tf.sum(tf.abs(p)))) as Scalar;
}

/** Mean softmax cross-entropy over the batch (the default reduction divides by the batch size). */
function crossEntropy(tf: Tf, logits: Tensor, onehot: Tensor): Scalar {
  return tf.losses.softmaxCrossEntropy(onehot, logits) as Scalar;
}

/** One step; returns the cost (pre-update objective) only when asked, otherwise minimize frees it. */
function step(opt: Optimizer, objective: () => Scalar, vars: Variable[], keepCost: boolean): Scalar | null {
  return opt.minimize(objective, keepCost, vars);
}

function readScalar(tf: Tf, t: Tensor | null): number {
  if (!t) throw new Error('no cost tensor was kept for the last step');
  const value = t.dataSync()[0]!;
  tf.dispose(t);
  return value;
}

// ---------------------------------------------------------------------------
// Workloads
// ---------------------------------------------------------------------------

function w1(tf: Tf): Trainer {
  const S = spec.W1;
  const data = spec.dataW1();
  const init = spec.initW1();
  const x = tf.tensor2d(data.x, [data.n, 1]);
  const y = tf.tensor2d(data.y, [data.n, 1]);
  const plain = mlp(tf, init.plain);
  const decay = mlp(tf, init.decay);
  const plainVars = parameters(plain);
  const decayVars = parameters(decay);
  const optPlain = optimizer(tf, S.optimizer);
  const optDecay = optimizer(tf, S.optimizer);
  return {
    train() {
      let costPlain: Scalar | null = null;
      let costDecay: Scalar | null = null;
      for (let it = 0; it < S.iterations; it++) {
        const last = it === S.iterations - 1;
        costPlain = step(optPlain, () => mse(tf, forward(tf, plain, x), y), plainVars, last);
        costDecay = step(optDecay, () => tf.add(
          mse(tf, forward(tf, decay, x), y),
          tf.mul(sumOfSquares(tf, decayVars), S.weightDecay / 2),
        ), decayVars, last);
      }
      return [readScalar(tf, costPlain), readScalar(tf, costDecay)];
    },
    dispose() {
      tf.dispose([x, y, ...plainVars, ...decayVars]);
      disposeOptimizer(optPlain);
      disposeOptimizer(optDecay);
    },
  };
}

function w2(tf: Tf): Trainer {
  const S = spec.W2;
  const data = spec.dataW2();
  const init = spec.initW2();
  const x = tf.tensor2d(data.x, [data.n, 1]);
  const y = tf.tensor2d(data.y, [data.n, 1]);
  const plain = mlp(tf, init.plain);
  const dropped = mlp(tf, init.dropout);
  const plainVars = parameters(plain);
  const droppedVars = parameters(dropped);
  const optPlain = optimizer(tf, S.optimizer);
  const optDropped = optimizer(tf, S.optimizer);
  return {
    train() {
      let costPlain: Scalar | null = null;
      let costDropped: Scalar | null = null;
      for (let it = 0; it < S.iterations; it++) {
        const last = it === S.iterations - 1;
        costPlain = step(optPlain, () => mse(tf, forward(tf, plain, x), y), plainVars, last);
        costDropped = step(optDropped, () => mse(tf, forward(tf, dropped, x, S.dropout), y), droppedVars, last);
      }
      return [readScalar(tf, costPlain), readScalar(tf, costDropped)];
    },
    dispose() {
      tf.dispose([x, y, ...plainVars, ...droppedVars]);
      disposeOptimizer(optPlain);
      disposeOptimizer(optDropped);
    },
  };
}

function w3(tf: Tf, lambdas: readonly number[]): Trainer {
  const S = spec.W3;
  const data = spec.dataW3();
  const init = spec.initW3();
  const Xtrain = tf.tensor2d(data.train.X, [S.nTrain, S.d]);
  const ytrain = tf.tensor2d(data.train.y, [S.nTrain, 1]);
  const Xtest = tf.tensor2d(data.test.X, [S.nTest, S.d]);
  const ytest = tf.tensor2d(data.test.y, [S.nTest, 1]);
  // Every lambda's parameters and optimizer exist before the timer, all from the same init.
  const runs = lambdas.map((lambda) => ({
    lambda,
    w: tf.tidy(() => tf.variable(tf.tensor2d(init.w, [S.d, 1]))),
    b: tf.tidy(() => tf.variable(tf.tensor1d(init.b))),
    opt: optimizer(tf, S.optimizer),
  }));
  const predict = (X: Tensor, run: (typeof runs)[number]) =>
    tf.fused.matMul({ a: X as Tensor2D, b: run.w as Tensor2D, bias: run.b });
  const evaluate = (X: Tensor, y: Tensor, run: (typeof runs)[number]) =>
    readScalar(tf, tf.tidy(() => halfMse(tf, predict(X, run), y)));
  return {
    train() {
      let last = [Number.NaN, Number.NaN];
      const order = new Int32Array(S.nTrain);
      for (const run of runs) {
        const shuffle = spec.shuffleRngW3(); // restarted for every lambda
        for (let epoch = 0; epoch < S.epochs; epoch++) {
          shuffle.permutation(S.nTrain, order);
          for (let start = 0; start < S.nTrain; start += S.batch) {
            const idx = tf.tensor1d(order.slice(start, start + S.batch), 'int32');
            const Xb = tf.gather(Xtrain, idx);
            const yb = tf.gather(ytrain, idx);
            step(run.opt, () => tf.add(
              halfMse(tf, predict(Xb, run), yb),
              tf.mul(tf.sum(tf.square(run.w)), run.lambda / 2), // the bias is not decayed
            ), [run.w, run.b], false);
            tf.dispose([idx, Xb, yb]);
          }
          if ((epoch + 1) % S.evalEvery === 0) last = [evaluate(Xtrain, ytrain, run), evaluate(Xtest, ytest, run)];
        }
      }
      return last;
    },
    dispose() {
      tf.dispose([Xtrain, ytrain, Xtest, ytest, ...runs.flatMap((r) => [r.w, r.b])]);
      for (const r of runs) disposeOptimizer(r.opt);
    },
  };
}

function w4(tf: Tf): Trainer {
  const S = spec.W4;
  const data = spec.dataW4();
  const X = tf.tensor2d(data.X, [S.nSamples, S.inputs]);
  const Y = tf.tensor2d(data.onehot, [S.nSamples, S.classes]);
  const net = mlp(tf, spec.initW4());
  const vars = parameters(net);
  const opt = optimizer(tf, S.optimizer);
  return {
    train() {
      let cost: Scalar | null = null;
      for (let s = 0; s < S.steps; s++) {
        // Rows s·batch .. s·batch+batch-1 by tf.gather, as tfjs-layers' model.fit takes its
        // batches: the wasm backend's tf.slice copies the whole 18 MB source on every call.
        const idx = tf.range(s * S.batch, (s + 1) * S.batch, 1, 'int32');
        const Xb = tf.gather(X, idx);
        const Yb = tf.gather(Y, idx);
        cost = step(opt, () => tf.add(
          crossEntropy(tf, forward(tf, net, Xb), Yb),
          tf.mul(sumOfAbs(tf, vars), S.l1Lambda), // as tfjs-layers' l1 regularizer: sum(abs(p))
        ), vars, s === S.steps - 1);
        tf.dispose([idx, Xb, Yb]);
      }
      return [readScalar(tf, cost)];
    },
    dispose() {
      tf.dispose([X, Y, ...vars]);
      disposeOptimizer(opt);
    },
  };
}

function w5(tf: Tf): Trainer {
  const S = spec.W5;
  const data = spec.dataW5();
  const X = tf.tensor2d(data.X, [S.batch, S.inputs]);
  const Y = tf.tensor2d(data.onehot, [S.batch, S.classes]);
  const net = mlp(tf, spec.initW5());
  const vars = parameters(net);
  const opt = optimizer(tf, S.optimizer);
  return {
    train() {
      let cost: Scalar | null = null;
      for (let s = 0; s < S.stepsPerRun; s++) {
        cost = step(opt, () => crossEntropy(tf, forward(tf, net, X), Y), vars, s === S.stepsPerRun - 1);
      }
      return [readScalar(tf, cost)];
    },
    dispose() {
      tf.dispose([X, Y, ...vars]);
      disposeOptimizer(opt);
    },
  };
}
