// The one table `npm run bench` prints: per workload and engine, the median wall time,
// min, max, CPU-time median, each engine's median relative to reglab's, the final losses
// (to show that the engines did the same work) and, for W5, the per-step throughput.

import { cpus, platform, arch } from 'node:os';
import type { WorkloadEntry } from './catalog.ts';
import { SPEC_TIMING, summarize } from './harness.ts';
import type { WorkloadResult } from './peer.ts';
import { W5 } from './workloads.ts';

/** The peer every ratio is relative to. */
export const BASELINE = 'reglab';

export interface Outcome {
  readonly workload: WorkloadEntry;
  readonly peer: string;
  readonly result?: WorkloadResult;
  readonly error?: string;
}

export interface ReportInput {
  readonly workloads: readonly WorkloadEntry[];
  readonly outcomes: readonly Outcome[];
  readonly engines: readonly { name: string; description: string }[];
  readonly skipped: readonly { name: string; reason: string }[];
  readonly warmupRuns: number;
  readonly timedRuns: number;
  readonly gcExposed: boolean;
  /** 1-minute load averages when the run started and ended. */
  readonly load: { readonly start: number; readonly end: number };
}

const HEADER = ['workload', 'engine', 'median ms', 'min ms', 'max ms', 'CPU med ms', `peer/${BASELINE}`, 'final loss', 'ms/step', 'steps/s', 'GFLOP/s'];
const RIGHT_ALIGNED = new Set([2, 3, 4, 5, 6, 8, 9, 10]);

export function renderReport(input: ReportInput): string {
  const notes: string[] = [];
  const rows = input.workloads.flatMap((w) => rowsOf(w, input.outcomes.filter((o) => o.workload.id === w.id), notes));
  const lines = [
    '# Reglab benchmark: workloads W1–W5 (../shared/bench/workloads.md)',
    '',
    `Machine: ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} logical cores), ${platform()} ${arch()}, node ${process.version}.`,
    `Timing: ${input.warmupRuns} warm-up + ${input.timedRuns} timed run(s) per workload and engine, each from scratch; ` +
      `only the training loop is timed; gc() between runs: ${input.gcExposed ? 'yes' : 'NO (run node with --expose-gc)'}.`,
    loadLine(input.load),
    ...(input.warmupRuns === SPEC_TIMING.warmupRuns && input.timedRuns === SPEC_TIMING.timedRuns
      ? []
      : [`**Not the spec's ${SPEC_TIMING.warmupRuns} + ${SPEC_TIMING.timedRuns} runs: indicative numbers only.**`]),
    `peer/${BASELINE} = that engine's median ÷ ${BASELINE}'s median (> 1: ${BASELINE} is faster).`,
    '',
    'Engines (single thread, float32 unless flagged):',
    ...input.engines.map((e) => `- ${e.name}: ${e.description}`),
    ...input.skipped.map((s) => `- ${s.name}: SKIPPED, ${s.reason}`),
    '',
    ...table(rows),
    '',
    'Final loss: ' + input.workloads.map((w) => `${w.id} ${w.lossLabels.join(' / ')}`).join('; ') +
      '. W2 differs between engines by design (random dropout masks).',
    `W5: ms/step = median / ${W5.stepsPerRun}; GFLOP/s counts the ${(W5.flopsPerStep / 1e6).toFixed(1)} MFLOP of matmuls per step.`,
    ...notes.map((n, i) => `[${i + 1}] ${n}`),
  ];
  return lines.join('\n');
}

/** Wall times mean little on a busy machine; say how busy it was. */
function loadLine(load: ReportInput['load']): string {
  const cores = cpus().length;
  const busy = Math.max(load.start, load.end) > cores;
  return `Load average (1 min) at start / end: ${load.start.toFixed(1)} / ${load.end.toFixed(1)}` +
    (busy ? ` on ${cores} cores: **other processes competed for the CPU; wall times are inflated, CPU times less so.**` : '.');
}

function rowsOf(workload: WorkloadEntry, outcomes: readonly Outcome[], notes: string[]): string[][] {
  const baseline = outcomes.find((o) => o.peer === BASELINE && o.result);
  const baselineMedian = baseline?.result ? summarize(baseline.result.runs).medianMs : undefined;
  return outcomes.map((o) => {
    const label = workload.id;
    if (!o.result) {
      notes.push(`${workload.id} ${o.peer} failed: ${o.error ?? 'no result'}`);
      return [label, o.peer, `failed [${notes.length}]`, '', '', '', '', '', '', '', ''];
    }
    const s = summarize(o.result.runs);
    let engine = o.peer;
    if (o.result.dtype && o.result.dtype !== 'float32') engine += ` (${o.result.dtype})`;
    if (o.result.note) {
      notes.push(`${workload.id} ${o.peer}: ${o.result.note}`);
      engine += ` [${notes.length}]`;
    }
    const ratio = baselineMedian === undefined ? '—' : formatRatio(s.medianMs / baselineMedian);
    const perStep = workload.id === 'W5' ? throughput(s.medianMs) : ['', '', ''];
    return [label, engine, ms(s.medianMs), ms(s.minMs), ms(s.maxMs), ms(s.cpuMedianMs), ratio, losses(o.result.losses), ...perStep];
  });
}

function throughput(medianMs: number): string[] {
  const msPerStep = medianMs / W5.stepsPerRun;
  const stepsPerSecond = 1000 / msPerStep;
  const gflops = (W5.flopsPerStep * stepsPerSecond) / 1e9;
  return [msPerStep.toFixed(msPerStep >= 10 ? 1 : 2), stepsPerSecond.toFixed(stepsPerSecond >= 100 ? 0 : 1), gflops.toFixed(2)];
}

function ms(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function formatRatio(r: number): string {
  return r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2);
}

function losses(values: readonly number[]): string {
  return values.map((v) => (Number.isFinite(v) ? v.toPrecision(6) : String(v))).join(' / ');
}

/** A Markdown table with padded columns, readable as plain text too. */
function table(rows: readonly string[][]): string[] {
  const all = [HEADER, ...rows];
  const widths = HEADER.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const line = (r: readonly string[]) =>
    `| ${widths.map((w, c) => (RIGHT_ALIGNED.has(c) ? (r[c] ?? '').padStart(w) : (r[c] ?? '').padEnd(w))).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (RIGHT_ALIGNED.has(c) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(HEADER), rule, ...rows.map(line)];
}
