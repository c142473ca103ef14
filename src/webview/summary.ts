// Words about the runs, for the legend and the status line: per variant its colour, how far
// it got, and the runs that diverged or failed with their message. Pure.
import type { ExperimentResults, RunRecord, RunStatus } from '../experiment/results.ts';
import { displayName, variantNames } from '../report/charts/palette.ts';
import { formatNumber, formatPercent } from '../report/charts/format.ts';

export interface VariantSummary {
  variant: string;
  name: string;
  color: string;
  runs: number;
  counts: Partial<Record<RunStatus, number>>;
  /** For a variant with one run: where it is or how it ended, in a few words. */
  detail: string;
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
    return { variant, name: displayName(variant), color: colors.get(variant)!, runs: runs.length, counts, detail: detail(runs, counts), problems };
  });
}

/** The variant's own run in a few words, then its sweep runs counted. */
function detail(runs: readonly RunRecord[], counts: Partial<Record<RunStatus, number>>): string {
  if (runs.length === 1) return runDetail(runs[0]!);
  const own = runs.filter((r) => r.sweepValue === undefined && r.repeat === 0);
  const sweep = runs.length - own.length;
  const done = (counts.finished ?? 0) + (counts.diverged ?? 0) + (counts.failed ?? 0) + (counts.cancelled ?? 0);
  const parts = [own.length === 1 ? `${runDetail(own[0]!)} · sweep: ${done - (isDone(own[0]!) ? 1 : 0)} of ${sweep} runs done` : `${done} of ${runs.length} runs done`];
  if (counts.diverged) parts.push(`${counts.diverged} diverged`);
  if (counts.failed) parts.push(`${counts.failed} failed`);
  if (counts.cancelled) parts.push(`${counts.cancelled} stopped`);
  return parts.join(', ');
}

function isDone(run: RunRecord): boolean {
  return run.status !== 'queued' && run.status !== 'running';
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

/** The status line: "Training: 3 of 10 runs done" or the results' title and time. */
export function progressText(results: ExperimentResults | null, training: boolean): string {
  if (results === null) return '';
  const total = results.runs.length;
  const done = results.runs.filter((r) => r.status !== 'queued' && r.status !== 'running').length;
  if (training) return `Training: ${done} of ${total} run${total === 1 ? '' : 's'} done`;
  const broken = results.runs.filter((r) => r.status === 'diverged' || r.status === 'failed').length;
  const stopped = results.runs.filter((r) => r.status === 'cancelled').length;
  const parts = [`${total} run${total === 1 ? '' : 's'}`];
  if (broken > 0) parts.push(`${broken} diverged or failed`);
  if (stopped > 0) parts.push(`${stopped} stopped`);
  return parts.join(' · ');
}
