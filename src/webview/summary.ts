// Words about the runs, for the legend and the status line: per variant its colour, how far
// it got, and the runs that diverged or failed with their message. Pure.
import { countRuns, countsText } from '../results/counts.ts';
import type { ExperimentResults, RunRecord, RunStatus } from '../results/model.ts';
import { displayName, variantNames } from '../report/charts/palette.ts';
import { overridesText } from '../report/charts/labels.ts';
import { formatNumber, formatPercent } from '../report/charts/format.ts';

export interface VariantSummary {
  variant: string;
  name: string;
  color: string;
  runs: number;
  counts: Partial<Record<RunStatus, number>>;
  /** For a variant with one run: where it is or how it ended, in a few words. */
  detail: string;
  /** The variant's description from the file, when it has one. */
  description?: string;
  problems: Problem[];
}

export interface Problem {
  status: 'diverged' | 'failed';
  run: string;
  text: string;
}

/** Variant → colour: the palette in the order the report's legend uses. */
export function variantPalette(results: Pick<ExperimentResults, 'runs' | 'sweep'>, palette: readonly string[]): Map<string, string> {
  return new Map(variantNames(results).map((name, i) => [name, palette[i % palette.length]!]));
}

export function summarize(results: ExperimentResults, palette: readonly string[]): VariantSummary[] {
  const colors = variantPalette(results, palette);
  return variantNames(results).map((variant) => {
    const runs = results.runs.filter((r) => r.variant === variant);
    const counts: Partial<Record<RunStatus, number>> = {};
    for (const r of runs) counts[r.status] = (counts[r.status] ?? 0) + 1;
    const problems: Problem[] = runs.filter((r) => r.status === 'diverged' || r.status === 'failed').map((r) => ({ status: r.status as Problem['status'], run: r.id, text: problemText(r) }));
    const description = results.variantDescriptions?.[variant];
    // A variant retrained in the playground says with which values, as its curves do.
    const played = overridesText(runs.find((r) => r.sweepValue === undefined && r.overrides !== undefined)?.overrides);
    return { variant, name: played === '' ? displayName(variant) : `${displayName(variant)} · ${played}`, color: colors.get(variant)!, runs: runs.length, counts, detail: detail(runs), ...(description === undefined ? {} : { description }), problems };
  });
}

/** The variant's own run in a few words; with a sweep, all its runs counted as the header counts them. */
function detail(runs: readonly RunRecord[]): string {
  if (runs.length === 1) return runDetail(runs[0]!);
  const own = runs.find((r) => r.sweepValue === undefined && r.repeat === 0);
  const counted = countsText(countRuns(runs));
  return own === undefined ? counted : `${runDetail(own)} · ${counted}`;
}

export function runDetail(run: RunRecord): string {
  const last = run.metrics[run.metrics.length - 1];
  switch (run.status) {
    case 'queued':
      return 'queued';
    case 'running':
      return last === undefined ? 'starting' : `epoch ${last.epoch} · test loss ${formatNumber(last.testLoss, 3)}`;
    case 'finished': {
      const f = run.summary?.final ?? last;
      if (f === undefined) return 'finished';
      const accuracy = f.testAccuracy === undefined ? '' : ` · accuracy ${formatPercent(f.testAccuracy)}`;
      return `test loss ${formatNumber(f.testLoss, 3)}${accuracy}`;
    }
    case 'diverged':
      return `diverged${run.epoch === undefined ? '' : ` at epoch ${run.epoch}`}`;
    case 'failed':
      return 'failed';
    case 'cancelled':
      return last === undefined ? 'stopped' : `stopped at epoch ${last.epoch}`;
  }
}

function problemText(run: RunRecord): string {
  const where = run.sweepValue === undefined ? '' : ` (${formatNumber(run.sweepValue)}, repeat ${run.repeat + 1})`;
  const name = `${displayName(run.variant)}${where}`;
  if (run.status === 'diverged') return `${name} diverged${run.epoch === undefined ? '' : ` at epoch ${run.epoch}`}: ${run.message ?? 'a loss became NaN or infinite'}`;
  const path = run.path === undefined || run.path.length === 0 ? '' : ` (at ${run.path.join('.')})`;
  return `${name} failed: ${run.message ?? 'unknown error'}${path}`;
}

/** The header's count of the runs, in the words the status bar, the report and the CLI use. */
export function progressText(results: ExperimentResults | null): string {
  return results === null || results.runs.length === 0 ? '' : countsText(countRuns(results.runs));
}
