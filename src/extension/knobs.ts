// The playground's knobs, computed from an experiment: which field each one moves, its
// range, and which variants it retrains. Free of vscode (unit-tested).
//
// Log knobs whose min is 0 can be switched off: the page keeps the slider's first position
// for 0 and spreads max·1e-5 … max over the rest (src/webview/knobs.ts).
//
// - λ: the swept field when the sweep varies a regularization strength; otherwise the
//   strength the variants vary (weightDecay, l2, l1, elasticNet.lambda, l2Norm: the one the
//   most variants switch on). It retrains the variants that switch it on (with a sweep,
//   every swept variant): moving λ changes how strongly they regularize, and the others
//   stay as references.
// - dropout p: when a variant uses dropout; retrains those variants. Input noise σ and
//   label smoothing ε the same way, when a variant uses them.
// - learning rate, data noise, train size: fields of the base experiment; they retrain the
//   variants that do not set their own value (a variant with its own lr keeps it).
// - seed: every variant (a new draw of the data and of the initial weights).
import type { Knob } from '../webview/contract.ts';
import { expandRuns } from '../experiment/expand.ts';
import type { Experiment, RunConfig } from '../experiment/schema/experiment.ts';

export type KnobId = Knob['id'];
export type KnobValues = Partial<Record<KnobId, number>>;

export const STRENGTHS = [
  'regularization.weightDecay',
  'regularization.l2',
  'regularization.l1',
  'regularization.elasticNet.lambda',
  'regularization.l2Norm',
] as const;

/** Short: the page gives a label about 12 characters; its tooltip shows the path. */
const STRENGTH_LABELS: Record<string, string> = {
  'regularization.weightDecay': 'weight decay',
  'regularization.l2': 'L2 λ',
  'regularization.l1': 'L1 λ',
  'regularization.elasticNet.lambda': 'ElasticNet λ',
  'regularization.l2Norm': 'L2-norm λ',
};

/** One variant's config, by the name its runs carry (the experiment's title when it has no variants). */
export interface VariantConfig {
  name: string;
  config: RunConfig;
}

export function variantConfigs(experiment: Experiment): VariantConfig[] {
  return expandRuns(experiment).map((run) => ({ name: run.variant ?? experiment.title, config: run.config }));
}

export function valueAt(config: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined), config);
}

/** A dropout setting as one p: the first non-zero p of a per-layer list. */
export function dropoutP(value: unknown): number {
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return (value.find((p) => typeof p === 'number' && p > 0) as number | undefined) ?? 0;
  return 0;
}

export function computeKnobs(experiment: Experiment): Knob[] {
  const variants = variantConfigs(experiment);
  if (variants.length === 0) return [];
  const knobs: Knob[] = [];
  const lambda = lambdaKnob(experiment, variants);
  if (lambda !== undefined) knobs.push(lambda);

  const withDropout = variants.filter((v) => dropoutP(v.config.regularization.dropout) > 0 && v.config.model.hidden.length > 0);
  if (withDropout.length > 0) {
    knobs.push({
      id: 'dropout', label: 'dropout p', path: 'regularization.dropout',
      value: dropoutP(withDropout[0]!.config.regularization.dropout), min: 0, max: 0.9, scale: 'linear',
      variants: withDropout.map((v) => v.name),
    });
  }

  // Input noise σ and label smoothing ε: like dropout, for the variants that switch them on.
  const withNoise = variants.filter((v) => v.config.regularization.inputNoise > 0);
  if (withNoise.length > 0) {
    const value = withNoise[0]!.config.regularization.inputNoise;
    knobs.push({
      id: 'inputNoise', label: 'input noise σ', path: 'regularization.inputNoise',
      value, min: 0, max: niceCeil(Math.max(0.5, 3 * value)), scale: 'linear', variants: withNoise.map((v) => v.name),
    });
  }
  const withSmoothing = variants.filter((v) => v.config.regularization.labelSmoothing > 0 && v.config.training.loss === 'cross_entropy');
  if (withSmoothing.length > 0) {
    knobs.push({
      id: 'labelSmoothing', label: 'label smoothing ε', path: 'regularization.labelSmoothing',
      value: withSmoothing[0]!.config.regularization.labelSmoothing, min: 0, max: 0.5, scale: 'linear',
      variants: withSmoothing.map((v) => v.name),
    });
  }

  const base = variants[0]!.config;
  const baseLike = (path: string) => {
    const value = baseValue(experiment, path) ?? valueAt(base, path);
    return { value, variants: variants.filter((v) => valueAt(v.config, path) === value).map((v) => v.name) };
  };

  const lr = baseLike('training.optimizer.lr');
  if (typeof lr.value === 'number' && lr.variants.length > 0) {
    knobs.push({ id: 'lr', label: 'learning rate', path: 'training.optimizer.lr', value: lr.value, ...logRange(lr.value, 1e-5, 1), scale: 'log', variants: lr.variants });
  }

  const noisePath = 'trainNoise' in base.data ? 'data.trainNoise' : 'noise' in base.data ? 'data.noise' : undefined;
  if (noisePath !== undefined) {
    const noise = baseLike(noisePath);
    if (typeof noise.value === 'number' && noise.variants.length > 0) {
      knobs.push({
        id: 'noise', label: 'data noise σ', path: noisePath, value: noise.value, min: 0,
        // d2l's noise is on the targets' tiny scale; the 2-D sets' on TensorFlow Playground's 0–0.5.
        max: niceCeil(Math.max(base.data.generator === 'd2l' ? 0.1 : noisePath === 'data.noise' ? 0.5 : 1, 3 * noise.value)),
        scale: 'linear', variants: noise.variants,
      });
    }
  }

  if ('train' in base.data) {
    const train = baseLike('data.train');
    if (typeof train.value === 'number' && train.variants.length > 0) {
      knobs.push({
        id: 'trainSize', label: 'train size', path: 'data.train', value: train.value,
        min: Math.min(2, train.value), max: Math.max(train.value, Math.min(10_000, Math.max(50, 4 * train.value))),
        scale: 'integer', variants: train.variants,
      });
    }
  }

  knobs.push({
    id: 'seed', label: 'seed', path: 'seed', value: experiment.seed, min: 0, max: experiment.seed < 100 ? 100 : experiment.seed + 100,
    scale: 'integer', variants: variants.map((v) => v.name),
  });
  return knobs;
}

function lambdaKnob(experiment: Experiment, variants: VariantConfig[]): Knob | undefined {
  const sweep = experiment.sweep;
  if (sweep !== undefined && (STRENGTHS as readonly string[]).includes(sweep.over)) {
    const swept = new Set(sweep.variants ?? variants.map((v) => v.name));
    const targets = experiment.variants.length === 0 ? variants : variants.filter((v) => swept.has(v.name));
    const values = [...(sweep.values ?? []), ...(sweep.logspace ? [sweep.logspace.from, sweep.logspace.to] : [])];
    const current = targets.map((v) => valueAt(v.config, sweep.over)).find((x): x is number => typeof x === 'number') ?? 0;
    const positive = [current, ...values].filter((x) => x > 0);
    const max = positive.length > 0 ? niceCeil(Math.max(...positive)) : 1;
    return {
      id: 'lambda', label: STRENGTH_LABELS[sweep.over] ?? 'λ', path: sweep.over, value: current,
      min: 0, max, scale: 'log', variants: targets.map((v) => v.name),
    };
  }
  let best: { path: string; on: VariantConfig[] } | undefined;
  for (const path of STRENGTHS) {
    const on = variants.filter((v) => Number(valueAt(v.config, path) ?? 0) > 0);
    if (on.length > 0 && (best === undefined || on.length > best.on.length)) best = { path, on };
  }
  if (best === undefined) return undefined;
  const values = best.on.map((v) => Number(valueAt(v.config, best.path)));
  return {
    id: 'lambda', label: STRENGTH_LABELS[best.path] ?? 'λ', path: best.path, value: values[0]!,
    min: 0, max: niceCeil(Math.max(1, 10 * Math.max(...values))), scale: 'log', variants: best.on.map((v) => v.name),
  };
}

/** The value the top level of the file gives a field (before variants), when it writes one. */
function baseValue(experiment: Experiment, path: string): unknown {
  return valueAt(experiment, path);
}

/** A log range that holds `value` with room on both sides: [min(floor, value/100), max(ceiling, value·100)]. */
function logRange(value: number, floor: number, ceiling: number): { min: number; max: number } {
  if (!(value > 0)) return { min: floor, max: ceiling };
  return { min: niceFloor(Math.min(floor, value / 100)), max: niceCeil(Math.max(ceiling, value * 100)) };
}

function niceFloor(x: number): number {
  return Number(`1e${Math.floor(Math.log10(x))}`);
}

/** The next number of one significant digit at or above x: 0.3 → 0.3, 0.31 → 0.4, 20 → 20. */
function niceCeil(x: number): number {
  const exponent = Math.floor(Math.log10(x));
  const p = Number(`1e${exponent}`);
  return Number((Math.ceil(Number((x / p).toPrecision(12))) * p).toPrecision(12));
}

/** The knob's value as the field takes it: integers rounded, ranges respected. */
export function clampKnob(knob: Knob, value: number): number {
  const v = Math.min(knob.max, Math.max(knob.scale === 'log' ? 0 : knob.min, value));
  return knob.scale === 'integer' ? Math.round(v) : v;
}
