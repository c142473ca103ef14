// Shared by the extension's unit tests: parsing texts and the example files.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseExperiment, type ParseResult } from '../../../src/experiment/parse.ts';
import type { Experiment } from '../../../src/experiment/schema/experiment.ts';

export const ROOT = join(import.meta.dirname, '../../..');

export function parse(text: string, file = 'test.reglab.json'): ParseResult {
  return parseExperiment(text, file);
}

export function valid(text: string): Experiment {
  const result = parse(text);
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message), []);
  return result.experiment!;
}

export function example(name: string): { text: string; parsed: ParseResult; experiment: Experiment } {
  const text = readFileSync(join(ROOT, 'examples', name), 'utf8');
  const parsed = parse(text, name);
  assert.ok(parsed.experiment, `${name} parses`);
  return { text, parsed, experiment: parsed.experiment };
}

/** [line, character] of a range's start, 0-based. */
export const at = (r: { start: { line: number; character: number } }) => [r.start.line, r.start.character];

/** The 0-based [line, character] where `needle` first occurs in `text` (after `from`). */
export function where(text: string, needle: string, from = 0): [number, number] {
  const offset = text.indexOf(needle, from);
  assert.ok(offset >= 0, `${needle} is in the text`);
  const before = text.slice(0, offset).split('\n');
  return [before.length - 1, before[before.length - 1]!.length];
}
