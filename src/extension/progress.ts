// While runs train: a status-bar item (click to open the panel) and, only while the panel is
// not on screen, a progress notification with Cancel. The panel's own header shows progress
// and Stop, and a notification would sit over its charts, so it closes as soon as the panel
// shows. Every count is the results model's sentence (countsText), as the panel prints it.
import * as vscode from 'vscode';
import { countRuns, countsText, isActive, type RunCounts } from '../results/counts.ts';
import { Disposable } from './disposable.ts';
import type { Session, Training } from './training.ts';

/** How often the status bar and the notification re-read the counts. */
const TICK_MS = 250;

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

/** What the progress needs of the panel: whether it is on screen, and what it has been sent. */
export interface PanelView {
  readonly visible: boolean;
  postedCounts(): RunCounts | undefined;
  readonly onDidSendEvents: vscode.Event<void>;
}

export class TrainingProgress extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('reglab.training', vscode.StatusBarAlignment.Left, 10));
  private timer: ReturnType<typeof setInterval> | undefined;
  /** The item's tooltip and text while it shows; undefined while hidden. */
  private shown: string | undefined;

  constructor(
    private readonly training: Training,
    /** While the panel is visible, its header is the progress and the status bar counts what it shows. */
    private readonly panel: PanelView,
  ) {
    super();
    this.item.name = 'Reglab training';
    this.item.command = 'reglab.openPanel';
    this.register(training.onDidStart((session) => this.onStart(session)));
    this.register(training.onDidEvent(() => {
      if (!this.panel.visible) this.refresh();
    }));
    // The page counts the events it was sent: so does the status bar while the page shows.
    this.register(panel.onDidSendEvents(() => this.refresh()));
    this.register(training.onDidEnd(() => this.refresh()));
    this.register({ dispose: () => this.timer !== undefined && clearInterval(this.timer) });
  }

  private onStart(session: Session): void {
    this.refresh();
    if (this.timer === undefined) this.timer = setInterval(() => this.refresh(), TICK_MS);
    if (session.kind !== 'experiment' || this.panel.visible) return;
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Reglab: ${session.title}`, cancellable: true },
      (progress, token) =>
        new Promise<void>((resolve) => {
          let reported = 0;
          const close = () => {
            clearInterval(ticker);
            resolve();
          };
          const update = () => {
            // The panel came up, or Stop settled every run: the notification has nothing more to say.
            if (this.panel.visible || !isActive(countRuns(session.display.runs))) return close();
            const increment = Math.max(0, Math.round(sessionFraction(session) * 100) - reported);
            reported += increment;
            progress.report({ increment, message: countsText(countRuns(session.display.runs)) });
          };
          const ticker = setInterval(update, TICK_MS);
          update();
          token.onCancellationRequested(() => {
            if (this.training.running === session) this.training.stop('cancelled from the notification');
          });
          void session.done.then(close);
        }),
    );
  }

  private refresh(): void {
    const session = this.training.running;
    // What the panel's header shows when it is on screen, else the host's own record.
    const counts = (this.panel.visible ? this.panel.postedCounts() : undefined) ?? countRuns(session?.display.runs ?? []);
    // After Stop the runs are settled at once: the item goes then, not when the workers are done.
    if (session === undefined || !isActive(counts)) {
      if (this.shown !== undefined) this.item.hide();
      this.shown = undefined;
      if (this.timer !== undefined) clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    const text = countsText(counts);
    // A still icon: the counts show the progress. A spinning one (`~spin`) is a CSS animation
    // that makes the window draw a frame 60 times a second for as long as a sweep trains;
    // where VS Code renders without a GPU (virtual machines, remote desktops, this project's
    // e2e machine) those frames cost a core's half and the editor's keystrokes paid for it
    // (p95 120–228 ms while lesson 6's sweep trained, 48 ms with still icons).
    const label = `$(pulse) Reglab: ${session.kind === 'playground' ? 'playground · ' : ''}${text}`;
    const tooltip = `Reglab is training "${session.title}": ${text}. Click to open the panel; "Reglab: Stop" stops it.`;
    // Every property set is a message to the window, which re-renders the status bar: only
    // when the words change (the counts move a few times a second at most), not at every tick.
    if (tooltip + label === this.shown) return;
    this.shown = tooltip + label;
    this.item.text = label;
    this.item.tooltip = tooltip;
    this.item.show();
  }
}
