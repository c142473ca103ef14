// What every data source produces: a train and a test split of one task, in the flat
// row-major layout the engine's tensors use. The model sees these values as they are;
// standardisation, if wanted, is the runner's choice (see stats.ts).

export type Task = 'regression' | 'classification';

/**
 * One split. `x` is row-major [n, inputs]. For regression `y` is [n, outputs];
 * for classification `y` holds one class index (an integer) per sample, [n].
 */
export interface Split {
  x: Float64Array;
  y: Float64Array;
  n: number;
}

export interface Dataset {
  task: Task;
  inputs: number;
  /** For classification, the number of classes. */
  outputs: number;
  train: Split;
  test: Split;
  /** Held out of the training set by `data.validation` or one fold of `data.folds` (see holdout.ts); never trained on. */
  validation?: Split;
  inputNames?: string[];
  classNames?: string[];
  /** Per input, the range to draw fit curves or decision boundaries over (1-D and 2-D sets). */
  domain?: [number, number][];
  /** For 1-D generators: the noiseless function, for plotting. */
  truth?: (x: number) => number;
  /** For linear generators with a known truth (d2l): w*, one per input; the path view marks which are not 0. */
  trueCoefficients?: number[];
}
