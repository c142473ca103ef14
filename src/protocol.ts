// The typed events of Reglab's training runs: the metrics, snapshots and outcomes a run
// reports while it trains. The worker sends them, the results model (src/results) folds them,
// and the host, the panel and the CLI pass them on. Nothing here imports the rest of Reglab:
// the experiment's run requests (experiment/request.ts) and the worker's messages
// (worker/messages.ts) build on these types, not the other way round.
/** The metrics of one evaluated epoch. Losses are the data term unless named otherwise. */
export interface EpochMetrics {
  epoch: number;
  /** Optimizer steps taken so far. */
  step: number;
  /** Mean over the epoch's minibatches of the training objective: data term + penalty, each batch's taken in train mode (dropout on) before its step. */
  trainLoss: number;
  trainDataLoss: number;
  trainPenalty: number;
  /** Data term on the test set, in eval mode (dropout off). */
  testLoss: number;
  /** With training.evalTrain: the data term on the whole training set in eval mode after the epoch, as d2l's evaluate_loss. */
  trainEvalLoss?: number;
  /** Data term on the validation samples held out of the training set (data.validation or data.folds), in eval mode. */
  validationLoss?: number;
  trainAccuracy?: number;
  testAccuracy?: number;
  /** ‖w‖₂ and ‖w‖₁ over all weight matrices (biases excluded), and the share of |w| < 1e-3. */
  weightNorm: number;
  weightL1: number;
  sparsity: number;
}

/** The model's predictions on a grid over the input domain, for the Fit view. */
export type Snapshot =
  | { kind: 'curve'; epoch: number; x: number[]; y: number[] }
  | {
      kind: 'boundary';
      epoch: number;
      /** Grid over [x0, x1] × [y0, y1], `size` points per side, row-major from (x0, y0). */
      domain: [[number, number], [number, number]];
      size: number;
      /** Predicted class per grid point, and its probability. */
      classes: number[];
      confidence: number[];
    };

export interface WeightHistogram {
  /** Bin edges (bins + 1 values) over all weights (biases excluded). */
  edges: number[];
  counts: number[];
  /** Weights exactly 0, and with |w| < 1e-3. */
  exactZeros: number;
  nearZero: number;
  total: number;
}

export interface LayerSummary {
  name: string;
  shape: number[];
  norm: number;
  l1: number;
  exactZeros: number;
}

/**
 * A sweep run's final weights for the regularization path (weights against the swept value),
 * sent once, in its summary; variant runs have none. Bounded: at most PATH_COEFFICIENTS numbers.
 */
export interface PathWeights {
  /** A linear model's coefficients ("0.weight", [outputs][inputs] row-major), when it has at most PATH_COEFFICIENTS. */
  coefficients?: number[];
  /** The PATH_LARGEST largest |w| over all weight matrices, in decreasing order (biases excluded). */
  largest: number[];
  /** With `coefficients`, when the data's generator knows them: the true coefficients w*, in the same order. */
  truth?: number[];
}

export const PATH_COEFFICIENTS = 256;
export const PATH_LARGEST = 8;

export interface RunSummary {
  final: EpochMetrics;
  /** Lowest test loss seen, and when (early stopping restores it when asked to). */
  bestTestLoss: number;
  bestEpoch: number;
  stoppedEarly: boolean;
  histogram: WeightHistogram;
  layers: LayerSummary[];
  parameterCount: number;
  milliseconds: number;
  /** Sweep runs only: the final weights the path view draws. */
  path?: PathWeights;
}

/**
 * What a run reports while it trains. Epochs arrive in batches, at most one batch per flush
 * interval per run (the first evaluation at once). Sweep runs send no 'data' and no
 * 'snapshot' events: no view draws a sweep run's points or fit.
 */
export type RunEvent =
  | { type: 'started'; runId: string; parameterCount: number; task: 'regression' | 'classification'; inputs: number; outputs: number }
  | { type: 'data'; runId: string; train: DataPoints; test: DataPoints }
  | { type: 'epochs'; runId: string; metrics: EpochMetrics[] }
  | { type: 'snapshot'; runId: string; snapshot: Snapshot }
  | { type: 'finished'; runId: string; summary: RunSummary }
  | { type: 'diverged'; runId: string; epoch: number; step: number; cause: string }
  | { type: 'cancelled'; runId: string }
  | { type: 'failed'; runId: string; message: string; path?: (string | number)[] };

/** Training and test points of 1-D and 2-D data sets, for drawing (x has 1 or 2 columns). */
export interface DataPoints {
  x: number[][];
  y: number[];
}

export type RunOutcome = Extract<RunEvent, { type: 'finished' | 'diverged' | 'cancelled' | 'failed' }>;
