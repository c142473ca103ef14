// The experiment file's schema, the one source of truth: the TypeScript types below, the
// JSON Schema in schemas/reglab.schema.json (scripts/generate-json-schema.ts) and the
// validation in parse.ts all come from it.
import { array, enumOf, integer, object, partial, string } from '../dsl/builders.ts';
import { numericPaths } from '../dsl/paths.ts';
import type { Infer } from '../dsl/types.ts';
import { MAX_VARIANTS } from '../limits.ts';
import { dataSchema } from './data.ts';
import { modelSchema } from './model.ts';
import { regularizationSchema } from './regularization.ts';
import { sweepSchema } from './sweep.ts';
import { trainingSchema } from './training.ts';

/** What one training run needs: the part of the file that variants and sweeps change. */
const runConfigFields = {
  seed: integer({
    description:
      'Seeds everything random: the data set, the initial weights, the dropout masks, the shuffling. The same seed gives the same run, bit for bit. Sweep repeats use seed, seed + 1, ….',
    default: 0,
    minimum: 0,
    maximum: 4294967295,
  }),
  dtype: enumOf(
    {
      float32: "32-bit floats, PyTorch's default.",
      float64: '64-bit floats: slower, for checking that a result is not a rounding artefact.',
    },
    { description: 'The floating-point type of weights and computations.', default: 'float32' },
  ),
  data: dataSchema,
  model: modelSchema,
  training: trainingSchema,
  regularization: regularizationSchema,
};

export const runConfigSchema = object(runConfigFields, { description: 'The settings of one training run.' });

/** The sections a variant may override. */
export const OVERRIDABLE = ['data', 'model', 'training', 'regularization'] as const;

const variantSchema = object(
  {
    name: string({ description: 'The variant\'s name, unique in the file: shown in the legend, the panel and the runs history.', minLength: 1 }),
    description: string({ description: 'What this variant shows, in a sentence.', optional: true }),
    data: partial(dataSchema, { description: 'Overrides of the base `data`, merged key by key. A different `generator` replaces the whole block.' }),
    model: partial(modelSchema, { description: 'Overrides of the base `model`, merged key by key (a list such as `hidden` is replaced whole).' }),
    training: partial(trainingSchema, { description: 'Overrides of the base `training`, merged key by key.' }),
    regularization: partial(regularizationSchema, { description: 'Overrides of the base `regularization`, merged key by key: e.g. `{ "weightDecay": 0.01 }`.' }),
  },
  { description: 'One variant: the base experiment with some fields overridden.' },
);

export const experimentSchema = object(
  {
    // Editors other than VS Code (which reads contributes.jsonValidation) find the schema here.
    $schema: string({ description: 'The JSON Schema an editor checks this file against, e.g. `"../schemas/reglab.schema.json"`; Reglab itself ignores it.', optional: true, minLength: 1 }),
    title: string({ description: 'What the experiment shows, in a few words: the panel\'s heading.', minLength: 1 }),
    description: string({ description: 'A longer explanation, shown under the title.', optional: true }),
    ...runConfigFields,
    variants: array(variantSchema, {
      description:
        `Versions of the base experiment to compare side by side, e.g. without and with weight decay. Each overrides some fields of \`data\`, \`model\`, \`training\` and \`regularization\`; objects merge key by key, lists and numbers are replaced. With no variants the base itself runs. At most ${MAX_VARIANTS}.`,
      default: [],
      maxItems: MAX_VARIANTS,
    }),
    // The seed is not swept: repeats vary it (seed, seed + 1, …).
    sweep: sweepSchema(numericPaths(runConfigSchema).filter((path) => path !== 'seed')),
  },
  { description: 'A Reglab experiment: a data set, a model, how to train it and how to regularize it, with variants and a sweep to compare.' },
);

/** A parsed experiment file, every default filled in (variants' overrides stay partial). */
export type ExperimentFile = Infer<typeof experimentSchema>;
export type RunConfig = Infer<typeof runConfigSchema>;
export type Variant = ExperimentFile['variants'][number];
export type Sweep = NonNullable<ExperimentFile['sweep']>;
export type DataConfig = RunConfig['data'];
export type ModelConfig = RunConfig['model'];
export type TrainingConfig = RunConfig['training'];
export type OptimizerConfig = TrainingConfig['optimizer'];
export type RegularizationConfig = RunConfig['regularization'];

/**
 * A parsed experiment: the file with every default filled in. `derived` lists the dot
 * paths of the base's fields whose default was computed from other fields (see
 * derivedDefaults.ts), so that a variant or sweep that changes what they depend on gets
 * them recomputed rather than inherited.
 */
export type Experiment = ExperimentFile & { derived: string[] };
