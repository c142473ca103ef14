// The summary tables: one row per run with its final metrics, status and what went wrong.
import { fieldLabel } from './charts/labels.ts';
import type { RunRecord } from '../results/model.ts';
import { displayName } from './charts/palette.ts';
import { formatCount, formatNumber, formatPercent } from './charts/format.ts';
import { escapeHtml } from './html.ts';

interface Column {
  header: string;
  /** Shown only when some run has a value for it. */
  optional?: (runs: readonly RunRecord[]) => boolean;
  numeric?: boolean;
  /** Left out of the compact (sweep) table, so it fits a printed page. */
  detail?: boolean;
  cell(run: RunRecord): string;
}

const final = (run: RunRecord) => run.summary?.final;

/** `compact`: the sweep's table, many rows, notes only where something went wrong. */
export function runTable(runs: readonly RunRecord[], colors: ReadonlyMap<string, string>, sweepOver: string | undefined, compact = false): string {
  const noteOf = (r: RunRecord) => (compact && r.status === 'finished' ? '' : note(r));
  const columns: Column[] = [
    {
      header: 'Variant',
      optional: (rs) => !compact || new Set(rs.map((r) => r.variant)).size > 1,
      cell: (r) => `<span class="nowrap"><span class="swatch" style="background:${colors.get(r.variant) ?? '#777'}"></span>${escapeHtml(displayName(r.variant))}</span>`,
    },
    { header: escapeHtml(sweepOver === undefined ? 'Sweep value' : fieldLabel(sweepOver)), optional: (rs) => rs.some((r) => r.sweepValue !== undefined), numeric: true, cell: (r) => num(r.sweepValue) },
    { header: 'Repeat', optional: (rs) => rs.some((r) => r.sweepValue !== undefined), numeric: true, cell: (r) => String(r.repeat) },
    { header: 'Status', cell: (r) => `<span class="status status-${r.status}">${r.status === 'cancelled' ? 'stopped' : r.status}</span>` },
    { header: 'Train loss (data term, batch mean, train mode)', numeric: true, cell: (r) => num(final(r)?.trainDataLoss) },
    { header: 'Train loss (eval mode, full set)', optional: (rs) => rs.some((r) => final(r)?.trainEvalLoss !== undefined), numeric: true, cell: (r) => num(final(r)?.trainEvalLoss) },
    { header: 'Penalty', optional: (rs) => rs.some((r) => (final(r)?.trainPenalty ?? 0) > 0), numeric: true, cell: (r) => num(final(r)?.trainPenalty) },
    { header: 'Test loss', numeric: true, cell: (r) => num(final(r)?.testLoss) },
    { header: 'Best test loss', numeric: true, detail: true, cell: (r) => (r.summary === undefined ? '—' : `${num(r.summary.bestTestLoss)} <span class="muted">@${r.summary.bestEpoch}</span>`) },
    { header: 'Test accuracy', optional: (rs) => rs.some((r) => final(r)?.testAccuracy !== undefined), numeric: true, cell: (r) => formatPercent(final(r)?.testAccuracy) },
    { header: '‖w‖₂', numeric: true, cell: (r) => num(final(r)?.weightNorm) },
    { header: '|w| &lt; 1e-3', numeric: true, cell: (r) => formatPercent(final(r)?.sparsity) },
    { header: 'Exact zeros', numeric: true, detail: true, cell: (r) => (r.summary === undefined ? '—' : formatCount(r.summary.histogram.exactZeros)) },
    { header: 'Epochs', numeric: true, detail: true, cell: (r) => epochs(r) },
    { header: 'Note', optional: (rs) => rs.some((r) => noteOf(r) !== ''), cell: noteOf },
  ];
  const shown = columns.filter((c) => !(compact && c.detail) && (c.optional === undefined || c.optional(runs)));
  const head = shown.map((c) => `<th${c.numeric ? ' class="num"' : ''}>${c.header}</th>`).join('');
  const rows = runs
    .map((run) => `<tr class="run run-${run.status}" data-run="${escapeHtml(run.id)}">${shown.map((c) => `<td${c.numeric ? ' class="num"' : ''}>${c.cell(run)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<div class="table-box"><table class="runs${compact ? ' compact' : ''}">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody></table></div>`;
}

function num(value: number | undefined): string {
  return value === undefined ? '—' : formatNumber(value);
}

function epochs(run: RunRecord): string {
  const last = final(run)?.epoch ?? run.metrics[run.metrics.length - 1]?.epoch;
  if (last === undefined) return '—';
  return run.summary?.stoppedEarly ? `${last} <span class="muted">(stopped early)</span>` : String(last);
}

function note(run: RunRecord): string {
  switch (run.status) {
    case 'diverged':
      return `<span class="problem">Diverged${run.epoch === undefined ? '' : ` at epoch ${run.epoch}`}${run.message ? `: ${escapeHtml(run.message)}` : ''}</span>`;
    case 'failed':
      return `<span class="problem">${escapeHtml(run.message ?? 'Failed')}${run.path && run.path.length > 0 ? ` <span class="muted">(at <code>${escapeHtml(run.path.join('.'))}</code>)</span>` : ''}</span>`;
    case 'cancelled':
      return '<span class="muted">Cancelled before it finished.</span>';
    case 'queued':
    case 'running':
      return '<span class="muted">Not finished when the report was written.</span>';
    case 'finished':
      return run.summary === undefined ? '' : `<span class="muted">${formatCount(run.summary.parameterCount)} parameters · ${seconds(run.summary.milliseconds)}</span>`;
  }
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${formatNumber(ms / 1000, 3)} s`;
}
