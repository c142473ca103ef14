// The runs the determinism test trains in every setting (determinism.test.ts), and what it
// compares of them. Chaotic on purpose: lesson 12's Adam at lr 0.1 amplifies a one-ulp
// difference in any kernel into a different final loss within 250 steps (seed 3 ended at
// 0.355 with fused multiply-adds and 0.697 without), so equal losses here mean equal bits all
// the way. The second run covers the other paths: dropout's random stream, tanh in JS, L1.
import type { RunEvent } from '../../../src/protocol.ts';
import type { RunRequest } from '../../../src/experiment/request.ts';
import { request } from './helpers.ts';

/** Lesson 12's grid cell lr 0.1, λ 0.002 (Adam, coupled decay), evaluated every epoch. */
export const CHAOTIC = {
  data: { generator: 'moons', train: 60, test: 500, noise: 0.3 },
  model: { hidden: [32, 32], activation: 'relu' },
  training: { optimizer: { type: 'adam', lr: 0.1 }, loss: 'cross_entropy', epochs: 25, batchSize: 6, evalEvery: 1 },
  regularization: { weightDecay: 0.002 },
};

const DROPOUT_TANH = {
  data: { generator: 'sine', train: 40, test: 100, trainNoise: 0.2 },
  model: { hidden: [48, 48], activation: 'tanh' },
  training: { optimizer: { type: 'adam', lr: 0.05 }, epochs: 40, batchSize: 8, evalEvery: 1 },
  regularization: { dropout: 0.2, l1: 0.001 },
};

export function determinismRequests(): RunRequest[] {
  return [
    ...[1, 2, 3, 4, 5].map((seed) => request(CHAOTIC, `chaotic-${seed}`, seed)),
    request(DROPOUT_TANH, 'dropout-tanh', 7),
  ];
}

/** Every number of every epoch's metrics, per run, in order. */
export function epochNumbers(events: readonly RunEvent[], runId: string): number[] {
  return events.flatMap((e) =>
    e.type === 'epochs' && e.runId === runId ? e.metrics.flatMap((m) => Object.values(m).filter((v): v is number => typeof v === 'number')) : [],
  );
}
