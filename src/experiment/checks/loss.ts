// The loss must fit the task: a regression loss on class labels (or the reverse) trains
// on nonsense without any error from the numbers.
import { CLASSIFICATION_LOSSES, REGRESSION_LOSSES } from '../schema/training.ts';
import { classCountOf, taskOf } from '../schema/tasks.ts';
import type { DataConfig } from '../schema/experiment.ts';
import type { Check } from './context.ts';

const quoted = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

function dataName(data: DataConfig): string {
  return data.generator === 'csv' ? `data.generator "csv" with data.task "${data.task}"` : `data.generator "${data.generator}"`;
}

export const lossFitsTask: Check = {
  reads: [['training', 'loss'], ['data']],
  run: ({ config, report }) => {
    const { loss } = config.training;
    const task = taskOf(config.data);
    if (task === 'classification' && REGRESSION_LOSSES.includes(loss)) {
      report(
        ['training', 'loss'],
        `training.loss "${loss}" is a regression loss, but ${dataName(config.data)} is a classification data set: use "cross_entropy" (or "bce_with_logits" for two classes)`,
      );
    } else if (task === 'regression' && CLASSIFICATION_LOSSES.includes(loss)) {
      report(
        ['training', 'loss'],
        `training.loss "${loss}" needs a classification data set, but ${dataName(config.data)} is regression: use one of ${quoted(REGRESSION_LOSSES)}`,
      );
    } else if (loss === 'bce_with_logits') {
      const classes = classCountOf(config.data);
      if (classes !== undefined && classes !== 2) {
        report(
          ['training', 'loss'],
          `training.loss "bce_with_logits" is for two classes (one output logit), but ${dataName(config.data)} has ${classes} classes: use "cross_entropy"`,
        );
      }
    }
  },
};

export const lossOptionsInUse: Check = {
  reads: [['training', 'loss']],
  run: ({ config, written, report }) => {
    const { loss } = config.training;
    if (written(['training', 'beta']) && loss !== 'smooth_l1') {
      report(['training', 'beta'], `training.beta is used only with loss "smooth_l1", not "${loss}"; it is ignored`, 'warning');
    }
    if (written(['training', 'delta']) && loss !== 'huber') {
      report(['training', 'delta'], `training.delta is used only with loss "huber", not "${loss}"; it is ignored`, 'warning');
    }
  },
};
