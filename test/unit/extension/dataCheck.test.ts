// Data-file problems as diagnostics: loading the data as a run would, and underlining the
// field at fault — in the variant that wrote it, else in the base.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataChecker, readsFiles } from '../../../src/extension/dataCheck.ts';
import { at, parse, where } from './helpers.ts';

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reglab-datacheck-'));
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 'points.csv'), 'x1,x2,y\n1,2,3\n4,5,6\n7,8,9\n1,1,1\n2,2,2\n');
  return dir;
}

const TEXT = [
  '{',
  '  "title": "csv",',
  '  "data": { "generator": "csv", "path": "data/points.csv", "features": ["x1", "x3"], "target": "y" },',
  '  "training": { "optimizer": { "type": "sgd", "lr": 0.1 }, "epochs": 2 },',
  '  "variants": [',
  '    { "name": "base" },',
  '    { "name": "other", "data": { "features": ["x2", "nope"] } }',
  '  ]',
  '}',
].join('\n');

test('a CSV column that does not exist is underlined where it is written, per variant', async () => {
  const dir = workspace();
  try {
    const file = join(dir, 'exp.reglab.json');
    const found = await new DataChecker().check(parse(TEXT, file), TEXT, file, dir);
    assert.equal(found.length, 2, JSON.stringify(found.map((d) => d.message)));
    assert.match(found[0]!.message, /x3/);
    assert.deepEqual(at(found[0]!.range), where(TEXT, '"x3"'));
    assert.deepEqual(found[0]!.path, ['data', 'features', 1]);
    assert.match(found[1]!.message, /nope/);
    assert.deepEqual(at(found[1]!.range), where(TEXT, '"nope"'));
    assert.ok(found.every((d) => d.severity === 'error'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a missing file and a file outside the workspace are underlined on "path"', async () => {
  const dir = workspace();
  try {
    const file = join(dir, 'exp.reglab.json');
    for (const path of ['data/missing.csv', '../outside.csv']) {
      const text = TEXT.replace('data/points.csv', path).replace('"x3"', '"x2"').replace('"nope"', '"x1"');
      const found = await new DataChecker().check(parse(text, file), text, file, dir);
      assert.equal(found.length, 1, `${path}: ${JSON.stringify(found.map((d) => d.message))}`);
      assert.deepEqual(at(found[0]!.range), where(text, `"${path}"`), path);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a good file gives nothing; generators that read no file are not checked', async () => {
  const dir = workspace();
  try {
    const file = join(dir, 'exp.reglab.json');
    const good = TEXT.replace('"x3"', '"x2"').replace('"nope"', '"x1"');
    assert.deepEqual(await new DataChecker().check(parse(good, file), good, file, dir), []);
    const line = '{ "title": "t", "data": { "generator": "line" }, "training": { "optimizer": { "type": "sgd", "lr": 0.1 } } }';
    assert.equal(readsFiles(parse(line)), false);
    assert.equal(readsFiles(parse(good, file)), true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('files larger than the limit are only checked for existence', async () => {
  const dir = workspace();
  try {
    const file = join(dir, 'exp.reglab.json');
    const found = await new DataChecker(10).check(parse(TEXT, file), TEXT, file, dir);
    assert.deepEqual(found, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the data are checked even when another part of the file has an error', async () => {
  const dir = workspace();
  try {
    const file = join(dir, 'exp.reglab.json');
    const text = TEXT.replace('"epochs": 2 }', '"epochs": 2 },\n  "sweep": { "over": "regularization.weightDecy", "values": [0, 1] }');
    const parsed = parse(text, file);
    assert.equal(parsed.experiment, undefined, 'the file has an error');
    const found = await new DataChecker().check(parsed, text, file, dir);
    assert.deepEqual(found.map((d) => at(d.range)), [where(text, '"x3"'), where(text, '"nope"')]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('MNIST without files (the bundled digits) reads nothing and reports nothing; some files but not all are left to the file\'s own check', async () => {
  const dir = workspace();
  try {
    const file = join(dir, 'exp.reglab.json');
    const bundled = '{ "title": "t", "data": { "generator": "mnist", "limitTrain": 10 }, "training": { "loss": "cross_entropy", "optimizer": { "type": "sgd", "lr": 0.1 } } }';
    assert.deepEqual(await new DataChecker().check(parse(bundled, file), bundled, file, dir), []);
    writeFileSync(join(dir, 'data', 'images.gz'), 'not read');
    const partial = bundled.replace('"limitTrain": 10', '"images": "data/images.gz"');
    assert.deepEqual(await new DataChecker().check(parse(partial, file), partial, file, dir), [], 'the check "all four files or none" reports it once, not this one too');
    const missing = bundled.replace('"limitTrain": 10', '"images": "a.gz", "labels": "b.gz", "testImages": "c.gz", "testLabels": "d.gz"');
    const found = await new DataChecker().check(parse(missing, file), missing, file, dir);
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /file "a\.gz" not found/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
