// Data files an experiment may name to hurt whoever reads them (issue 12, #1): a named
// pipe would block a synchronous read forever, a device or a huge file never ends, a
// small .gz can unpack to gigabytes. Each is refused with a message naming the field and
// the limit; the tests' timeouts turn a hang into a failure instead of a stuck suite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadDataset } from '../../../src/data/index.ts';
import { readDataFileAsync } from '../../../src/data/paths.ts';
import type { DataSpec } from '../../../src/data/spec.ts';
import { DataChecker } from '../../../src/extension/dataCheck.ts';
import { at, parse, where } from '../extension/helpers.ts';
import { assertDataError, tempDir } from './helpers.ts';

const HANG_GUARD = { timeout: 20_000 };
const fifoSupported = process.platform !== 'win32';

function workspaceWithFifo(): string {
  const dir = tempDir('hostile-data');
  execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
  writeFileSync(join(dir, 'ok.csv'), 'x,y\n1,2\n3,4\n5,6\n');
  return dir;
}

const csv = (path: string): DataSpec => ({ generator: 'csv', path, features: ['x'], target: 'y', task: 'regression', testFraction: 0.5 }) as DataSpec;

test('a named pipe as the CSV is refused at once by the synchronous loader (worker, CLI)', { ...HANG_GUARD, skip: !fifoSupported }, () => {
  const dir = workspaceWithFifo();
  assertDataError(() => loadDataset(csv('pipe.csv'), { seed: 1, baseDir: dir, workspaceRoot: dir }), /"pipe\.csv" is not a regular file \(it is a named pipe\)/, ['path']);
});

test('a named pipe is refused by the asynchronous read the extension host uses', { ...HANG_GUARD, skip: !fifoSupported }, async () => {
  const dir = workspaceWithFifo();
  assert.deepEqual(await readDataFileAsync(join(dir, 'pipe.csv')), { error: 'is not a regular file (it is a named pipe); data files must be ordinary files' });
  const ok = await readDataFileAsync(join(dir, 'ok.csv'));
  assert.ok('bytes' in ok && ok.bytes.length === 16);
});

test('the host\'s data check underlines a named pipe on the field that names it', { ...HANG_GUARD, skip: !fifoSupported }, async () => {
  const dir = workspaceWithFifo();
  const file = join(dir, 'exp.reglab.json');
  const text = JSON.stringify({ title: 'pipe', data: { generator: 'csv', path: 'pipe.csv', features: ['x'], target: 'y' }, training: { optimizer: { type: 'sgd', lr: 0.1 } } }, null, 2);
  const found = await new DataChecker().check(parse(text, file), text, file, dir);
  assert.equal(found.length, 1);
  assert.match(found[0]!.message, /^data\.csv: "pipe\.csv" is not a regular file \(it is a named pipe\)/);
  assert.deepEqual(at(found[0]!.range), where(text, '"pipe.csv"'));
});

test('a link inside the workspace to a device outside it is refused as outside', () => {
  const dir = tempDir('hostile-link');
  symlinkSync('/dev/zero', join(dir, 'zero.csv'));
  assertDataError(() => loadDataset(csv('zero.csv'), { seed: 1, baseDir: dir, workspaceRoot: dir }), /leads outside the workspace through a symbolic link/, ['path']);
});

test('a file over the size limit is refused, the limit stated', () => {
  const dir = tempDir('hostile-size');
  writeFileSync(join(dir, 'big.csv'), `x,y\n${'1,2\n'.repeat(10_000)}`);
  assertDataError(
    () => loadDataset(csv('big.csv'), { seed: 1, baseDir: dir, workspaceRoot: dir, maxBytes: 16 * 1024 }),
    /^data\.csv: "big\.csv" is 40 KB, over the 16 KB limit for data files$/,
    ['path'],
  );
});

test('a .gz that unpacks past the limit is refused before it fills the memory', () => {
  const dir = tempDir('hostile-gzip');
  writeFileSync(join(dir, 'bomb.gz'), gzipSync(Buffer.alloc(4 * 1024 * 1024)));
  writeFileSync(join(dir, 'labels.gz'), gzipSync(Buffer.from([0, 0, 8, 1, 0, 0, 0, 1, 7])));
  const spec = { generator: 'mnist', images: 'bomb.gz', labels: 'labels.gz', testImages: 'bomb.gz', testLabels: 'labels.gz' } as DataSpec;
  assertDataError(
    () => loadDataset(spec, { seed: 1, baseDir: dir, workspaceRoot: dir, maxBytes: 1024 * 1024 }),
    /^data\.mnist: bomb\.gz unpacks to more than 1\.0 MB, the limit for data files$/,
    ['images'],
  );
});
