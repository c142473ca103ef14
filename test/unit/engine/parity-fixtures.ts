// Reads the PyTorch parity fixtures (every *.json in ../shared/fixtures, or in the folder
// REGLAB_PARITY_FIXTURES names, and the repository's own cases in test/fixtures/parity,
// made by scripts/parity/) and rebuilds each case's model, loss, penalty and optimizer in
// the engine. Format: ../shared/fixtures/README.md and test/fixtures/parity/README.md.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as E from '../../../src/engine/index.ts';

export interface Tolerance {
  rtol: number;
  atol: number;
}

export interface FixtureCase {
  name: string;
  category: string;
  dtype: E.DType;
  tolerance?: Tolerance;
  model?: { layers: FixtureLayer[]; mode: 'train' | 'eval' };
  param_names?: string[];
  params?: Record<string, number[] | number[][]>;
  input?: number[][];
  target?: number[][] | number[];
  target_kind?: 'float' | 'class_index';
  loss?: { type: string; reduction?: E.Reduction; beta?: number; delta?: number; label_smoothing?: number };
  /** Category input_noise: the model input is x + std·noise in train mode, x in eval mode. */
  input_noise?: { std: number; noise: number[][] };
  penalty?: { terms: { kind: 'l1' | 'l2_squared' | 'l2_norm'; coef: number; params: string[] }[] };
  optimizer?: { type: string; param_groups: Record<string, unknown>[]; steps: number };
  /** Parameters with requires_grad False: in no group, their expected grads null (PyTorch's None). */
  frozen?: string[];
  expected: any;
  [key: string]: unknown;
}

type FixtureLayer =
  | { kind: 'linear'; in_features: number; out_features: number; weight: string; bias?: string | null }
  | { kind: 'relu' | 'tanh' | 'sigmoid' | 'identity' }
  | { kind: 'leaky_relu'; negative_slope: number }
  | { kind: 'dropout'; p: number };

export function fixtureFolder(): string {
  return process.env.REGLAB_PARITY_FIXTURES ?? resolve(import.meta.dirname, '../../../../shared/fixtures');
}

/** The repository's own cases (label smoothing, input noise), made by scripts/parity/generate-regularizer-cases.py. */
export function repositoryFixtureFolder(): string {
  return resolve(import.meta.dirname, '../../fixtures/parity');
}

export function loadFixtureFiles(): { file: string; defaultTolerance: Record<string, Tolerance>; trajectoryTolerance?: Tolerance; cases: FixtureCase[] }[] {
  return [fixtureFolder(), repositoryFixtureFolder()].flatMap(loadFolder);
}

function loadFolder(folder: string): { file: string; defaultTolerance: Record<string, Tolerance>; trajectoryTolerance?: Tolerance; cases: FixtureCase[] }[] {
  const files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
  if (files.length === 0) throw new Error(`No fixture files (*.json) in ${folder}`);
  return files.map((file) => {
    const json = JSON.parse(readFileSync(join(folder, file), 'utf8'));
    return {
      file,
      defaultTolerance: json.meta?.default_tolerance ?? {},
      trajectoryTolerance: json.meta?.float32_trajectory_tolerance,
      cases: json.cases as FixtureCase[],
    };
  });
}

export function buildModel(c: FixtureCase): E.Sequential {
  const specs: E.LayerSpec[] = c.model!.layers.map((layer) => {
    switch (layer.kind) {
      case 'linear':
        return { kind: 'linear', inFeatures: layer.in_features, outFeatures: layer.out_features, bias: layer.bias != null };
      case 'leaky_relu':
        return { kind: 'leaky_relu', negativeSlope: layer.negative_slope };
      case 'dropout':
        return { kind: 'dropout', p: layer.p };
      default:
        return { kind: layer.kind };
    }
  });
  const model = new E.Sequential(specs, { dtype: c.dtype, rng: new E.Random(0) });
  const names = model.namedParameters().map(([n]) => n);
  if (JSON.stringify(names) !== JSON.stringify(c.param_names)) {
    throw new Error(`${c.name}: engine parameter names ${names} differ from the fixture's ${c.param_names}`);
  }
  model.loadValues(Object.fromEntries(Object.entries(c.params!).map(([k, v]) => [k, v.flat()])));
  // requires_grad_(False) on the case's frozen parameters (test/fixtures/parity/README.md).
  for (const name of c.frozen ?? []) model.parameter(name).requiresGrad_(false);
  return c.model!.mode === 'eval' ? model.eval() : model.train();
}

export function inputTensor(c: FixtureCase): E.Tensor {
  const rows = c.input!;
  const x = E.tensor(rows.flat(), [rows.length, rows[0]!.length], { dtype: c.dtype });
  if (c.input_noise === undefined) return x;
  // The engine's noise op, fed the case's written-out standard-normal draws in order.
  const draws = c.input_noise.noise.flat();
  let next = 0;
  const fixed: E.NormalSource = { normal: () => draws[next++]! };
  return E.gaussianNoise(x, c.input_noise.std, fixed, c.model!.mode === 'train');
}

/** The data loss of the case's loss config, as a function of the model output. */
export function dataLoss(c: FixtureCase): (output: E.Tensor) => E.Tensor {
  const loss = c.loss!;
  const reduction = loss.reduction ?? 'mean';
  if (loss.type === 'CrossEntropyLoss') {
    const targets = Int32Array.from(c.target as number[]);
    return (out) => E.crossEntropy(out, targets, reduction as 'mean' | 'sum', loss.label_smoothing ?? 0);
  }
  const rows = c.target as number[][];
  const target = E.tensor(rows.flat(), [rows.length, rows[0]!.length], { dtype: c.dtype });
  switch (loss.type) {
    case 'MSELoss':
      return (out) => E.mseLoss(out, target, reduction);
    case 'L1Loss':
      return (out) => E.l1Loss(out, target, reduction);
    case 'SmoothL1Loss':
      return (out) => E.smoothL1Loss(out, target, loss.beta ?? 1, reduction);
    case 'HuberLoss':
      return (out) => E.huberLoss(out, target, loss.delta ?? 1, reduction);
    case 'BCEWithLogitsLoss':
      return (out) => E.bceWithLogits(out, target, reduction);
    default:
      throw new Error(`${c.name}: unknown loss type ${loss.type}`);
  }
}

/** The case's penalty as a function of the model, or null when it has none. */
export function penalty(c: FixtureCase, model: E.Sequential): (() => E.Tensor) | null {
  const terms = c.penalty?.terms ?? [];
  if (terms.length === 0) return null;
  return () =>
    terms
      .map((term) => {
        const params = term.params.map((name) => model.parameter(name));
        if (term.kind === 'l1') return E.l1Penalty(params, term.coef);
        if (term.kind === 'l2_squared') return E.l2Penalty(params, term.coef);
        if (term.kind === 'l2_norm') return E.l2NormPenalty(params, term.coef);
        throw new Error(`${c.name}: unknown penalty kind ${(term as { kind: string }).kind}`);
      })
      .reduce((a, b) => E.add(a, b));
}

const OPTION_NAMES: Record<string, string> = {
  lr: 'lr', momentum: 'momentum', dampening: 'dampening', nesterov: 'nesterov', weight_decay: 'weightDecay',
  betas: 'betas', eps: 'eps', amsgrad: 'amsgrad', alpha: 'alpha', centered: 'centered', lr_decay: 'lrDecay',
  initial_accumulator_value: 'initialAccumulatorValue', maximize: 'maximize',
};

export function buildOptimizer(c: FixtureCase, model: E.Sequential): E.Optimizer<any, any> {
  const groups = c.optimizer!.param_groups.map((group) => {
    const options: Record<string, unknown> = { params: (group.params as string[]).map((n) => model.parameter(n)) };
    for (const [key, value] of Object.entries(group)) if (key in OPTION_NAMES) options[OPTION_NAMES[key]!] = value;
    return options as E.GroupInput<any> & { lr: number };
  });
  const lr = groups[0]!.lr as number;
  switch (c.optimizer!.type) {
    case 'SGD':
      return new E.SGD(groups, { lr });
    case 'Adam':
      return new E.Adam(groups, { lr });
    case 'AdamW':
      return new E.AdamW(groups, { lr });
    case 'RMSprop':
      return new E.RMSprop(groups, { lr });
    case 'Adagrad':
      return new E.Adagrad(groups, { lr });
    default:
      throw new Error(`${c.name}: unknown optimizer ${c.optimizer!.type}`);
  }
}

/** Checks |actual − expected| ≤ atol + rtol·|expected| element by element, naming the first miss. */
export function assertClose(what: string, actual: ArrayLike<number>, expected: unknown, tol: Tolerance): void {
  const want = Array.isArray(expected) ? (expected as unknown[]).flat(Infinity as 1) as number[] : [expected as number];
  if (actual.length !== want.length) throw new Error(`${what}: ${actual.length} values, expected ${want.length}`);
  for (let i = 0; i < want.length; i++) {
    const a = actual[i]!, e = want[i]!;
    if (!(Math.abs(a - e) <= tol.atol + tol.rtol * Math.abs(e))) {
      throw new Error(`${what}[${i}]: got ${a}, PyTorch ${e} (|diff| ${Math.abs(a - e)} > atol ${tol.atol} + rtol ${tol.rtol}·|expected|)`);
    }
  }
}
