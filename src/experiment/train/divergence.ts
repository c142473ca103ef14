// Says why a run's loss became NaN or infinite, in the terms a user can act on.
import type { Dataset } from '../../data/index.ts';
import type { RunConfig } from '../schema/experiment.ts';

export function divergenceCause(config: RunConfig, value: number, data: Dataset): string {
  const what = Number.isNaN(value) ? 'NaN' : 'infinite';
  const o = config.training.optimizer;
  const reasons = [`the loss became ${what}.`];
  let largest = 0;
  for (const v of data.train.x) largest = Math.max(largest, Math.abs(v));
  reasons.push(
    `The usual cause is a learning rate too large for this model: training.optimizer.lr is ${o.lr} with ${o.type}; try ${o.lr / 10}.`,
  );
  if (largest > 100) reasons.push(`The inputs reach |x| = ${largest.toPrecision(3)}; standardising them (mean 0, std 1) also helps.`);
  if (o.type === 'sgd' && o.momentum > 0.95) reasons.push(`Momentum ${o.momentum} is high; 0.9 is the usual value.`);
  return reasons.join(' ');
}
