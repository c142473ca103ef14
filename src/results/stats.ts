// A sweep's statistics: per variant and swept value, the mean and spread over the repeats
// (and cross-validation folds) that finished, and the chosen value — named as the choice only
// once every run of the sweep has ended, and as provisional before. With validation data the
// choice reads the validation loss only (λ_min, and glmnet's λ_1se); the test loss is then
// only reported at the chosen values. Without, it is the lowest mean test loss, and says so.
import type { RunRecord } from './model.ts';

export interface Stat {
  mean: number;
  std: number;
  min: number;
  max: number;
}

export interface SweepPoint {
  variant: string;
  value: number;
  /** With `sweep.grid`, the second field's value: the point is a cell of the grid. */
  gridValue?: number;
  /** Runs that finished at this value: the means are over them. */
  repeats: number;
  /** Runs planned at this value (finished or not). */
  planned: number;
  /** Training objective (data term + penalty) and its data term alone. */
  trainLoss: Stat;
  trainDataLoss: Stat;
  testLoss: Stat;
  /** Over the same runs, when every one held out validation data (data.validation or data.folds). */
  validationLoss?: Stat;
  weightNorm: Stat;
  sparsity: Stat;
  testAccuracy?: Stat;
}

type SweepRun = Pick<RunRecord, 'variant' | 'sweepValue' | 'gridValue' | 'status' | 'summary'>;

export function sweepStatistics(runs: readonly SweepRun[]): SweepPoint[] {
  const groups = new Map<string, SweepRun[]>();
  for (const run of runs) {
    if (run.sweepValue === undefined) continue;
    const key = `${run.variant}\u0000${run.sweepValue}\u0000${run.gridValue ?? ''}`;
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = []));
    group.push(run);
  }
  const points: SweepPoint[] = [];
  for (const group of groups.values()) {
    const finals = group.filter((r) => r.status === 'finished' && r.summary !== undefined).map((r) => r.summary!.final);
    if (finals.length === 0) continue;
    const point: SweepPoint = {
      variant: group[0]!.variant,
      value: group[0]!.sweepValue!,
      ...(group[0]!.gridValue === undefined ? {} : { gridValue: group[0]!.gridValue }),
      repeats: finals.length,
      planned: group.length,
      trainLoss: stat(finals.map((f) => f.trainLoss)),
      trainDataLoss: stat(finals.map((f) => f.trainDataLoss)),
      testLoss: stat(finals.map((f) => f.testLoss)),
      weightNorm: stat(finals.map((f) => f.weightNorm)),
      sparsity: stat(finals.map((f) => f.sparsity)),
    };
    if (finals.every((f) => f.validationLoss !== undefined)) point.validationLoss = stat(finals.map((f) => f.validationLoss!));
    if (finals.every((f) => f.testAccuracy !== undefined)) point.testAccuracy = stat(finals.map((f) => f.testAccuracy!));
    points.push(point);
  }
  return points;
}

export interface SweepChoice {
  /** λ_min: the lowest mean validation loss (or, without validation data, the lowest mean test loss). */
  point: SweepPoint;
  /** What the choice read: 'validation' is honest; 'test' chose on the data it then reports. */
  on: 'validation' | 'test';
  /**
   * λ_1se (glmnet's rule): the most regularizing value whose mean validation loss is within one
   * standard error of λ_min's. Only with validation data and a field where larger means
   * more regularization (see moreIsSimpler).
   */
  oneSe?: SweepPoint;
  /**
   * False while any run of the variant's sweep is queued or training, or when some were
   * stopped: the lowest mean so far may not be the lowest once every value has its repeats.
   */
  final: boolean;
}

/** The standard error of a mean: sd / √n (glmnet's cvsd over folds). */
export function standardError(s: Stat, n: number): number {
  return n > 1 ? s.std / Math.sqrt(n) : 0;
}

/**
 * Fields whose larger values regularize more, so "the largest value within one SE" is the
 * simplest model: penalty strengths, weight decay, dropout. Not max-norm (a smaller bound is
 * stronger), nor widths, sizes, epochs or learning rates.
 */
export function moreIsSimpler(over: string | undefined): boolean {
  return over !== undefined && /^regularization\.(weightDecay|l1|l2|l2Norm|elasticNet\.lambda|dropout)$/.test(over);
}

/**
 * Per variant, λ_min and λ_1se on the validation loss when every point has it, else the
 * lowest mean test loss; and whether that choice is final.
 */
export function sweepChoices(points: readonly SweepPoint[], runs: readonly SweepRun[], over?: string): Map<string, SweepChoice> {
  const byVariant = new Map<string, SweepPoint[]>();
  for (const p of points) byVariant.set(p.variant, [...(byVariant.get(p.variant) ?? []), p]);
  const choices = new Map<string, SweepChoice>();
  for (const [variant, group] of byVariant) {
    const validated = group.every((p) => p.validationLoss !== undefined);
    const loss = (p: SweepPoint): number => (validated ? p.validationLoss! : p.testLoss).mean;
    let best = group[0]!;
    for (const p of group) if (loss(p) < loss(best)) best = p;
    const choice: SweepChoice = { point: best, on: validated ? 'validation' : 'test', final: false };
    // λ_1se orders the values of one field; a grid's cells have no such order.
    if (validated && moreIsSimpler(over) && group.every((p) => p.gridValue === undefined)) choice.oneSe = oneStandardError(group, best);
    choices.set(variant, choice);
  }
  for (const [variant, choice] of choices) {
    choice.final = runs.every((r) => r.sweepValue === undefined || r.variant !== variant || (r.status !== 'queued' && r.status !== 'running' && r.status !== 'cancelled'));
  }
  return choices;
}

/** The largest value whose mean validation loss is at most λ_min's mean + its standard error. */
export function oneStandardError(points: readonly SweepPoint[], min: SweepPoint): SweepPoint {
  const bound = min.validationLoss!.mean + standardError(min.validationLoss!, min.repeats);
  let chosen = min;
  for (const p of points) if (p.validationLoss!.mean <= bound && p.value > chosen.value) chosen = p;
  return chosen;
}

export function stat(values: readonly number[]): Stat {
  const n = values.length;
  let sum = 0, min = Infinity, max = -Infinity;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / n;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return { mean, std: n > 1 ? Math.sqrt(squares / (n - 1)) : 0, min, max };
}
