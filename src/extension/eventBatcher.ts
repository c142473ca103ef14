// Collects run events and hands them over in batches, at most one batch per `intervalMs`
// (the reglab.chartUpdateRate setting), so a fast sweep does not flood the panel with
// messages. Free of vscode; the timer functions are injectable for the tests.
import type { RunEvent } from '../protocol.ts';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class EventBatcher {
  private pending: RunEvent[] = [];
  private timer: unknown = undefined;
  private lastFlush = -Infinity;

  constructor(
    private readonly send: (events: RunEvent[]) => void,
    public intervalMs: number,
    private readonly timers: Timers = realTimers,
    private readonly now: () => number = Date.now,
  ) {}

  push(event: RunEvent): void {
    this.pending.push(event);
    // The first event after a quiet spell goes out at once; later ones wait out the interval.
    if (this.timer !== undefined) return;
    const wait = Math.max(0, this.lastFlush + this.intervalMs - this.now());
    this.timer = this.timers.setTimeout(() => this.flush(), wait);
  }

  /** Sends what is pending now. */
  flush(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const events = this.pending;
    this.pending = [];
    this.lastFlush = this.now();
    this.send(events);
  }

  /** Drops what is pending (the receiver is about to get everything in one `load`). */
  clear(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
  }

  dispose(): void {
    this.clear();
  }
}
