// A data set from CSV files of the workspace: named feature columns and one target column.
// The test set comes from a second file (testPath) or from a seeded shuffle split: row
// order = Random(seed).permutation(rows), its first round(rows·(1 − testFraction)) rows
// train and the rest test. Cells are numbers except a classification target, whose
// distinct values (of both files, with testPath) become the classes, in sorted order
// (numerically when all are numbers, so "10" comes after "9").
import type { Random } from '../engine/random.ts';
import type { Dataset, Split, Task } from './dataset.ts';
import { CsvSyntaxError, parseCsv, type CsvRecord } from './csv-parse.ts';
import { SpecReader } from './params.ts';
import { readDataFile, resolveDataFile, type FileOptions } from './paths.ts';
import { DATA_DEFAULTS, type CsvSpec } from './spec.ts';
import { paddedBounds, reorderRows } from './split.ts';

/** One CSV file, parsed; `name` is the path as the experiment file writes it. */
interface Table {
  name: string;
  field: 'path' | 'testPath';
  header: string[];
  rows: CsvRecord[];
}

export function csvDataset(spec: CsvSpec, rng: Random, options: FileOptions): Dataset {
  const read = new SpecReader(spec, 'data.csv');
  const features = read.strings('features');
  const target = read.string('target');
  const task = read.choice<Task>('task', ['regression', 'classification'], DATA_DEFAULTS.csv.task);
  const tables = [readTable(read, 'path', options)];
  if (read.has('testPath')) tables.push(readTable(read, 'testPath', options));
  else read.fraction('testFraction', DATA_DEFAULTS.csv.testFraction);

  const x = tables.map((table) => featureMatrix(read, table, features));
  const targets = tables.map((table) => targetCells(read, table, target));
  const classNames = task === 'classification' ? classesOf(targets.flat()) : undefined;
  const y = targets.map((cells) =>
    classNames ? classIndices(cells, classNames) : regressionTargets(read, cells, target),
  );
  const splits = x.map((xs, t): Split => ({ x: xs, y: y[t]!, n: tables[t]!.rows.length }));

  const [train, test] = splits.length === 2 ? (splits as [Split, Split]) : holdOut(read, splits[0]!, features.length, rng);
  const dataset: Dataset = {
    task, inputs: features.length, outputs: classNames ? classNames.length : 1, train, test, inputNames: features,
  };
  if (classNames) dataset.classNames = classNames;
  if (features.length <= 2) dataset.domain = paddedBounds([train, test], features.length);
  return dataset;
}

function readTable(read: SpecReader, field: 'path' | 'testPath', options: FileOptions): Table {
  const name = read.string(field);
  const file = resolveDataFile(read, field, options);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(readDataFile(read, field, file, options));
  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return read.fail(`${name} line ${error.line}: ${error.message}`, [field]);
  }
  const [head, ...rows] = records;
  if (head === undefined) read.fail(`${name} is empty; it needs a header row naming the columns`, [field]);
  if (rows.length === 0) read.fail(`${name} has a header but no data rows`, [field]);
  const header = head.fields.map((h) => h.trim());
  for (const row of rows) {
    if (row.fields.length !== header.length) {
      read.fail(`${name} line ${row.line} has ${row.fields.length} fields, the header has ${header.length}`, [field]);
    }
  }
  return { name, field, header, rows };
}

function columnIndex(read: SpecReader, table: Table, column: string, path: (string | number)[]): number {
  const index = table.header.indexOf(column);
  if (index < 0) {
    read.fail(`column "${column}" not found in ${table.name} (columns: ${table.header.join(', ')})`, path);
  }
  return index;
}

function featureMatrix(read: SpecReader, table: Table, features: string[]): Float64Array {
  const columns = features.map((f, i) => columnIndex(read, table, f, ['features', i]));
  const x = new Float64Array(table.rows.length * features.length);
  table.rows.forEach((row, r) => {
    columns.forEach((c, j) => {
      const value = parseNumber(row.fields[c]!);
      if (value === undefined) read.fail(notANumber(table, row, features[j]!), ['features', j]);
      x[r * features.length + j] = value;
    });
  });
  return x;
}

/** A target cell, with where it came from for error messages. */
interface Cell {
  text: string;
  row: CsvRecord;
  table: Table;
}

function targetCells(read: SpecReader, table: Table, target: string): Cell[] {
  const c = columnIndex(read, table, target, ['target']);
  return table.rows.map((row) => ({ text: row.fields[c]!.trim(), row, table }));
}

function regressionTargets(read: SpecReader, cells: Cell[], target: string): Float64Array {
  return Float64Array.from(cells, (cell) => {
    const value = parseNumber(cell.text);
    if (value === undefined) {
      const hint = 'for class labels, set "task": "classification"';
      read.fail(`${notANumber(cell.table, cell.row, target)} (${hint})`, ['target']);
    }
    return value;
  });
}

/** The distinct values, sorted: numerically (and written canonically) when all are numbers. */
function classesOf(cells: Cell[]): string[] {
  const numbers = cells.map((cell) => parseNumber(cell.text));
  if (numbers.every((v) => v !== undefined)) {
    return [...new Set(numbers as number[])].sort((a, b) => a - b).map(String);
  }
  return [...new Set(cells.map((cell) => cell.text))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function classIndices(cells: Cell[], classNames: string[]): Float64Array {
  const numeric = classNames.every((name) => parseNumber(name) !== undefined);
  const index = new Map(classNames.map((name, i) => [name, i]));
  return Float64Array.from(cells, (cell) => index.get(numeric ? String(parseNumber(cell.text)) : cell.text)!);
}

function holdOut(read: SpecReader, all: Split, inputs: number, rng: Random): [Split, Split] {
  const fraction = read.fraction('testFraction', DATA_DEFAULTS.csv.testFraction);
  const nTrain = Math.round(all.n * (1 - fraction));
  if (nTrain === 0 || nTrain === all.n) {
    read.fail(`testFraction ${fraction} of ${all.n} rows leaves ${nTrain === 0 ? 'no train' : 'no test'} rows`, [
      'testFraction',
    ]);
  }
  const order = rng.permutation(all.n);
  return [reorderRows(all, inputs, 1, order.subarray(0, nTrain)), reorderRows(all, inputs, 1, order.subarray(nTrain))];
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A decimal number, or undefined: no hex, no Infinity, no NaN, no empty cell. */
function parseNumber(cell: string): number | undefined {
  const text = cell.trim();
  return DECIMAL.test(text) ? Number(text) : undefined;
}

function notANumber(table: Table, row: CsvRecord, column: string): string {
  const cell = row.fields[table.header.indexOf(column)]!.trim();
  const what = cell === '' ? 'the cell is empty' : `"${cell}" is not a number`;
  return `${table.name} line ${row.line}, column "${column}": ${what}`;
}
