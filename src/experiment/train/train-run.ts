// One training run, start to finish: data, model, optimizer, the epoch loop with its
// evaluations and snapshots, divergence and cancellation, and the final summary. It is
// synchronous and self-contained, so the worker, the CLI's tests and the extension's
// playground all run it the same way; `emit` is how progress leaves it.
import * as E from '../../engine/index.ts';
import { DataError, loadDataset, withHoldOut, type Dataset } from '../../data/index.ts';
import type { EpochMetrics, RunEvent, RunOutcome } from '../../protocol.ts';
import type { RunRequest } from '../request.ts';
import { Batcher, wholeSplit, type Batch } from './batches.ts';
import { divergenceCause } from './divergence.ts';
import { accuracy, layerSummaries, pathWeights, weightHistogram, weightStats } from './metrics.ts';
import { applyMaxNorm, dataLossFunction, penaltyFunction, softThreshold } from './objective.ts';
import { deriveSeed } from './seeds.ts';
import { setupModel } from './setup.ts';
import { dataPoints, snapshotTaker } from './snapshots.ts';
import { EarlyStopping } from './early-stopping.ts';

export interface RunHooks {
  /** Polled before every optimizer step, evaluation and snapshot: true stops training at once. */
  cancelled(): boolean;
  emit(event: RunEvent): void;
  /** Epoch metrics are sent in batches at most this often (milliseconds). */
  flushMs?: number;
  /** Hands in-process callers (tests, exact-mode export) the model, right after it is built. */
  onModel?: (model: E.Sequential) => void;
}

export function trainRun(request: RunRequest, hooks: RunHooks): RunOutcome {
  const { runId, config, seed } = request;
  const started = performance.now();
  let data: Dataset;
  try {
    const preloaded = request.files === undefined ? {} : { preloaded: new Map(Object.entries(request.files)) };
    data = loadDataset(config.data, { seed, baseDir: request.baseDir, workspaceRoot: request.workspaceRoot, ...preloaded });
    // Validation samples come out of the training set, by the run seed's own stream.
    data = withHoldOut(data, config.data, deriveSeed(seed, 'holdout'), request.fold ?? 0);
  } catch (error) {
    if (error instanceof DataError) return report(hooks, { type: 'failed', runId, message: error.message, path: ['data', ...error.path] });
    throw error;
  }

  const { model, weights, regularized, optimizer } = setupModel(config, data, seed, request.variant);
  hooks.onModel?.(model);
  const parameterCount = model.parameters().reduce((n, p) => n + p.size, 0);
  hooks.emit({ type: 'started', runId, parameterCount, task: data.task, inputs: data.inputs, outputs: data.outputs });
  // A sweep run's points and fitted curves are drawn nowhere (the Sweep view shows its losses),
  // so it sends neither: a 181-run sweep otherwise streams megabytes the panel throws away.
  const drawsFit = request.sweepValue === undefined;
  const points = drawsFit ? dataPoints(data) : null;
  if (points !== null) hooks.emit({ type: 'data', runId, ...points });

  const t = config.training;
  const kind = t.loss === 'cross_entropy' ? 'classes' : 'values';
  const outputs = t.loss === 'bce_with_logits' ? 1 : data.outputs;
  const batchSize = t.batchSize === 'full' ? data.train.n : t.batchSize;
  const batcher = new Batcher(data.train, data.inputs, outputs, kind, config.dtype, batchSize, t.shuffle ? new E.Random(deriveSeed(seed, 'shuffle')) : null);
  const trainAll = wholeSplit(data.train, data.inputs, outputs, kind, config.dtype);
  const testAll = wholeSplit(data.test, data.inputs, outputs, kind, config.dtype);
  const validationAll = data.validation === undefined ? null : wholeSplit(data.validation, data.inputs, outputs, kind, config.dtype);
  const trainClasses = data.task === 'classification' ? data.train.y.subarray(0, data.train.n) : null;
  const testClasses = data.task === 'classification' ? data.test.y.subarray(0, data.test.n) : null;
  const dataLoss = dataLossFunction(config);
  const trainingLoss = dataLossFunction(config, true);
  const inputNoise = config.regularization.inputNoise;
  const noise = inputNoise > 0 ? new E.Random(deriveSeed(seed, 'noise')) : null;
  const penalty = penaltyFunction(config, regularized);
  const lr = t.optimizer.lr;
  const maxNorm = config.regularization.maxNorm;
  const snapshot = drawsFit ? snapshotTaker(model, data, config.dtype) : null;
  const early = config.regularization.earlyStopping ? new EarlyStopping(config.regularization.earlyStopping, model.parameters()) : null;

  const flushMs = hooks.flushMs ?? 100;
  let pending: EpochMetrics[] = [];
  // The first evaluation goes out at once (the chart's first point), later ones every flushMs.
  let lastFlush = -Infinity;
  const flush = () => {
    if (pending.length === 0) return;
    hooks.emit({ type: 'epochs', runId, metrics: pending });
    pending = [];
    lastFlush = performance.now();
  };

  const evaluate = (epoch: number, step: number, sums: { loss: number; data: number; penalty: number; batches: number }): EpochMetrics => {
    model.eval();
    const metrics = E.noGrad((): EpochMetrics => {
      const testOut = model.forward(testAll.x);
      const testLoss = dataLoss(testOut, testAll.targets).item();
      const stats = weightStats(weights);
      const m: EpochMetrics = {
        epoch, step,
        trainLoss: sums.loss / sums.batches, trainDataLoss: sums.data / sums.batches, trainPenalty: sums.penalty / sums.batches,
        testLoss, weightNorm: stats.norm, weightL1: stats.l1, sparsity: stats.sparsity,
      };
      if (validationAll !== null) m.validationLoss = dataLoss(model.forward(validationAll.x), validationAll.targets).item();
      const trainOut = t.evalTrain || trainClasses !== null ? model.forward(trainAll.x) : null;
      if (t.evalTrain) m.trainEvalLoss = dataLoss(trainOut!, trainAll.targets).item();
      if (trainClasses !== null && testClasses !== null) {
        m.testAccuracy = accuracy(testOut, testClasses);
        m.trainAccuracy = accuracy(trainOut!, trainClasses);
      }
      return m;
    });
    E.releaseGraph();
    model.train();
    return metrics;
  };

  if (snapshot !== null) hooks.emit({ type: 'snapshot', runId, snapshot: snapshot(0) });
  let step = 0;
  let last: EpochMetrics | null = null;
  let best: EpochMetrics | null = null;
  for (let epoch = 1; epoch <= t.epochs; epoch++) {
    batcher.startEpoch();
    const sums = { loss: 0, data: 0, penalty: 0, batches: 0 };
    for (let b = 0; b < batcher.batchesPerEpoch; b++) {
      if (hooks.cancelled()) {
        E.releaseGraph();
        flush();
        return report(hooks, { type: 'cancelled', runId });
      }
      const batch: Batch = batcher.batch(b);
      optimizer.zeroGrad();
      const input = noise === null ? batch.x : E.gaussianNoise(batch.x, inputNoise, noise, true);
      const dataTerm = trainingLoss(model.forward(input), batch.targets);
      const penaltyTerm = penalty.graph();
      const objective = penaltyTerm === null ? dataTerm : E.add(dataTerm, penaltyTerm);
      const dataValue = dataTerm.item();
      const penaltyValue = (penaltyTerm?.item() ?? 0) + penalty.proximalValue();
      if (!Number.isFinite(dataValue + penaltyValue)) {
        E.releaseGraph();
        flush();
        return report(hooks, { type: 'diverged', runId, epoch, step, cause: divergenceCause(config, dataValue + penaltyValue, data) });
      }
      objective.backward();
      optimizer.step();
      step++;
      if (penalty.proximalL1 > 0) softThreshold(regularized, lr * penalty.proximalL1);
      if (maxNorm !== undefined) applyMaxNorm(weights, maxNorm);
      E.releaseGraph();
      sums.loss += dataValue + penaltyValue;
      sums.data += dataValue;
      sums.penalty += penaltyValue;
      sums.batches++;
    }

    const isLast = epoch === t.epochs;
    const evaluates = epoch % t.evalEvery === 0 || isLast;
    const snapshots = snapshot !== null && (epoch % t.snapshotEvery! === 0 || isLast);
    // An evaluation or a snapshot of a large set can take as long as many steps: check first.
    if ((evaluates || snapshots) && hooks.cancelled()) {
      flush();
      return report(hooks, { type: 'cancelled', runId });
    }
    if (evaluates) {
      last = evaluate(epoch, step, sums);
      if (!Number.isFinite(last.testLoss)) {
        flush();
        return report(hooks, { type: 'diverged', runId, epoch, step, cause: divergenceCause(config, last.testLoss, data) });
      }
      pending.push(last);
      if (best === null || last.testLoss < best.testLoss) best = last;
      if (early?.update(last) === 'stop') {
        if (snapshot !== null) hooks.emit({ type: 'snapshot', runId, snapshot: snapshot(epoch) });
        break;
      }
    }
    if (snapshots) hooks.emit({ type: 'snapshot', runId, snapshot: snapshot!(epoch) });
    if (performance.now() - lastFlush >= flushMs) flush();
  }
  flush();

  early?.restore();
  // After restoring the best weights, the run's result is what those weights measured.
  const final = early?.restoredBest ? early.best! : last!;
  return report(hooks, {
    type: 'finished',
    runId,
    summary: {
      final,
      bestTestLoss: best!.testLoss,
      bestEpoch: best!.epoch,
      stoppedEarly: early?.stopped ?? false,
      histogram: weightHistogram(weights),
      layers: layerSummaries(model),
      parameterCount,
      milliseconds: performance.now() - started,
      // Only a sweep's runs feed the path view; their weights go once, here.
      ...(request.sweepValue === undefined ? {} : { path: pathWeights(model, data.trueCoefficients, weights) }),
    },
  });
}

function report(hooks: RunHooks, outcome: RunOutcome): RunOutcome {
  hooks.emit(outcome);
  return outcome;
}
