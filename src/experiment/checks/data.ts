// Checks within the data block and between the data and the training loop.
import { MNIST_FILE_FIELDS, mnistFilesMessage } from '../../data/bundled-digits.ts';
import { trainSizeOf } from '../schema/tasks.ts';
import type { Check } from './context.ts';

export const rangeIsOrdered: Check = {
  reads: [['data']],
  run: ({ config, report }) => {
    // Only the curve generators have x; another's `x` is an unknown key, reported as such.
    if (!('x' in config.data) || !Array.isArray(config.data.x)) return;
    const [low, high] = config.data.x;
    if (!(low < high)) report(['data', 'x'], `data.x must be [low, high] with low < high, got [${low}, ${high}]`);
  },
};

export const batchFitsTrainingSet: Check = {
  reads: [['training', 'batchSize'], ['data']],
  run: ({ config, report }) => {
    const { batchSize } = config.training;
    const known = trainSizeOf(config.data);
    if (batchSize === 'full' || known === undefined || batchSize <= known.size) return;
    report(
      ['training', 'batchSize'],
      `training.batchSize ${batchSize} is larger than the training set (data.${known.field} = ${known.size}): use at most ${known.size}, or "full"`,
    );
  },
};

export const testSplitIsOneWay: Check = {
  reads: [['data']],
  run: ({ config, written, report }) => {
    if (config.data.generator === 'csv' && config.data.testPath !== undefined && written(['data', 'testFraction'])) {
      report(['data', 'testFraction'], 'data.testFraction is ignored when data.testPath gives the test set', 'warning');
    }
    if ('testAt' in config.data && config.data.testAt === 'train' && written(['data', 'test']) && config.data.test !== config.data.train) {
      report(['data', 'test'], `data.test is ignored with testAt "train": the test set is the ${config.data.train} training inputs with fresh noise`, 'warning');
    }
  },
};

export const mnistFilesComeTogether: Check = {
  reads: [['data']],
  run: ({ config, report }) => {
    if (config.data.generator !== 'mnist') return;
    const data = config.data;
    const missing = MNIST_FILE_FIELDS.filter((field) => data[field] === undefined);
    if (missing.length > 0 && missing.length < MNIST_FILE_FIELDS.length) report(['data'], `data.mnist: ${mnistFilesMessage(missing)}`);
  },
};

export const holdOutFitsTrainingSet: Check = {
  reads: [['data']],
  run: ({ config, report }) => {
    const { validation, folds } = config.data;
    if (validation !== undefined && folds !== undefined) {
      report(['data', 'folds'], 'give data.validation (one held-out split) or data.folds (cross-validation), not both');
      return;
    }
    if (validation !== undefined && validation >= 1 && !Number.isInteger(validation)) {
      report(['data', 'validation'], `data.validation ${validation} must be a fraction below 1 (e.g. 0.2) or a whole number of samples (e.g. 20)`);
      return;
    }
    const known = trainSizeOf(config.data);
    if (known === undefined) return;
    if (validation !== undefined && validation >= 1 && validation >= known.size) {
      report(['data', 'validation'], `data.validation holds out ${validation} samples, but the training set has ${known.size} (data.${known.field}): keep at least one to train on`);
    }
    if (folds !== undefined && folds > known.size) {
      report(['data', 'folds'], `data.folds ${folds} is more than the training set's ${known.size} samples (data.${known.field}): each fold needs at least one`);
    }
  },
};
