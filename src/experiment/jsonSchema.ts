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
    // VS Code's extensions to JSON Schema: the file is JSON with comments.
    allowComments: true,
    allowTrailingCommas: true,
  };
}

/** The file's exact text: two-space indentation and a final newline. */
export function experimentJsonSchemaText(): string {
  return `${JSON.stringify(experimentJsonSchema(), null, 2)}\n`;
}
