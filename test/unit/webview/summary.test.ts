// The legend's words: per variant its colour and progress, and broken runs with their message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressText, summarize, variantPalette } from '../../../src/webview/summary.ts';
import { applyEvent } from '../../../src/results/model.ts';
import { queued, regression, runEvents, sweepQueued } from './fixtures.ts';

const palette = ['#111111', '#222222'];

test('one colour per variant, in the order of the report', () => {
  assert.deepEqual([...variantPalette(regression(), palette)], [['plain', '#111111'], ['decay', '#222222']]);
  const s = summarize(regression(), palette);
  assert.deepEqual(s.map((v) => [v.name, v.color, v.runs]), [['plain', '#111111', 1], ['decay', '#222222', 1]]);
  assert.match(s[0]!.detail, /^test loss 0\.531/);
  assert.deepEqual(s[0]!.problems, []);
});

test('running and queued runs say where they are', () => {
  const results = queued();
  for (const e of runEvents('plain').slice(0, 4)) applyEvent(results, e);
  const [plain, decay] = summarize(results, palette);
  assert.match(plain!.detail, /^epoch 9 · test loss/);
  assert.equal(decay!.detail, 'queued');
  assert.equal(progressText(results), '0 of 2 runs done · 1 training');
});

test('diverged and failed runs are named with their message', () => {
  const results = queued();
  applyEvent(results, { type: 'diverged', runId: 'plain', epoch: 12, step: 12, cause: 'the loss became NaN; try lr 0.1' });
  applyEvent(results, { type: 'failed', runId: 'decay', message: 'no column "y"', path: ['data', 'target'] });
  const [plain, decay] = summarize(results, palette);
  assert.equal(plain!.detail, 'diverged at epoch 12');
  assert.deepEqual(plain!.problems, [{ status: 'diverged', run: 'plain', text: 'plain diverged at epoch 12: the loss became NaN; try lr 0.1' }]);
  assert.equal(decay!.problems[0]!.text, 'decay failed: no column "y" (at data.target)');
  assert.equal(progressText(results), '0 done · 1 diverged · 1 failed');
});

test('a variant with its own run and sweep runs: the run in words, the sweep counted', () => {
  const results = sweepQueued();
  results.runs.unshift({ ...structuredClone(results.runs[0]!), id: 'own', sweepValue: undefined, status: 'queued' } as never);
  delete (results.runs[0] as { sweepValue?: number }).sweepValue;
  for (const e of runEvents('own')) applyEvent(results, e);
  for (const e of runEvents('s-0-0')) applyEvent(results, e);
  const [sweep] = summarize(results, palette);
  assert.match(sweep!.detail, /^test loss 0\.5\d* · 2 of 7 runs done$/);
});

test('a sweep variant counts its runs', () => {
  const results = sweepQueued();
  for (const e of runEvents('s-0-0')) applyEvent(results, e);
  applyEvent(results, { type: 'diverged', runId: 's-0.1-1', epoch: 3, step: 3, cause: 'NaN' });
  const [sweep] = summarize(results, palette);
  assert.equal(sweep!.detail, '1 of 6 runs done · 1 diverged');
  assert.equal(sweep!.problems[0]!.text, 'sweep (0.1, repeat 2) diverged at epoch 3: NaN');
  assert.equal(progressText(null), '');
});
