// The page's state: the results being drawn (folded from streamed events with the same
// `applyEvent` the host and the CLI use), the tab, the log-scale toggle and the playground's
// knobs. Pure: no DOM, no vscode; main.ts saves `persisted()` with setState and redraws on
// change, so a restarted VS Code shows the last results without retraining.
import { VIEWS, type Knob, type PanelState, type Section, type View } from './contract.ts';
import { applyEvent, type ExperimentResults, type RunRecord } from '../results/model.ts';
import { sweepStatistics } from '../results/stats.ts';
import { countRuns, isActive } from '../results/counts.ts';
import type { RunEvent } from '../protocol.ts';

/** `document.body.dataset.state`: nothing to show, a session streaming in, or results at rest. */
export type PageStatus = 'empty' | 'training' | 'idle';

export function emptyState(): PanelState {
  return { file: '', results: null, knobs: [], view: 'fit', logScale: true };
}

export class PanelStore {
  state: PanelState;
  training = false;
  /** Bumped whenever the results change; views redraw when it moved since their last draw. */
  revision = 0;
  private playgroundSession = false;

  constructor(initial?: PanelState | null) {
    this.state = initial == null ? emptyState() : normalize(initial);
  }

  get status(): PageStatus {
    // A stopped session is over for the page the moment its runs are settled, before the host's end.
    if (this.training && this.state.results !== null && isActive(countRuns(this.state.results.runs))) return 'training';
    return this.state.results === null || this.state.results.runs.length === 0 ? 'empty' : 'idle';
  }

  get results(): ExperimentResults | null {
    return this.state.results;
  }

  load(state: PanelState): void {
    const sections = this.state.sections;
    this.state = normalize(state);
    // The host does not track which sections the user opened: the page keeps its own.
    if (this.state.sections === undefined && sections !== undefined) this.state.sections = sections;
    this.training = false;
    this.revision++;
  }

  /**
   * A session starts. A playground session retrains some variants: its results hold those
   * variants' runs, which replace theirs here while the other variants stay on the charts.
   */
  sessionStarted(results: ExperimentResults, playground: boolean): void {
    this.playgroundSession = playground;
    this.state.results = playground && this.state.results !== null ? mergeVariants(this.state.results, results) : clone(results);
    this.state.file = results.file || this.state.file;
    this.training = true;
    this.revision++;
  }

  /** Folds streamed events in; returns the runs they touched (none: nothing to redraw). */
  events(events: readonly RunEvent[]): RunRecord[] {
    const results = this.state.results;
    if (results === null) return [];
    const touched = new Set<RunRecord>();
    let sweepChanged = false;
    for (const event of events) {
      const run = applyEvent(results, event);
      if (run === undefined) continue;
      touched.add(run);
      if (run.sweepValue !== undefined && event.type === 'finished') sweepChanged = true;
    }
    // The sweep's means over repeats grow as its runs finish, not only at the end.
    if (sweepChanged) results.sweep = sweepStatistics(results.runs);
    if (touched.size > 0) this.revision++;
    return [...touched];
  }

  sessionFinished(results: ExperimentResults): void {
    this.state.results = this.playgroundSession && this.state.results !== null ? mergeVariants(this.state.results, results) : clone(results);
    this.playgroundSession = false;
    this.training = false;
    this.revision++;
  }

  setView(view: View): boolean {
    if (this.state.view === view) return false;
    this.state.view = view;
    return true;
  }

  setLogScale(logScale: boolean): boolean {
    if (this.state.logScale === logScale) return false;
    this.state.logScale = logScale;
    return true;
  }

  /** Whether a section is open: as the user left it, else open only in a wide (two-column) panel. */
  sectionOpen(section: Section, wide: boolean): boolean {
    return this.state.sections?.[section] ?? (section === 'lesson' ? wide : false);
  }

  setSection(section: Section, open: boolean): void {
    this.state.sections = { ...this.state.sections, [section]: open };
  }

  setKnob(id: Knob['id'], value: number): boolean {
    const knob = this.state.knobs.find((k) => k.id === id);
    if (knob === undefined || knob.value === value) return false;
    knob.value = value;
    return true;
  }

  knobValues(): Partial<Record<Knob['id'], number>> {
    return Object.fromEntries(this.state.knobs.map((k) => [k.id, k.value]));
  }

  /** What setState keeps: everything the charts need, without what no chart of a sweep run draws. */
  persisted(): PanelState {
    return { ...this.state, results: this.state.results === null ? null : compactForState(this.state.results) };
  }
}

/** The runs of `next`'s variants replace the same variants' runs of `base`, in place; new variants go last. */
export function mergeVariants(base: ExperimentResults, next: ExperimentResults): ExperimentResults {
  const replaced = new Set(next.runs.map((r) => r.variant));
  const runs: RunRecord[] = [];
  const placed = new Set<string>();
  for (const run of base.runs) {
    if (!replaced.has(run.variant)) runs.push(run);
    else if (!placed.has(run.variant)) {
      placed.add(run.variant);
      runs.push(...clone(next.runs.filter((r) => r.variant === run.variant)));
    }
  }
  for (const variant of replaced) if (!placed.has(variant)) runs.push(...clone(next.runs.filter((r) => r.variant === variant)));
  const hasSweep = runs.some((r) => r.sweepValue !== undefined);
  return { ...base, ...clone({ ...next, runs: [] }), runs, sweep: hasSweep ? sweepStatistics(runs) : base.sweep };
}

/** Sweep runs keep their metrics and summary (the Sweep view's means) but not their snapshots and points. */
export function compactForState(results: ExperimentResults): ExperimentResults {
  return {
    ...results,
    runs: results.runs.map((run) => {
      if (run.sweepValue === undefined) return run;
      const { data: _data, ...rest } = run;
      return { ...rest, snapshots: [] };
    }),
  };
}

function normalize(state: PanelState): PanelState {
  const base = emptyState();
  return {
    file: typeof state.file === 'string' ? state.file : base.file,
    results: state.results ?? null,
    knobs: Array.isArray(state.knobs) ? state.knobs.map((k) => ({ ...k, variants: [...(k.variants ?? [])] })) : [],
    view: VIEWS.includes(state.view) ? state.view : base.view,
    logScale: typeof state.logScale === 'boolean' ? state.logScale : base.logScale,
    ...(typeof state.sections === 'object' && state.sections !== null
      ? { sections: Object.fromEntries(Object.entries(state.sections).filter(([k, v]) => (k === 'lesson' || k === 'playground') && typeof v === 'boolean')) }
      : {}),
  };
}

function clone<T>(value: T): T {
  return structuredClone(value);
}
