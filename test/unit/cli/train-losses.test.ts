// The two train losses, named in the text views of a run (issue 14): the CLI's summary table
// and its progress lines, and the report's run table, say "batch mean, train mode" for the
// train loss always reported and "eval mode, full set" for training.evalTrain's, with that
// column only where it was measured. (The charts' legend and caption: report/charts.test.ts;
// the CSV: runner/results.test.ts; the exported script: export/scripts.test.ts.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Writable } from 'node:stream';
import { createProgress, fmt } from '../../../src/cli/progress.ts';
import { summaryTable } from '../../../src/cli/summary.ts';
import { runTable } from '../../../src/report/tables.ts';
import { applyEvent, finishResults, newResults, type ExperimentResults } from '../../../src/results/model.ts';
import { merge, request, TINY, train } from '../runner/helpers.ts';

const EVAL_HEADER = 'train (eval mode, full set)';

/** One trained run of the tiny regression, with or without training.evalTrain, and the progress lines it printed. */
function trained(evalTrain: boolean): { results: ExperimentResults; progress: string } {
  const r = request(merge(TINY, { training: { evalTrain } }), 'net', 1);
  const results = newResults({ file: 'net.reglab.json', title: 'Net' }, [r]);
  let progress = '';
  const stream = { isTTY: false, write: (text: string) => ((progress += text), true) } as unknown as Writable & NodeJS.WriteStream;
  const lines = createProgress(stream, () => 50);
  for (const event of train(r).events) {
    applyEvent(results, event);
    lines.update(event, results);
  }
  return { results: finishResults(results), progress };
}

describe('the two train losses, named', () => {
  const both = trained(true);
  const one = trained(false);
  const final = both.results.runs[0]!.summary!.final;

  it('with evalTrain the eval-mode full-set loss is measured, and differs from the batch mean', () => {
    assert.ok(Number.isFinite(final.trainEvalLoss));
    assert.notEqual(final.trainEvalLoss, final.trainDataLoss);
    assert.equal(one.results.runs[0]!.summary!.final.trainEvalLoss, undefined);
  });

  it('the CLI summary table: a column for each, named, with its value; without evalTrain only the batch mean', () => {
    const [, header, row] = summaryTable(both.results).split('\n');
    assert.match(header!, /variant +train \(batch mean, train mode\) +train \(eval mode, full set\) +penalty +test loss/);
    const cells = row!.trim().split(/ {2,}/);
    assert.deepEqual(cells.slice(0, 3), ['net', fmt(final.trainDataLoss), fmt(final.trainEvalLoss)]);
    const plain = summaryTable(one.results);
    assert.match(plain, /train \(batch mean, train mode\)/);
    assert.ok(!plain.includes(EVAL_HEADER));
  });

  it('the CLI progress line of a finished run names both', () => {
    assert.match(both.progress, new RegExp(`finished  Net › net: train \\(batch mean, train mode\\) ${fmt(final.trainDataLoss)}, train \\(eval mode, full set\\) ${fmt(final.trainEvalLoss)}, test `));
    assert.match(one.progress, /finished  Net › net: train \(batch mean, train mode\) \S+, test /);
    assert.ok(!one.progress.includes(EVAL_HEADER));
  });

  it('the report\'s run table: a column for each, named; the eval-mode one only where measured', () => {
    const colors = new Map([['net', '#123456']]);
    const html = runTable(both.results.runs, colors, undefined);
    assert.ok(html.includes('Train loss (data term, batch mean, train mode)'));
    assert.ok(html.includes('Train loss (eval mode, full set)'));
    const plain = runTable(one.results.runs, colors, undefined);
    assert.ok(plain.includes('Train loss (data term, batch mean, train mode)'));
    assert.ok(!plain.includes('eval mode, full set'));
  });
});
