// "Save as variant": the text edits that add the playground's values to the file as a new
// variant, keeping its comments, and the file still parses with the new variant in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeKnobs } from '../../../src/extension/knobs.ts';
import { saveVariantEdits, type TextEdit } from '../../../src/extension/variantEdit.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { example, parse, ROOT } from './helpers.ts';

function apply(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.offset - a.offset).reduce((t, e) => t.slice(0, e.offset) + e.content + t.slice(e.offset + e.length), text);
}

test('a new variant is appended to the list, with the moved values over the variant it came from', () => {
  const { text, parsed, experiment } = example('01-tiny-regression-weight-decay.reglab.json');
  const knobs = computeKnobs(experiment);
  const saved = saveVariantEdits(text, parsed.tree, knobs, { lambda: 0.05, lr: 0.01, noise: 0.5, seed: 1 }, 'decay 0.05');
  assert.equal(saved.name, 'decay 0.05');
  assert.equal(saved.basedOn, 'weight decay 0.01');
  assert.deepEqual(saved.written.map((k) => [k.id, k.value]), [['lambda', 0.05]]);
  const after = apply(text, saved.edits);
  assert.ok(after.includes('// noisy targets are what the big net memorises'), 'comments are kept');
  const reparsed = parse(after);
  assert.deepEqual(reparsed.diagnostics.filter((d) => d.severity === 'error'), []);
  const variant = reparsed.experiment!.variants.at(-1)!;
  assert.equal(variant.name, 'decay 0.05');
  assert.equal(variant.regularization?.weightDecay, 0.05);
  assert.match(variant.description ?? '', /weight decay = 0\.05/);
  assert.equal(reparsed.experiment!.variants.length, 3);
});

test('fields of the base go into the new variant; the seed is not a variant\'s and is skipped', () => {
  const { text, parsed, experiment } = example('02-dropout.reglab.json');
  const saved = saveVariantEdits(text, parsed.tree, computeKnobs(experiment), { dropout: 0.3, noise: 0.1, trainSize: 40, seed: 5 }, 'mine');
  assert.deepEqual(saved.skipped.map((k) => k.id), ['seed']);
  const variant = parse(apply(text, saved.edits)).experiment!.variants.at(-1)!;
  assert.equal(variant.regularization?.dropout, 0.3);
  assert.equal((variant.data as Record<string, unknown>).trainNoise, 0.1);
  assert.equal((variant.data as Record<string, unknown>).train, 40);
  assert.equal(variant.training?.optimizer?.lr, 0.01, 'the dropout variant\'s own lr comes along');
});

test('a name already taken gets a number', () => {
  const { text, parsed, experiment } = example('02-dropout.reglab.json');
  const saved = saveVariantEdits(text, parsed.tree, computeKnobs(experiment), { dropout: 0.3 }, 'dropout 0.5');
  assert.equal(saved.name, 'dropout 0.5 (2)');
});

test('a file without variants gets its base as a variant too, and its sweep stays on the base', () => {
  const { text, parsed, experiment } = example('06-lambda-sweep-u-shape.reglab.json');
  const saved = saveVariantEdits(text, parsed.tree, computeKnobs(experiment), { lambda: 0.03 }, 'decay 0.03');
  const reparsed = parse(apply(text, saved.edits));
  assert.deepEqual(reparsed.diagnostics.filter((d) => d.severity === 'error'), []);
  assert.deepEqual(reparsed.experiment!.variants.map((v) => v.name), ['base', 'decay 0.03']);
  assert.equal(reparsed.experiment!.variants[1]!.regularization?.weightDecay, 0.03);
  assert.deepEqual(reparsed.experiment!.sweep?.variants, ['base']);
});

test('edits keep the file\'s line endings and indentation', () => {
  const text = '{\r\n\t"title": "t",\r\n\t"data": { "generator": "line" },\r\n\t"training": { "optimizer": { "type": "sgd", "lr": 0.1 } },\r\n\t"variants": [ { "name": "a" } ]\r\n}\r\n';
  const parsed = parse(text);
  const saved = saveVariantEdits(text, parsed.tree, computeKnobs(parsed.experiment!), { lr: 0.2 }, 'fast');
  const after = apply(text, saved.edits);
  assert.ok(!/[^\r]\n/.test(after), 'only \\r\\n line breaks');
  assert.equal(parse(after).experiment!.variants[1]!.training?.optimizer?.lr, 0.2);
});

test('nothing around the insertion is reformatted', () => {
  const text = readFileSync(join(ROOT, 'test/e2e/fixtures/demo/demo.reglab.json'), 'utf8');
  const parsed = parse(text);
  const saved = saveVariantEdits(text, parsed.tree, computeKnobs(parsed.experiment!), { lambda: 0.5 }, 'strong decay');
  assert.equal(saved.edits.length, 1);
  assert.equal(saved.edits[0]!.length, 0, 'an insertion: nothing replaced');
  const after = apply(text, saved.edits);
  assert.ok(after.includes('    { "name": "weight decay", "regularization": { "weightDecay": 0.01 } },\n    {\n      "name": "strong decay",'), after);
  assert.ok(after.endsWith('"regularization": { "weightDecay": 0.5 }\n    }\n  ]\n}\n'), after);
});

test('an empty variants list and a one-line list get the new variant too', () => {
  const base = '{ "title": "t", "data": { "generator": "line" }, "training": { "optimizer": { "type": "sgd", "lr": 0.1 } }, "variants": VARIANTS }';
  for (const variants of ['[]', '[ { "name": "a" } ]']) {
    const text = base.replace('VARIANTS', variants);
    const parsed = parse(text);
    const saved = saveVariantEdits(text, parsed.tree, computeKnobs(parsed.experiment!), { lr: 0.2 }, 'fast');
    const reparsed = parse(apply(text, saved.edits));
    assert.deepEqual(reparsed.diagnostics.filter((d) => d.severity === 'error'), [], variants);
    assert.equal(reparsed.experiment!.variants.at(-1)!.training?.optimizer?.lr, 0.2, variants);
  }
});
