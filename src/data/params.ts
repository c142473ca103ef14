// Reads one data spec's parameters with their defaults, and rejects values no generator
// can use. Specs come from users' files and from the panel's sliders, so a wrong type or
// range must become a DataError naming the field, never a NaN deep in training.
import { DataError, type FieldPath } from './errors.ts';

export class SpecReader {
  /** `where` prefixes every message, e.g. "data.line". */
  constructor(
    private readonly spec: object,
    readonly where: string,
  ) {}

  fail(message: string, path: FieldPath): never {
    throw new DataError(`${this.where}: ${message}`, path);
  }

  private raw(name: string): unknown {
    return (this.spec as Record<string, unknown>)[name];
  }

  /** An integer ≥ min (a sample or feature count). */
  count(name: string, fallback: number, min = 1): number {
    const value = this.raw(name) ?? fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
      this.fail(`"${name}" must be an integer ≥ ${min}, got ${show(value)}`, [name]);
    }
    return value;
  }

  /** An optional integer ≥ min; undefined when absent. */
  optionalCount(name: string, min = 1): number | undefined {
    return this.raw(name) === undefined ? undefined : this.count(name, 0, min);
  }

  number(name: string, fallback: number): number {
    const value = this.raw(name) ?? fallback;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(`"${name}" must be a finite number, got ${show(value)}`, [name]);
    }
    return value;
  }

  nonNegative(name: string, fallback: number): number {
    const value = this.number(name, fallback);
    if (value < 0) this.fail(`"${name}" must be ≥ 0, got ${value}`, [name]);
    return value;
  }

  positive(name: string, fallback: number): number {
    const value = this.number(name, fallback);
    if (value <= 0) this.fail(`"${name}" must be > 0, got ${value}`, [name]);
    return value;
  }

  /** A number strictly between 0 and 1. */
  fraction(name: string, fallback: number): number {
    const value = this.number(name, fallback);
    if (value <= 0 || value >= 1) this.fail(`"${name}" must be between 0 and 1, got ${value}`, [name]);
    return value;
  }

  /** An interval [low, high] with low < high. */
  interval(name: string, fallback: readonly [number, number]): [number, number] {
    const value = this.raw(name) ?? fallback;
    const ok =
      Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v));
    if (!ok) this.fail(`"${name}" must be [low, high], two finite numbers, got ${show(value)}`, [name]);
    const [low, high] = value as [number, number];
    if (!(low < high)) this.fail(`"${name}" must have low < high, got [${low}, ${high}]`, [name]);
    return [low, high];
  }

  numbers(name: string, fallback: readonly number[]): number[] {
    const value = this.raw(name) ?? fallback;
    if (!Array.isArray(value) || value.length === 0) {
      this.fail(`"${name}" must be a non-empty list of numbers, got ${show(value)}`, [name]);
    }
    value.forEach((v: unknown, i) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        this.fail(`"${name}"[${i}] must be a finite number, got ${show(v)}`, [name, i]);
      }
    });
    return value as number[];
  }

  choice<T extends string>(name: string, options: readonly T[], fallback: T): T {
    const value = this.raw(name) ?? fallback;
    if (!options.includes(value as T)) {
      this.fail(`"${name}" must be one of ${options.map((o) => `"${o}"`).join(', ')}, got ${show(value)}`, [name]);
    }
    return value as T;
  }

  string(name: string): string {
    const value = this.raw(name);
    if (typeof value !== 'string' || value === '') this.fail(`"${name}" must be a non-empty string, got ${show(value)}`, [name]);
    return value;
  }

  optionalString(name: string): string | undefined {
    return this.raw(name) === undefined ? undefined : this.string(name);
  }

  strings(name: string): string[] {
    const value = this.raw(name);
    if (!Array.isArray(value) || value.length === 0) {
      this.fail(`"${name}" must be a non-empty list of strings, got ${show(value)}`, [name]);
    }
    value.forEach((v: unknown, i) => {
      if (typeof v !== 'string' || v === '') this.fail(`"${name}"[${i}] must be a non-empty string, got ${show(v)}`, [name, i]);
    });
    return value as string[];
  }

  has(name: string): boolean {
    return this.raw(name) !== undefined;
  }
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value) ?? String(value);
}
