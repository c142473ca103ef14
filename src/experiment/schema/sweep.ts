// The `sweep` block: one numeric field varied over a list or a log-space, each point
// repeated over several seeds.
import { array, boolean, integer, number, object, string } from '../dsl/builders.ts';
import { MAX_SWEEP_COUNT, MAX_SWEEP_REPEATS } from '../limits.ts';

/** The sweep's schema; `numericPaths` are offered as completions for `over`. */
export function sweepSchema(numericPaths: readonly string[]) {
  return object(
    {
      over: string({
        description:
          'The field to vary, as a dot path into the run config, e.g. `"regularization.weightDecay"`, `"regularization.dropout"`, `"training.optimizer.lr"`, `"data.train"`. It must be a numeric field; each value replaces it in every run of the sweep.',
        minLength: 1,
        examples: numericPaths,
      }),
      values: array(number({ description: 'One value of the swept field.' }), {
        description: 'The values to try, e.g. `[0, 0.001, 0.01, 0.1, 1]`. Give either `values` or `logspace`.',
        minItems: 1,
        optional: true,
      }),
      logspace: object(
        {
          from: number({ description: 'The first value itself (not its exponent): `1e-4`, not `-4`.', exclusiveMinimum: 0 }),
          to: number({ description: 'The last value itself (not its exponent): `1`, not `0`.', exclusiveMinimum: 0 }),
          count: integer({ description: `How many values, \`from\` and \`to\` included (at most ${MAX_SWEEP_COUNT}).`, minimum: 2, maximum: MAX_SWEEP_COUNT }),
        },
        {
          description:
            '`count` values evenly spaced on a log scale from `from` to `to`, both included (numpy\'s `geomspace(from, to, count)`; `torch.logspace` takes exponents instead). For an integer field the values are rounded and duplicates dropped. Give either `values` or `logspace`.',
          optional: true,
        },
      ),
      grid: object(
        {
          over: string({
            description: 'The second field, as a dot path like `over`, e.g. `"regularization.dropout"` with weight decay in `over`, or `"regularization.weightDecay"` with `"training.optimizer.lr"` in `over`.',
            minLength: 1,
            examples: numericPaths,
          }),
          values: array(number({ description: 'One value of the second field.' }), { description: 'Its values. Give either `values` or `logspace`.', minItems: 1, optional: true }),
          logspace: object(
            {
              from: number({ description: 'The first value itself.', exclusiveMinimum: 0 }),
              to: number({ description: 'The last value itself.', exclusiveMinimum: 0 }),
              count: integer({ description: `How many values, both ends included (at most ${MAX_SWEEP_COUNT}).`, minimum: 2, maximum: MAX_SWEEP_COUNT }),
            },
            { description: '`count` values evenly spaced on a log scale from `from` to `to`, both included. Give either `values` or `logspace`.', optional: true },
          ),
        },
        {
          description:
            'Sweep a second field too: every value of `over` with every value of `grid.over`, a 2-D grid (each cell repeated and cross-validated like a point of a 1-D sweep). The panel and the report draw it as a heat map of the mean validation loss (test loss without validation data), the chosen cell marked; the CLI prints it as a table.',
          optional: true,
        },
      ),
      repeats: integer({
        description: `Runs per value, with seeds seed, seed + 1, …; the sweep chart shows their mean and spread. Every value uses the same seeds, so differences come from the value, not from the draw. At most ${MAX_SWEEP_REPEATS}.`,
        default: 1,
        minimum: 1,
        maximum: MAX_SWEEP_REPEATS,
      }),
      normPath: boolean({
        description:
          'Also draw, in the Sweep view, the test loss against ‖w‖₂ for two paths on one plane: each variant\'s own run over its epochs (one point per evaluated epoch) and this sweep over its values (one point per value). Early stopping ≈ L2 (lesson 09; Ali, Kolter & Tibshirani 2019): gradient descent from small weights without a penalty, stopped at epoch t, lands near ridge at λ ≈ 1/(lr·t). Drawn only where that holds: a linear model (`model.hidden: []`) and a sweep of `regularization.l2` or `regularization.weightDecay` without `grid`; a warning says when the file asks for it elsewhere. Set `training.evalEvery: 1` for a point per epoch and `model.init: "normal"` with a small `initStd` to start from w ≈ 0.',
        default: false,
      }),
      variants: array(string({ description: 'A variant name.', minLength: 1 }), {
        description: 'The variants to sweep, by name. Default: every variant, or the base experiment when there are none.',
        minItems: 1,
        optional: true,
      }),
    },
    { description: 'Vary one numeric field over a list or a log-space, e.g. the weight-decay λ, and plot the final train and test loss against it.', optional: true },
  );
}
