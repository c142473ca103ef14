// The JSON Schema VS Code uses: generated from the DSL, committed, documented everywhere,
// and in agreement with the runtime validator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { experimentJsonSchema, experimentJsonSchemaText } from '../../../src/experiment/jsonSchema.ts';
import { experimentSchema } from '../../../src/experiment/schema/experiment.ts';
import type { SchemaNode } from '../../../src/experiment/dsl/types.ts';
import { parse as parseJsonc } from 'jsonc-parser';
import { fileWith, parse } from './helpers.ts';

type Json = Record<string, any>;
const COMMITTED = 'schemas/reglab.schema.json';

test('the committed schemas/reglab.schema.json is what the DSL generates (run scripts/generate-json-schema.ts)', () => {
  // Compared as a boolean: a diff of two 170 kB strings helps nobody.
  const fresh = readFileSync(COMMITTED, 'utf8') === experimentJsonSchemaText();
  assert.ok(fresh, `${COMMITTED} is stale: run node --import tsx scripts/generate-json-schema.ts`);
});

test('it is valid JSON: draft-07, JSON with comments allowed', () => {
  const schema = JSON.parse(readFileSync(COMMITTED, 'utf8')) as Json;
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.equal(schema.allowComments, true);
  assert.equal(schema.allowTrailingCommas, true);
  assert.deepEqual(schema.required, ['title', 'data', 'training']);
  assert.equal(schema.additionalProperties, false);
});

/** Every subschema of a JSON Schema, with a path for messages. */
function* subschemas(schema: Json, path = '#'): Generator<[string, Json]> {
  yield [path, schema];
  for (const [key, child] of Object.entries(schema.properties ?? {})) yield* subschemas(child as Json, `${path}/properties/${key}`);
  if (Array.isArray(schema.items)) for (const [i, item] of schema.items.entries()) yield* subschemas(item, `${path}/items/${i}`);
  else if (schema.items) yield* subschemas(schema.items, `${path}/items`);
  for (const [i, option] of (schema.anyOf ?? []).entries()) yield* subschemas(option, `${path}/anyOf/${i}`);
}

test('every property has a description and a markdownDescription; every enum value a description', () => {
  let properties = 0;
  for (const [path, schema] of subschemas(experimentJsonSchema())) {
    for (const [key, property] of Object.entries(schema.properties ?? {}) as [string, Json][]) {
      properties++;
      assert.ok(typeof property.description === 'string' && property.description.length > 10, `${path}/properties/${key} needs a description`);
      assert.ok(typeof property.markdownDescription === 'string', `${path}/properties/${key} needs a markdownDescription`);
    }
    if (schema.enum) {
      assert.equal(schema.enumDescriptions?.length, schema.enum.length, `${path}: enumDescriptions`);
      for (const text of schema.markdownEnumDescriptions) assert.ok(text.length > 5, `${path}: an enum value lacks a description`);
    }
  }
  assert.ok(properties > 150, `only ${properties} properties`);
});

test('descriptions state the defaults, constant or derived', () => {
  const schema = experimentJsonSchema() as Json;
  const lr = schema.properties.training.properties.optimizer.properties;
  assert.match(lr.momentum.markdownDescription, /Default: `0`\.$/);
  assert.match(lr.eps.markdownDescription, /Default: PyTorch's: 1e-8, or 1e-10 for adagrad\.$/);
  assert.match(lr.momentum.description, /Applies to sgd, rmsprop/);
  assert.equal(lr.momentum.default, 0);
  assert.equal(lr.eps.default, undefined, 'a derived default has no constant `default`');
});

/** Walks the DSL and the generated schema side by side: same keys, types, enums, defaults and required fields. */
function assertMatches(node: SchemaNode, json: Json, path: string, partial: boolean): void {
  const where = `${path} (${node.kind})`;
  if (!partial) assert.deepEqual(json.default, node.default, `${where}: default`);
  else assert.equal(json.default, undefined, `${where}: overrides have no default`);
  switch (node.kind) {
    case 'number':
      assert.equal(json.type, node.integer ? 'integer' : 'number', where);
      for (const k of ['minimum', 'exclusiveMinimum', 'maximum', 'exclusiveMaximum'] as const) assert.equal(json[k], node[k], `${where}: ${k}`);
      return;
    case 'string':
    case 'boolean':
      assert.equal(json.type, node.kind, where);
      return;
    case 'literal':
      assert.equal(json.const, node.value, where);
      return;
    case 'enum':
      assert.deepEqual(json.enum, node.values, where);
      return;
    case 'array':
      assert.equal(json.type, 'array', where);
      return assertMatches(node.items, json.items, `${path}[]`, partial);
    case 'tuple':
      assert.equal(json.items.length, node.items.length, where);
      return node.items.forEach((item, i) => assertMatches(item, json.items[i], `${path}[${i}]`, partial));
    case 'union':
      return node.options.forEach((o, i) => assertMatches(o, json.anyOf[i], `${path}|${i}`, partial));
    case 'partial':
      return assertMatches(node.inner, json, path, true);
    case 'object': {
      assert.deepEqual(Object.keys(json.properties), Object.keys(node.fields), `${where}: keys`);
      assert.equal(json.additionalProperties, false, `${where}: additionalProperties`);
      const required = partial ? undefined : Object.keys(node.fields).filter((k) => node.fields[k]!.presence === 'required');
      assert.deepEqual(json.required, required?.length ? required : undefined, `${where}: required`);
      for (const [key, field] of Object.entries(node.fields)) assertMatches(field, json.properties[key], `${path}.${key}`, partial);
      return;
    }
    case 'tagged':
      assert.equal(json.anyOf.length, Object.keys(node.cases).length, where);
      Object.entries(node.cases).forEach(([name, c], i) => {
        const branch = json.anyOf[i] as Json;
        assert.equal(branch.properties[node.tag].const, name, `${where}: tag`);
        assert.deepEqual(Object.keys(branch.properties), [node.tag, ...Object.keys(c.fields)], `${where}: ${name} keys`);
        assert.deepEqual(branch.required?.includes(node.tag) ?? false, !partial, `${where}: ${name} requires its tag`);
        for (const [key, field] of Object.entries(c.fields)) assertMatches(field, branch.properties[key], `${path}<${name}>.${key}`, partial);
      });
  }
}

test('the JSON Schema matches the DSL node for node', () => {
  assertMatches(experimentSchema, experimentJsonSchema(), '', false);
});

test('the enum of sweep.over completions lists numeric fields only', () => {
  const over = (experimentJsonSchema() as Json).properties.sweep.properties.over;
  assert.ok(over.examples.includes('regularization.weightDecay'));
  assert.ok(over.examples.includes('data.trainNoise'));
  assert.ok(!over.examples.includes('seed'));
  assert.ok(!over.examples.includes('model.activation'));
});

/** Ajv comes with the devDependencies (through @vscode/vsce); without it these checks are skipped. */
function loadAjv(): { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown[] | null } } | undefined {
  try {
    const Ajv = createRequire(import.meta.url)('ajv');
    return new (Ajv.default ?? Ajv)({ strict: false, allErrors: true });
  } catch {
    return undefined;
  }
}

test('files the parser accepts, the JSON Schema accepts; unknown keys and bad values it rejects', (t) => {
  const ajv = loadAjv();
  if (ajv === undefined) return t.skip('ajv is not installed');
  const validate = ajv.compile(experimentJsonSchema());
  const examples = readdirSync('examples').filter((f) => f.endsWith('.reglab.json')).map((f) => readFileSync(`examples/${f}`, 'utf8'));
  const good = [
    ...examples,
    fileWith({}),
    fileWith({ data: { generator: 'moons', noise: 0.2 }, regularization: { dropout: [0.5] }, model: { hidden: [8] } }),
    fileWith({ variants: [{ name: 'a', data: { trainNoise: 1 } }, { name: 'b', data: { generator: 'moons' }, training: { optimizer: { lr: 1 } } }], sweep: { over: 'regularization.l2', logspace: { from: 1e-4, to: 1, count: 5 } } }),
  ];
  for (const text of good) {
    assert.ok(parse(text).experiment, 'the parser accepts it');
    assert.ok(validate(parseJsonc(text)), JSON.stringify(validate.errors));
  }
  const bad = [
    fileWith({ training: { optimizer: { momentun: 0.9 } } }),
    fileWith({ training: { optimizer: { lr: 0 } } }),
    fileWith({ regularization: { dropout: 1 } }),
    fileWith({ training: { batchSize: 0 } }),
    fileWith({ data: { generator: 'moons', slope: 1 } }),
    fileWith({ variants: [{ name: 'a', model: { width: 3 } }] }),
    fileWith({ title: '' }),
  ];
  for (const text of bad) {
    assert.equal(parse(text).experiment, undefined, 'the parser rejects it');
    assert.equal(validate(parseJsonc(text)), false, text);
  }
});

test("the skeleton VS Code offers for an empty file is a valid experiment", () => {
  const snippet = (experimentJsonSchema() as Json).defaultSnippets[0].body;
  const text = JSON.stringify(snippet).replace(/\$\{\d+:([^}]*)\}/g, '$1');
  const result = parse(text);
  assert.deepEqual(result.diagnostics, []);
});
