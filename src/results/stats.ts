// A sweep's statistics: per variant and swept value, the mean and spread over the repeats
// that finished, and the value with the lowest mean test loss — named as the choice only once
// every run of the sweep has ended, and as provisional before.
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
  /** Runs that finished at this value: the means are over them. */
  repeats: number;
  /** Runs planned at this value (finished or not). */
  planned: number;
  /** Training objective (data term + penalty) and its data term alone. */
  trainLoss: Stat;
  trainDataLoss: Stat;
  testLoss: Stat;
  weightNorm: Stat;
  sparsity: Stat;
  testAccuracy?: Stat;
}

type SweepRun = Pick<RunRecord, 'variant' | 'sweepValue' | 'status' | 'summary'>;

export function sweepStatistics(runs: readonly SweepRun[]): SweepPoint[] {
  const groups = new Map<string, SweepRun[]>();
  for (const run of runs) {
    if (run.sweepValue === undefined) continue;
    const key = `${run.variant}\u0000${run.sweepValue}`;
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
      repeats: finals.length,
      planned: group.length,
      trainLoss: stat(finals.map((f) => f.trainLoss)),
      trainDataLoss: stat(finals.map((f) => f.trainDataLoss)),
      testLoss: stat(finals.map((f) => f.testLoss)),
      weightNorm: stat(finals.map((f) => f.weightNorm)),
      sparsity: stat(finals.map((f) => f.sparsity)),
    };
    if (finals.every((f) => f.testAccuracy !== undefined)) point.testAccuracy = stat(finals.map((f) => f.testAccuracy!));
    points.push(point);
  }
  return points;
}

export interface SweepChoice {
  point: SweepPoint;
  /**
   * False while any run of the variant's sweep is queued or training, or when some were
   * stopped: the lowest mean so far may not be the lowest once every value has its repeats.
   */
  final: boolean;
}

/** Per variant, the swept value with the lowest mean test loss, and whether that choice is final. */
export function sweepChoices(points: readonly SweepPoint[], runs: readonly SweepRun[]): Map<string, SweepChoice> {
  const choices = new Map<string, SweepChoice>();
  for (const p of points) {
    const current = choices.get(p.variant);
    if (current === undefined || p.testLoss.mean < current.point.testLoss.mean) choices.set(p.variant, { point: p, final: false });
  }
  for (const [variant, choice] of choices) {
    choice.final = runs.every((r) => r.sweepValue === undefined || r.variant !== variant || (r.status !== 'queued' && r.status !== 'running' && r.status !== 'cancelled'));
  }
  return choices;
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
