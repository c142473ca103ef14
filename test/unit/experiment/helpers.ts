// Shared by the experiment tests: parse a text, and find diagnostics by their message.
import assert from 'node:assert/strict';
import { parseExperiment, type ParseResult } from '../../../src/experiment/parse.ts';
import type { Diagnostic } from '../../../src/experiment/diagnostics.ts';
import type { Experiment } from '../../../src/experiment/schema/experiment.ts';

export function parse(text: string): ParseResult {
  return parseExperiment(text, 'test.reglab.json');
}

/** The experiment of a text that must parse without errors. */
export function parseValid(text: string): Experiment {
  const result = parse(text);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors.map((d) => d.message), [], 'expected no errors');
  assert.ok(result.experiment);
  return result.experiment;
}

export function messages(result: ParseResult, severity?: Diagnostic['severity']): string[] {
  return result.diagnostics.filter((d) => severity === undefined || d.severity === severity).map((d) => d.message);
}

/** The one diagnostic whose message contains `text`. */
export function find(result: ParseResult, text: string): Diagnostic {
  const found = result.diagnostics.filter((d) => d.message.includes(text));
  assert.equal(found.length, 1, `expected one diagnostic containing ${JSON.stringify(text)}, got:\n${messages(result).join('\n')}`);
  return found[0]!;
}

/** 1-based line and column of a diagnostic, as the CLI prints them. */
export function lineColumn(d: Diagnostic): [number, number] {
  return [d.range.start.line + 1, d.range.start.character + 1];
}

/** A small valid experiment, as an object to tweak and stringify. */
export function minimal(): Record<string, any> {
  return {
    title: 'test',
    data: { generator: 'line' },
    training: { optimizer: { type: 'sgd', lr: 0.1 } },
  };
}

/** A minimal experiment with `patch` deep-merged in (objects merged, the rest replaced). */
export function fileWith(patch: Record<string, unknown>): string {
  return JSON.stringify(merge(minimal(), patch), null, 2);
}

function merge(base: Record<string, any>, patch: Record<string, unknown>): Record<string, any> {
  const out = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
    out[key] = isObject(value) && isObject(out[key]) ? merge(out[key], value as Record<string, unknown>) : value;
  }
  return out;
}
