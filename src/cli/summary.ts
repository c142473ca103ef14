// The summary table printed at the end of `reglab run`: per variant its final losses,
// weight norm, sparsity and accuracy; per sweep the best value of the swept field.
import { bestSweepValues, type ExperimentResults, type RunRecord } from '../experiment/results.ts';
import { fmt } from './progress.ts';

export function summaryTable(results: ExperimentResults): string {
  const variantRuns = results.runs.filter((r) => r.sweepValue === undefined);
  const classifier = results.runs.some((r) => r.summary?.final.testAccuracy !== undefined);
  const header = ['variant', 'train loss', 'test loss', '‖w‖₂', 'near-0 w', 'zero w', ...(classifier ? ['test acc'] : []), 'status'];
  const rows = variantRuns.map((run) => row(run, classifier));
  const lines = [`${results.title}  (${results.file})`, ...table([header, ...rows]).map((l) => `  ${l}`)];
  if (results.sweep.length > 0) {
    lines.push(`  sweep over ${results.sweepOver}:`);
    for (const [variant, best] of bestSweepValues(results.sweep)) {
      lines.push(`    ${variant}: best ${best.value} (mean test loss ${fmt(best.testLoss.mean)} ± ${fmt(best.testLoss.std)} over ${best.repeats} seeds)`);
    }
  }
  for (const run of results.runs) {
    if (run.status === 'diverged') lines.push(`  ${run.id} diverged at epoch ${run.epoch}: ${run.message}`);
    if (run.status === 'failed') lines.push(`  ${run.id} failed: ${run.message}`);
  }
  return lines.join('\n');
}

function row(run: RunRecord, classifier: boolean): string[] {
  const s = run.summary;
  const f = s?.final;
  const zeros = s ? `${s.histogram.exactZeros}/${s.histogram.total}` : '–';
  return [
    run.variant,
    fmt(f?.trainLoss),
    fmt(f?.testLoss),
    fmt(f?.weightNorm),
    f ? `${(f.sparsity * 100).toFixed(1)}%` : '–',
    zeros,
    ...(classifier ? [f?.testAccuracy === undefined ? '–' : `${(f.testAccuracy * 100).toFixed(1)}%`] : []),
    run.status,
  ];
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
}
