// Progress while runs train: on a terminal, a live bar per running run and a total line,
// redrawn in place at most ten times a second; elsewhere (CI logs, pipes), one plain line
// when a run starts and one when it ends.
import type { RunEvent } from '../protocol.ts';
import { countRuns, countsText } from '../results/counts.ts';
import type { ExperimentResults, RunRecord } from '../results/model.ts';
import { terminalLine } from './terminalText.ts';

export interface Progress {
  update(event: RunEvent, results: ExperimentResults): void;
  done(): void;
}

export function createProgress(stream: NodeJS.WriteStream, epochsOf: (run: RunRecord) => number): Progress {
  return stream.isTTY ? new LiveBars(stream, epochsOf) : new PlainLines(stream);
}

class PlainLines implements Progress {
  constructor(private readonly out: NodeJS.WriteStream) {}

  update(event: RunEvent, results: ExperimentResults): void {
    const run = results.runs.find((r) => r.id === event.runId);
    if (run === undefined) return;
    const name = terminalLine(`${results.title} › ${run.id}`);
    if (event.type === 'started') this.out.write(`started   ${name}\n`);
    else if (event.type === 'finished') {
      const f = event.summary.final;
      const penalty = f.trainPenalty > 0 ? `, penalty ${fmt(f.trainPenalty)}` : '';
      const evalTrain = f.trainEvalLoss === undefined ? '' : `, train (eval mode, full set) ${fmt(f.trainEvalLoss)}`;
      this.out.write(
        `finished  ${name}: train (batch mean, train mode) ${fmt(f.trainDataLoss)}${evalTrain}${penalty}, test ${fmt(f.testLoss)} (${(event.summary.milliseconds / 1000).toFixed(1)} s)\n`,
      );
    } else if (event.type === 'diverged') this.out.write(`DIVERGED  ${name} at epoch ${event.epoch}: ${terminalLine(event.cause)}\n`);
    else if (event.type === 'failed') this.out.write(`FAILED    ${name}: ${terminalLine(event.message)}\n`);
  }

  done(): void {}
}

class LiveBars implements Progress {
  private lines = 0;
  private last = 0;
  private results: ExperimentResults | null = null;

  constructor(private readonly out: NodeJS.WriteStream, private readonly epochsOf: (run: RunRecord) => number) {}

  update(event: RunEvent, results: ExperimentResults): void {
    this.results = results;
    const final = event.type === 'finished' || event.type === 'diverged' || event.type === 'failed';
    if (final || Date.now() - this.last > 100) this.draw();
  }

  done(): void {
    this.draw();
    this.lines = 0;
  }

  private draw(): void {
    const results = this.results;
    if (results === null) return;
    this.last = Date.now();
    const width = Math.max(10, Math.min(30, (this.out.columns ?? 80) - 60));
    const active = results.runs.filter((r) => r.status === 'running');
    const rows = active.slice(0, 8).map((run) => {
      const epoch = run.metrics.at(-1)?.epoch ?? 0;
      const total = this.epochsOf(run);
      const filled = Math.round((width * epoch) / total);
      const test = run.metrics.at(-1)?.testLoss;
      return `  ${terminalLine(run.id.slice(0, 28)).padEnd(28)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(epoch).padStart(5)}/${total}${test === undefined ? '' : `  test ${fmt(test)}`}`;
    });
    rows.unshift(`${terminalLine(results.title)}: ${countsText(countRuns(results.runs))}`);
    let text = this.lines > 0 ? `\x1b[${this.lines}A` : '';
    text += rows.map((r) => `\x1b[2K${r.slice(0, (this.out.columns ?? 120) - 1)}\n`).join('');
    for (let i = rows.length; i < this.lines; i++) text += '\x1b[2K\n';
    this.out.write(text);
    this.lines = Math.max(rows.length, this.lines);
  }
}

export function fmt(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  if (value === 0) return '0';
  const a = Math.abs(value);
  return a >= 1e4 || a < 1e-3 ? value.toExponential(2) : value.toPrecision(4);
}
