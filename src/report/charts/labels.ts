// The words for what a chart or table shows: a run by its variant (and its playground values
// when it was trained with some), a swept field by what it means rather than its path.
import type { RunRecord } from '../../results/model.ts';
import { formatNumber } from './format.ts';
import { displayName } from './palette.ts';

/** Config paths a sweep or the playground moves, in words; others are shown as their path. */
const FIELD_LABELS: Record<string, string> = {
  'regularization.weightDecay': 'weight decay λ',
  'regularization.l2': 'L2 λ',
  'regularization.l1': 'L1 λ',
  'regularization.elasticNet.lambda': 'ElasticNet λ',
  'regularization.elasticNet.l1Ratio': 'ElasticNet L1 ratio',
  'regularization.l2Norm': 'L2-norm λ',
  'regularization.dropout': 'dropout p',
  'regularization.maxNorm': 'max-norm',
  'regularization.inputNoise': 'input noise σ',
  'regularization.labelSmoothing': 'label smoothing ε',
  'training.optimizer.lr': 'learning rate',
  'training.epochs': 'epochs',
  'model.hidden': 'hidden layer width',
  'data.train': 'train size',
  'data.noise': 'data noise σ',
  'data.trainNoise': 'train noise σ',
  seed: 'seed',
};

export function fieldLabel(path: string): string {
  const layer = /^model\.hidden\.(\d+)$/.exec(path);
  if (layer !== null) return `width of hidden layer ${layer[1]}`;
  return FIELD_LABELS[path] ?? path;
}

/** The symbols a curve's name uses for the values it was trained with (the variant's name says the rest). */
const SHORT_LABELS: Record<string, string> = {
  'regularization.weightDecay': 'λ',
  'regularization.l2': 'λ',
  'regularization.l1': 'λ',
  'regularization.elasticNet.lambda': 'λ',
  'regularization.l2Norm': 'λ',
  'regularization.dropout': 'p',
  'regularization.inputNoise': 'σ',
  'regularization.labelSmoothing': 'ε',
  'training.optimizer.lr': 'lr',
  'data.train': 'n',
  'data.noise': 'σ',
  'data.trainNoise': 'σ',
  seed: 'seed',
};

/** "λ = 0.5, lr = 0.02 (playground)"; empty without overrides. */
export function overridesText(overrides: Readonly<Record<string, number>> | undefined): string {
  if (overrides === undefined) return '';
  const parts = Object.entries(overrides).map(([path, value]) => `${SHORT_LABELS[path] ?? fieldLabel(path)} = ${formatNumber(value, 3)}`);
  return parts.length === 0 ? '' : `${parts.join(', ')} (playground)`;
}

/** A run's name on charts: its variant, its repeat when not the first, its playground values. */
export function runLabel(run: Pick<RunRecord, 'variant' | 'repeat' | 'overrides'>): string {
  const name = run.repeat > 0 ? `${displayName(run.variant)} #${run.repeat}` : displayName(run.variant);
  const played = overridesText(run.overrides);
  return played === '' ? name : `${name} · ${played}`;
}
