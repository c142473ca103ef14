// Every case of every PyTorch parity fixture file must pass: values, gradients and
// optimizer trajectories equal to real PyTorch's within the fixture's tolerance.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as E from '../../../src/engine/index.ts';
import {
  assertClose, buildModel, buildOptimizer, dataLoss, inputTensor, loadFixtureFiles, penalty, type FixtureCase, type Tolerance,
} from './parity-fixtures.ts';

for (const { file, defaultTolerance, trajectoryTolerance, cases } of loadFixtureFiles()) {
  describe(`PyTorch parity: ${file}`, () => {
    assert.ok(cases.length > 0, `${file} has no cases`);
    for (const c of cases) {
      const tolerance: Tolerance =
        c.tolerance ??
        (c.category === 'optimizer_trajectory' && c.dtype === 'float32' ? trajectoryTolerance : undefined) ??
        defaultTolerance[c.dtype] ?? { rtol: 1e-9, atol: 1e-12 };
      it(`${c.category}: ${c.name}`, () => {
        try {
          checkCase(c, tolerance);
        } finally {
          E.releaseGraph();
        }
      });
      // The float64 cases replayed in float32 (the engine's default and fast path) must stay
      // within the float32 tolerances: PyTorch's own float32-vs-float64 gap used < 15% of them.
      if (c.dtype === 'float64' && !c.category.endsWith('_statistics')) {
        const f32 = c.category.endsWith('_trajectory') ? trajectoryTolerance : defaultTolerance.float32;
        it(`${c.category}: ${c.name} (replayed in float32)`, () => {
          try {
            checkCase({ ...c, dtype: 'float32' }, f32 ?? { rtol: 1e-4, atol: 1e-5 });
          } finally {
            E.releaseGraph();
          }
        });
      }
    }
  });
}

function checkCase(c: FixtureCase, tol: Tolerance): void {
  switch (c.category) {
    case 'mlp_forward_backward':
    case 'penalty':
    case 'dropout':
    case 'input_noise':
      return checkForwardBackward(c, tol);
    case 'optimizer_trajectory':
      return checkTrajectory(c, tol);
    case 'dropout_statistics':
      return checkDropoutStatistics(c);
    case 'init_statistics':
      return checkInitStatistics(c);
    case 'input_noise_statistics':
      return checkInputNoiseStatistics(c);
    case 'dropout_trajectory':
      return checkDropoutTrajectory(c, tol);
    case 'init_normal_statistics':
      return checkInitNormalStatistics(c);
    default:
      throw new Error(`Unknown fixture category "${c.category}" in case ${c.name}`);
  }
}

function lossOf(c: FixtureCase, model: E.Sequential) {
  const data = dataLoss(c);
  const pen = penalty(c, model);
  return () => {
    const x = inputTensor(c);
    if (c.expected.noisy_input !== undefined) assertClose('noisy_input', x.data, c.expected.noisy_input, tolOf(c));
    const output = model.forward(x);
    const dataLossValue = data(output);
    const penaltyValue = pen?.() ?? null;
    const total = penaltyValue === null ? dataLossValue : E.add(dataLossValue, penaltyValue);
    return { output, dataLossValue, penaltyValue, total };
  };
}

function checkForwardBackward(c: FixtureCase, tol: Tolerance): void {
  const model = buildModel(c);
  const { output, dataLossValue, penaltyValue, total } = lossOf(c, model)();
  total.backward();
  const want = c.expected;
  assertClose('output', output.data, want.output, tol);
  assertClose('data_loss', [dataLossValue.item()], want.data_loss, tol);
  assertClose('penalty', [penaltyValue?.item() ?? 0], want.penalty, tol);
  assertClose('loss', [total.item()], want.loss, tol);
  for (const [name, p] of model.namedParameters()) assertGrad(`grad ${name}`, p, want.grads[name], tol);
}

/** A gradient as the case expects it; null is PyTorch's None, a frozen parameter's (no gradient at all). */
function assertGrad(label: string, p: E.Tensor, want: unknown, tol: Tolerance): void {
  if (want === null) assert.equal(p.grad, null, `${label}: a frozen parameter gets no gradient`);
  else assertClose(label, p.grad!, want as number[], tol);
}

function checkTrajectory(c: FixtureCase, tol: Tolerance): void {
  const step = stepAlong(c, buildModel(c), tol);
  assertClose('final_loss', [E.noGrad(() => step().total.item())], c.expected.final_loss, tol);
}

/**
 * Trains `model` through the case's trajectory, checking the loss and gradients before each
 * step and the parameters after it (then `afterStep`); returns the loss function for more checks.
 */
function stepAlong(c: FixtureCase, model: ReturnType<typeof buildModel>, tol: Tolerance, afterStep?: (want: any, step: ReturnType<typeof lossOf>) => void): ReturnType<typeof lossOf> {
  const optimizer = buildOptimizer(c, model);
  const step = lossOf(c, model);
  const expected = c.expected.trajectory as any[];
  assert.equal(expected.length, c.optimizer!.steps);
  for (const want of expected) {
    optimizer.zeroGrad();
    const { dataLossValue, total } = step();
    total.backward();
    assertClose(`step ${want.step} loss_before`, [total.item()], want.loss_before, tol);
    assertClose(`step ${want.step} data_loss_before`, [dataLossValue.item()], want.data_loss_before, tol);
    for (const [name, p] of model.namedParameters()) assertGrad(`step ${want.step} grad ${name}`, p, want.grads[name], tol);
    optimizer.step();
    E.releaseGraph();
    for (const [name, p] of model.namedParameters()) assertClose(`step ${want.step} ${name} after`, p.data, want.params_after[name], tol);
    afterStep?.(want, step);
  }
  return step;
}

function checkDropoutStatistics(c: FixtureCase): void {
  const n = c.n as number;
  for (const result of c.expected.results as any[]) {
    const { p, theory } = result;
    for (const seed of [0, 1, 2, 3]) {
      const ones = E.tensor(new Float32Array(n).fill(1), [n], { requiresGrad: true });
      const out = E.dropout(ones, p, new E.Random(seed), true);
      E.sum(out).backward();
      const values = Array.from(out.data);
      const mean = values.reduce((a, b) => a + b, 0) / n;
      const zeros = values.filter((v) => v === 0).length / n;
      assert.ok(Math.abs(mean - 1) <= 5 * theory.std_of_mean, `p=${p} seed ${seed}: mean ${mean}`);
      assert.ok(Math.abs(zeros - p) <= 5 * theory.std_of_fraction_zero, `p=${p} seed ${seed}: zero fraction ${zeros}`);
      for (const v of values) if (v !== 0) assert.equal(v, Math.fround(theory.nonzero_value), `p=${p}: kept value ${v}`);
      assert.deepEqual(Array.from(ones.grad!), values, 'backward multiplies by the same mask');
      E.releaseGraph();
    }
  }
}

function checkInitStatistics(c: FixtureCase): void {
  const rng = new E.Random(7);
  for (const shape of c.expected.shapes as any[]) {
    const weights: number[] = [];
    const biases: number[] = [];
    for (let s = 0; s < 20; s++) {
      const layer = new E.Linear(shape.in_features, shape.out_features, true, { rng });
      assert.deepEqual(layer.weight.shape, shape.weight_shape);
      weights.push(...layer.weight.data);
      biases.push(...layer.bias!.data);
    }
    const { weight_bound, bias_bound, weight_std } = shape.theory;
    for (const w of weights) assert.ok(Math.abs(w) <= weight_bound, `weight ${w} outside ±${weight_bound}`);
    for (const b of biases) assert.ok(Math.abs(b) <= bias_bound, `bias ${b} outside ±${bias_bound}`);
    if (weights.length >= 1000) {
      const m = weights.reduce((a, b) => a + b, 0) / weights.length;
      const std = Math.sqrt(weights.reduce((a, b) => a + (b - m) ** 2, 0) / weights.length);
      assert.ok(Math.abs(std / weight_std - 1) < 0.05, `weight std ${std} vs ${weight_std} for ${shape.in_features}→${shape.out_features}`);
    }
  }
}

function tolOf(c: FixtureCase): Tolerance {
  return c.dtype === 'float32' ? { rtol: 1e-5, atol: 1e-6 } : { rtol: 1e-9, atol: 1e-12 };
}

/** The engine's noise, drawn by its own generator, has the statistics PyTorch's has; eval mode and the gradient are the identity. */
function checkInputNoiseStatistics(c: FixtureCase): void {
  const n = c.n as number;
  for (const result of c.expected.results as any[]) {
    const { std, theory } = result;
    for (const observed of result.observed as any[]) {
      assert.ok(observed.grad_is_ones && observed.eval_is_identity, 'PyTorch: the gradient is the identity and eval mode returns the input');
      assert.ok(Math.abs(observed.mean) <= 5 * theory.std_of_mean, `PyTorch's own draw std ${std} seed ${observed.seed}: mean ${observed.mean}`);
    }
    for (const seed of [0, 1, 2, 3]) {
      const values = Array.from({ length: n }, (_, i) => -1 + (2 * i) / (n - 1));
      const x = E.tensor(values, [n], { requiresGrad: true });
      const out = E.gaussianNoise(x, std, new E.Random(seed), true);
      E.sum(out).backward();
      const d = Array.from(out.data, (v, i) => v - x.data[i]!);
      const mean = d.reduce((a, b) => a + b, 0) / n;
      const variance = d.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
      const within = d.filter((v) => Math.abs(v) <= std).length / n;
      assert.ok(Math.abs(mean - theory.mean) <= 5 * theory.std_of_mean, `std ${std} seed ${seed}: noise mean ${mean}`);
      assert.ok(Math.abs(variance - theory.variance) <= 5 * theory.std_of_variance, `std ${std} seed ${seed}: noise variance ${variance} vs ${theory.variance}`);
      assert.ok(Math.abs(within - theory.fraction_within_1_std) <= 5 * theory.std_of_fraction, `std ${std} seed ${seed}: ${within} within one std`);
      assert.ok(x.grad!.every((g) => g === 1), 'backward passes the gradient through unchanged');
      assert.equal(E.gaussianNoise(x, std, new E.Random(seed), false), x, 'eval mode returns the input itself');
      // Deterministic by seed: the same generator state gives the same draws.
      assert.deepEqual(Array.from(E.gaussianNoise(x, std, new E.Random(seed), true).data), Array.from(out.data));
      E.releaseGraph();
    }
  }
}

/**
 * Training steps with dropout whose masks come from Reglab's generator (mulberry32 from
 * `dropout_state`, shared by the layers in forward order), as the exported --exact scripts
 * re-implement it: the same losses, gradients and parameters as torch's, and after each
 * step the eval-mode loss on the whole batch (training.evalTrain's "train loss (eval mode,
 * full set)").
 */
function checkDropoutTrajectory(c: FixtureCase, tol: Tolerance): void {
  assert.equal(c.dropout_generator, 'mulberry32');
  const model = buildModel(c).useRandom(new E.Random(c.dropout_state as number));
  stepAlong(c, model, tol, (want, step) => {
    model.eval();
    assertClose(`step ${want.step} eval_loss_after`, [E.noGrad(() => step().dataLossValue.item())], want.eval_loss_after, tol);
    E.releaseGraph();
    model.train();
  });
}

/** d2l's init (weights and biases ~ N(0, std²)): the engine's draws, like torch's, within 5 standard errors of the theory. */
function checkInitNormalStatistics(c: FixtureCase): void {
  const rng = new E.Random(11);
  for (const shape of c.expected.shapes as any[]) {
    const { std } = shape.theory;
    const weights: number[] = [];
    const biases: number[] = [];
    for (let s = 0; s < shape.draws; s++) {
      const layer = new E.Linear(shape.in_features, shape.out_features, true, { rng, init: { kind: 'normal', std, bias: 'normal' } });
      weights.push(...layer.weight.data);
      biases.push(...layer.bias!.data);
    }
    const o = shape.observed;
    assert.equal(weights.length, o.weight_count);
    assert.equal(biases.length, o.bias_count);
    assert.equal(o.bias_nonzero, o.bias_count, 'torch draws every bias');
    assert.ok(biases.every((b) => b !== 0), 'the engine draws every bias');
    for (const [what, values, torchMean, torchStd] of [['weight', weights, o.weight_mean, o.weight_std], ['bias', biases, o.bias_mean, o.bias_std]] as const) {
      const n = values.length;
      const mean = values.reduce((a, b) => a + b, 0) / n;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
      const seMean = std / Math.sqrt(n), seStd = std / Math.sqrt(2 * (n - 1));
      for (const [who, m, s] of [['engine', mean, sd], ['torch', torchMean, torchStd]] as const) {
        assert.ok(Math.abs(m) <= 5 * seMean, `${who} ${what} mean ${m} (n ${n}, std ${std})`);
        assert.ok(Math.abs(s - std) <= 5 * seStd, `${who} ${what} std ${s} vs ${std} (n ${n})`);
      }
    }
  }
}
