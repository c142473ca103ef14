// Checks of the optimizer against its options and the weight-decay settings.
import { OPTION_OWNERS, type OptimizerOption } from '../schema/optimizer.ts';
import type { Check } from './context.ts';

const DECOUPLING = ['adam', 'adamw'];

/**
 * An option the chosen optimizer does not have is ignored: say so when it is written beside
 * the `type`, where it is usually a slip. One inherited from the base by a variant that
 * switches optimizer (SGD's momentum under a variant's Adam) is expected, and silent.
 */
export const optionsApply: Check = {
  reads: [['training', 'optimizer', 'type']],
  run: ({ config, writtenIn, report }) => {
    const { type } = config.training.optimizer;
    const typeSource = writtenIn(['training', 'optimizer', 'type']);
    for (const option of Object.keys(OPTION_OWNERS) as OptimizerOption[]) {
      const owners: readonly string[] = OPTION_OWNERS[option];
      const source = writtenIn(['training', 'optimizer', option]);
      if (source !== undefined && source === typeSource && !owners.includes(type)) {
        report(
          ['training', 'optimizer', option],
          `training.optimizer.${option} does not apply to ${type} (it is an option of ${owners.join(' and ')}); it is ignored`,
          'warning',
        );
      }
    }
  },
};

/** PyTorch's SGD refuses nesterov without momentum, or with dampening. */
export const nesterovNeedsMomentum: Check = {
  reads: [['training', 'optimizer']],
  run: ({ config, report }) => {
    const { type, nesterov, momentum, dampening } = config.training.optimizer;
    if (type === 'sgd' && nesterov && (momentum <= 0 || dampening !== 0)) {
      report(
        ['training', 'optimizer', 'nesterov'],
        `training.optimizer.nesterov needs momentum > 0 and dampening 0 (got momentum ${momentum}, dampening ${dampening}); PyTorch raises "Nesterov momentum requires a momentum and zero dampening"`,
      );
    }
  },
};

export const decouplingFitsOptimizer: Check = {
  reads: [['training', 'optimizer', 'type'], ['regularization', 'decoupled'], ['regularization', 'weightDecay']],
  run: ({ config, written, report }) => {
    const { type } = config.training.optimizer;
    const { decoupled, weightDecay } = config.regularization;
    if (decoupled && !DECOUPLING.includes(type)) {
      report(
        ['regularization', 'decoupled'],
        `regularization.decoupled: true works only with the adam and adamw optimizers (it turns Adam into AdamW), but training.optimizer.type is "${type}", whose weight decay is always coupled`,
      );
    } else if (decoupled && weightDecay === 0) {
      report(['regularization', 'decoupled'], 'regularization.decoupled has no effect while regularization.weightDecay is 0', 'warning');
    }
    if (type === 'adamw' && !decoupled && written(['regularization', 'decoupled'])) {
      report(
        ['regularization', 'decoupled'],
        'adamw always decouples weight decay, so decoupled: false has no effect; for coupled decay use type "adam"',
        'warning',
      );
    }
  },
};
