// Collects run events and hands them over in batches, at most one batch per `intervalMs`
// (the reglab.chartUpdateRate setting), so a fast sweep does not flood the panel with
// messages; a sweep run's progress is sent as its latest epoch only, a run's first point at
// once, and nothing while the user types. Free of vscode; the timers are injectable for the tests.
import type { RunEvent } from '../protocol.ts';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface PushOptions {
  /**
   * A sweep run's event: its 'epochs' replace the same run's pending ones (only where it is
   * now matters), and a batch of such events alone waits BACKGROUND_INTERVAL_MS (a sweep
   * chart gains a point per finished run; redrawing it for each would busy the window).
   */
  background?: boolean;
  /** Goes out now, not after the interval (a run's first chart point), unless the user is typing. */
  urgent?: boolean;
}

/** The shortest time between two batches holding only background events. */
export const BACKGROUND_INTERVAL_MS = 1000;
/** While the user types, batches wait this long after the last keystroke... */
export const TYPING_QUIET_MS = 1000;
/** ...but never longer than this after the last batch, so the charts still move. */
export const TYPING_MAX_HOLD_MS = 10_000;

export class EventBatcher {
  private pending: RunEvent[] = [];
  /** Where each run's replaceable 'epochs' event sits in `pending`. */
  private replaceable = new Map<string, number>();
  private timer: unknown = undefined;
  private timerAt = Infinity;
  private lastFlush = -Infinity;
  private lastTyped = -Infinity;
  /** Pending events that are not background ones. */
  private foreground = 0;

  constructor(
    private readonly send: (events: RunEvent[]) => void,
    public intervalMs: number,
    private readonly timers: Timers = realTimers,
    private readonly now: () => number = Date.now,
  ) {}

  /** Queues an event; it goes out with the next batch. */
  push(event: RunEvent, options: PushOptions = {}): void {
    const background = options.background === true;
    if (!background) this.foreground++;
    const latestOnly = background && event.type === 'epochs';
    const slot = latestOnly ? this.replaceable.get(event.runId) : undefined;
    if (slot !== undefined) this.pending[slot] = event;
    else {
      if (latestOnly) this.replaceable.set(event.runId, this.pending.length);
      this.pending.push(event);
    }
    this.schedule(options.urgent === true, false);
  }

  /**
   * The user typed: the page that draws the batches shares the editor's renderer thread (a
   * webview), so a chart drawn now would delay the next keystrokes. Batches wait until the
   * typing pauses (TYPING_QUIET_MS), at most TYPING_MAX_HOLD_MS after the last one.
   */
  typed(): void {
    this.lastTyped = this.now();
    if (this.pending.length > 0) this.schedule(false, true);
  }

  /** When the pending events may go: the interval after the last batch (the first at once), later while typing. */
  private dueAt(urgent: boolean): number {
    const interval = this.foreground > 0 ? this.intervalMs : Math.max(this.intervalMs, BACKGROUND_INTERVAL_MS);
    const due = urgent ? this.now() : this.lastFlush + interval;
    const quiet = this.lastTyped + TYPING_QUIET_MS;
    if (quiet <= due) return due;
    return Math.max(due, Math.min(quiet, this.lastFlush + TYPING_MAX_HOLD_MS));
  }

  /** Sets the timer for the pending events; an earlier time wins unless `later` (the user typed). */
  private schedule(urgent: boolean, later: boolean): void {
    const at = this.dueAt(urgent);
    if (this.timer !== undefined) {
      if (at === this.timerAt || (at > this.timerAt && !later)) return;
      this.timers.clearTimeout(this.timer);
    }
    this.timerAt = at;
    this.timer = this.timers.setTimeout(() => this.flush(), Math.max(0, at - this.now()));
  }

  /** Sends what is pending now. */
  flush(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
    if (this.pending.length === 0) return;
    const events = this.pending;
    this.pending = [];
    this.replaceable.clear();
    this.foreground = 0;
    this.lastFlush = this.now();
    this.send(events);
  }

  /** Drops what is pending (the receiver is about to get everything in one `load`). */
  clear(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Infinity;
    this.pending = [];
    this.replaceable.clear();
    this.foreground = 0;
  }

  dispose(): void {
    this.clear();
  }
}
