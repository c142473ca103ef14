import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset, type CsvSpec } from '../../../src/data/index.ts';
import { parseCsv } from '../../../src/data/csv-parse.ts';
import { assertDataError, tempDir } from './helpers.ts';

const dir = tempDir('csv');
mkdirSync(join(dir, 'data'));
const HOUSES = ['area,rooms,price', '50,2,100', '72.5,3,150', '120,5,310', '33,1,70', '90,4,200'].join('\n') + '\n';
writeFileSync(join(dir, 'data', 'houses.csv'), HOUSES);
writeFileSync(join(dir, 'data', 'houses-test.csv'), 'price,area,rooms\r\n95,45,2\r\n180,85,3\r\n');
const load = (spec: Omit<CsvSpec, 'generator'>, seed = 1) =>
  loadDataset({ generator: 'csv', ...spec }, { seed, baseDir: join(dir, 'data'), workspaceRoot: dir });

test('parseCsv: quoted fields with commas, doubled quotes, line breaks; CRLF; blank lines; line numbers', () => {
  const text = '\ufeffname,note\r\n"Smith, J.","said ""hi"""\r\n\r\nplain,"two\nlines"\nlast,\n';
  assert.deepEqual(parseCsv(text), [
    { line: 1, fields: ['name', 'note'] },
    { line: 2, fields: ['Smith, J.', 'said "hi"'] },
    { line: 4, fields: ['plain', 'two\nlines'] },
    { line: 6, fields: ['last', ''] },
  ]);
  assert.deepEqual(parseCsv('a,b'), [{ line: 1, fields: ['a', 'b'] }], 'no final newline');
  assert.throws(() => parseCsv('a\n"open,b\n'), /quote opened on line 2 is never closed/);
});

test('csv: a regression set with a testPath file whose columns come in another order', () => {
  const ds = load({ path: 'houses.csv', features: ['area', 'rooms'], target: 'price', testPath: 'houses-test.csv' });
  assert.equal(ds.task, 'regression');
  assert.equal(ds.inputs, 2);
  assert.equal(ds.outputs, 1);
  assert.deepEqual(ds.inputNames, ['area', 'rooms']);
  assert.equal(ds.train.n, 5);
  assert.deepEqual([...ds.train.x], [50, 2, 72.5, 3, 120, 5, 33, 1, 90, 4]);
  assert.deepEqual([...ds.train.y], [100, 150, 310, 70, 200]);
  assert.deepEqual([...ds.test.x], [45, 2, 85, 3]);
  assert.deepEqual([...ds.test.y], [95, 180]);
  assert.equal(ds.domain?.length, 2);
});

test('csv: testFraction holds out a seeded shuffle of the rows', () => {
  const spec = { path: 'houses.csv', features: ['area'], target: 'price', testFraction: 0.4 };
  const ds = load(spec);
  assert.equal(ds.train.n, 3);
  assert.equal(ds.test.n, 2);
  const rows = (s: { x: Float64Array }) => [...s.x];
  assert.deepEqual([...rows(ds.train), ...rows(ds.test)].sort((a, b) => a - b), [33, 50, 72.5, 90, 120]);
  ds.train.x.forEach((area, i) => assert.equal(ds.train.y[i], { 50: 100, 72.5: 150, 120: 310, 33: 70, 90: 200 }[area]));
  assert.deepEqual(load(spec), ds, 'same seed, same split');
  const others = [2, 3, 4, 5, 6].map((seed) => rows(load(spec, seed).test).join());
  assert.ok(others.some((t) => t !== rows(ds.test).join()), 'other seeds, other splits');
  assert.equal(load({ path: 'houses.csv', features: ['area'], target: 'price' }).test.n, 1, 'testFraction defaults to 0.2');
  assertDataError(() => load({ ...spec, testFraction: 0.05 }), /leaves no test rows/, ['testFraction']);
  assertDataError(() => load({ ...spec, testFraction: 1 }), /"testFraction" must be between 0 and 1/, ['testFraction']);
});

test('csv: classification maps sorted distinct targets to classes', () => {
  writeFileSync(
    join(dir, 'data', 'iris.csv'),
    'petal length,petal width,species\n1.4,0.2,setosa\n4.7,1.4,"versicolor"\n6.0,2.5,virginica\n1.3,0.2,setosa\n',
  );
  const ds = load({ path: 'iris.csv', features: ['petal length', 'petal width'], target: 'species', task: 'classification', testPath: 'iris.csv' });
  assert.equal(ds.task, 'classification');
  assert.equal(ds.outputs, 3);
  assert.deepEqual(ds.classNames, ['setosa', 'versicolor', 'virginica']);
  assert.deepEqual([...ds.train.y], [0, 1, 2, 0]);

  writeFileSync(join(dir, 'data', 'digits.csv'), 'x,digit\n1,10\n2,9\n3,10.0\n4,2\n');
  const digits = load({ path: 'digits.csv', features: ['x'], target: 'digit', task: 'classification', testPath: 'digits.csv' });
  assert.deepEqual(digits.classNames, ['2', '9', '10'], 'numeric classes sort numerically');
  assert.deepEqual([...digits.train.y], [2, 1, 2, 0]);
});

test('csv: a quoted numeric cell with spaces is a number', () => {
  writeFileSync(join(dir, 'data', 'quoted.csv'), '"a, the first",b\n" 1.5",2\n"-3e2", 4 \n');
  const ds = load({ path: 'quoted.csv', features: ['a, the first'], target: 'b', testPath: 'quoted.csv' });
  assert.deepEqual([...ds.train.x], [1.5, -300]);
  assert.deepEqual([...ds.train.y], [2, 4]);
});

test('csv: errors name the file, the line and the column', () => {
  const base = { path: 'houses.csv', features: ['area', 'rooms'], target: 'price' };
  assertDataError(
    () => load({ ...base, features: ['area', 'floors'] }),
    /^data\.csv: column "floors" not found in houses\.csv \(columns: area, rooms, price\)$/,
    ['features', 1],
  );
  assertDataError(() => load({ ...base, target: 'cost' }), /column "cost" not found in houses\.csv/, ['target']);
  writeFileSync(join(dir, 'data', 'bad.csv'), 'area,rooms,price\n50,2,100\n"60",two,120\n');
  assertDataError(
    () => load({ ...base, path: 'bad.csv' }),
    /^data\.csv: bad\.csv line 3, column "rooms": "two" is not a number$/,
    ['features', 1],
  );
  writeFileSync(join(dir, 'data', 'empty-cell.csv'), 'area,rooms,price\n50,2,\n');
  assertDataError(() => load({ ...base, path: 'empty-cell.csv' }), /empty-cell\.csv line 2, column "price": the cell is empty/, ['target']);
  writeFileSync(join(dir, 'data', 'labels.csv'), 'area,rooms,price\n50,2,cheap\n');
  assertDataError(() => load({ ...base, path: 'labels.csv' }), /"cheap" is not a number \(for class labels, set "task": "classification"\)/, ['target']);
  writeFileSync(join(dir, 'data', 'ragged.csv'), 'area,rooms,price\n50,2,100\n\n60,3\n');
  assertDataError(() => load({ ...base, path: 'ragged.csv' }), /ragged\.csv line 4 has 2 fields, the header has 3/, ['path']);
  writeFileSync(join(dir, 'data', 'header-only.csv'), 'area,rooms,price\n');
  assertDataError(() => load({ ...base, path: 'header-only.csv' }), /header but no data rows/, ['path']);
  writeFileSync(join(dir, 'data', 'open-quote.csv'), 'area,rooms,price\n"50,2,100\n');
  assertDataError(() => load({ ...base, path: 'open-quote.csv' }), /open-quote\.csv line 2: the quote opened on line 2/, ['path']);
  assertDataError(() => load({ ...base, path: 'nowhere.csv' }), /^data\.csv: file "nowhere\.csv" not found/, ['path']);
  assertDataError(() => load({ ...base, testPath: 'nowhere.csv' }), /file "nowhere\.csv" not found/, ['testPath']);
  assertDataError(() => load({ ...base, features: [] }), /"features" must be a non-empty list/, ['features']);
  assertDataError(() => load({ ...base, path: '.' }), /"\." is not a regular file \(it is a folder\)/, ['path']);
});
