// Finite-difference gradient checks, in float64, for every op, loss and penalty:
// analytic gradients from backward() against central differences (f(x+h) − f(x−h)) / 2h.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as E from '../../../src/engine/index.ts';

const H = 1e-6;

/** Values in ±[0.1, 1.1]: away from the kinks of abs, relu and L1 at 0. */
function randomTensor(rng: E.Random, shape: number[], positive = false): E.Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const values = Array.from({ length: n }, () => {
    const magnitude = 0.1 + rng.uniform();
    return positive || rng.uniform() < 0.5 ? magnitude : -magnitude;
  });
  return E.tensor(values, shape, { dtype: 'float64', requiresGrad: true });
}

/** Reduces any output to a scalar with fixed random weights, so every output element matters. */
function scalarize(out: E.Tensor, weights: E.Tensor): E.Tensor {
  return out.size === 1 ? out : E.sum(E.mul(out, weights));
}

function gradcheck(name: string, f: (inputs: E.Tensor[]) => E.Tensor, inputs: E.Tensor[], tolerance = 1e-6): void {
  const rng = new E.Random(99);
  const probe = E.noGrad(() => f(inputs));
  const weights = E.tensor(Array.from({ length: probe.size }, () => rng.between(-1, 1)), probe.shape, { dtype: 'float64' });
  E.releaseGraph();
  const value = (): number => E.noGrad(() => scalarize(f(inputs), weights).item());

  for (const x of inputs) x.zeroGrad();
  scalarize(f(inputs), weights).backward();
  const analytic = inputs.map((x) => Float64Array.from(x.grad ?? new Float64Array(x.size)));
  E.releaseGraph();

  inputs.forEach((x, k) => {
    for (let i = 0; i < x.size; i++) {
      const saved = x.data[i]!;
      x.data[i] = saved + H;
      const up = value();
      x.data[i] = saved - H;
      const down = value();
      x.data[i] = saved;
      E.releaseGraph();
      const numeric = (up - down) / (2 * H);
      const a = analytic[k]![i]!;
      assert.ok(
        Math.abs(a - numeric) <= tolerance * (1 + Math.abs(numeric)),
        `${name}: input ${k} element ${i}: backward gives ${a}, finite differences ${numeric}`,
      );
    }
  });
}

const rng = new E.Random(2024);
const t = (shape: number[], positive = false) => randomTensor(rng, shape, positive);

describe('gradient checks: elementwise ops with broadcasting', () => {
  const cases: [string, number[], number[]][] = [
    ['same shape', [3, 4], [3, 4]],
    ['row vector', [3, 4], [4]],
    ['column', [3, 4], [3, 1]],
    ['scalar', [3, 4], []],
    ['both stretched', [3, 1], [1, 4]],
  ];
  for (const [label, sa, sb] of cases) {
    it(`add, ${label}`, () => gradcheck('add', ([a, b]) => E.add(a!, b!), [t(sa), t(sb)]));
    it(`sub, ${label}`, () => gradcheck('sub', ([a, b]) => E.sub(a!, b!), [t(sa), t(sb)]));
    it(`mul, ${label}`, () => gradcheck('mul', ([a, b]) => E.mul(a!, b!), [t(sa), t(sb)]));
    it(`div, ${label}`, () => gradcheck('div', ([a, b]) => E.div(a!, b!), [t(sa), t(sb, true)]));
  }
  it('scale', () => gradcheck('scale', ([a]) => E.scale(a!, -2.5), [t([5])]));
});

describe('gradient checks: reductions and unary ops', () => {
  it('sum', () => gradcheck('sum', ([a]) => E.sum(a!), [t([2, 3])]));
  it('mean', () => gradcheck('mean', ([a]) => E.mean(a!), [t([2, 3])]));
  const unary: [string, (a: E.Tensor) => E.Tensor, boolean][] = [
    ['abs', E.abs, false], ['square', E.square, false], ['sqrt', E.sqrt, true], ['exp', E.exp, false],
    ['log', E.log, true], ['neg', E.neg, false], ['relu', E.relu, false], ['leakyRelu', (a) => E.leakyRelu(a, 0.1), false],
    ['tanh', E.tanh, false], ['sigmoid', E.sigmoid, false], ['logSoftmax', E.logSoftmax, false],
  ];
  for (const [name, f, positive] of unary) it(name, () => gradcheck(name, ([a]) => f(a!), [t([3, 4], positive)]));
  it('gaussian input noise (the same draws per evaluation)', () =>
    gradcheck('gaussianNoise', ([a]) => E.gaussianNoise(a!, 0.7, new E.Random(5), true), [t([4, 5])]));
  it('dropout (a fixed mask per evaluation)', () => gradcheck('dropout', ([a]) => E.dropout(a!, 0.3, new E.Random(5), true), [t([4, 5])]));
});

describe('gradient checks: fused linear', () => {
  for (const activation of E.ACTIVATIONS) {
    it(`linear + ${activation}, with bias`, () =>
      gradcheck(`linear ${activation}`, ([x, w, b]) => E.linear(x!, w!, b!, activation, 0.05), [t([6, 5]), t([7, 5]), t([7])]));
  }
  it('linear without bias, sizes that leave remainders in every block', () =>
    gradcheck('linear', ([x, w]) => E.linear(x!, w!, null), [t([9, 6]), t([11, 6])]));
  it('an MLP with dropout, end to end', () => {
    const model = E.mlp({ inputs: 3, hidden: [5, 4], outputs: 2, activation: 'tanh', dropout: 0.25 }, { dtype: 'float64', rng: new E.Random(1) });
    const x = t([4, 3]);
    // A fresh generator per evaluation draws the same masks every time.
    gradcheck('mlp', () => model.useRandom(new E.Random(3)).forward(x), [x, ...model.parameters()]);
  });
});

describe('gradient checks: losses', () => {
  const target = () => E.tensor(Array.from({ length: 12 }, () => rng.between(-1, 1)), [4, 3], { dtype: 'float64' });
  for (const reduction of ['mean', 'sum', 'none'] as const) {
    it(`mse ${reduction}`, () => { const y = target(); gradcheck('mse', ([p]) => E.mseLoss(p!, y, reduction), [t([4, 3])]); });
    it(`l1 ${reduction}`, () => { const y = target(); gradcheck('l1', ([p]) => E.l1Loss(p!, y, reduction), [t([4, 3])]); });
    it(`smooth_l1 ${reduction}`, () => { const y = target(); gradcheck('smooth_l1', ([p]) => E.smoothL1Loss(p!, y, 0.5, reduction), [t([4, 3])]); });
    it(`huber ${reduction}`, () => { const y = target(); gradcheck('huber', ([p]) => E.huberLoss(p!, y, 0.7, reduction), [t([4, 3])]); });
    it(`bce_with_logits ${reduction}`, () => {
      const y = E.tensor(Array.from({ length: 12 }, () => rng.int(2)), [4, 3], { dtype: 'float64' });
      gradcheck('bce', ([p]) => E.bceWithLogits(p!, y, reduction), [t([4, 3])]);
    });
  }
  for (const reduction of ['mean', 'sum'] as const) {
    it(`cross_entropy ${reduction}`, () => gradcheck('ce', ([z]) => E.crossEntropy(z!, [2, 0, 1, 2], reduction), [t([4, 3])]));
    for (const eps of [0.1, 0.5, 1]) {
      it(`cross_entropy ${reduction}, label smoothing ${eps}`, () =>
        gradcheck('ce smoothed', ([z]) => E.crossEntropy(z!, [2, 0, 1, 2], reduction, eps), [t([4, 3])]));
    }
  }
});

describe('gradient checks: penalties', () => {
  it('l1', () => gradcheck('l1', (ps) => E.l1Penalty(ps, 0.3), [t([3, 2]), t([4])]));
  it('l2 (squared)', () => gradcheck('l2', (ps) => E.l2Penalty(ps, 0.3), [t([3, 2]), t([4])]));
  it('elastic net', () => gradcheck('elasticNet', (ps) => E.elasticNetPenalty(ps, 0.2, 0.3), [t([3, 2]), t([4])]));
  it('l2 norm (unsquared)', () => gradcheck('l2Norm', (ps) => E.l2NormPenalty(ps, 0.3), [t([3, 2]), t([4])]));
});
