// The `training` block: optimizer, loss and the training loop's schedule.
import { enumOf, integer, literal, number, object, union, boolean } from '../dsl/builders.ts';
import { optimizerSchema } from './optimizer.ts';

export const LOSSES = {
  mse: '`nn.MSELoss`: mean of (ŷ − y)². Regression.',
  l1: '`nn.L1Loss`: mean of |ŷ − y| (a loss on the errors, not the L1 penalty on weights). Regression.',
  smooth_l1: '`nn.SmoothL1Loss(beta)`: squared below `beta`, absolute above. Regression.',
  huber: '`nn.HuberLoss(delta)`: squared below `delta`, linear above. Regression.',
  cross_entropy: '`nn.CrossEntropyLoss` on the logits (softmax inside). Classification, any number of classes.',
  bce_with_logits: '`nn.BCEWithLogitsLoss`: one output logit, sigmoid inside. Classification with two classes.',
} as const;

export type Loss = keyof typeof LOSSES;

export const REGRESSION_LOSSES: readonly Loss[] = ['mse', 'l1', 'smooth_l1', 'huber'];
export const CLASSIFICATION_LOSSES: readonly Loss[] = ['cross_entropy', 'bce_with_logits'];

export const trainingSchema = object(
  {
    optimizer: optimizerSchema,
    loss: enumOf(LOSSES, {
      description: 'The data term of the loss, reduced by the mean as PyTorch does. Penalties from `regularization` are added to it.',
      derivedDefault: '"mse" for regression data, "cross_entropy" for classification',
    }),
    beta: number({ description: "`nn.SmoothL1Loss`'s `beta`: where the loss turns from squared to absolute. Used only with `smooth_l1`.", default: 1, minimum: 0 }),
    delta: number({ description: "`nn.HuberLoss`'s `delta`: where the loss turns from squared to linear. Used only with `huber`.", default: 1, exclusiveMinimum: 0 }),
    epochs: integer({
      description: 'Passes over the training set. With `batchSize: "full"` one epoch is one optimizer step, so 2000 epochs are the tutorial\'s 2000 steps.',
      default: 100,
      minimum: 1,
    }),
    batchSize: union(
      [
        integer({ description: 'Samples per optimizer step.', minimum: 1 }),
        literal('full', { description: 'The whole training set in every step (full-batch gradient descent).' }),
      ],
      {
        description: 'Samples per optimizer step, as `DataLoader(batch_size=...)`; the last batch of an epoch may be smaller. `"full"` uses the whole training set every step, as the tiny-regression tutorial does.',
        default: 'full',
      },
    ),
    shuffle: boolean({ description: 'Reshuffle the training set every epoch (`DataLoader(shuffle=True)`). No effect with full batches.', default: true }),
    evalEvery: integer({
      description: 'Epochs between evaluations of the test loss (and accuracy), made in eval mode: dropout off, as `model.eval()`.',
      default: 1,
      minimum: 1,
    }),
    evalTrain: boolean({
      description:
        "Also measure, at every evaluation, the loss on the whole training set in eval mode (dropout off), after the epoch's steps: d2l's `evaluate_loss(net, train_iter, loss)`. The train loss always reported is the other one: the mean of the epoch's batch losses, each taken in train mode (dropout on) before its step. The charts, the report, the CLI and the export name them \"train loss (batch mean, train mode)\" and \"train loss (eval mode, full set)\". Costs one forward pass over the training set per evaluation.",
      default: false,
    }),
    snapshotEvery: integer({
      description: "Epochs between snapshots of the model's predictions on a grid: the fit curve, or the decision boundary in 2-D, that the panel animates.",
      derivedDefault: '⌈epochs / 20⌉, about 20 snapshots per run',
      minimum: 1,
    }),
  },
  { description: 'How the model is trained: optimizer, loss and schedule.' },
);
