// The model's predictions on a grid over the input domain: the fitted curve of a 1-D
// regression, the decision boundary of a 2-D classifier. Other data sets get none.
import * as E from '../../engine/index.ts';
import type { Dataset } from '../../data/index.ts';
import type { DataPoints, Snapshot } from '../../protocol.ts';

const CURVE_POINTS = 200;
const GRID_SIDE = 60;

export type SnapshotTaker = (epoch: number) => Snapshot;

export function snapshotTaker(model: E.Sequential, data: Dataset, dtype: E.DType): SnapshotTaker | null {
  if (data.task === 'regression' && data.inputs === 1 && data.outputs === 1) {
    const [lo, hi] = data.domain?.[0] ?? extent(data.train.x, 1, 0);
    const x = Array.from({ length: CURVE_POINTS }, (_, i) => lo + ((hi - lo) * i) / (CURVE_POINTS - 1));
    const input = E.tensor(x, [CURVE_POINTS, 1], { dtype });
    return (epoch) => ({ kind: 'curve', epoch, x, y: Array.from(predict(model, input)) });
  }
  if (data.task === 'classification' && data.inputs === 2) {
    const domain: [[number, number], [number, number]] = [
      data.domain?.[0] ?? extent(data.train.x, 2, 0),
      data.domain?.[1] ?? extent(data.train.x, 2, 1),
    ];
    const points: number[] = [];
    for (let r = 0; r < GRID_SIDE; r++) {
      for (let c = 0; c < GRID_SIDE; c++) {
        points.push(domain[0][0] + ((domain[0][1] - domain[0][0]) * c) / (GRID_SIDE - 1));
        points.push(domain[1][0] + ((domain[1][1] - domain[1][0]) * r) / (GRID_SIDE - 1));
      }
    }
    const input = E.tensor(points, [GRID_SIDE * GRID_SIDE, 2], { dtype });
    return (epoch) => {
      const logits = predict(model, input);
      const { classes, confidence } = classify(logits, logits.length / (GRID_SIDE * GRID_SIDE));
      return { kind: 'boundary', epoch, domain, size: GRID_SIDE, classes, confidence };
    };
  }
  return null;
}

/** The train and test points of 1-D and 2-D data sets, for the Fit view. */
export function dataPoints(data: Dataset): { train: DataPoints; test: DataPoints } | null {
  if (data.inputs > 2) return null;
  const points = (split: Dataset['train']): DataPoints => ({
    x: Array.from({ length: split.n }, (_, i) => Array.from(split.x.subarray(i * data.inputs, (i + 1) * data.inputs))),
    y: Array.from(split.y.subarray(0, split.n)),
  });
  return { train: points(data.train), test: points(data.test) };
}

function predict(model: E.Sequential, input: E.Tensor): Float64Array {
  const wasTraining = model.training;
  const values = E.noGrad(() => Float64Array.from(model.eval().forward(input).data));
  E.releaseGraph();
  if (wasTraining) model.train();
  return values;
}

/** Softmax argmax and probability per row; one logit means a sigmoid over two classes. */
function classify(logits: Float64Array, cols: number): { classes: number[]; confidence: number[] } {
  const rows = logits.length / cols;
  const classes: number[] = [], confidence: number[] = [];
  for (let r = 0; r < rows; r++) {
    if (cols === 1) {
      const p = 1 / (1 + Math.exp(-logits[r]!));
      classes.push(p > 0.5 ? 1 : 0);
      confidence.push(Math.max(p, 1 - p));
      continue;
    }
    let best = 0, max = -Infinity, sum = 0;
    for (let c = 0; c < cols; c++) {
      const v = logits[r * cols + c]!;
      if (v > max) {
        max = v;
        best = c;
      }
    }
    for (let c = 0; c < cols; c++) sum += Math.exp(logits[r * cols + c]! - max);
    classes.push(best);
    confidence.push(1 / sum);
  }
  return { classes, confidence };
}

function extent(x: Float64Array, columns: number, column: number): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (let i = column; i < x.length; i += columns) {
    lo = Math.min(lo, x[i]!);
    hi = Math.max(hi, x[i]!);
  }
  const margin = (hi - lo) * 0.1 || 1;
  return [lo - margin, hi + margin];
}
