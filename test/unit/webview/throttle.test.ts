// Redraw pacing with a fake clock: many requests make one draw, draws keep their distance,
// slow draws widen it, a user's action does not wait; and the playground's debounce.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { debounce, FrameThrottle, type Clock } from '../../../src/webview/throttle.ts';

class FakeClock implements Clock {
  time = 0;
  frames: (() => void)[] = [];
  timers: { at: number; fn: () => void }[] = [];
  drawCost = 0;
  now = () => this.time;
  frame = (fn: () => void) => void this.frames.push(fn);
  after = (ms: number, fn: () => void) => void this.timers.push({ at: this.time + ms, fn });
  /** Advances time, firing timers and then the pending frames (one frame per 16 ms). */
  advance(ms: number): void {
    const end = this.time + ms;
    while (this.time < end) {
      this.time = Math.min(end, this.time + 16);
      for (const t of this.timers.filter((t) => t.at <= this.time)) {
        this.timers.splice(this.timers.indexOf(t), 1);
        t.fn();
      }
      const frames = this.frames.splice(0);
      for (const f of frames) f();
    }
  }
}

function setup(interval = 100) {
  const clock = new FakeClock();
  const draws: number[] = [];
  const throttle = new FrameThrottle(
    () => {
      draws.push(clock.time);
      clock.time += clock.drawCost;
    },
    clock,
    { interval },
  );
  return { clock, draws, throttle };
}

test('many requests before a frame make one draw', () => {
  const { clock, draws, throttle } = setup();
  for (let i = 0; i < 50; i++) throttle.request();
  clock.advance(20);
  assert.equal(draws.length, 1);
  assert.equal(throttle.draws, 1);
});

test('the first draw is on the next frame; later ones keep the interval', () => {
  const { clock, draws, throttle } = setup(100);
  throttle.request();
  clock.advance(16);
  assert.deepEqual(draws, [16]);
  // A message every 10 ms for a second: about one draw per 100 ms, never per message.
  for (let t = 0; t < 1000; t += 10) {
    throttle.request();
    clock.advance(10);
  }
  assert.ok(draws.length >= 9 && draws.length <= 12, `draws: ${draws.length}`);
  for (let i = 1; i < draws.length; i++) assert.ok(draws[i]! - draws[i - 1]! >= 100, `gap ${draws[i]! - draws[i - 1]!}`);
});

test('slow draws widen the interval (averaged), up to the maximum, and fast ones narrow it again', () => {
  const { clock, throttle } = setup(100);
  const drawMany = (cost: number, n: number) => {
    clock.drawCost = cost;
    for (let i = 0; i < n; i++) {
      throttle.request();
      clock.advance(2000);
    }
  };
  drawMany(150, 1); // the first draw creates the charts: slow once
  assert.ok(throttle.interval < 5 * 150, `one slow first draw does not stall the next ones (${throttle.interval})`);
  drawMany(80, 30);
  assert.ok(Math.abs(throttle.interval - 400) < 5, `5 × 80 ms (${throttle.interval})`);
  drawMany(1000, 10);
  assert.equal(throttle.interval, 1000);
  drawMany(1, 30);
  assert.equal(throttle.interval, 100);
});

test('immediate() draws on the next frame even inside the interval, and only once', () => {
  const { clock, draws, throttle } = setup(500);
  throttle.request();
  clock.advance(16);
  throttle.request(); // waits for the interval
  clock.advance(16);
  assert.equal(draws.length, 1);
  throttle.immediate();
  clock.advance(16);
  assert.equal(draws.length, 2);
  clock.advance(1000); // the interval's timer finds its draw done
  assert.equal(draws.length, 2);
});

test('a request while nothing waits draws on the next frame after the interval has passed', () => {
  const { clock, draws, throttle } = setup(100);
  throttle.request();
  clock.advance(500);
  throttle.request();
  clock.advance(16);
  assert.equal(draws.length, 2);
});

test('debounce: calls once after the quiet period, with the last arguments; flush calls now', () => {
  const clock = new FakeClock();
  const calls: number[] = [];
  let handles = 0;
  const cancelled = new Set<number>();
  const d = debounce(
    (v: number) => calls.push(v),
    300,
    (ms, fn) => {
      const id = ++handles;
      clock.after(ms, () => {
        if (!cancelled.has(id)) fn();
      });
      return id;
    },
    (h) => cancelled.add(h as number),
  );
  d.call(1);
  clock.advance(100);
  d.call(2);
  clock.advance(200);
  assert.deepEqual(calls, []);
  assert.equal(d.pending, true);
  clock.advance(150);
  assert.deepEqual(calls, [2]);
  d.call(3);
  d.flush();
  assert.deepEqual(calls, [2, 3]);
  clock.advance(1000);
  assert.deepEqual(calls, [2, 3]);
  d.flush();
  assert.deepEqual(calls, [2, 3], 'nothing pending: flush does nothing');
});
