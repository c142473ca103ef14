// Offsets to positions, paths to ranges (for data-loading errors), and the sections
// CodeLenses go above.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex, locateSections, rangeOfPath } from '../../../src/experiment/positions.ts';
import { parse } from './helpers.ts';

const TEXT = [
  '{', //                                                   line 0
  '  "title": "where",', //                                 line 1
  '  // the data set', //                                   line 2
  '  "data": { "generator": "csv", "path": "a.csv",', //    line 3
  '            "features": ["x1", "x2"], "target": "y" },', // line 4
  '  "training": { "optimizer": { "type": "sgd", "lr": 0.1 } },', // line 5
  '  "variants": [', //                                     line 6
  '    { "name": "plain" },', //                            line 7
  '    {', //                                               line 8
  '      "name": "other file",', //                         line 9
  '      "data": { "path": "b.csv" }', //                   line 10
  '    }', //                                               line 11
  '  ],', //                                                line 12
  '  "sweep": { "over": "training.optimizer.lr", "values": [0.1, 1] }', // line 13
  '}', //                                                   line 14
].join('\n');

const start = (r: { start: { line: number; character: number } }) => [r.start.line, r.start.character];

test('LineIndex counts \\n, \\r\\n and a lone \\r as line breaks', () => {
  const lines = new LineIndex('ab\r\ncd\ne\rf');
  assert.deepEqual(lines.position(0), { line: 0, character: 0 });
  assert.deepEqual(lines.position(2), { line: 0, character: 2 }, 'the \\r of \\r\\n ends line 0');
  assert.deepEqual(lines.position(4), { line: 1, character: 0 });
  assert.deepEqual(lines.position(7), { line: 2, character: 0 });
  assert.deepEqual(lines.position(9), { line: 3, character: 0 });
});

test('positions in a CRLF file are the same as in its LF version', () => {
  const lf = parse('{\n  "title": "x",\n  "seed": -1\n}');
  const crlf = parse('{\r\n  "title": "x",\r\n  "seed": -1\r\n}');
  assert.deepEqual(crlf.diagnostics.map((d) => d.range), lf.diagnostics.map((d) => d.range));
});

test('rangeOfPath gives the range of a written value', () => {
  const { tree } = parse(TEXT);
  assert.deepEqual(rangeOfPath(tree, TEXT, ['data', 'features', 1]), { start: { line: 4, character: 31 }, end: { line: 4, character: 35 } });
  assert.deepEqual(start(rangeOfPath(tree, TEXT, ['data', 'path'])), [3, 40]);
});

test('rangeOfPath of an object points at its key, of a missing field at its nearest written parent', () => {
  const { tree } = parse(TEXT);
  assert.deepEqual(rangeOfPath(tree, TEXT, ['data']), { start: { line: 3, character: 2 }, end: { line: 3, character: 8 } });
  assert.deepEqual(start(rangeOfPath(tree, TEXT, ['data', 'testFraction'])), [3, 2]);
  assert.deepEqual(start(rangeOfPath(tree, TEXT, ['model', 'hidden'])), [0, 0], 'nothing written: the top-level brace');
  assert.deepEqual(start(rangeOfPath(undefined, '', ['data'])), [0, 0]);
});

test('rangeOfPath with a variant points at the override when the variant writes the field, else at the base', () => {
  const { tree } = parse(TEXT);
  assert.deepEqual(start(rangeOfPath(tree, TEXT, ['data', 'path'], { variant: 'other file' })), [10, 24]);
  assert.deepEqual(start(rangeOfPath(tree, TEXT, ['data', 'features', 0], { variant: 'other file' })), [4, 25]);
  assert.deepEqual(start(rangeOfPath(tree, TEXT, ['data', 'path'], { variant: 'plain' })), [3, 40]);
  assert.deepEqual(start(rangeOfPath(tree, TEXT, ['data', 'path'], { variant: 'no such' })), [3, 40]);
});

test('locateSections finds the experiment, each variant with its name, and the sweep', () => {
  const { tree } = parse(TEXT);
  const sections = locateSections(tree, TEXT);
  assert.deepEqual(sections.experiment, { start: { line: 0, character: 0 }, end: { line: 14, character: 1 } });
  assert.deepEqual(
    sections.variants.map((v) => [v.index, v.name, start(v.range), v.range.end, v.nameRange && start(v.nameRange)]),
    [
      [0, 'plain', [7, 4], { line: 7, character: 23 }, [7, 14]],
      [1, 'other file', [8, 4], { line: 11, character: 5 }, [9, 14]],
    ],
  );
  assert.deepEqual(start(sections.sweep!), [13, 11]);
});

test('locateSections copes with unfinished files', () => {
  assert.deepEqual(locateSections(undefined, ''), { variants: [] });
  const text = '{ "variants": [ { "data": {} }, 3 ] }';
  const sections = locateSections(parse(text).tree, text);
  assert.equal(sections.variants.length, 1);
  assert.equal(sections.variants[0]!.name, undefined);
  assert.equal(sections.sweep, undefined);
});
