// The chosen values of a sweep as data a script or the results file keeps: per variant,
// λ_min and λ_1se with the validation loss they were chosen on and the test loss they then
// get. Read from sweepChoices, so the CLI, the report and the panel name the same values.
import type { SweepPoint } from './stats.ts';
import { standardError, sweepChoices } from './stats.ts';
import type { ExperimentResults } from './model.ts';

export interface ChosenValue {
  value: number;
  /** With `sweep.grid`: the chosen cell's second value. */
  gridValue?: number;
  /** Mean validation loss and its standard error over the runs (folds × repeats); absent when chosen on test. */
  validationLoss?: number;
  validationSE?: number;
  /** Mean test loss of the same runs: reported, not chosen on (unless `on` is 'test'). */
  testLoss: number;
  testStd: number;
  runs: number;
}

export interface ChosenJson {
  variant: string;
  /** What the choice read. 'test' means there was no validation data: the test loss is then optimistic. */
  on: 'validation' | 'test';
  /** False while some run of the sweep is queued, training or stopped. */
  final: boolean;
  /** λ_min; `value` and `testLoss` repeat it for the scripts that read them before λ_1se existed. */
  value: number;
  testLoss: number;
  min: ChosenValue;
  oneSe?: ChosenValue;
}

export function chosenValues(results: Pick<ExperimentResults, 'sweep' | 'runs' | 'sweepOver'>): ChosenJson[] {
  return [...sweepChoices(results.sweep, results.runs, results.sweepOver)].map(([variant, c]) => ({
    variant,
    on: c.on,
    final: c.final,
    value: c.point.value,
    testLoss: c.point.testLoss.mean,
    min: chosenValue(c.point),
    ...(c.oneSe === undefined ? {} : { oneSe: chosenValue(c.oneSe) }),
  }));
}

function chosenValue(p: SweepPoint): ChosenValue {
  return {
    value: p.value,
    ...(p.gridValue === undefined ? {} : { gridValue: p.gridValue }),
    ...(p.validationLoss === undefined ? {} : { validationLoss: p.validationLoss.mean, validationSE: standardError(p.validationLoss, p.repeats) }),
    testLoss: p.testLoss.mean,
    testStd: p.testLoss.std,
    runs: p.repeats,
  };
}

/**
 * What the test loss reported at a value chosen on validation data is: the mean over the runs
 * behind that value, each trained without its held-out samples. Reglab does not retrain the
 * chosen value on the whole training set, as glmnet's cv.glmnet does; every view says so
 * beside that test loss. Undefined when nothing was held out.
 */
export function heldOutTestNote(results: Pick<ExperimentResults, 'runs'>): string | undefined {
  const held = results.runs.filter((r) => r.sweepValue !== undefined && r.summary?.final.validationLoss !== undefined);
  if (held.length === 0) return undefined;
  const folds = new Set(held.map((r) => r.fold).filter((f) => f !== undefined)).size;
  const trained = folds > 1 ? `models trained on ${folds - 1}/${folds} of the training set (one per fold)` : 'models trained without their validation split';
  return `These test losses are means over ${trained}; Reglab does not refit the chosen value on the whole training set, as glmnet's cv.glmnet does.`;
}
