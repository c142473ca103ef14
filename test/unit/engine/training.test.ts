// Whole training steps: determinism across seeds, steady-state allocation, and errors
// that name the problem instead of producing NaN.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import * as E from '../../../src/engine/index.ts';

function trainTrajectory(seed: number, steps: number): number[] {
  const rng = new E.Random(seed);
  const x = E.tensor(Array.from({ length: 32 }, () => rng.between(-1, 1)), [16, 2]);
  const y = E.tensor(Array.from({ length: 16 }, () => rng.normal()), [16, 1]);
  const model = E.mlp({ inputs: 2, hidden: [16, 16], outputs: 1, dropout: 0.2 }, { rng });
  const optimizer = new E.Adam(model.parameters(), { lr: 0.01, weightDecay: 1e-3 });
  const losses: number[] = [];
  for (let s = 0; s < steps; s++) {
    optimizer.zeroGrad();
    const loss = E.add(E.mseLoss(model.forward(x), y), E.l1Penalty(model.weights(), 1e-3));
    loss.backward();
    optimizer.step();
    losses.push(loss.item());
    E.releaseGraph();
  }
  return [...losses, ...model.parameters().flatMap((p) => Array.from(p.data))];
}

describe('determinism', () => {
  it('the same seed gives the same trajectory, bit for bit', () => {
    assert.deepEqual(trainTrajectory(7, 30), trainTrajectory(7, 30));
  });
  it('another seed gives another trajectory', () => {
    assert.notDeepEqual(trainTrajectory(7, 30), trainTrajectory(8, 30));
  });
  it('the random stream is mulberry32 with Box–Muller normals, as the benchmark spec defines them', async () => {
    const spec = await import(resolve(import.meta.dirname, '../../../../shared/bench/reference-spec.mjs'));
    const ours = new E.Random(101), theirs = spec.mulberry32(101);
    for (let i = 0; i < 100; i++) assert.equal(ours.uniform(), theirs());
    for (let i = 0; i < 100; i++) assert.equal(ours.normal(), spec.normal(theirs));
    const perm = new E.Random(303);
    assert.deepEqual(Array.from(perm.permutation(20)), Array.from(spec.permutation(spec.mulberry32(303), 20)));
  });
});

describe('steady-state allocation', () => {
  it('after the first step, a training step allocates no new typed arrays', () => {
    const rng = new E.Random(3);
    const x = E.tensor(Array.from({ length: 40 }, () => rng.uniform()), [10, 4]);
    const labels = Int32Array.from({ length: 10 }, () => rng.int(3));
    const model = E.mlp({ inputs: 4, hidden: [8, 8], outputs: 3, dropout: [0.5, 0.1] }, { rng });
    const optimizer = new E.AdamW(model.parameters(), { lr: 1e-3 });
    const step = () => {
      optimizer.zeroGrad();
      const loss = E.add(E.crossEntropy(model.forward(x), labels), E.elasticNetPenalty(model.weights(), 1e-3, 0.3));
      loss.backward();
      optimizer.step();
      E.noGrad(() => model.eval().forward(x));
      model.train();
      E.releaseGraph();
    };
    step();
    step();
    const before = E.poolAllocations();
    for (let i = 0; i < 20; i++) step();
    assert.equal(E.poolAllocations(), before);
  });
});

describe('bad use gets a clear error', () => {
  const x = E.tensor([1, 2, 3, 4, 5, 6], [2, 3]);
  it('shape mismatch names both shapes', () => {
    assert.throws(() => E.add(x, E.tensor([1, 2], [2])), /shapes \[2, 3\] and \[2\] cannot be broadcast/);
    const w = E.tensor(new Array(8).fill(0), [2, 4]);
    assert.throws(() => E.linear(x, w, null), /input shape \[2, 3\] does not fit weight \[2, 4\]/);
    assert.throws(() => E.mseLoss(x, E.tensor([1, 2, 3], [3, 1])), /prediction shape \[2, 3\] and target shape \[3, 1\] differ/);
  });
  it('unknown activation', () => {
    assert.throws(() => E.mlp({ inputs: 1, hidden: [4], outputs: 1, activation: 'relu6' }, { rng: new E.Random(1) }), /Unknown activation "relu6"; expected one of relu, leaky_relu/);
  });
  it('negative learning rate and other impossible options', () => {
    const p = E.zeros([2], 'float32', true);
    assert.throws(() => new E.SGD([p], { lr: -0.1 }), /Invalid learning rate: -0.1/);
    assert.throws(() => new E.Adam([p], { lr: 0.1, betas: [1, 0.999] }), /beta parameter at index 0: 1/);
    assert.throws(() => new E.SGD([p], { lr: 0.1, nesterov: true }), /Nesterov momentum requires a momentum/);
    assert.throws(() => new E.SGD([p], { lr: Number.NaN }), /Invalid learning rate: NaN/);
  });
  it('dropout outside [0, 1], class targets out of range, wrong dtype mix', () => {
    assert.throws(() => E.dropout(x, 1.5, new E.Random(1), true), /dropout probability must be in \[0, 1\], got 1.5/);
    assert.throws(() => E.crossEntropy(x, [0, 3]), /target 3 of sample 1 is not a class index in 0..2/);
    assert.throws(() => E.add(x, E.tensor([1], [1], { dtype: 'float64' })), /dtype mismatch, float32 and float64/);
  });
  it('backward on a non-scalar or on a tensor without parameters', () => {
    const p = E.tensor([1, 2], [2], { requiresGrad: true });
    assert.throws(() => E.mul(p, p).backward(), /backward\(\) needs a scalar loss, got shape \[2\]/);
    assert.throws(() => E.sum(x).backward(), /does not require grad/);
    E.releaseGraph();
  });
  it('reading a value after its graph was released', () => {
    const loss = E.sum(E.tensor([1, 2], [2], { requiresGrad: true }));
    E.releaseGraph();
    assert.throws(() => loss.item(), /released with its graph/);
  });
});
