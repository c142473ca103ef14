// Redraw pacing: the page never draws per message. A change asks for a frame; frames come at
// most every `interval` ms (longer when draws are slow, so drawing takes no more than about a
// fifth of the time), on requestAnimationFrame so a hidden panel does not draw at all.
// The clock and timers are injected, so the logic is tested without a browser.

export interface Clock {
  now(): number;
  /** Runs `fn` on the next animation frame. */
  frame(fn: () => void): void;
  /** Runs `fn` after `ms`. */
  after(ms: number, fn: () => void): void;
}

export interface ThrottleOptions {
  /** Shortest time between two draws, in ms. */
  interval: number;
  /** The interval grows to `slowFactor` times the last draw's duration when that is longer. */
  slowFactor?: number;
  /** And never beyond this (ms). */
  maxInterval?: number;
}

export class FrameThrottle {
  private pending = false;
  /** A draw is pending behind the interval's timer (not yet on a frame). */
  private waiting = false;
  private urgent = false;
  private last = Number.NEGATIVE_INFINITY;
  private gap: number;
  /** Recent draw durations, averaged (ms). */
  private cost = 0;
  draws = 0;

  constructor(
    private readonly draw: () => void,
    private readonly clock: Clock,
    private readonly options: ThrottleOptions,
  ) {
    this.gap = options.interval;
  }

  /** Asks for a draw; any number of requests before it happens make one draw. */
  request(): void {
    if (this.pending) return;
    this.pending = true;
    const wait = this.urgent ? 0 : Math.max(0, this.last + this.gap - this.clock.now());
    if (wait === 0) {
      this.clock.frame(() => this.run());
      return;
    }
    this.waiting = true;
    this.clock.after(wait, () => {
      if (!this.waiting) return; // `immediate` already sent it to a frame
      this.waiting = false;
      this.clock.frame(() => this.run());
    });
  }

  /**
   * Draws on the next frame, whatever the interval: for the user's own actions (a tab, a
   * toggle), which must answer at once. Streamed data uses `request`.
   */
  immediate(): void {
    this.urgent = true;
    if (this.pending && this.waiting) {
      // A draw is waiting out the interval: let it go now; the timer finds it done.
      this.waiting = false;
      this.clock.frame(() => this.run());
      return;
    }
    this.request();
  }

  /** The current shortest time between draws (grows when draws are slow). */
  get interval(): number {
    return this.gap;
  }

  private run(): void {
    if (!this.pending) return;
    this.pending = false;
    this.urgent = false;
    const start = this.clock.now();
    try {
      this.draw();
    } finally {
      const end = this.clock.now();
      this.last = end;
      this.draws++;
      // A moving average: one slow draw (the first, which creates the charts) does not stall the next ones.
      this.cost = this.draws === 1 ? (end - start) / 2 : 0.7 * this.cost + 0.3 * (end - start);
      const { interval, slowFactor = 5, maxInterval = 1000 } = this.options;
      this.gap = Math.min(maxInterval, Math.max(interval, this.cost * slowFactor));
    }
  }
}

/** Calls `fn` once `ms` have passed without another call; `flush` calls it now if pending. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number, after: (ms: number, fn: () => void) => unknown = defaultAfter, cancel: (handle: unknown) => void = defaultCancel) {
  let handle: unknown;
  let args: A | undefined;
  const fire = () => {
    handle = undefined;
    const a = args;
    args = undefined;
    if (a !== undefined) fn(...a);
  };
  return {
    call(...a: A): void {
      args = a;
      if (handle !== undefined) cancel(handle);
      handle = after(ms, fire);
    },
    flush(): void {
      if (handle !== undefined) cancel(handle);
      fire();
    },
    get pending(): boolean {
      return args !== undefined;
    },
  };
}

function defaultAfter(ms: number, fn: () => void): unknown {
  return setTimeout(fn, ms);
}

function defaultCancel(handle: unknown): void {
  clearTimeout(handle as ReturnType<typeof setTimeout>);
}

/** The browser's clock. */
export const browserClock: Clock = {
  now: () => performance.now(),
  frame: (fn) => void requestAnimationFrame(() => fn()),
  after: (ms, fn) => void setTimeout(fn, ms),
};
