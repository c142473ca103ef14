// Builds run requests from partial configs, and trains them in-process, for runner tests.
import { resolveRunConfig } from '../../../src/experiment/resolve.ts';
import { trainRun } from '../../../src/experiment/train/train-run.ts';
import type { RunEvent, RunOutcome } from '../../../src/protocol.ts';
import type { RunRequest } from '../../../src/experiment/request.ts';

export const TINY = {
  data: { generator: 'line', train: 10, test: 10, slope: 1.5, intercept: 0.5, trainNoise: 0.5, testNoise: 0.3 },
  model: { hidden: [16, 16] },
  training: { optimizer: { type: 'sgd', lr: 0.01, momentum: 0.9 }, epochs: 50 },
};

export function request(config: Record<string, unknown>, runId = 'run', seed = 1): RunRequest {
  return { runId, variant: runId, repeat: 0, seed, config: resolveRunConfig({ ...config, seed }), baseDir: process.cwd() };
}

/** Deep-merges plain objects (test configs only). */
export function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = v !== null && typeof v === 'object' && !Array.isArray(v) && b !== null && typeof b === 'object' && !Array.isArray(b)
      ? merge(b as Record<string, unknown>, v as Record<string, unknown>)
      : v;
  }
  return out;
}

export function train(req: RunRequest, cancelAfterSteps = Infinity): { outcome: RunOutcome; events: RunEvent[] } {
  const events: RunEvent[] = [];
  let polls = 0;
  const outcome = trainRun(req, { cancelled: () => ++polls > cancelAfterSteps, emit: (e) => events.push(e), flushMs: 0 });
  return { outcome, events };
}

export function finished(outcome: RunOutcome) {
  if (outcome.type !== 'finished') throw new Error(`run ended ${outcome.type}: ${JSON.stringify(outcome)}`);
  return outcome.summary;
}
