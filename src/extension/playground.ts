// The playground: a knob moved in the panel retrains the variants it affects, with the
// moved values laid over the file's config, without touching the file. The page debounces
// its sliders; the host debounces again (messages that arrive together make one session)
// and a new session stops the stale one. "Save as variant" is saveVariant.ts.
import * as vscode from 'vscode';
import { stepDone } from './walkthrough.ts';
import { hasErrors } from '../experiment/diagnostics.ts';
import type { Knob } from '../webview/contract.ts';
import { Disposable, toDisposable } from './disposable.ts';
import { displayPath, openExperiment, workspaceRootOf } from './documents.ts';
import { computeKnobs, type KnobValues } from './knobs.ts';
import { trace, type Log } from './log.ts';
import type { PanelHost } from './panel.ts';
import { PlaygroundState, playgroundRequests } from './playgroundPlan.ts';
import type { Training } from './training.ts';
import { ensureTrusted } from './trust.ts';

export const PLAYGROUND_HOST_DEBOUNCE_MS = 120;

export class Playground extends Disposable {
  /** The knobs of the file the panel shows, as the file has them, and the values in force. */
  private state: { uri: string; state: PlaygroundState } | undefined;
  private pending: KnobValues = {};
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly panel: PanelHost,
    private readonly training: Training,
    private readonly log: Log,
  ) {
    super();
    this.register(toDisposable(() => this.timer !== undefined && clearTimeout(this.timer)));
    this.register(training.onDidStart((session) => {
      // A run of the file from the editor starts over from the file's values.
      if (session.kind === 'experiment' && session.knobs !== undefined) this.state = { uri: session.uri.toString(), state: new PlaygroundState(session.knobs) };
    }));
  }

  /** The knobs as the file has them, for a results view of `uri` (history, Open results). */
  reset(uri: vscode.Uri, knobs: Knob[]): void {
    this.state = { uri: uri.toString(), state: new PlaygroundState(knobs) };
  }

  /** The knob values the page sent, in force for the file the panel shows. */
  stateFor(uri: vscode.Uri): PlaygroundState | undefined {
    return this.state?.uri === uri.toString() ? this.state.state : undefined;
  }

  moved(values: KnobValues): void {
    Object.assign(this.pending, values);
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const values = this.pending;
      this.pending = {};
      void this.retrain(values).catch((error: unknown) => this.log.error(`Playground: ${error instanceof Error ? error.message : String(error)}`));
    }, PLAYGROUND_HOST_DEBOUNCE_MS);
  }

  private async retrain(values: KnobValues): Promise<void> {
    const uri = this.panel.uri;
    if (uri === undefined) {
      void vscode.window.showWarningMessage('The playground needs the experiment file these results came from, and it is not in this workspace.');
      return;
    }
    if (!ensureTrusted('train in the playground')) return;
    const { parsed } = await openExperiment(uri);
    const experiment = parsed.experiment;
    if (experiment === undefined || hasErrors(parsed.diagnostics)) {
      void vscode.window.showErrorMessage(`${displayPath(uri)} has problems to fix before the playground can train it.`);
      return;
    }
    let entry = this.stateFor(uri);
    if (entry === undefined) {
      entry = new PlaygroundState(this.panel.knobs.length > 0 ? [...this.panel.knobs] : computeKnobs(experiment));
      this.state = { uri: uri.toString(), state: entry };
    }
    const moved = entry.update(values);
    this.panel.setKnobs(entry.currentKnobs());
    if (moved.length === 0) return;
    // Variants a stopped or replaced playground run left unfinished are retrained as well.
    const running = this.training.running;
    const unfinished = [
      ...(running?.kind === 'playground' && running.uri.toString() === uri.toString() ? running.requests.map((r) => r.variant) : []),
      ...(this.panel.results?.runs ?? []).filter((r) => r.sweepValue === undefined && r.status === 'cancelled').map((r) => r.variant),
    ];
    const variants = [...new Set([...moved, ...unfinished])];
    const requests = playgroundRequests(experiment, uri.fsPath, entry.knobs, entry.current(), variants, workspaceRootOf(uri));
    if (requests.length === 0) return;
    trace(`playground: retraining ${variants.join(', ')} with ${JSON.stringify(values)}`);
    stepDone('sliderMoved');
    const previous = this.panel.results ?? undefined;
    this.training.start({
      kind: 'playground',
      uri,
      file: displayPath(uri),
      experiment,
      requests,
      workspaceRoot: workspaceRootOf(uri),
      ...(previous === undefined ? {} : { previous }),
    });
  }
}
