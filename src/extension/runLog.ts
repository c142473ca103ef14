// The lines the "Reglab" output channel gets: one when a session starts, one per run when it
// ends (its config in short, its final metrics, or where it diverged, or why it failed), one
// when a session ends. Free of vscode (unit-tested).
import type { RunRecord, ExperimentResults } from '../results/model.ts';
import type { RunConfig } from '../experiment/schema/experiment.ts';
import type { RunOutcome } from '../protocol.ts';
import type { RunRequest } from '../experiment/request.ts';

export type LogLevel = 'info' | 'warn' | 'error';

export interface LogLine {
  level: LogLevel;
  text: string;
}

/** "sgd lr 0.01 momentum 0.9 · weightDecay 0.01 · 2000 epochs, full batch · MLP 100-100-100 relu · seed 1". */
export function configSummary(config: RunConfig): string {
  const o = config.training.optimizer as Record<string, unknown> & { type: string; lr: number };
  const optimizer = [`${o.type} lr ${num(o.lr)}`];
  if (typeof o.momentum === 'number' && o.momentum > 0) optimizer.push(`momentum ${num(o.momentum)}`);
  const r = config.regularization;
  const reg: string[] = [];
  if (r.l1 > 0) reg.push(`l1 ${num(r.l1)}${r.l1Mode === 'proximal' ? ' proximal' : ''}`);
  if (r.l2 > 0) reg.push(`l2 ${num(r.l2)}`);
  if (r.elasticNet.lambda > 0) reg.push(`elasticNet ${num(r.elasticNet.lambda)} (l1Ratio ${num(r.elasticNet.l1Ratio)})`);
  if (r.l2Norm > 0) reg.push(`l2Norm ${num(r.l2Norm)}`);
  if (r.weightDecay > 0) reg.push(`weightDecay ${num(r.weightDecay)}${r.decoupled || o.type === 'adamw' ? ' decoupled' : ''}`);
  const dropout = Array.isArray(r.dropout) ? (r.dropout.some((p) => p > 0) ? r.dropout.map(num).join('/') : '') : r.dropout > 0 ? num(r.dropout) : '';
  if (dropout !== '') reg.push(`dropout ${dropout}`);
  if (r.maxNorm !== undefined) reg.push(`maxNorm ${num(r.maxNorm)}`);
  if (r.inputNoise > 0) reg.push(`inputNoise ${num(r.inputNoise)}`);
  if (r.labelSmoothing > 0) reg.push(`labelSmoothing ${num(r.labelSmoothing)}`);
  if (r.earlyStopping !== undefined) reg.push(`early stopping (patience ${r.earlyStopping.patience})`);
  if (reg.length > 0 && r.applyTo === 'weights') reg.push('weights only');
  const t = config.training;
  const model = config.model.hidden.length === 0 ? 'linear' : `MLP ${config.model.hidden.join('-')} ${config.model.activation}`;
  return [
    optimizer.join(' '),
    reg.length > 0 ? reg.join(', ') : 'no regularization',
    `${t.epochs} epochs, ${t.batchSize === 'full' ? 'full batch' : `batch ${t.batchSize}`}`,
    model,
    `seed ${config.seed}`,
  ].join(' · ');
}

export function sessionStartLine(title: string, file: string, requests: readonly RunRequest[], workers: number, playground: boolean): string {
  const variants = [...new Set(requests.map((r) => r.variant))];
  const sweep = requests.filter((r) => r.sweepValue !== undefined).length;
  const what = `${requests.length} run${requests.length === 1 ? '' : 's'}${sweep > 0 ? ` (${sweep} in the sweep)` : ''}`;
  return `${playground ? 'Playground' : 'Run'} "${title}" (${file}): ${what} of ${variants.map((v) => `"${v}"`).join(', ')} on ${workers} worker${workers === 1 ? '' : 's'}`;
}

/** The line for a run that ended, or undefined for a run cancelled before it started (the session line counts those). */
export function runLine(request: RunRequest, outcome: RunOutcome, record: RunRecord | undefined): LogLine | undefined {
  const name = `"${request.variant}"${request.sweepValue === undefined ? '' : ` at ${num(request.sweepValue)} (repeat ${request.repeat + 1})`}`;
  const config = configSummary(request.config);
  switch (outcome.type) {
    case 'finished': {
      const f = outcome.summary.final;
      const metrics = [
        `train ${num(f.trainLoss)}${f.trainPenalty > 0 ? ` (data ${num(f.trainDataLoss)} + penalty ${num(f.trainPenalty)})` : ''}`,
        `test ${num(f.testLoss)}`,
        ...(f.testAccuracy === undefined ? [] : [`test accuracy ${(100 * f.testAccuracy).toFixed(1)} %`]),
        `‖w‖₂ ${num(f.weightNorm)}`,
        `${(100 * f.sparsity).toFixed(1)} % of |w| < 1e-3`,
        ...(outcome.summary.histogram.exactZeros > 0 ? [`${outcome.summary.histogram.exactZeros} weights exactly 0`] : []),
        ...(outcome.summary.stoppedEarly ? [`stopped early at epoch ${f.epoch} (best ${outcome.summary.bestEpoch})`] : []),
      ];
      return { level: 'info', text: `finished ${name} [${config}] in ${seconds(outcome.summary.milliseconds)}: ${metrics.join(', ')}` };
    }
    case 'diverged':
      return { level: 'warn', text: `diverged ${name} [${config}] at epoch ${outcome.epoch} (step ${outcome.step}): ${outcome.cause}` };
    case 'failed':
      return { level: 'error', text: `failed ${name} [${config}]: ${outcome.message}` };
    case 'cancelled': {
      const epochs = record?.metrics.length ?? 0;
      if (record === undefined || (record.status !== 'running' && epochs === 0)) return undefined;
      const last = record.metrics[record.metrics.length - 1];
      return { level: 'info', text: `stopped ${name} [${config}]${last === undefined ? ' before its first epoch' : ` at epoch ${last.epoch} of ${request.config.training.epochs}`}` };
    }
  }
}

export function sessionEndLine(results: ExperimentResults, ms: number, savedTo: string | undefined): LogLine {
  const count = (status: RunRecord['status']) => results.runs.filter((r) => r.status === status).length;
  const parts = [`${count('finished')} finished`];
  for (const status of ['diverged', 'failed', 'cancelled'] as const) if (count(status) > 0) parts.push(`${count(status)} ${status === 'cancelled' ? 'stopped' : status}`);
  const bad = count('diverged') + count('failed') > 0;
  return {
    level: bad ? 'warn' : 'info',
    text: `Done "${results.title}" in ${seconds(ms)}: ${parts.join(', ')}${savedTo === undefined ? '' : `; results saved to ${savedTo}`}`,
  };
}

function num(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e4 || a < 1e-3 ? x.toExponential(2) : String(Number(x.toPrecision(4)));
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
