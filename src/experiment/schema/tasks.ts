// What a data config implies before any data is generated: regression or
// classification, how many classes, how many training samples. Used by the derived
// defaults (the loss) and the cross-field checks (loss vs task, batch size).
import type { DataConfig } from './experiment.ts';
import { BUNDLED_DIGITS } from '../../data/bundled-digits.ts';

export type Task = 'regression' | 'classification';

const TWO_CLASS_SETS = ['circles', 'xor', 'gaussian', 'spiral', 'moons'] as const;

export function taskOf(data: DataConfig): Task {
  switch (data.generator) {
    case 'line':
    case 'sine':
    case 'polynomial':
    case 'd2l':
      return 'regression';
    case 'csv':
      return data.task;
    default:
      return 'classification';
  }
}

/** The number of classes when it is known from the config alone. */
export function classCountOf(data: DataConfig): number | undefined {
  if ((TWO_CLASS_SETS as readonly string[]).includes(data.generator)) return 2;
  if (data.generator === 'blobs') return data.classes;
  return undefined;
}

/** The number of training samples when it is known from the config alone. */
export function trainSizeOf(data: DataConfig): { size: number; field: string } | undefined {
  if (data.generator === 'csv') return undefined;
  if (data.generator === 'mnist') {
    // The bundled digits' size is known; the user's files are not read here.
    const bundled = data.images === undefined ? BUNDLED_DIGITS.train : undefined;
    if (data.limitTrain === undefined) return bundled === undefined ? undefined : { size: bundled, field: 'limitTrain' };
    return { size: Math.min(data.limitTrain, bundled ?? Infinity), field: 'limitTrain' };
  }
  return { size: data.train, field: 'train' };
}

