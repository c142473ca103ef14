// Playground sliders: knob value ↔ slider position, on log, linear and integer scales.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Knob } from '../../../src/webview/contract.ts';
import { formatKnob, LOG_FLOOR, positionOf, sliderRange, STEPS, valueAt } from '../../../src/webview/knobs.ts';

const knob = (k: Partial<Knob>): Knob => ({ id: 'lambda', label: 'λ', path: 'regularization.weightDecay', value: 0.01, min: 1e-4, max: 10, scale: 'log', variants: [], ...k });

test('a log knob spreads its decades evenly over the slider', () => {
  const k = knob({ min: 1e-4, max: 1 });
  assert.equal(valueAt(k, 0), 1e-4);
  assert.equal(valueAt(k, STEPS), 1);
  assert.equal(valueAt(k, STEPS / 2), 0.01);
  assert.equal(valueAt(k, STEPS / 4), 0.001);
  assert.equal(positionOf(k, 0.01), STEPS / 2);
  assert.equal(positionOf(k, 1e-6), 0, 'below the range: the left end');
  assert.equal(positionOf(k, 100), STEPS, 'above: the right end');
});

test('log values are rounded to two significant digits, and round-trip to the same position', () => {
  const k = knob({ min: 1e-5, max: 10 });
  for (let p = 0; p <= STEPS; p += 37) {
    const v = valueAt(k, p);
    assert.equal(Number(v.toPrecision(2)), v);
    assert.ok(Math.abs(positionOf(k, v) - p) <= 3, `position ${p} → ${v} → ${positionOf(k, v)}`);
  }
});

test('a log knob whose range starts at 0 keeps position 0 for λ = 0', () => {
  const k = knob({ min: 0, max: 10 });
  assert.equal(valueAt(k, 0), 0);
  assert.equal(positionOf(k, 0), 0);
  assert.equal(valueAt(k, 1), 10 * LOG_FLOOR);
  assert.equal(valueAt(k, STEPS), 10);
  assert.equal(positionOf(k, 10), STEPS);
  assert.ok(positionOf(k, 0.01) > 1);
  // Monotonic all the way.
  let last = -1;
  for (let p = 0; p <= STEPS; p++) {
    const v = valueAt(k, p);
    assert.ok(v >= last, `not monotonic at ${p}`);
    last = v;
  }
});

test('a linear knob moves in hundredths of its range', () => {
  const k = knob({ id: 'dropout', scale: 'linear', min: 0, max: 0.9 });
  assert.equal(valueAt(k, 0), 0);
  assert.equal(valueAt(k, STEPS), 0.9);
  assert.equal(valueAt(k, STEPS / 2), 0.45);
  assert.equal(valueAt(k, 333), 0.3); // 0.2997, rounded to the step's precision (0.009 → 3 decimals)
  assert.equal(positionOf(k, 0.45), STEPS / 2);
});

test('an integer knob is its own slider: step 1 from min to max', () => {
  const k = knob({ id: 'trainSize', scale: 'integer', min: 5, max: 500 });
  assert.deepEqual(sliderRange(k), { min: 5, max: 500, step: 1 });
  assert.equal(valueAt(k, 42.4), 42);
  assert.equal(valueAt(k, 1000), 500);
  assert.equal(positionOf(k, 3), 5);
  assert.deepEqual(sliderRange(knob({})), { min: 0, max: STEPS, step: 1 });
});

test('formatKnob writes what a person would type', () => {
  assert.equal(formatKnob(knob({}), 0), '0');
  assert.equal(formatKnob(knob({}), 0.01), '0.01');
  assert.equal(formatKnob(knob({}), 1e-5), '1e−5');
  assert.equal(formatKnob(knob({}), 2.5e-4), '2.5e−4');
  assert.equal(formatKnob(knob({ scale: 'integer' }), 41.6), '42');
});
