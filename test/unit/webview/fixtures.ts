// Small hand-made results and events for the panel's tests: a 1-D regression with two
// variants (curves every 10 epochs, one with a penalty, one whose train loss reaches 0),
// a sweep with repeats, and the events a worker would stream for a run.
import { newResults, type ExperimentResults, type RunRecord } from '../../../src/results/model.ts';
import type { DataPoints, EpochMetrics, RunEvent, RunSummary, Snapshot } from '../../../src/protocol.ts';
import type { RunRequest } from '../../../src/experiment/request.ts';

export function metrics(epochs: number, opts: { penalty?: number; zeroTrainAt?: number; start?: number } = {}): EpochMetrics[] {
  return Array.from({ length: epochs }, (_, i) => {
    const epoch = (opts.start ?? 0) + i;
    const trainDataLoss = opts.zeroTrainAt !== undefined && epoch >= opts.zeroTrainAt ? 0 : 1 / (epoch + 1);
    const trainPenalty = opts.penalty ?? 0;
    return {
      epoch,
      step: epoch,
      trainLoss: trainDataLoss + trainPenalty,
      trainDataLoss,
      trainPenalty,
      testLoss: 0.5 + 1 / (epoch + 2),
      weightNorm: 3 + epoch / 10,
      weightL1: 10,
      sparsity: 0.01,
    };
  });
}

export const points: { train: DataPoints; test: DataPoints } = {
  train: { x: [[-1], [-0.5], [0], [0.5], [1]], y: [0, 0.4, 0.6, 1.1, 2] },
  test: { x: [[-0.75], [0.25], [0.75]], y: [0.2, 0.8, 1.4] },
};

export function curve(epoch: number, n = 21): Snapshot {
  const x = Array.from({ length: n }, (_, i) => -1 + (2 * i) / (n - 1));
  return { kind: 'curve', epoch, x, y: x.map((v) => 1.5 * v + 0.5 + epoch / 100) };
}

export function summary(final: EpochMetrics): RunSummary {
  return {
    final,
    bestTestLoss: final.testLoss,
    bestEpoch: final.epoch,
    stoppedEarly: false,
    histogram: { edges: [-1, -0.5, 0, 0.5, 1], counts: [1, 5, 5, 1], exactZeros: 0, nearZero: 1, total: 12 },
    layers: [],
    parameterCount: 12,
    milliseconds: 10,
  };
}

function request(runId: string, variant: string, extra: Partial<RunRequest> = {}): RunRequest {
  return { runId, variant, repeat: 0, seed: 1, config: {} as RunRequest['config'], baseDir: '/', ...extra };
}

function finish(run: RunRecord, m: EpochMetrics[], snapshots: Snapshot[]): void {
  run.status = 'finished';
  run.task = 'regression';
  run.metrics = m;
  run.snapshots = snapshots;
  run.data = structuredClone(points);
  run.summary = summary(m[m.length - 1]!);
}

/** Two finished variants: "plain" (train loss 0 from epoch 25) and "decay" (penalty 0.05). */
export function regression(): ExperimentResults {
  const results = newResults({ file: 'demo.reglab.json', title: 'Demo' }, [request('plain', 'plain'), request('decay', 'decay')]);
  finish(results.runs[0]!, metrics(31, { zeroTrainAt: 25 }), [curve(0), curve(10), curve(20), curve(30)]);
  finish(results.runs[1]!, metrics(31, { penalty: 0.05 }), [curve(0), curve(10), curve(20), curve(30)]);
  return results;
}

/** The same experiment queued: what `sessionStarted` carries. */
export function queued(): ExperimentResults {
  return newResults({ file: 'demo.reglab.json', title: 'Demo' }, [request('plain', 'plain'), request('decay', 'decay')]);
}

/** A sweep over λ ∈ {0, 0.01, 0.1} with 2 repeats, all queued. */
export function sweepQueued(): ExperimentResults {
  const requests: RunRequest[] = [];
  for (const value of [0, 0.01, 0.1]) for (const repeat of [0, 1]) requests.push(request(`s-${value}-${repeat}`, 'sweep', { sweepValue: value, repeat, seed: repeat + 1 }));
  return newResults({ file: 'sweep.reglab.json', title: 'Sweep', sweepOver: 'regularization.weightDecay' }, requests);
}

/** What a worker streams for one run: started, data, epochs in two batches, snapshots, finished. */
export function runEvents(runId: string, epochs = 20): RunEvent[] {
  const m = metrics(epochs);
  return [
    { type: 'started', runId, parameterCount: 12, task: 'regression', inputs: 1, outputs: 1 },
    { type: 'data', runId, train: points.train, test: points.test },
    { type: 'snapshot', runId, snapshot: curve(0) },
    { type: 'epochs', runId, metrics: m.slice(0, epochs / 2) },
    { type: 'snapshot', runId, snapshot: curve(epochs / 2) },
    { type: 'epochs', runId, metrics: m.slice(epochs / 2) },
    { type: 'finished', runId, summary: summary(m[m.length - 1]!) },
  ];
}
