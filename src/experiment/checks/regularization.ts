// Regularization settings that silently do nothing.
import type { Check } from './context.ts';

export const proximalNeedsL1: Check = {
  reads: [['regularization']],
  run: ({ config, written, report }) => {
    const { l1, l1Mode, elasticNet } = config.regularization;
    const hasL1Term = l1 > 0 || (elasticNet.lambda > 0 && elasticNet.l1Ratio > 0);
    if (l1Mode === 'proximal' && !hasL1Term && written(['regularization', 'l1Mode'])) {
      report(['regularization', 'l1Mode'], 'regularization.l1Mode has no effect: there is no L1 term (l1 is 0, and elasticNet has no L1 part)', 'warning');
    }
  },
};

export const labelSmoothingNeedsCrossEntropy: Check = {
  reads: [['regularization', 'labelSmoothing'], ['training', 'loss']],
  run: ({ config, written, report }) => {
    const { loss } = config.training;
    if (config.regularization.labelSmoothing > 0 && loss !== 'cross_entropy' && written(['regularization', 'labelSmoothing'])) {
      report(
        ['regularization', 'labelSmoothing'],
        `regularization.labelSmoothing is CrossEntropyLoss's label_smoothing and has no effect with training.loss "${loss}"; it is ignored`,
        'warning',
      );
    }
  },
};
