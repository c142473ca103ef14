// Validation data carved from the training set: one held-out split (`validation`) or the
// k folds of cross-validation (`folds`). The test set is never touched. Which samples go
// where is a function of the seed alone (a Fisher–Yates shuffle, as scikit-learn's
// KFold(shuffle=True)), so every value of a sweep and every variant sees the same folds,
// and the PyTorch export can write the same index lists.
import { Random } from '../engine/random.ts';
import type { Dataset, Split } from './dataset.ts';
import { reorderRows } from './split.ts';

export interface HoldOutSpec {
  /** A fraction (< 1) of the training set, or a count of samples (≥ 1). */
  validation?: number | undefined;
  folds?: number | undefined;
}

/** How many samples `validation` holds out of n: a fraction rounds, at least 1 and at most n − 1. */
export function validationCount(n: number, validation: number): number {
  const count = validation < 1 ? Math.round(validation * n) : Math.floor(validation);
  return Math.min(Math.max(count, 1), n - 1);
}

/**
 * The fold of each of n samples: the shuffled order is cut into k contiguous parts whose sizes
 * differ by at most one, the larger first (scikit-learn's KFold sizes). Throws when k > n.
 */
export function foldAssignment(n: number, folds: number, seed: number): Int32Array {
  if (!(folds >= 2 && folds <= n)) throw new Error(`cannot cut ${n} samples into ${folds} folds`);
  const order = new Random(seed).permutation(n);
  const fold = new Int32Array(n);
  const small = Math.floor(n / folds);
  const larger = n % folds;
  let position = 0;
  for (let k = 0; k < folds; k++) {
    const size = small + (k < larger ? 1 : 0);
    for (let i = 0; i < size; i++) fold[order[position++]!] = k;
  }
  return fold;
}

/**
 * The indices (ascending) of the samples trained on and held out. `fold` picks the
 * held-out fold with `folds` (default 0); a single `validation` split is the first
 * validationCount(n) samples of the shuffled order. Undefined without either.
 */
export function holdOutIndices(n: number, spec: HoldOutSpec, seed: number, fold = 0): { train: number[]; validation: number[] } | undefined {
  let held: (i: number) => boolean;
  if (spec.folds !== undefined) {
    if (!(fold >= 0 && fold < spec.folds)) throw new Error(`fold ${fold} is outside 0 … ${spec.folds - 1}`);
    const assignment = foldAssignment(n, spec.folds, seed);
    held = (i) => assignment[i] === fold;
  } else if (spec.validation !== undefined) {
    if (n < 2) throw new Error(`cannot hold out validation samples from a training set of ${n}`);
    const order = new Random(seed).permutation(n);
    const chosen = new Set(order.subarray(0, validationCount(n, spec.validation)));
    held = (i) => chosen.has(i);
  } else {
    return undefined;
  }
  const train: number[] = [];
  const validation: number[] = [];
  for (let i = 0; i < n; i++) (held(i) ? validation : train).push(i);
  return { train, validation };
}

/** The training split divided into what is trained on and the validation split, rows in their original order. */
export function splitOffValidation(
  split: Split,
  inputs: number,
  yWidth: number,
  spec: HoldOutSpec,
  seed: number,
  fold = 0,
): { train: Split; validation: Split } | undefined {
  const indices = holdOutIndices(split.n, spec, seed, fold);
  if (indices === undefined) return undefined;
  return { train: reorderRows(split, inputs, yWidth, indices.train), validation: reorderRows(split, inputs, yWidth, indices.validation) };
}

/** The data set with its training split cut as `spec` says and the held-out part as `validation` (unchanged without a hold-out). */
export function withHoldOut(data: Dataset, spec: HoldOutSpec, seed: number, fold = 0): Dataset {
  const yWidth = data.task === 'classification' ? 1 : data.outputs;
  const parts = splitOffValidation(data.train, data.inputs, yWidth, spec, seed, fold);
  return parts === undefined ? data : { ...data, train: parts.train, validation: parts.validation };
}
