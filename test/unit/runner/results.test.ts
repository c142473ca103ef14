// Results: folding events, sweep statistics over repeats, saving and reading back, CSV.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { curvesCsv, listResults, readResults, saveResults } from '../../../src/experiment/results-io.ts';
import { applyEvent, finishResults, newResults } from '../../../src/results/model.ts';
import { sweepChoices } from '../../../src/results/stats.ts';
import { merge, request, TINY, train } from './helpers.ts';

function sweepResults() {
  const requests = [0, 0.01, 1].flatMap((l2) =>
    [1, 2].map((seed, repeat) => ({ ...request(merge(TINY, { regularization: { l2 } }), `l2@${l2}#${repeat}`, seed), variant: 'net', sweepValue: l2, repeat })),
  );
  const results = newResults({ file: 'dir/sweep.reglab.json', title: 'Sweep, "quoted"', sweepOver: 'regularization.l2' }, requests);
  for (const r of requests) for (const event of train(r).events) applyEvent(results, event);
  return finishResults(results);
}

describe('results', () => {
  const results = sweepResults();

  it('collect every run\'s curves and summary, and the sweep\'s mean and spread over repeats', () => {
    assert.ok(results.runs.every((r) => r.status === 'finished' && r.metrics.length === 50 && r.summary !== undefined));
    assert.deepEqual(results.sweep.map((p) => [p.value, p.repeats]), [[0, 2], [0.01, 2], [1, 2]]);
    const at1 = results.sweep[2]!;
    const finals = results.runs.filter((r) => r.sweepValue === 1).map((r) => r.summary!.final.testLoss);
    assert.equal(at1.testLoss.mean, (finals[0]! + finals[1]!) / 2);
    assert.ok(at1.testLoss.std > 0);
    const choice = sweepChoices(results.sweep, results.runs).get('net')!;
    assert.equal(choice.final, true);
    const best = choice.point;
    assert.equal(best.testLoss.mean, Math.min(...results.sweep.map((p) => p.testLoss.mean)));
  });

  it('are saved atomically under <dir>/<experiment>/ and read back unchanged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reglab-results-'));
    const path = saveResults(dir, results);
    assert.match(path, /sweep\/.*\.json$/);
    const json = path.split('/').at(-1)!;
    assert.deepEqual(readdirSync(join(dir, 'sweep')).sort(), [json.replace(/\.json$/, '.csv'), json]); // the pair, no temporary file left
    assert.deepEqual(readResults(path), JSON.parse(JSON.stringify(results)));
    assert.deepEqual(listResults(dir).map((r) => r.path), [path]);
    assert.deepEqual(listResults(join(dir, 'nothing-here')), []);
  });

  it('export their curves as CSV, one row per run and epoch', () => {
    const lines = curvesCsv(results).trim().split('\n');
    assert.equal(lines[0], 'run,variant,sweepValue,repeat,seed,epoch,step,trainLoss,trainDataLoss,trainPenalty,testLoss,trainAccuracy,testAccuracy,weightNorm,weightL1,sparsity,validationLoss,trainEvalLoss');
    assert.equal(lines.length, 1 + 6 * 50);
    assert.match(lines[1]!, /^l2@0#0,net,0,0,1,1,1,/);
    assert.ok(lines.slice(1).every((line) => line.endsWith(',')), 'no eval-mode train loss without training.evalTrain');
  });

  it('with training.evalTrain, the CSV has both train losses: the batch mean (trainDataLoss) and the eval-mode full-set one (trainEvalLoss)', () => {
    const r = request(merge(TINY, { training: { evalTrain: true } }), 'both', 1);
    const results = newResults({ file: 'dir/both.reglab.json', title: 'Both' }, [r]);
    for (const event of train(r).events) applyEvent(results, event);
    const [header, ...rows] = curvesCsv(finishResults(results)).trim().split('\n');
    const columns = header!.split(',');
    const metrics = results.runs[0]!.metrics;
    assert.equal(rows.length, metrics.length);
    rows.forEach((row, i) => {
      const cells = row.split(',');
      assert.equal(Number(cells[columns.indexOf('trainDataLoss')]), metrics[i]!.trainDataLoss);
      assert.equal(Number(cells[columns.indexOf('trainEvalLoss')]), metrics[i]!.trainEvalLoss);
      assert.ok(Number.isFinite(metrics[i]!.trainEvalLoss));
    });
  });
});
