// Where the CodeLenses go: above the top-level object (Run all variants · Run sweep · Open
// results) and above each variant (Run this variant), from the parsed file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planRuns } from '../../../src/experiment/session.ts';
import { planLenses } from '../../../src/extension/lensPlan.ts';
import { at, parse } from './helpers.ts';

const FILE = [
  '// a comment above the object', //                                          0
  '{', //                                                                     1
  '  "title": "lenses",', //                                                  2
  '  "data": { "generator": "line" },', //                                   3
  '  "training": { "optimizer": { "type": "sgd", "lr": 0.1 }, "epochs": 5 },', // 4
  '  "variants": [', //                                                       5
  '    { "name": "plain" },', //                                              6
  '    {', //                                                                 7
  '      "name": "decay",', //                                                8
  '      "regularization": { "weightDecay": 0.01 }', //                       9
  '    }', //                                                                 10
  '  ],', //                                                                  11
  '  "sweep": { "over": "regularization.weightDecay", "values": [0, 0.1], "repeats": 2 }', // 12
  '}', //                                                                     13
].join('\n');

test('the experiment lenses sit on the line of the opening brace, the variant lenses on each variant', () => {
  const lenses = planLenses(parse(FILE), FILE);
  assert.deepEqual(
    lenses.map((l) => [l.title, ...at(l.range)]),
    [
      ['$(play) Run all variants', 1, 0],
      ['$(graph-line) Run sweep (10 runs)', 1, 0],
      ['$(history) Open results', 1, 0],
      ['$(file-code) Export to PyTorch', 1, 0],
      ['$(play) Run this variant', 6, 0],
      ['$(play) Run this variant', 7, 0],
    ],
  );
  assert.deepEqual(lenses.map((l) => l.action), [
    { kind: 'runExperiment' },
    { kind: 'runSweep' },
    { kind: 'openResults' },
    { kind: 'exportPytorch' },
    { kind: 'runVariant', variant: 'plain' },
    { kind: 'runVariant', variant: 'decay' },
  ]);
  for (const lens of lenses) assert.deepEqual(lens.range.start, lens.range.end, 'an empty range: the lens goes above the line');
});

test('no sweep lens without a sweep; "Run experiment" without variants', () => {
  const text = '{ "title": "t", "data": { "generator": "line" }, "training": { "optimizer": { "type": "sgd", "lr": 0.1 } } }';
  assert.deepEqual(planLenses(parse(text), text).map((l) => l.title), ['$(play) Run experiment', '$(history) Open results', '$(file-code) Export to PyTorch']);
});

test('variants on one line are told apart by name', () => {
  const text = [
    '{ "title": "t", "data": { "generator": "line" }, "training": { "optimizer": { "type": "sgd", "lr": 0.1 } },',
    '  "variants": [ { "name": "a" }, { "name": "b" } ] }',
  ].join('\n');
  const variantLenses = planLenses(parse(text), text).filter((l) => l.action.kind === 'runVariant');
  assert.deepEqual(variantLenses.map((l) => [l.title, ...at(l.range)]), [['$(play) Run "a"', 1, 0], ['$(play) Run "b"', 1, 0]]);
});

test('a file with errors gets one lens that leads to the problems, and no run lenses', () => {
  const text = FILE.replace('"lr": 0.1', '"lr": -1');
  const lenses = planLenses(parse(text), text);
  assert.deepEqual(lenses.map((l) => l.title), ['$(error) Fix the problems to run', '$(history) Open results']);
  assert.deepEqual(lenses[0]!.action, { kind: 'showProblems' });
});

test('a file that is not an object, or empty, gets no lenses; one being typed leads to its problems', () => {
  for (const text of ['', '[1, 2]']) assert.deepEqual(planLenses(parse(text), text), [], JSON.stringify(text));
  const typing = '{ "title": ';
  assert.deepEqual(planLenses(parse(typing), typing).map((l) => l.action.kind), ['showProblems', 'openResults']);
});

test('"Run sweep" counts the runs its session trains: the sweep’s and the variants’ own', () => {
  const parsed = parse(FILE);
  const title = planLenses(parsed, FILE).find((l) => l.action.kind === 'runSweep')!.title;
  const planned = planRuns(parsed.experiment!, 'f.reglab.json', { includeSweep: true });
  assert.equal(title, `$(graph-line) Run sweep (${planned.length} runs)`);
});
