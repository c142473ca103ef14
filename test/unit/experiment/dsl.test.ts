// The schema DSL on its own: presence and inferred types, validation messages, defaults,
// suggestions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { array, boolean, enumOf, integer, literal, number, object, partial, string, tagged, tuple, union } from '../../../src/experiment/dsl/builders.ts';
import { expectedText, formatPath } from '../../../src/experiment/dsl/describe.ts';
import { fillDefaults } from '../../../src/experiment/dsl/defaults.ts';
import type { Infer } from '../../../src/experiment/dsl/types.ts';
import { validateNode, type Issue } from '../../../src/experiment/dsl/validate.ts';
import { closest, didYouMean, editDistance } from '../../../src/experiment/suggest.ts';

const shape = object(
  {
    name: string({ description: 'required', minLength: 1 }),
    rate: number({ description: 'defaulted', default: 0.5, exclusiveMinimum: 0, maximum: 1 }),
    note: string({ description: 'optional', optional: true }),
    mode: enumOf({ fast: 'quick', slow: 'careful' }, { description: 'mode', default: 'fast' }),
    size: union([integer({ description: 'n', minimum: 1 }), literal('all', { description: 'everything' })], { description: 'size', default: 'all' }),
    range: tuple([number({ description: 'low' }), number({ description: 'high' })], { description: 'range', default: [0, 1] }),
    inner: object({ on: boolean({ description: 'flag', default: true }) }, { description: 'all defaulted' }),
    source: tagged(
      'kind',
      {
        file: object({ path: string({ description: 'path' }) }, { description: 'a file' }),
        list: object({ items: array(number({ description: 'x' }), { description: 'items', default: [1] }) }, { description: 'a list' }),
      },
      { description: 'source', tagDescription: 'which' },
    ),
  },
  { description: 'root' },
);

type Shape = Infer<typeof shape>;

test('Infer gives required, defaulted (present) and optional fields their types', () => {
  // Compile-time checks: tsc fails on this file if inference is wrong.
  const full: Shape = { name: 'a', rate: 1, mode: 'slow', size: 3, range: [0, 2], inner: { on: false }, source: { kind: 'file', path: 'p' } };
  const withNote: Shape = { ...full, note: 'n', size: 'all', source: { kind: 'list', items: [] } };
  // @ts-expect-error rate is filled by default, so a parsed value always has it
  const noRate: Shape = { name: 'a', mode: 'slow', size: 3, range: [0, 2], inner: { on: false }, source: { kind: 'file', path: 'p' } };
  // @ts-expect-error not a mode
  const badMode: Shape['mode'] = 'medium';
  // @ts-expect-error a file source has no items
  const badSource: Shape['source'] = { kind: 'file', path: 'p', items: [] };
  const overrides: Infer<ReturnType<typeof partial<typeof shape, { description: string }>>> = { inner: {}, source: { path: 'q' } };
  assert.ok(full && withNote && noRate && badMode && badSource && overrides);
});

test('presence: a field is required, defaulted or optional; an object whose fields all have defaults is defaulted', () => {
  assert.equal(shape.fields.name.presence, 'required');
  assert.equal(shape.fields.rate.presence, 'defaulted');
  assert.equal(shape.fields.note.presence, 'optional');
  assert.equal(shape.fields.inner.presence, 'defaulted');
  assert.equal(shape.presence, 'required');
  assert.equal(partial(shape, { description: 'o' }).presence, 'optional');
});

function issuesOf(text: string): string[] {
  const issues: Issue[] = [];
  validateNode(shape, parseTree(text)!, [], issues);
  return issues.map((i) => i.message);
}

test('validation: every kind of node says what it expected', () => {
  assert.deepEqual(issuesOf('{ "name": "a", "source": { "kind": "file", "path": "p" } }'), []);
  assert.deepEqual(
    issuesOf('{ "name": "", "rate": 0, "mode": "Fast", "size": 0, "range": [1], "inner": { "on": 1 }, "source": { "kind": "list", "items": [1, "2"] }, "extra": 1 }'),
    [
      'name must be a non-empty string, got ""',
      'rate must be in (0, 1], got 0',
      'mode must be one of "fast", "slow", got "Fast"; did you mean "fast"?',
      'size must be ≥ 1, got 0',
      'range must be an array of 2 numbers, got [1]',
      'inner.on must be true or false, got 1',
      'source.items[1] must be a number, got "2"',
      "unknown property 'extra' at the top level",
    ],
  );
  assert.deepEqual(issuesOf('{ "name": "a", "size": "al", "source": { "kind": "pipe" } }'), [
    'size must be an integer ≥ 1 or "all", got "al"',
    'source.kind must be one of "file", "list", got "pipe"',
  ]);
  assert.deepEqual(issuesOf('{ "source": { "path": 1 } }'), ['source.kind is required: one of "file", "list"', 'name is required: a non-empty string']);
  assert.deepEqual(issuesOf('[]'), ['the file must be an object, got []']);
});

test('issues know their path and whether the value is unusable', () => {
  const issues: Issue[] = [];
  validateNode(shape, parseTree('{ "name": "a", "rate": 2, "extra": 1, "source": { "kind": "file", "path": "p" } }')!, [], issues);
  assert.deepEqual(issues.map((i) => [i.path, i.invalid ?? false]), [[['rate'], true], [['extra'], false]]);
});

test('fillDefaults fills every level, keeps what is written, leaves optional fields out', () => {
  assert.deepEqual(fillDefaults(shape, { name: 'a', source: { kind: 'list' } }), {
    name: 'a', rate: 0.5, mode: 'fast', size: 'all', range: [0, 1], inner: { on: true }, source: { kind: 'list', items: [1] },
  });
  const filled = fillDefaults(shape, { name: 'a', source: { kind: 'list' } }) as Shape;
  filled.range.push(9);
  assert.deepEqual(shape.fields.range.default, [0, 1], 'defaults are copied, never shared');
});

test('describe: paths and expectations in words', () => {
  assert.equal(formatPath(['training', 'optimizer', 'lr']), 'training.optimizer.lr');
  assert.equal(formatPath(['model', 'hidden', 1]), 'model.hidden[1]');
  assert.equal(formatPath([]), 'the file');
  assert.equal(expectedText(integer({ description: '', minimum: 1 })), 'an integer ≥ 1');
  assert.equal(expectedText(number({ description: '', minimum: 0, exclusiveMaximum: 1 })), 'a number in [0, 1)');
  assert.equal(expectedText(array(string({ description: '' }), { description: '' })), 'an array of strings');
});

test('suggestions: typos, swapped letters, snake_case; nothing for far-off words', () => {
  assert.equal(editDistance('momentun', 'momentum'), 1);
  assert.equal(editDistance('dropuot', 'dropout'), 1, 'a swap of neighbours is one edit');
  assert.equal(closest('weight_decay', ['weightDecay', 'decoupled']), 'weightDecay');
  assert.equal(closest('LR', ['lr', 'loss']), 'lr');
  assert.equal(closest('banana', ['lr', 'loss', 'epochs']), undefined);
  assert.equal(didYouMean('relu6', ['relu', 'tanh'], '"'), '; did you mean "relu"?');
});
