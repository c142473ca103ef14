// Early stopping on the validation loss when the data hold some out (data.validation or
// data.folds), else on the test loss, with the best weights kept aside to restore.
import type * as E from '../../engine/index.ts';
import type { EpochMetrics } from '../../protocol.ts';

export interface EarlyStoppingConfig {
  patience: number;
  minDelta: number;
  restoreBest: boolean;
}

export class EarlyStopping {
  best: EpochMetrics | null = null;
  stopped = false;
  restoredBest = false;
  private readonly saved: Float64Array[];

  constructor(private readonly config: EarlyStoppingConfig, private readonly params: readonly E.Tensor[]) {
    this.saved = params.map((p) => new Float64Array(p.size));
  }

  /** Records an evaluation; 'stop' once the loss has not improved for `patience` epochs. */
  update(metrics: EpochMetrics): 'continue' | 'stop' {
    if (this.best === null || watched(metrics) < watched(this.best) - this.config.minDelta) {
      this.best = metrics;
      if (this.config.restoreBest) this.params.forEach((p, i) => this.saved[i]!.set(p.data));
      return 'continue';
    }
    if (metrics.epoch - this.best.epoch >= this.config.patience) {
      this.stopped = true;
      return 'stop';
    }
    return 'continue';
  }

  /** Puts back the best weights when asked to and when training went past them. */
  restore(): void {
    if (!this.config.restoreBest || this.best === null || !this.stopped) return;
    this.params.forEach((p, i) => p.data.set(this.saved[i]!));
    this.restoredBest = true;
  }
}

/** The loss early stopping watches: validation when there is any, else test. */
function watched(metrics: EpochMetrics): number {
  return metrics.validationLoss ?? metrics.testLoss;
}
