// The report's stylesheet: light, high contrast, printable.
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1f1f1f; --muted: #5f5f5f; --line: #e3e3e3; --soft: #f6f7f9; --accent: #0b5cad; --bad: #b3261e; --warn: #a34d00; --good: #1e6b34; }
* { box-sizing: border-box; }
html { background: #fff; }
body { margin: 0 auto; max-width: 1180px; padding: 28px 32px 48px; color: var(--ink); background: #fff;
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 21px; margin: 0 0 6px; }
h3 { font-size: 16px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
p { margin: 6px 0; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; background: var(--soft); padding: 1px 4px; border-radius: 3px; }
.muted { color: var(--muted); }
.nowrap { white-space: nowrap; }
.report-header { border-bottom: 2px solid var(--ink); padding-bottom: 12px; margin-bottom: 8px; }
.toc { margin: 12px 0 0; padding-left: 20px; }
.toc a { color: var(--accent); }
.experiment { padding-top: 24px; margin-top: 24px; border-top: 1px solid var(--line); }
.experiment:first-of-type { border-top: 0; margin-top: 0; }
.description { font-size: 15px; max-width: 80ch; }
.meta { color: var(--muted); font-size: 13px; }
.variants { display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 10px 0 0; padding: 0; list-style: none; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
.count-problem { color: var(--warn); font-weight: 600; }
.table-box { overflow-x: auto; }
.table-box.scrolls { box-shadow: inset -14px 0 10px -10px rgba(0, 0, 0, 0.35); }
.scroll-hint { margin: 0 0 4px; color: var(--muted); font-size: 12.5px; text-align: right; }
table.runs { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
table.runs th, table.runs td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
table.runs th { background: var(--soft); font-weight: 600; border-bottom: 1px solid #c9c9c9; white-space: nowrap; }
table.runs td.num, table.runs th.num { text-align: right; white-space: nowrap; }
table.runs td:last-child { min-width: 18em; }
table.runs.compact td, table.runs.compact th { padding: 3px 8px; }
details.sweep-runs { margin-top: 24px; }
details.sweep-runs > summary { cursor: pointer; font-weight: 600; font-size: 15px; margin-bottom: 8px; }
table.runs tr.run-diverged, table.runs tr.run-failed { background: #fdf3f2; }
.status { font-weight: 600; }
.status-finished { color: var(--good); }
.status-diverged, .status-failed { color: var(--bad); }
.status-cancelled, .status-queued, .status-running { color: var(--warn); }
.problem { color: var(--bad); }
.charts { display: grid; gap: 14px; grid-template-columns: repeat(2, minmax(0, 1fr)); }
.charts + .charts { margin-top: 14px; }
.charts.small { grid-template-columns: repeat(auto-fill, minmax(270px, 1fr)); }
figure.chart { margin: 0; padding: 10px 12px 8px; border: 1px solid var(--line); border-radius: 6px; background: #fff; break-inside: avoid; page-break-inside: avoid; }
figure.chart.wide { grid-column: 1 / -1; }
figure.chart[style] { border-top: 3px solid var(--variant); }
.chart-title { font-weight: 600; font-size: 13.5px; margin-bottom: 6px; }
.canvas-box { position: relative; height: 340px; }
figure.small .canvas-box { height: 250px; }
figure.square .canvas-box { height: auto; aspect-ratio: 1 / 1; }
.caption { color: var(--muted); font-size: 12.5px; margin: 6px 0 0; }
.notes { margin: 10px 0 0; padding-left: 20px; }
.note { color: var(--muted); font-style: italic; }
.chart-error { color: var(--bad); }
.noscript { padding: 8px 12px; border: 1px solid var(--warn); color: var(--warn); border-radius: 4px; }
footer { margin-top: 40px; padding-top: 10px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
@media (max-width: 760px) { .charts { grid-template-columns: minmax(0, 1fr); } body { padding: 16px; } }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  .experiment { break-before: page; border-top: 0; }
  .experiment:first-of-type { break-before: auto; }
  h3 { break-after: avoid; }
  .table-box { overflow: visible; box-shadow: none !important; }
  .scroll-hint { display: none; }
  table.runs { font-size: 10px; }
  table.runs th { white-space: normal; overflow-wrap: anywhere; }
  table.runs td:last-child { min-width: 12em; }
  table.runs th, table.runs td { padding: 3px 5px; }
  tr { break-inside: avoid; }
  canvas { max-width: 100% !important; height: auto !important; }
  .canvas-box { height: auto !important; aspect-ratio: auto !important; }
  a { color: inherit; text-decoration: none; }
}
`;
