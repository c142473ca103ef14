// Training sessions on the worker pool: the runs of an experiment (or of the playground)
// go to worker threads, never the extension host's own thread, so the editor stays
// responsive during a long sweep; by default they leave the editor a core and run below its
// priority (workerCount.ts, priority.ts). One session at a time: a new one stops the one before
// (the pool cancels within 100 ms). Each run's end is logged; an experiment's results are
// saved under the results folder, as the CLI saves them.
import * as vscode from 'vscode';
import { saveResults } from '../experiment/results-io.ts';
import { applyEvent, finishResults, newResults, stopEvents, type ExperimentResults, type RunRecord } from '../results/model.ts';
import { resultsHeader } from '../experiment/session.ts';
import type { Experiment } from '../experiment/schema/experiment.ts';
import type { RunEvent, RunOutcome } from '../protocol.ts';
import type { RunRequest } from '../experiment/request.ts';
import type { Knob } from '../webview/contract.ts';
import type { TrainingPool } from '../worker/trainingPool.ts';
import { editorWorkerCount } from '../worker/workerCount.ts';
import { Disposable, toDisposable } from './disposable.ts';
import { trace, type Log } from './log.ts';
import { runLine, sessionEndLine, sessionStartLine } from './runLog.ts';
import { resultsDir } from './settings.ts';
import type { SettingsService } from './settingsService.ts';

export type SessionKind = 'experiment' | 'playground';

/** How long after activation the workers start (activation and the window come first). */
const WARM_UP_DELAY_MS = 3000;

export interface SessionOptions {
  kind: SessionKind;
  uri: vscode.Uri;
  /** The file as results name it (workspace-relative). */
  file: string;
  experiment: Experiment;
  requests: RunRequest[];
  workspaceRoot: string | undefined;
  /** Results already shown whose other runs stay on screen (the playground retrains only some). */
  previous?: ExperimentResults;
  /** The playground's knobs for this experiment (the panel shows them). */
  knobs?: Knob[];
}

export interface Session {
  readonly id: number;
  readonly kind: SessionKind;
  readonly uri: vscode.Uri;
  readonly title: string;
  readonly requests: readonly RunRequest[];
  /** What the panel shows: the session's runs, among the previous results' other runs. */
  readonly display: ExperimentResults;
  readonly startedAt: number;
  readonly knobs?: Knob[];
  /** Set at Stop: every run not yet ended was marked stopped in `display` at that moment. */
  stopped: boolean;
  /** Resolves when every run ended, with `display` finished. */
  readonly done: Promise<SessionEnd>;
  cancel(): void;
}

export interface SessionEnd {
  session: Session;
  results: ExperimentResults;
  savedTo?: string;
}

export class Training extends Disposable {
  private pool: TrainingPool | undefined;
  private poolWorkers = 0;
  private current: Session | undefined;
  /** Each open session's own record of its runs, which its events are folded into. */
  private readonly folders = new Map<Session, { live: ExperimentResults; byId: Map<string, RunRequest> }>();
  private nextId = 1;
  /** When Stop reached the host, per stopped session (for the log line saying how long stopping took). */
  private readonly stopRequested = new WeakMap<Session, number>();
  private readonly started = this.register(new vscode.EventEmitter<Session>());
  private readonly ended = this.register(new vscode.EventEmitter<SessionEnd>());
  private readonly evented = this.register(new vscode.EventEmitter<{ session: Session; event: RunEvent }>());
  readonly onDidStart = this.started.event;
  readonly onDidEnd = this.ended.event;
  readonly onDidEvent = this.evented.event;

  constructor(
    /** A pool of `workers` workers (trainingPools.ts: worker threads on desktop, Web Workers on the web). */
    private readonly createPool: (workers: number, flushMs: number) => TrainingPool,
    private readonly settings: SettingsService,
    private readonly log: Log,
    /** The pool's workers train in idle time (trainingPools.ts): the default is then one per core. */
    private readonly idleTime = false,
  ) {
    super();
    this.register(settings.onDidChange(() => this.retirePoolIfIdle()));
    // The workers start a few seconds after activation, not with the first Run: its first
    // chart point then does not wait for them. Restricted Mode trains nothing: no workers.
    const warmUp = setTimeout(() => {
      if (vscode.workspace.isTrusted && this.current === undefined) void this.ensurePool().warm();
    }, WARM_UP_DELAY_MS);
    this.register(toDisposable(() => clearTimeout(warmUp)));
    this.register(toDisposable(() => {
      this.current?.cancel();
      void this.pool?.dispose();
      this.pool = undefined;
    }));
  }

  get running(): Session | undefined {
    return this.current;
  }

  get workerCount(): number {
    const wanted = this.settings.current.workers;
    return wanted > 0 ? wanted : editorWorkerCount(undefined, this.idleTime);
  }

  /** Stops the running session, if any; true when there was one. */
  stop(reason = 'stopped'): boolean {
    const session = this.current;
    if (session === undefined || session.stopped) return false;
    session.stopped = true;
    this.stopRequested.set(session, performance.now());
    this.log.info(`Stopping "${session.title}" (${reason})`);
    // For the e2e tests: the wall clock when the host had the Stop (the log's own time stamps
    // can come tens of ms later than the call).
    trace(`stop received at ${Date.now()}`);
    session.cancel();
    // The runs count as stopped now, in every view, not when each worker has noticed: the
    // same events the workers will send, folded at once (a run's first outcome is final).
    const folder = this.folders.get(session);
    if (folder !== undefined) for (const event of stopEvents(folder.live)) this.record(session, event);
    return true;
  }

  start(options: SessionOptions): Session {
    this.stop(`replaced by a new ${options.kind === 'playground' ? 'playground run' : 'run'}`);
    const pool = this.ensurePool();
    const { experiment, requests } = options;
    const live = newResults(resultsHeader(experiment, options.file, requests), requests);
    const display = compose(live, options.previous);
    const byId = new Map(requests.map((r) => [r.runId, r]));
    let resolveDone!: (end: SessionEnd) => void;
    const done = new Promise<SessionEnd>((r) => (resolveDone = r));

    const session: Session = {
      id: this.nextId++,
      kind: options.kind,
      uri: options.uri,
      title: experiment.title,
      requests,
      display,
      startedAt: Date.now(),
      ...(options.knobs === undefined ? {} : { knobs: options.knobs }),
      stopped: false,
      done,
      cancel: () => batch.cancel(),
    };
    this.log.info(sessionStartLine(experiment.title, options.file, requests, Math.min(this.workerCount, requests.length), options.kind === 'playground'));
    trace(`session started: ${options.kind} "${experiment.title}", ${requests.length} runs`);

    this.folders.set(session, { live, byId });
    const batch = pool.run(requests, (event) => this.record(session, event));
    this.current = session;
    void vscode.commands.executeCommand('setContext', 'reglab.running', true);
    this.started.fire(session);

    void batch.done.then(async () => {
      this.folders.delete(session);
      const stopAt = this.stopRequested.get(session);
      if (stopAt !== undefined) this.log.info(`Every run of "${experiment.title}" stopped ${Math.round(performance.now() - stopAt)} ms after Stop`);
      finishResults(live);
      display.finishedAt = live.finishedAt!;
      if (options.previous === undefined) display.sweep = live.sweep;
      const end: SessionEnd = { session, results: display };
      const notStarted = live.runs.filter((r) => r.status === 'cancelled' && r.metrics.length === 0).length;
      if (notStarted > 0) this.log.info(`${notStarted} queued run${notStarted === 1 ? '' : 's'} of "${experiment.title}" did not start`);
      if (options.kind === 'experiment' && options.workspaceRoot !== undefined && live.runs.some((r) => r.metrics.length > 0)) {
        try {
          const dir = resultsDir(options.workspaceRoot, this.settings.current);
          const saved = await saveResults(dir, live, options.workspaceRoot);
          end.savedTo = saved;
        } catch (error) {
          this.log.error(`Could not save the results: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      this.log.line(sessionEndLine(live, Date.now() - session.startedAt, end.savedTo === undefined ? undefined : vscode.workspace.asRelativePath(end.savedTo, false)));
      trace(`session finished: ${options.kind} "${experiment.title}", ${live.runs.map((r) => r.status).join(',')}`);
      if (this.current === session) {
        this.current = undefined;
        void vscode.commands.executeCommand('setContext', 'reglab.running', false);
      }
      this.retirePoolIfIdle();
      this.ended.fire(end);
      resolveDone(end);
    }).catch((error: unknown) => this.log.error(`Session "${experiment.title}" ended badly: ${error instanceof Error ? error.stack ?? error.message : String(error)}`));
    return session;
  }

  /** Folds one event of a session's run into its results, logs an outcome, and passes the event on. */
  private record(session: Session, event: RunEvent): void {
    const folder = this.folders.get(session);
    if (folder === undefined) return;
    const record = applyEvent(folder.live, event);
    if (record === undefined) return;
    if (isOutcome(event)) {
      const request = folder.byId.get(event.runId);
      if (request !== undefined) {
        const line = runLine(request, event, record);
        if (line !== undefined) this.log.line(line);
      }
    }
    this.evented.fire({ session, event });
  }

  private ensurePool(): TrainingPool {
    const workers = this.workerCount;
    if (this.pool !== undefined && this.poolWorkers === workers) return this.pool;
    void this.pool?.dispose();
    this.pool = this.createPool(workers, Math.min(200, this.settings.current.chartUpdateRate));
    this.poolWorkers = workers;
    return this.pool;
  }

  /** A changed worker count takes effect with the next session; idle workers go now. */
  private retirePoolIfIdle(): void {
    if (this.current !== undefined || this.pool === undefined || this.poolWorkers === this.workerCount) return;
    void this.pool.dispose();
    this.pool = undefined;
  }
}

const isOutcome = (e: RunEvent): e is RunOutcome => e.type === 'finished' || e.type === 'diverged' || e.type === 'cancelled' || e.type === 'failed';

/** The session's runs in place of the previous results' runs of the same id, the others kept. */
function compose(live: ExperimentResults, previous: ExperimentResults | undefined): ExperimentResults {
  if (previous === undefined || previous.file !== live.file) return live;
  const fresh = new Map<string, RunRecord>(live.runs.map((r) => [r.id, r]));
  const runs = previous.runs.map((r) => fresh.get(r.id) ?? r);
  for (const r of live.runs) if (!previous.runs.some((p) => p.id === r.id)) runs.push(r);
  const display: ExperimentResults = { ...previous, startedAt: live.startedAt, runs, sweep: previous.sweep };
  delete display.finishedAt;
  return display;
}
