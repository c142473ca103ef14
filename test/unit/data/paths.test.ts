import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset, type CsvSpec } from '../../../src/data/index.ts';
import { assertDataError, tempDir } from './helpers.ts';

// root/
//   outside.csv                 (outside the workspace)
//   workspace/
//     inside.csv
//     experiments/              (the experiment file's folder)
//       link-out.csv   -> ../../outside.csv
//       link-in.csv    -> ../inside.csv
//       linked-dir     -> ../..          (a folder link that leaves the workspace)
const root = tempDir('paths');
const workspace = join(root, 'workspace');
const experiments = join(workspace, 'experiments');
mkdirSync(experiments, { recursive: true });
const CSV = 'x,y\n1,2\n3,4\n5,6\n';
writeFileSync(join(root, 'outside.csv'), CSV);
writeFileSync(join(workspace, 'inside.csv'), CSV);
symlinkSync(join('..', '..', 'outside.csv'), join(experiments, 'link-out.csv'));
symlinkSync(join('..', 'inside.csv'), join(experiments, 'link-in.csv'));
symlinkSync(join('..', '..'), join(experiments, 'linked-dir'));

// workspaceRoot null: load without a workspace root.
const load = (path: string, spec: Partial<CsvSpec> = {}, workspaceRoot: string | null = workspace) =>
  loadDataset(
    { generator: 'csv', path, features: ['x'], target: 'y', testFraction: 0.34, ...spec },
    { seed: 1, baseDir: experiments, ...(workspaceRoot === null ? {} : { workspaceRoot }) },
  );

test('paths inside the workspace are read, relative to the experiment folder, through links too', () => {
  assert.equal(load('../inside.csv').train.n + load('../inside.csv').test.n, 3);
  assert.equal(load(join(workspace, 'inside.csv')).train.n, 2, 'an absolute path inside is fine');
  assert.equal(load('link-in.csv').train.n, 2, 'a link that stays inside is fine');
  assert.equal(load('../../outside.csv', {}, null).train.n, 2, 'without a workspace root nothing is checked');
});

test('a ../ escape, an absolute path outside and links leading out are errors', () => {
  assertDataError(() => load('../../outside.csv'), /^data\.csv: "\.\.\/\.\.\/outside\.csv" is outside the workspace \(/, ['path']);
  assertDataError(() => load(join(root, 'outside.csv')), /is outside the workspace/, ['path']);
  assertDataError(() => load('../../missing.csv'), /is outside the workspace/, ['path']);
  assertDataError(() => load('link-out.csv'), /"link-out\.csv" leads outside the workspace through a symbolic link/, ['path']);
  assertDataError(() => load('linked-dir/outside.csv'), /through a symbolic link/, ['path']);
  assertDataError(() => load('linked-dir/not-there.csv'), /through a symbolic link/, ['path']);
  assertDataError(() => load('../inside.csv', { testPath: '../../outside.csv' }), /outside the workspace/, ['testPath']);
});

test('mnist files are held to the same rule', () => {
  assertDataError(
    () =>
      loadDataset(
        { generator: 'mnist', images: 'link-out.csv', labels: 'a', testImages: 'b', testLabels: 'c' },
        { seed: 1, baseDir: experiments, workspaceRoot: workspace },
      ),
    /^data\.mnist: "link-out\.csv" leads outside the workspace/,
    ['images'],
  );
});

test('a workspace root given through a link still admits its own files', () => {
  const linkedRoot = join(root, 'workspace-link');
  symlinkSync('workspace', linkedRoot);
  assert.equal(load('../inside.csv', {}, linkedRoot).train.n, 2);
});
