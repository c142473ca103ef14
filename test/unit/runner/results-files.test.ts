// Where results and exports are written, and how (issue 12, #5 and #9): folders are judged
// after symbolic links are resolved, a results JSON and its CSV appear as a pair even when
// the writer is killed mid-save, and what a killed save leaves is removed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listResults, readResults, removeLeftovers, saveResults } from '../../../src/experiment/results-io.ts';
import { FolderOutsideError } from '../../../src/experiment/workspaceFolder.ts';
import { exportDir, resultsDir, SETTING_DEFAULTS } from '../../../src/extension/settings.ts';
import { applyEvent, finishResults, newResults, type ExperimentResults } from '../../../src/results/model.ts';
import { tempDir } from '../data/helpers.ts';
import { request, TINY, train } from './helpers.ts';

function someResults(runs = 1): ExperimentResults {
  const requests = Array.from({ length: runs }, (_, i) => request(TINY, `run${i}`, i + 1));
  const results = newResults({ file: 'lesson.reglab.json', title: 'Lesson' }, requests);
  for (const r of requests) for (const event of train(r).events) applyEvent(results, event);
  return finishResults(results);
}

test('#5 a results or export folder that a symbolic link leads outside the workspace is refused, and nothing is written there', () => {
  const workspace = tempDir('ws');
  const elsewhere = tempDir('elsewhere');
  symlinkSync(elsewhere, join(workspace, '.reglab'));
  assert.throws(() => resultsDir(workspace, SETTING_DEFAULTS), (e: unknown) => e instanceof FolderOutsideError && /reglab\.resultsFolder "\.reglab\/runs" leads outside the workspace through a symbolic link/.test(e.message));
  assert.throws(() => exportDir(workspace, SETTING_DEFAULTS), /reglab\.exportFolder "\.reglab\/exports" leads outside the workspace/);
  assert.throws(() => saveResults(join(workspace, '.reglab', 'runs'), someResults(), workspace), FolderOutsideError);
  assert.deepEqual(readdirSync(elsewhere), []);
  // A link that stays inside is fine.
  const inside = tempDir('ws-inside');
  mkdirSync(join(inside, 'real'));
  symlinkSync(join(inside, 'real'), join(inside, '.reglab'));
  assert.equal(resultsDir(inside, SETTING_DEFAULTS), join(inside, '.reglab', 'runs'));
});

test('#9 what killed saves left is removed: temporary files of dead processes, old CSVs without their JSON', () => {
  const folder = tempDir('leftovers');
  const dead = spawnSync(process.execPath, ['-e', '']).pid!;
  const files = {
    [`a.json.${dead}.123.tmp`]: 'stale',
    [`a.csv.${dead}.123.tmp`]: 'stale',
    [`b.json.${process.pid}.456.tmp`]: 'being written by this live process',
    'old.csv': 'orphan',
    'new.csv': 'orphan, but maybe its JSON is about to be renamed',
    'pair.csv': 'kept',
    'pair.json': '{}',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const name of ['old.csv', 'pair.csv']) utimesSync(join(folder, name), hourAgo, hourAgo);
  assert.deepEqual(removeLeftovers(folder).sort(), [`a.csv.${dead}.123.tmp`, `a.json.${dead}.123.tmp`, 'old.csv']);
  assert.deepEqual(readdirSync(folder).sort(), [`b.json.${process.pid}.456.tmp`, 'new.csv', 'pair.csv', 'pair.json']);
});

test('#9 kill -9 in the middle of saves: every JSON has its CSV and reads back, and the next listing leaves no temporary file', { timeout: 60_000 }, async () => {
  const dir = tempDir('killed');
  const big = someResults(40);
  const source = join(dir, 'source.json');
  writeFileSync(source, JSON.stringify(big));
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'saving-child.ts'), join(dir, 'runs'), source], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  // Kill it a little later, at whatever point of a save it is.
  await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 300));
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));

  const folder = join(dir, 'runs', 'lesson');
  const names = readdirSync(folder);
  const jsons = names.filter((n) => n.endsWith('.json'));
  assert.ok(jsons.length >= 1);
  for (const json of jsons) {
    assert.ok(existsSync(join(folder, json.replace(/\.json$/, '.csv'))), `${json} has its CSV`);
    assert.equal(readResults(join(folder, json)).runs.length, 40);
    assert.equal(readFileSync(join(folder, json.replace(/\.json$/, '.csv')), 'utf8').split('\n').length, 2 + 40 * 50);
  }
  assert.equal(listResults(join(dir, 'runs')).length, jsons.length);
  assert.deepEqual(readdirSync(folder).filter((n) => n.endsWith('.tmp')), []);
});
