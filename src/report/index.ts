// The self-contained HTML report, and the chart builders it shares with the panel.
export { renderReport, type ReportOptions } from './render.ts';
export { compactResults, type ReportPayload } from './payload.ts';
