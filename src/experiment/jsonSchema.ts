// The JSON Schema of *.reglab.json, generated from experimentSchema. The committed copy
// is schemas/reglab.schema.json (scripts/generate-json-schema.ts writes it; a unit test
// fails when it is stale), which package.json's contributes.jsonValidation points at.
import { toJsonSchema, type JsonSchema } from './dsl/toJsonSchema.ts';
import { experimentSchema } from './schema/experiment.ts';

export function experimentJsonSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Reglab experiment',
    ...toJsonSchema(experimentSchema),
    // VS Code's extensions to JSON Schema: the file is JSON with comments, and an empty
    // file offers a skeleton to start from (editor help only; it changes no rule).
    allowComments: true,
    allowTrailingCommas: true,
    defaultSnippets: [{ label: 'Reglab experiment', description: 'A minimal experiment with two variants', body: SKELETON }],
  };
}

const SKELETON = {
  title: '${1:What this experiment shows}',
  data: { generator: '${2:line}', train: 10, test: 10 },
  model: { hidden: [100, 100] },
  training: { optimizer: { type: 'sgd', lr: 0.01 }, epochs: 500 },
  variants: [{ name: 'no regularization' }, { name: 'weight decay', regularization: { weightDecay: 0.01 } }],
};

/** The file's exact text: two-space indentation and a final newline. */
export function experimentJsonSchemaText(): string {
  return `${JSON.stringify(experimentJsonSchema(), null, 2)}\n`;
}
