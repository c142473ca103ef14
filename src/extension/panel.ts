// The panel host: one Reglab panel at a time (created, revealed, or revived after a restart
// by the serializer), its HTML, and the messages both ways. It follows the training
// session that runs, batching the session's events at reglab.chartUpdateRate, and posts
// nothing before the page says it is ready. Every message from the page is validated
// (parsePageMessage) before anything acts on it.
import * as vscode from 'vscode';
import { readResults } from '../experiment/results-io.ts';
import { PanelAssets } from './panelAssets.ts';
import { pathExists } from './workspaceFs.ts';
import { countRuns, type RunCounts } from '../results/counts.ts';
import { isSettled, statusAfter, type ExperimentResults, type RunStatus } from '../results/model.ts';
import type { RunEvent } from '../protocol.ts';
import { panelHtml, newNonce } from '../webview/html.ts';
import { PANEL_VIEW_TYPE, parsePageMessage, type HostMessage, type Knob, type PageMessage, type PanelState } from '../webview/contract.ts';
import { Disposable, toDisposable } from './disposable.ts';
import { EventBatcher } from './eventBatcher.ts';
import { eventForPanel, resultsForPanel } from './panelPayload.ts';
import { trace, type Log } from './log.ts';
import { emptyPanelState, toPanelState } from './panelState.ts';
import type { SettingsService } from './settingsService.ts';
import type { Session, Training } from './training.ts';

const LAST_RESULTS = 'reglab.lastResults';

/** What the page can ask of the rest of the extension. */
export interface PanelActions {
  playground(values: Extract<PageMessage, { type: 'playground' }>['values']): void;
  saveVariant(name: string, values: Extract<PageMessage, { type: 'saveVariant' }>['values']): void;
  stop(): void;
  exportCsv(): void;
  exportChart(): void;
}

export class PanelHost extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelSubscriptions: vscode.Disposable[] = [];
  private ready = false;
  private readyWaiters: (() => void)[] = [];
  private state: PanelState = emptyPanelState();
  private fileUri: vscode.Uri | undefined;
  private following: Session | undefined;
  /** The followed session's sweep runs: the panel gets only their latest epoch (panelPayload.ts). */
  private sweepRuns: ReadonlySet<string> = new Set();
  /** The followed session's runs whose first metrics were sent. */
  private drawnRuns = new Set<string>();
  private readonly batcher: EventBatcher;
  /** The page's script and styles, written into each new page (panelAssets.ts says why). */
  private readonly assets: PanelAssets;
  private nextRequest = 1;
  private flushQueued = false;
  /** Each followed run's status as the page has it: what was posted, not what the host knows. */
  private readonly postedStatus = new Map<string, RunStatus>();
  private readonly sentEvents = this.register(new vscode.EventEmitter<void>());
  /** A batch of events went to the page (the status bar follows it, so both count alike). */
  readonly onDidSendEvents = this.sentEvents.event;
  private readonly images = new Map<number, { resolve: (dataUrl: string) => void; reject: (error: Error) => void }>();
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** The results or the file shown changed. */
  readonly onDidChange = this.changed.event;
  actions: PanelActions | undefined;
  /** The playground's knobs of an experiment file, for a restored panel whose state has none. */
  knobsFor: ((uri: vscode.Uri) => Promise<Knob[]>) | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    training: Training,
    private readonly settings: SettingsService,
    private readonly log: Log,
    /** The workspace's memento: which saved results the panel showed last. */
    private readonly memento: vscode.Memento,
  ) {
    super();
    this.assets = new PanelAssets(extensionUri);
    this.batcher = new EventBatcher((events) => this.send(events), settings.current.chartUpdateRate);
    this.register(toDisposable(() => this.batcher.dispose()));
    this.register(settings.onDidChange((s) => (this.batcher.intervalMs = s.chartUpdateRate)));
    this.register(this.onDidChange(() => void vscode.commands.executeCommand('setContext', 'reglab.hasResults', this.state.results !== null)));
    this.register(training.onDidStart((session) => this.follow(session)));
    this.register(training.onDidEvent(({ session, event }) => {
      if (session !== this.following) return;
      const sweepRun = this.sweepRuns.has(event.runId);
      // A variant run's first metrics are its first chart point: they go at once.
      const firstPoint = !sweepRun && event.type === 'epochs' && !this.drawnRuns.has(event.runId);
      if (firstPoint) this.drawnRuns.add(event.runId);
      this.batcher.push(sweepRun ? eventForPanel(event, this.sweepRuns) : event, { background: sweepRun, urgent: firstPoint });
      // Stop settles every run at once: the page shows it now, not at the next batch.
      if (event.type === 'cancelled' && !this.flushQueued) {
        this.flushQueued = true;
        queueMicrotask(() => {
          this.flushQueued = false;
          this.batcher.flush();
        });
      }
    }));
    // Typing anywhere holds the panel's batches until it pauses (eventBatcher.ts says why).
    this.register(vscode.workspace.onDidChangeTextDocument((e) => {
      if (this.following !== undefined && e.contentChanges.length > 0 && e.document.uri.scheme !== 'output') this.batcher.typed();
    }));
    this.register(training.onDidEnd(({ session, results, savedTo }) => {
      if (savedTo !== undefined) void this.memento.update(LAST_RESULTS, savedTo);
      if (session !== this.following) return;
      this.following = undefined;
      this.batcher.flush();
      this.state.results = results;
      this.post({ type: 'sessionFinished', results });
      this.changed.fire();
    }));
    this.register(toDisposable(() => {
      this.disposePanelSubscriptions();
      this.panel?.dispose();
      for (const { reject } of this.images.values()) reject(new Error('the panel was closed'));
      this.images.clear();
    }));
  }

  get results(): ExperimentResults | null {
    return this.state.results;
  }

  /** The experiment file whose results are shown. */
  get uri(): vscode.Uri | undefined {
    return this.fileUri;
  }

  /** The tab the page shows. */
  get view(): PanelState['view'] {
    return this.state.view;
  }

  get knobs(): readonly Knob[] {
    return this.state.knobs;
  }

  /**
   * After "Save as variant": the runs the playground trained from `basedOn` (or, in a file
   * without variants, the only variant it trained) were trained with the new variant's
   * values, so they take its name and lose their "(playground)".
   */
  adoptPlaygroundRuns(basedOn: string | undefined, name: string): void {
    const results = this.state.results;
    if (results === null) return;
    const played = results.runs.filter((r) => r.sweepValue === undefined && r.overrides !== undefined);
    const variants = new Set(played.map((r) => r.variant));
    const from = basedOn !== undefined && variants.has(basedOn) ? basedOn : variants.size === 1 ? [...variants][0] : undefined;
    if (from === undefined) return;
    for (const run of played) {
      if (run.variant !== from) continue;
      run.variant = name;
      delete run.overrides;
    }
    this.post({ type: 'load', state: this.state });
    this.changed.fire();
  }

  /** The followed session's runs counted as the page counts them now; undefined when none is followed. */
  postedCounts(): RunCounts | undefined {
    if (this.following === undefined) return undefined;
    return countRuns(this.following.display.runs.map((r) => ({ status: this.postedStatus.get(r.id) ?? r.status })));
  }

  private send(events: RunEvent[]): void {
    for (const event of events) {
      const status = this.postedStatus.get(event.runId);
      if (status !== undefined && isSettled({ status })) continue; // first outcome is final
      const next = statusAfter(event);
      if (next !== undefined) this.postedStatus.set(event.runId, next);
    }
    this.post({ type: 'events', events });
    this.sentEvents.fire();
  }

  /** On screen now (a panel in a background tab is open but not visible). */
  get visible(): boolean {
    return this.panel?.visible === true;
  }

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /**
   * Opens the panel beside the editor, or reveals it. A new page gets `boot` in its HTML and
   * applies it before its first draw (the messages it would otherwise wait for "ready" to get).
   */
  show(preserveFocus = true, boot?: HostMessage[]): void {
    if (this.panel !== undefined) {
      this.panel.reveal(undefined, preserveFocus);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PANEL_VIEW_TYPE,
      this.title(),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus },
      { enableScripts: true, localResourceRoots: this.resourceRoots() },
    );
    this.attach(panel, false, boot);
  }

  /**
   * Takes over a panel VS Code restored after a restart, with the state the page had saved.
   * When that state has no results (VS Code did not get to store it, or it was too large),
   * the results saved last in this workspace are shown instead: still no retraining.
   */
  async revive(panel: vscode.WebviewPanel, saved: unknown): Promise<void> {
    if (this.panel !== undefined && this.panel !== panel) this.panel.dispose();
    let state = toPanelState(saved);
    let from = 'the page\'s state';
    if (state?.results == null) {
      const last = await this.lastSaved();
      if (last !== undefined) state = { ...(state ?? emptyPanelState()), file: last.file, results: last };
      from = 'the results saved last';
    }
    if (state !== undefined && this.following === undefined) {
      this.state = state;
      this.fileUri = resolveFile(state.file);
      this.changed.fire();
    }
    panel.webview.options = { enableScripts: true, localResourceRoots: this.resourceRoots() };
    this.attach(panel, state !== undefined);
    const uri = this.fileUri;
    if (state !== undefined && state.knobs.length === 0 && uri !== undefined && this.knobsFor !== undefined) {
      void this.knobsFor(uri).then((knobs) => {
        if (knobs.length === 0 || this.fileUri !== uri || this.following !== undefined) return;
        this.state.knobs = knobs;
        this.post({ type: 'load', state: this.state });
      });
    }
    trace(`panel restored: ${state?.results ? `${state.results.title} (from ${from})` : `no results (saved state: ${saved === undefined ? 'none' : `${typeof saved}, ${JSON.stringify(saved)?.length ?? 0} characters`})`}`);
  }

  /** Shows results that are not training (saved ones, from the history or "Open results"). */
  showResults(results: ExperimentResults, uri: vscode.Uri | undefined, knobs: Knob[], savedPath?: string): void {
    if (savedPath !== undefined) void this.memento.update(LAST_RESULTS, savedPath);
    this.following = undefined;
    this.batcher.clear();
    this.state = { ...this.state, file: results.file, results, knobs };
    this.fileUri = uri;
    this.show();
    this.post({ type: 'load', state: this.state });
    this.changed.fire();
  }

  /** The playground's knobs (their values in force) for a reopened page. */
  setKnobs(knobs: Knob[]): void {
    this.state.knobs = knobs;
  }

  /** A PNG of the visible chart(s), drawn by the page. */
  async chartImage(timeoutMs = 15_000): Promise<string> {
    if (this.panel === undefined) this.show();
    await this.whenReady(timeoutMs);
    const requestId = this.nextRequest++;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.images.delete(requestId);
        reject(new Error('the panel did not send the image in time'));
      }, timeoutMs);
      this.images.set(requestId, {
        resolve: (url) => {
          clearTimeout(timer);
          resolve(url);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.post({ type: 'requestChartImage', requestId });
    });
  }

  private follow(session: Session): void {
    this.following = session;
    this.postedStatus.clear();
    for (const run of session.display.runs) this.postedStatus.set(run.id, run.status);
    this.sweepRuns = new Set(session.requests.filter((r) => r.sweepValue !== undefined).map((r) => r.runId));
    this.drawnRuns = new Set();
    this.batcher.clear();
    this.state.results = session.display;
    this.state.file = session.display.file;
    if (session.knobs !== undefined) this.state.knobs = session.knobs;
    this.fileUri = session.uri;
    if (this.panel !== undefined) this.panel.title = this.title();
    // A run started from the editor brings the panel into view (beside, keeping the focus).
    // A new page starts with the session in its HTML, saving the round trip of its "ready"
    // before the charts are built (the time to the first point is the learner's wait).
    if (session.kind === 'experiment' && this.settings.current.openPanelOnRun && !this.panel?.visible) this.show(true, this.sessionMessages(session));
    if (session.kind === 'experiment') this.post({ type: 'load', state: { ...this.state, results: null } });
    this.post({ type: 'sessionStarted', results: session.display, playground: session.kind === 'playground' });
    this.changed.fire();
  }

  /** What a new page needs to follow `session`: the state without results, then the session so far. */
  private sessionMessages(session: Session): HostMessage[] {
    return [
      { type: 'load', state: { ...this.state, results: null } },
      { type: 'sessionStarted', results: session.display, playground: session.kind === 'playground' },
    ];
  }

  private attach(panel: vscode.WebviewPanel, embedState: boolean, boot?: HostMessage[]): void {
    this.disposePanelSubscriptions();
    this.panel = panel;
    this.ready = false;
    panel.title = this.title();
    panel.iconPath = {
      light: vscode.Uri.joinPath(this.extensionUri, 'media', 'reglab-light.svg'),
      dark: vscode.Uri.joinPath(this.extensionUri, 'media', 'reglab-dark.svg'),
    };
    panel.webview.html = this.html(panel.webview, embedState ? this.state : null, boot);
    this.panelSubscriptions.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidChangeViewState((e) => {
        // Without retainContextWhenHidden a hidden page is discarded; it says "ready" again when shown.
        if (!e.webviewPanel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => {
        if (this.panel !== panel) return;
        this.disposePanelSubscriptions();
        this.panel = undefined;
        this.ready = false;
        for (const { reject } of this.images.values()) reject(new Error('the panel was closed'));
        this.images.clear();
        void vscode.commands.executeCommand('setContext', 'reglab.panelOpen', false);
      }),
    );
    void vscode.commands.executeCommand('setContext', 'reglab.panelOpen', true);
  }

  private receive(raw: unknown): void {
    const message = parsePageMessage(raw);
    if (message === undefined) {
      this.log.warn(`Ignored a malformed message from the panel: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.batcher.clear();
        if (this.following !== undefined) {
          for (const message of this.sessionMessages(this.following)) this.post(message);
        } else {
          this.post({ type: 'load', state: this.state });
        }
        trace(`panel ready: ${this.state.results?.title ?? 'no results'}`);
        for (const waiter of this.readyWaiters.splice(0)) waiter();
        return;
      case 'viewChanged':
        this.state.view = message.view;
        this.state.logScale = message.logScale;
        return;
      case 'chartImage':
        this.images.get(message.requestId)?.resolve(message.dataUrl);
        this.images.delete(message.requestId);
        return;
      case 'playground':
        this.actions?.playground(message.values);
        return;
      case 'saveVariant':
        this.actions?.saveVariant(message.name, message.values);
        return;
      case 'stop':
        this.actions?.stop();
        return;
      case 'exportCsv':
        this.actions?.exportCsv();
        return;
      case 'exportChart':
        this.actions?.exportChart();
        return;
    }
  }

  private post(message: HostMessage): void {
    if (this.panel === undefined || !this.ready) return;
    void this.panel.webview.postMessage(thin(message));
  }

  private whenReady(timeoutMs: number): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the panel did not load in time')), timeoutMs);
      this.readyWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private html(webview: vscode.Webview, state: PanelState | null, boot?: HostMessage[]): string {
    const uri = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...path)).toString();
    return panelHtml({
      cspSource: webview.cspSource,
      nonce: newNonce(),
      scriptUri: uri('dist', 'webview.js'),
      scriptText: this.assets.scriptText(),
      styleText: this.assets.styleText(webview),
      styleUri: uri('media', 'panel.css'),
      codiconsUri: uri('dist', 'codicons', 'codicon.css'),
      state,
      ...(boot === undefined ? {} : { messages: boot.map(thin) }),
      title: this.title(),
    });
  }

  /** The results file the panel showed last in this workspace, read back; undefined when gone. */
  private async lastSaved(): Promise<ExperimentResults | undefined> {
    const path = this.memento.get<string>(LAST_RESULTS);
    if (path === undefined || !(await pathExists(path))) return undefined;
    try {
      return await readResults(path);
    } catch {
      return undefined;
    }
  }

  private title(): string {
    const file = this.state.file;
    const name = file === '' ? '' : file.split(/[\\/]/).pop()!.replace(/\.reglab\.json$/, '');
    return name === '' ? 'Reglab' : `Reglab: ${name}`;
  }

  private resourceRoots(): vscode.Uri[] {
    return [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'media')];
  }

  private disposePanelSubscriptions(): void {
    for (const d of this.panelSubscriptions.splice(0)) d.dispose();
  }
}

/** A message with results carries only what the page draws of them (panelPayload.ts). */
function thin(message: HostMessage): HostMessage {
  switch (message.type) {
    case 'load':
      return message.state.results === null ? message : { ...message, state: { ...message.state, results: resultsForPanel(message.state.results) } };
    case 'sessionStarted':
    case 'sessionFinished':
      return { ...message, results: resultsForPanel(message.results) };
    default:
      return message;
  }
}

/** A workspace-relative path (as results name files) back to a file of the workspace. */
export function resolveFile(file: string): vscode.Uri | undefined {
  if (file === '') return undefined;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) return undefined;
  // asRelativePath prefixes the folder's name when the workspace has several folders.
  const [head, ...rest] = file.split('/');
  const named = folders.find((f) => f.name === head);
  if (named !== undefined && folders.length > 1) return vscode.Uri.joinPath(named.uri, ...rest);
  return vscode.Uri.joinPath(folders[0]!.uri, file);
}
