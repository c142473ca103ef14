// While an experiment trains: a progress notification with a Cancel button ("12 of 35 runs")
// and a status-bar item (click to open the panel). Playground sessions only get the item.
import * as vscode from 'vscode';
import type { ExperimentResults } from '../experiment/results.ts';
import { Disposable } from './disposable.ts';
import type { Session, Training } from './training.ts';

/** The share of the session's work done: epochs trained over epochs asked, across its runs. */
export function sessionFraction(session: Session): number {
  let done = 0;
  let total = 0;
  const runs = new Map(session.display.runs.map((r) => [r.id, r]));
  for (const request of session.requests) {
    const epochs = request.config.training.epochs;
    const run = runs.get(request.runId);
    total += epochs;
    if (run === undefined) continue;
    if (run.status === 'running' || run.status === 'queued') done += Math.min(epochs, run.metrics[run.metrics.length - 1]?.epoch ?? 0);
    else done += epochs;
  }
  return total === 0 ? 1 : done / total;
}

function runningNames(results: ExperimentResults): string {
  const running = results.runs.filter((r) => r.status === 'running');
  if (running.length === 0) return '';
  const first = running[0]!;
  const epoch = first.metrics[first.metrics.length - 1]?.epoch;
  return ` · ${first.variant}${first.sweepValue === undefined ? '' : ` at ${first.sweepValue}`}${epoch === undefined ? '' : `, epoch ${epoch}`}${running.length > 1 ? ` (+${running.length - 1})` : ''}`;
}

export class TrainingProgress extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('reglab.training', vscode.StatusBarAlignment.Left, 10));
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly training: Training) {
    super();
    this.item.name = 'Reglab training';
    this.item.command = 'reglab.openPanel';
    this.register(training.onDidStart((session) => this.onStart(session)));
    this.register(training.onDidEnd(() => this.refresh()));
    this.register({ dispose: () => this.timer !== undefined && clearInterval(this.timer) });
  }

  private onStart(session: Session): void {
    this.refresh();
    if (this.timer === undefined) this.timer = setInterval(() => this.refresh(), 500);
    if (session.kind !== 'experiment') return;
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Reglab: ${session.title}`, cancellable: true },
      (progress, token) =>
        new Promise<void>((resolve) => {
          let reported = 0;
          const update = () => {
            const fraction = sessionFraction(session);
            const increment = Math.max(0, Math.round(fraction * 100) - reported);
            reported += increment;
            progress.report({ increment, message: `${session.settled} of ${session.requests.length} runs done${runningNames(session.display)}` });
          };
          const ticker = setInterval(update, 500);
          update();
          token.onCancellationRequested(() => {
            if (this.training.running === session) this.training.stop('cancelled from the notification');
          });
          void session.done.then(() => {
            clearInterval(ticker);
            resolve();
          });
        }),
    );
  }

  private refresh(): void {
    const session = this.training.running;
    if (session === undefined) {
      this.item.hide();
      if (this.timer !== undefined) clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    const percent = Math.floor(100 * sessionFraction(session));
    const what = session.kind === 'playground' ? 'playground' : `${session.settled}/${session.requests.length} runs`;
    this.item.text = `$(sync~spin) Reglab ${what} · ${percent} %`;
    this.item.tooltip = `Reglab is training "${session.title}": ${session.settled} of ${session.requests.length} runs done. Click to open the panel; "Reglab: Stop" stops it.`;
    this.item.show();
  }
}
