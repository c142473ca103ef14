// Seeded mutations of experiment files for the fuzz test: each takes a text and a random
// source and returns a hostile variation — truncated, bytes flipped, a value's type
// swapped, extreme numbers, deep nesting, huge strings, thousands of keys.
import { parse as parseJsonc } from 'jsonc-parser';
import { tooDeep } from '../../../src/experiment/nesting.ts';

/** mulberry32: a small seeded generator, so every run of the test sees the same files. */
export class Rng {
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Mutation = (text: string, rng: Rng) => string;

const EXTREME_NUMBERS = [1e308, -1e308, 1e10, 1e8, 1e6, 1e12, 1e9, -1, 0, 0.5, 1e-320, 2 ** 53 + 2, 1000, 1001, 4294967296, -0];
const EXTREME_TEXT = ['NaN', 'Infinity', '-Infinity', '1e999', '-1e999', '0x10', '1.', '.5', '01', '1e', '--1', '1_000'];
const SWEEP_FIELDS = ['count', 'repeats', 'from', 'to', 'epochs', 'train', 'test', 'features', 'classes', 'batchSize', 'hidden', 'limitTrain'];
const FLIP_CHARS = ['{', '}', '[', ']', '"', ',', ':', '/', '*', '\\', '\n', '\r', '\t', ' ', '0', '9', 'e', '-', '\u0000', '\u001b', '\uFEFF', '\u2028', '\uD800', 'λ', '😀'];

/** The text's value, for the mutations that edit values; undefined when too deep for JSON.parse and JSON.stringify's recursion. */
function valueOf(text: string): Json | undefined {
  if (tooDeep(text, 500) !== undefined) return undefined;
  const value = parseJsonc(text, [], { allowTrailingComma: true }) as Json | undefined;
  return value === null || typeof value !== 'object' ? undefined : value;
}

/** Every container in the value, with a way to replace each of its entries. */
function slots(value: Json): { get: () => Json; set: (v: Json) => void; key: string | number; parent: Json[] | { [key: string]: Json } }[] {
  const found: ReturnType<typeof slots> = [];
  const walk = (v: Json): void => {
    if (v === null || typeof v !== 'object') return;
    for (const key of Object.keys(v)) {
      const k: string | number = Array.isArray(v) ? Number(key) : key;
      const parent = v;
      found.push({ key: k, parent, get: () => (parent as Record<string, Json>)[k as string]!, set: (x) => ((parent as Record<string, Json>)[k as string] = x) });
      walk((v as Record<string, Json>)[key]!);
    }
  };
  walk(value);
  return found;
}

function stringify(value: Json, rng: Rng): string {
  return JSON.stringify(value, null, rng.pick([0, 1, 2, '\t']));
}

const truncate: Mutation = (text, rng) => text.slice(0, rng.int(text.length + 1));

const flipBytes: Mutation = (text, rng) => {
  const chars = [...text];
  const flips = 1 + rng.int(8);
  for (let i = 0; i < flips; i++) chars[rng.int(chars.length)] = rng.pick(FLIP_CHARS);
  return chars.join('');
};

const swapType: Mutation = (text, rng) => {
  const value = valueOf(text);
  if (value === undefined) return text;
  const all = slots(value);
  for (let i = 0, n = 1 + rng.int(3); i < n && all.length > 0; i++) {
    rng.pick(all).set(rng.pick<Json>([null, true, 0, -3.5, 'relu', '', [], {}, [1, 2], { generator: 'csv' }, 'x'.repeat(50), [[[]]]]));
  }
  return stringify(value, rng);
};

const extremeNumbers: Mutation = (text, rng) => {
  const value = valueOf(text);
  if (value === undefined) return text;
  const numeric = slots(value).filter((s) => typeof s.get() === 'number' || SWEEP_FIELDS.includes(String(s.key)));
  for (let i = 0, n = 1 + rng.int(3); i < n && numeric.length > 0; i++) {
    const slot = rng.pick(numeric);
    slot.set(slot.key === 'hidden' ? [rng.pick(EXTREME_NUMBERS), rng.pick(EXTREME_NUMBERS)] : rng.pick(EXTREME_NUMBERS));
  }
  const out = stringify(value, rng);
  // Numbers JSON cannot write, put back as text.
  return rng.next() < 0.3 ? out.replace(/-?\d+(\.\d+)?(e[+-]?\d+)?/, rng.pick(EXTREME_TEXT)) : out;
};

const deepNesting: Mutation = (text, rng) => {
  const depth = rng.pick([10, 63, 64, 65, 100, 3000, 5000, 20000]);
  const at = rng.int(text.length + 1);
  const open = rng.pick(['[', '{"a":', '[{"b":']).repeat(depth);
  const close = rng.next() < 0.5 ? '' : open.replace(/\{"[ab]":/g, '}').replace(/\[/g, ']').split('').reverse().join('');
  return text.slice(0, at) + open + '1' + close + text.slice(at);
};

const hugeString: Mutation = (text, rng) => {
  const value = valueOf(text);
  if (value === undefined) return text;
  const strings = slots(value).filter((s) => typeof s.get() === 'string');
  const length = rng.pick([1_000, 10_000, 50_000, 100_000]);
  const huge = rng.pick(['r', 'λ', '\\', '"', ' ', '.']).repeat(length);
  if (strings.length > 0) rng.pick(strings).set(huge);
  else (value as Record<string, Json>)[huge] = huge;
  return stringify(value, rng);
};

const manyKeys: Mutation = (text, rng) => {
  const value = valueOf(text);
  if (value === undefined) return text;
  const objects = [value, ...slots(value).map((s) => s.get())].filter((v): v is { [key: string]: Json } => v !== null && typeof v === 'object' && !Array.isArray(v));
  const target = rng.pick(objects);
  const count = rng.pick([100, 500, 2_000]);
  const names = ['weightDecay', 'lr', 'name', 'hidden', 'variants', 'sweep', '__proto__', 'constructor', 'x'];
  for (let i = 0; i < count; i++) target[`${rng.pick(names)}${rng.next() < 0.2 ? '' : i}`] = rng.pick<Json>([i, 'v', null, [], {}]);
  return stringify(value, rng);
};

const manyVariants: Mutation = (text, rng) => {
  const value = valueOf(text) as { [key: string]: Json } | undefined;
  if (value === undefined || Array.isArray(value)) return text;
  const count = rng.pick([20, 100, 300]);
  value.variants = Array.from({ length: count }, (_, i) => ({ name: rng.next() < 0.1 ? 'same' : `v${i}`, regularization: { weightDecay: rng.pick([0, 0.1, -1, 'x']) } }));
  value.sweep = { over: rng.pick(['regularization.weightDecay', 'data.train', 'training.epochs', 'nope']), values: Array.from({ length: rng.pick([2, 100, 500]) }, (_, i) => i), repeats: rng.pick([1, 1000]) };
  return stringify(value, rng);
};

export const MUTATIONS: Readonly<Record<string, Mutation>> = { truncate, flipBytes, swapType, extremeNumbers, deepNesting, hugeString, manyKeys, manyVariants };
