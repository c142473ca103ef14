// The bench's sweep entries: which runs each trains, how `--only` picks them, and the table's ratio.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { isSweepName, renderSweeps, selectSweeps, speedUp, SWEEPS } from '../../../bench/sweeps.ts';
import { W3 } from '../../../bench/workloads.ts';

const examples = resolve(import.meta.dirname, '../../../examples');

test('S06 is lesson 6\'s 45 sweep runs; S3 is lesson 3 at W3\'s 12 lambdas, once each', () => {
  const [s06, s3] = SWEEPS.map((s) => s.requests(examples));
  assert.equal(s06!.length, 45);
  assert.ok(s06!.every((r) => r.sweepValue !== undefined && r.config.training.epochs === 2000));
  assert.deepEqual(s3!.map((r) => r.sweepValue), [...W3.lambdas]);
  assert.ok(s3!.every((r) => r.config.data.generator === 'd2l' && r.config.training.batchSize === 5 && r.config.training.epochs === 100));
});

test('--only picks sweeps by "sweep" or by id; workload names are not sweeps', () => {
  assert.deepEqual(selectSweeps(['sweep']).map((s) => s.id), ['S06', 'S3']);
  assert.deepEqual(selectSweeps(['s3']).map((s) => s.id), ['S3']);
  assert.deepEqual(selectSweeps(['W3']), []);
  assert.equal(isSweepName('W1'), false);
  assert.equal(isSweepName('S06'), true);
});

test('the ratio is the 1-worker median over the 2-worker median, with the per-round range', () => {
  const result = { entry: SWEEPS[0]!, runs: 45, one: [100, 120, 110], two: [50, 80, 60] };
  assert.equal(speedUp(result), 110 / 60);
  const row = renderSweeps([result]).find((l) => l.startsWith('| S06'))!;
  assert.match(row, /\| 1\.83 \(1\.50–2\.00\) \|$/);
});
