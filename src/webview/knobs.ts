// The playground's sliders: a knob's value ↔ an <input type="range"> position. Log knobs
// (λ, learning rate) move by equal ratios; a log knob whose range starts at 0 (λ = 0 means
// "no regularization") keeps position 0 for 0 and spreads the rest over the decades.
// Values are rounded to what a person would write in a file: 0.012, not 0.0123456.
import type { Knob } from './contract.ts';

/** Positions of a log or linear slider: 0…STEPS. Integer knobs step by 1 from min to max. */
export const STEPS = 1000;
/** A log range that starts at 0 starts its decades here, relative to max. */
export const LOG_FLOOR = 1e-5;

export interface SliderRange {
  min: number;
  max: number;
  step: number;
}

export function sliderRange(knob: Knob): SliderRange {
  if (knob.scale === 'integer') return { min: Math.ceil(knob.min), max: Math.floor(knob.max), step: 1 };
  return { min: 0, max: STEPS, step: 1 };
}

/** The positive end of a log knob's decades, and whether position 0 stands for 0. */
function logBounds(knob: Knob): { lo: number; hi: number; zero: boolean } {
  const hi = knob.max > 0 ? knob.max : 1;
  if (knob.min > 0) return { lo: Math.min(knob.min, hi), hi, zero: false };
  return { lo: hi * LOG_FLOOR, hi, zero: true };
}

export function valueAt(knob: Knob, position: number): number {
  if (knob.scale === 'integer') return clamp(Math.round(position), Math.ceil(knob.min), Math.floor(knob.max));
  const t = clamp(position, 0, STEPS) / STEPS;
  if (knob.scale === 'linear') return roundLinear(knob.min + t * (knob.max - knob.min), knob);
  const { lo, hi, zero } = logBounds(knob);
  if (zero) {
    if (position <= 0) return 0;
    // Positions 1…STEPS cover lo…hi.
    const u = (clamp(position, 1, STEPS) - 1) / (STEPS - 1);
    return roundSignificant(lo * (hi / lo) ** u, 2);
  }
  return roundSignificant(lo * (hi / lo) ** t, 2);
}

export function positionOf(knob: Knob, value: number): number {
  if (knob.scale === 'integer') return clamp(Math.round(value), Math.ceil(knob.min), Math.floor(knob.max));
  if (knob.scale === 'linear') {
    const span = knob.max - knob.min;
    return span <= 0 ? 0 : Math.round(clamp((value - knob.min) / span, 0, 1) * STEPS);
  }
  const { lo, hi, zero } = logBounds(knob);
  if (zero) {
    if (value <= 0) return 0;
    const u = Math.log(clamp(value, lo, hi) / lo) / Math.log(hi / lo);
    return 1 + Math.round(u * (STEPS - 1));
  }
  if (value <= lo) return 0;
  return Math.round(clamp(Math.log(value / lo) / Math.log(hi / lo), 0, 1) * STEPS);
}

/** Shown beside a slider. */
export function formatKnob(knob: Knob, value: number): string {
  if (knob.scale === 'integer') return String(Math.round(value));
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e5) return value.toExponential(1).replace('.0e', 'e').replace('e+', 'e').replace(/-/g, '−');
  return String(Number(value.toPrecision(3)));
}

export function roundSignificant(value: number, digits: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(digits));
}

/** A linear knob moves in hundredths of its range, rounded to that precision. */
function roundLinear(value: number, knob: Knob): number {
  const step = (knob.max - knob.min) / 100;
  if (!(step > 0)) return value;
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return Number(value.toFixed(Math.min(decimals, 12)));
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}
