// Hand-made experiment results for the report tests: a 1-D regression with two variants
// and a sweep with repeats (one of its runs diverged), a 2-D classifier with a diverged
// and a failed variant, and a high-dimensional regression (no fit view) whose title and
// description try to break out of the HTML.
import type { ExperimentResults, RunRecord, RunStatus } from '../../../src/results/model.ts';
import { sweepStatistics } from '../../../src/results/stats.ts';
import type { DataPoints, EpochMetrics, RunSummary, Snapshot, WeightHistogram } from '../../../src/protocol.ts';

/** Deterministic uniform numbers in [0, 1). */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

interface Curves {
  trainData(epoch: number): number;
  penalty?(epoch: number): number;
  test(epoch: number): number;
  norm(epoch: number): number;
  sparsity?(epoch: number): number;
  trainAccuracy?(epoch: number): number;
  testAccuracy?(epoch: number): number;
}

function metrics(epochs: number, curves: Curves, seed: number, stepsPerEpoch = 1): EpochMetrics[] {
  const random = rng(seed);
  const jitter = () => 1 + 0.04 * (random() - 0.5);
  return Array.from({ length: epochs + 1 }, (_, epoch) => {
    const trainDataLoss = curves.trainData(epoch) * jitter();
    const trainPenalty = curves.penalty?.(epoch) ?? 0;
    const norm = curves.norm(epoch);
    const m: EpochMetrics = {
      epoch,
      step: epoch * stepsPerEpoch,
      trainLoss: trainDataLoss + trainPenalty,
      trainDataLoss,
      trainPenalty,
      testLoss: curves.test(epoch) * jitter(),
      weightNorm: norm,
      weightL1: norm * 6,
      sparsity: curves.sparsity?.(epoch) ?? 0.004,
    };
    if (curves.trainAccuracy) m.trainAccuracy = curves.trainAccuracy(epoch);
    if (curves.testAccuracy) m.testAccuracy = curves.testAccuracy(epoch);
    return m;
  });
}

function histogram(sigma: number, total: number, exactZeros = 0, bins = 41): WeightHistogram {
  const limit = 3.5 * sigma;
  const width = (2 * limit) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => -limit + i * width);
  const counts = Array.from({ length: bins }, (_, i) => {
    const centre = -limit + (i + 0.5) * width;
    return Math.round(((total - exactZeros) * width * Math.exp(-(centre * centre) / (2 * sigma * sigma))) / (sigma * Math.sqrt(2 * Math.PI)));
  });
  counts[Math.floor(bins / 2)]! += exactZeros;
  const nearZero = exactZeros + Math.round((total - exactZeros) * (2e-3 / (sigma * Math.sqrt(2 * Math.PI))));
  return { edges, counts, exactZeros, nearZero, total };
}

function summary(m: EpochMetrics[], h: WeightHistogram, parameterCount: number): RunSummary {
  let best = 0;
  m.forEach((x, i) => {
    if (x.testLoss < m[best]!.testLoss) best = i;
  });
  return {
    final: m[m.length - 1]!,
    bestTestLoss: m[best]!.testLoss,
    bestEpoch: m[best]!.epoch,
    stoppedEarly: false,
    histogram: h,
    layers: [
      { name: '0.weight', shape: [100, 1], norm: 3.2, l1: 25, exactZeros: 0 },
      { name: '0.bias', shape: [100], norm: 1.1, l1: 8, exactZeros: 0 },
    ],
    parameterCount,
    milliseconds: 1234,
  };
}

function run(fields: Partial<RunRecord> & { id: string; variant: string; status: RunStatus }): RunRecord {
  return { repeat: 0, seed: 1, metrics: [], snapshots: [], ...fields };
}

// ---- 1-D regression: y = 1.5x + 0.5 + noise, ten points -------------------------------

function linePoints(n: number, noise: number, seed: number): DataPoints {
  const random = rng(seed);
  const x = Array.from({ length: n }, (_, i) => -1 + (2 * i) / (n - 1) + 0.05 * (random() - 0.5));
  return { x: x.map((v) => [v]), y: x.map((v) => 1.5 * v + 0.5 + noise * normal(random)) };
}

/** A curve that threads every training point (overfitted) or a straight line (regularized). */
function curveSnapshots(train: DataPoints, epochs: number, every: number, overfit: boolean): Snapshot[] {
  const xs = Array.from({ length: 200 }, (_, i) => -1.1 + (2.2 * i) / 199);
  const order = train.x.map((p, i) => [p[0]!, train.y[i]!] as const).sort((a, b) => a[0] - b[0]);
  const threaded = (x: number) => {
    if (x <= order[0]![0]) return order[0]![1] + (x - order[0]![0]) * 4;
    for (let i = 1; i < order.length; i++) {
      const [x0, y0] = order[i - 1]!, [x1, y1] = order[i]!;
      if (x <= x1) {
        const t = (x - x0) / (x1 - x0);
        return y0 + (y1 - y0) * (3 * t * t - 2 * t * t * t);
      }
    }
    return order[order.length - 1]![1] + (x - order[order.length - 1]![0]) * 4;
  };
  const snapshots: Snapshot[] = [];
  for (let epoch = 0; epoch <= epochs; epoch += every) {
    const progress = 1 - Math.exp(-epoch / (epochs / 4));
    const y = xs.map((x) => (overfit ? progress * threaded(x) : progress * (1.35 * x + 0.5) + (1 - progress) * 0.1 * x));
    snapshots.push({ kind: 'curve', epoch, x: xs, y });
  }
  return snapshots;
}

export function regressionResults(): ExperimentResults {
  const epochs = 1000;
  const data = { train: linePoints(10, 0.5, 7), test: linePoints(10, 0.3, 8) };
  const plain = metrics(epochs, {
    trainData: (e) => 0.02 + 0.5 * Math.exp(-e / 120),
    test: (e) => 0.28 + 0.35 * Math.exp(-e / 50) + 0.5 * (1 - Math.exp(-e / 400)),
    norm: (e) => 9 + 5 * (1 - Math.exp(-e / 300)),
  }, 11);
  const l2 = metrics(epochs, {
    trainData: (e) => 0.17 + 0.4 * Math.exp(-e / 90),
    penalty: (e) => 0.035 + 0.06 * Math.exp(-e / 150),
    test: (e) => 0.11 + 0.45 * Math.exp(-e / 70),
    norm: (e) => 9 - 4.5 * (1 - Math.exp(-e / 200)),
  }, 12);
  const runs: RunRecord[] = [
    run({ id: 'no-weight-decay', variant: 'no weight decay', status: 'finished', task: 'regression', parameterCount: 20401, metrics: plain, snapshots: curveSnapshots(data.train, epochs, 50, true), data, summary: summary(plain, histogram(0.12, 20200), 20401) }),
    run({ id: 'l2-penalty', variant: 'L2 penalty', status: 'finished', task: 'regression', parameterCount: 20401, metrics: l2, snapshots: curveSnapshots(data.train, epochs, 50, false), data, summary: summary(l2, histogram(0.05, 20200), 20401) }),
  ];
  // The sweep over λ of the L2 variant: three repeats per value, test loss lowest at 0.01.
  const values = [0, 0.001, 0.01, 0.1, 1];
  for (const value of values) {
    for (let repeat = 0; repeat < 3; repeat++) {
      const id = `l2-penalty@${value}#${repeat}`;
      if (value === 1 && repeat === 2) {
        runs.push(run({ id, variant: 'L2 penalty', sweepValue: value, repeat, seed: 1 + repeat, status: 'diverged', epoch: 37, message: 'the training loss became Infinity at step 37; the learning rate is likely too large for this penalty' }));
        continue;
      }
      const random = rng(100 + repeat * 7 + values.indexOf(value));
      const l = Math.log10(value + 1e-4);
      const testFinal = 0.12 + 0.06 * (l + 2) ** 2 + 0.03 * random();
      const trainFinal = 0.015 + 0.2 * (value / (value + 0.02)) + 0.01 * random();
      const m = metrics(200, {
        trainData: (e) => trainFinal + 0.4 * Math.exp(-e / 30),
        penalty: (e) => (value > 0 ? 0.1 * Math.sqrt(value) * (1 + Math.exp(-e / 50)) : 0),
        test: (e) => testFinal + 0.4 * Math.exp(-e / 30),
        norm: () => 12 / (1 + 20 * value) + random(),
        sparsity: () => 0.002 + 0.25 * (value / (value + 0.05)) + 0.01 * random(),
      }, 200 + repeat);
      runs.push(run({ id, variant: 'L2 penalty', sweepValue: value, repeat, seed: 1 + repeat, status: 'finished', task: 'regression', metrics: m, data, snapshots: curveSnapshots(data.train, 200, 50, false), summary: summary(m, histogram(0.1, 20200), 20401) }));
    }
  }
  return {
    version: 1,
    file: 'examples/weight-decay.reglab.json',
    title: 'Weight decay on a tiny noisy regression',
    description: 'Ten noisy points on a line. Without regularization the network threads every point; with an L2 penalty the fit stays smooth.',
    startedAt: '2024-05-01T10:00:00.000Z',
    finishedAt: '2024-05-01T10:00:42.500Z',
    sweepOver: 'regularization.l2',
    runs,
    sweep: sweepStatistics(runs),
  };
}

// ---- 2-D classifier: two interleaved half-moons ------------------------------------------

function moonClass(x: number, y: number): number {
  return y > 0.5 * Math.sin(2.2 * x) ? 0 : 1;
}

function moonPoints(n: number, seed: number): DataPoints {
  const random = rng(seed);
  const x: number[][] = [], y: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = [-2 + 4 * random(), -1.5 + 3 * random()];
    x.push(p);
    y.push(random() < 0.08 ? 1 - moonClass(p[0]!, p[1]!) : moonClass(p[0]!, p[1]!));
  }
  return { x, y };
}

function boundarySnapshot(epoch: number, sharpness: number, wiggle: number): Snapshot {
  const size = 60;
  const domain: [[number, number], [number, number]] = [[-2.2, 2.2], [-1.7, 1.7]];
  const classes: number[] = [], confidence: number[] = [];
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const x = domain[0][0] + ((domain[0][1] - domain[0][0]) * c) / (size - 1);
      const y = domain[1][0] + ((domain[1][1] - domain[1][0]) * r) / (size - 1);
      const d = y - 0.5 * Math.sin(2.2 * x) - wiggle * Math.sin(9 * x) * Math.cos(7 * y);
      const p = 1 / (1 + Math.exp(-sharpness * d));
      classes.push(p > 0.5 ? 0 : 1);
      confidence.push(Math.max(p, 1 - p));
    }
  }
  return { kind: 'boundary', epoch, domain, size, classes, confidence };
}

export function classifierResults(): ExperimentResults {
  const epochs = 300;
  const data = { train: moonPoints(120, 21), test: moonPoints(80, 22) };
  const accuracy = (final: number) => (e: number) => 0.5 + (final - 0.5) * (1 - Math.exp(-e / 40));
  const plain = metrics(epochs, {
    trainData: (e) => 0.05 + 0.65 * Math.exp(-e / 50),
    test: (e) => 0.3 + 0.4 * Math.exp(-e / 40) + 0.15 * (1 - Math.exp(-e / 200)),
    norm: (e) => 6 + 4 * (1 - Math.exp(-e / 100)),
    trainAccuracy: accuracy(0.99),
    testAccuracy: accuracy(0.86),
  }, 31, 12);
  const dropout = metrics(epochs, {
    trainData: (e) => 0.2 + 0.5 * Math.exp(-e / 60),
    test: (e) => 0.22 + 0.48 * Math.exp(-e / 50),
    norm: (e) => 6 + 1.5 * (1 - Math.exp(-e / 100)),
    trainAccuracy: accuracy(0.93),
    testAccuracy: accuracy(0.91),
  }, 32, 12);
  const diverging = metrics(40, {
    trainData: (e) => 0.7 * Math.exp(e / 8),
    test: (e) => 0.7 * Math.exp(e / 8),
    norm: (e) => 6 * Math.exp(e / 10),
  }, 33, 12);
  diverging[38] = { ...diverging[38]!, trainLoss: Infinity, trainDataLoss: Infinity, testLoss: NaN, weightNorm: NaN };
  const snapshots = (sharpness: number, wiggle: number) => [0, 100, 200, 300].map((e) => boundarySnapshot(e, e === 0 ? 0.5 : sharpness, e === 0 ? 0 : wiggle));
  return {
    version: 1,
    file: 'examples/moons-dropout.reglab.json',
    title: 'Dropout on two moons',
    description: 'A 2-16-16-2 classifier on noisy moons, with and without dropout.',
    startedAt: '2024-05-01T10:01:00.000Z',
    finishedAt: '2024-05-01T10:01:09.000Z',
    runs: [
      run({ id: 'no-dropout', variant: 'no dropout', status: 'finished', task: 'classification', metrics: plain, snapshots: snapshots(9, 0.35), data, summary: summary(plain, histogram(0.9, 354), 354) }),
      run({ id: 'dropout', variant: 'dropout 0.5', status: 'finished', task: 'classification', metrics: dropout, snapshots: snapshots(4, 0.05), data, summary: summary(dropout, histogram(0.6, 354, 12), 354) }),
      run({ id: 'lr-5', variant: 'lr = 5', status: 'diverged', task: 'classification', metrics: diverging.slice(0, 39), epoch: 38, message: 'the training loss became Infinity at epoch 38 (step 456): the learning rate 5 is likely too large', data }),
      run({ id: 'from-csv', variant: 'from CSV', status: 'failed', message: 'column "label" is not in data/moons.csv (its columns are x1, x2, class)', path: ['data', 'target'] }),
    ],
    sweep: [],
  };
}

// ---- High-dimensional linear regression: no fit view, hostile title -------------------

export const HOSTILE_TITLE = 'd2l </script><script>alert("x")</script> <!-- & \u2028 λ';

export function highDimensionalResults(): ExperimentResults {
  const runs: RunRecord[] = [];
  for (const [variant, lambda] of [['λ = 0', 0], ['λ = 3', 3]] as const) {
    const m = metrics(100, {
      trainData: (e) => (lambda === 0 ? 1e-6 + 5 * Math.exp(-e / 10) : 0.3 + 5 * Math.exp(-e / 10)),
      test: (e) => (lambda === 0 ? 190 - 20 * Math.exp(-e / 10) : 0.5 + 20 * Math.exp(-e / 10)),
      norm: (e) => (lambda === 0 ? 14 : 14 * Math.exp(-e / 30) + 0.2),
    }, lambda + 40, 4);
    runs.push(run({ id: variant, variant, status: 'finished', task: 'regression', metrics: m, summary: summary(m, histogram(lambda === 0 ? 1 : 0.02, 200), 201) }));
  }
  for (const value of [0, 1, 3, 10, 100]) {
    for (let repeat = 0; repeat < 2; repeat++) {
      const m = metrics(10, {
        trainData: () => 0.01 + 0.05 * Math.log1p(value),
        test: () => 190 / (1 + 5 * value) + 0.02 * repeat,
        norm: () => 14 / (1 + value),
      }, 50 + repeat);
      runs.push(run({ id: `λ-0@${value}#${repeat}`, variant: 'λ = 0', sweepValue: value, repeat, seed: 1 + repeat, status: 'finished', task: 'regression', metrics: m, summary: summary(m, histogram(1 / (1 + value), 200), 201) }));
    }
  }
  return {
    version: 1,
    file: 'examples/d2l <high-dim>.reglab.json',
    title: HOSTILE_TITLE,
    description: 'Twenty samples, 200 features: <b>bold?</b> & "quotes" </script>',
    startedAt: '2024-05-01T10:02:00.000Z',
    finishedAt: '2024-05-01T10:02:03.000Z',
    sweepOver: 'regularization.weightDecay',
    runs,
    sweep: sweepStatistics(runs),
  };
}

export function allFixtures(): ExperimentResults[] {
  return [regressionResults(), classifierResults(), highDimensionalResults()];
}
