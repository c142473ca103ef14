// The summary table printed at the end of `reglab run`: per variant its final losses (the
// data term and the penalty apart, as the panel and the report show them; the train loss
// named as the batch mean in train mode, and the eval-mode full-set one when measured), weight norm,
// sparsity and accuracy; the runs counted as every view counts them; per sweep the chosen
// value (λ_min and λ_1se on validation data, else the lowest mean test loss, said so),
// named provisional when not every run finished.
import { fieldLabel } from '../report/charts/labels.ts';
import { countRuns, countsText } from '../results/counts.ts';
import type { ExperimentResults, RunRecord } from '../results/model.ts';
import { chosenValues, heldOutTestNote, type ChosenValue } from '../results/choice.ts';
import { gridStat, sweepGrids, type Grid } from '../results/grid.ts';
import { fmt } from './progress.ts';
import { valueText } from '../results/valueText.ts';

export function summaryTable(results: ExperimentResults): string {
  const variantRuns = results.runs.filter((r) => r.sweepValue === undefined);
  const classifier = results.runs.some((r) => r.summary?.final.testAccuracy !== undefined);
  // Both train losses are the data term: the epoch's batch mean (train mode), and with training.evalTrain the whole set's in eval mode.
  const evalTrain = variantRuns.some((r) => r.summary?.final.trainEvalLoss !== undefined);
  const header = [
    'variant', 'train (batch mean, train mode)', ...(evalTrain ? ['train (eval mode, full set)'] : []), 'penalty', 'test loss', '‖w‖₂', 'near-0 w', 'zero w',
    ...(classifier ? ['test acc'] : []), 'status',
  ];
  const rows = variantRuns.map((run) => row(run, classifier, evalTrain));
  const lines = [`${results.title}  (${results.file}): ${countsText(countRuns(results.runs))}`, ...table([header, ...rows]).map((l) => `  ${l}`)];
  if (results.sweep.length > 0) {
    const field = (path: string | undefined) => (path === undefined ? 'the swept value' : `${fieldLabel(path)} (${path})`);
    const over = results.gridOver === undefined ? field(results.sweepOver) : `${field(results.sweepOver)} × ${field(results.gridOver)}`;
    lines.push(`  sweep over ${over}:`);
    for (const grid of sweepGrids(results.sweep)) lines.push(...gridTable(grid, results));
    const heldOut = heldOutTestNote(results);
    for (const c of chosenValues(results)) {
      const provisional = c.final ? '' : ' (provisional: not every run finished)';
      if (c.on === 'test') {
        lines.push(`    ${c.variant}: lowest mean test loss${provisional} at ${cellText(c.min)}: ${fmt(c.min.testLoss)} ± ${fmt(c.min.testStd)} over ${c.min.runs} seeds — chosen on the test set (no data.validation or data.folds), so this test loss is optimistic`);
        continue;
      }
      lines.push(`    ${c.variant}: chosen on the validation loss${provisional}; the test set only reports the result`);
      lines.push(`      ${c.min.gridValue === undefined ? 'λ_min' : 'chosen cell'} = ${cellText(c.min)}: ${chosenText(c.min)}`);
      if (c.oneSe !== undefined) lines.push(`      λ_1se = ${valueText(c.oneSe.value)}: ${chosenText(c.oneSe)}`);
      if (heldOut !== undefined) lines.push(`      ${heldOut}`);
    }
  }
  for (const run of results.runs) {
    if (run.status === 'diverged') lines.push(`  ${run.id} diverged at epoch ${run.epoch}: ${run.message}`);
    if (run.status === 'failed') lines.push(`  ${run.id} failed: ${run.message}`);
  }
  return lines.join('\n');
}

/** "0.01" for a 1-D sweep's value; "0.01 × 0.5" for a grid's cell (over × grid.over). */
function cellText(v: ChosenValue): string {
  return v.gridValue === undefined ? valueText(v.value) : `${valueText(v.value)} × ${valueText(v.gridValue)}`;
}

/**
 * The grid as a table: rows the values of sweep.over, columns those of sweep.grid.over, cells
 * the mean loss, the chosen one starred and each row's best (Grid.rowBest) dotted, as the heat map marks them.
 */
function gridTable(grid: Grid, results: ExperimentResults): string[] {
  const choice = chosenValues(results).find((c) => c.variant === grid.variant);
  const corner = `${fieldLabel(results.sweepOver ?? '')} ↓ · ${fieldLabel(results.gridOver ?? '')} →`;
  const header = [corner, ...grid.columns.map((v) => valueText(v))];
  const rows = grid.rows.map((row, r) => [
    valueText(row),
    ...grid.columns.map((column, c) => {
      const point = grid.cells[r]![c];
      if (point === undefined) return '–';
      const chosen = choice !== undefined && choice.min.value === row && choice.min.gridValue === column;
      return `${chosen ? '*' : grid.rowBest[r] === c ? '•' : ''}${fmt(gridStat(grid, point).mean)}`;
    }),
  ]);
  return [`    ${grid.variant}: mean final ${grid.on} loss per cell (* the lowest, • the lowest of its row)`, ...table([header, ...rows]).map((l) => `      ${l}`)];
}

function chosenText(v: ChosenValue): string {
  return `validation ${fmt(v.validationLoss)} ± ${fmt(v.validationSE)} (SE over ${v.runs} runs), then test ${fmt(v.testLoss)} ± ${fmt(v.testStd)}`;
}

function row(run: RunRecord, classifier: boolean, evalTrain: boolean): string[] {
  const s = run.summary;
  const f = s?.final;
  const zeros = s ? `${s.histogram.exactZeros}/${s.histogram.total}` : '–';
  return [
    run.variant,
    fmt(f?.trainDataLoss),
    ...(evalTrain ? [fmt(f?.trainEvalLoss)] : []),
    fmt(f?.trainPenalty),
    fmt(f?.testLoss),
    fmt(f?.weightNorm),
    f ? `${(f.sparsity * 100).toFixed(1)}%` : '–',
    zeros,
    ...(classifier ? [f?.testAccuracy === undefined ? '–' : `${(f.testAccuracy * 100).toFixed(1)}%`] : []),
    run.status === 'cancelled' ? 'stopped' : run.status,
  ];
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
}
