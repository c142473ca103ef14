// A seeded fuzz test (issue 12): 10,000 mutations of the example lessons — truncated,
// bytes flipped, types swapped, extreme numbers, deep nesting, huge strings, many keys,
// many variants — through the parser and validator and the host's lens and diagnostic
// functions. None may throw, each file must be handled in under 200 ms, and every
// diagnostic and lens must lie inside the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Range } from '../../../src/experiment/diagnostics.ts';
import { countRuns } from '../../../src/experiment/expand.ts';
import { parseExperiment } from '../../../src/experiment/parse.ts';
import { locateSections } from '../../../src/experiment/positions.ts';
import { readsFiles } from '../../../src/extension/dataCheck.ts';
import { planLenses } from '../../../src/extension/lensPlan.ts';
import { ownDiagnostics } from '../../../src/extension/ownDiagnostics.ts';
import { MUTATIONS, Rng } from './mutate.ts';

const FILES = 10_000;
const SEED = 20261206;
/**
 * Per file, in CPU time of this process (process.cpuUsage), so that other processes on a
 * shared machine do not count. A file over it is handled again (up to four times) and the
 * fastest time counts, so that a garbage collection alone cannot fail the test; a slow
 * path fails every time.
 */
const LIMIT_MS = 200;

const examplesDir = join(import.meta.dirname, '../../../examples');
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.reglab.json')).sort().map((f) => readFileSync(join(examplesDir, f), 'utf8'));
const names = Object.keys(MUTATIONS);

/** Everything the host does with a file's text as it is edited. */
function handle(text: string): { ranges: Range[] } {
  const parsed = parseExperiment(text, 'fuzz.reglab.json');
  const lenses = planLenses(parsed, text);
  const own = ownDiagnostics(parsed);
  const sections = locateSections(parsed.tree, text);
  readsFiles(parsed);
  if (parsed.experiment !== undefined) countRuns(parsed.experiment, { includeSweep: true });
  return {
    ranges: [
      ...parsed.diagnostics.map((d) => d.range),
      ...own.map((d) => d.range),
      ...lenses.map((l) => l.range),
      ...sections.variants.flatMap((v) => [v.range, ...(v.nameRange ? [v.nameRange] : [])]),
    ],
  };
}

/** Where a failing file is written, to reproduce it. */
const FAILURE = join(import.meta.dirname, '../../../test-output/fuzz-failure.reglab.json');

function keep(text: string): void {
  mkdirSync(dirname(FAILURE), { recursive: true });
  writeFileSync(FAILURE, text);
}

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

function inside(range: Range, lengths: readonly number[]): boolean {
  const ok = (p: Range['start']) => p.line >= 0 && p.line < lengths.length && p.character >= 0 && p.character <= lengths[p.line]!;
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  return ok(range.start) && ok(range.end) && ordered;
}

test(`${FILES.toLocaleString('en-US')} mutated experiment files: no throw, under ${LIMIT_MS} ms each, every diagnostic inside the file`, () => {
  // Untimed: the first calls compile the code (the first files would otherwise measure V8's JIT).
  const warm = new Rng(1);
  for (let i = 0; i < 200; i++) handle(MUTATIONS[names[i % names.length]!]!(warm.pick(examples), warm));
  const rng = new Rng(SEED);
  const used = new Map<string, number>();
  let slowest = { ms: 0, what: '' };
  for (let i = 0; i < FILES; i++) {
    let text = rng.pick(examples);
    const applied: string[] = [];
    for (let m = 0, n = 1 + rng.int(3); m < n; m++) {
      const name = rng.pick(names);
      text = MUTATIONS[name]!(text, rng);
      applied.push(name);
      used.set(name, (used.get(name) ?? 0) + 1);
    }
    const what = `file ${i} (${applied.join(' + ')}, ${text.length.toLocaleString('en-US')} chars)`;
    let ms = Infinity;
    let result: { ranges: Range[] } | undefined;
    for (let attempt = 0; attempt < 5 && ms >= LIMIT_MS; attempt++) {
      const started = process.cpuUsage();
      try {
        result = handle(text);
      } catch (error) {
        keep(text);
        assert.fail(`${what} threw (kept in ${FAILURE}): ${error instanceof Error ? error.stack : String(error)}`);
      }
      const used = process.cpuUsage(started);
      ms = Math.min(ms, (used.user + used.system) / 1000);
    }
    if (ms >= LIMIT_MS) keep(text);
    assert.ok(ms < LIMIT_MS, `${what} took ${ms.toFixed(0)} ms (kept in ${FAILURE})`);
    if (ms > slowest.ms) slowest = { ms, what };
    const lengths = lineLengths(text);
    for (const range of result!.ranges) assert.ok(inside(range, lengths), `${what}: range ${JSON.stringify(range)} is outside the file`);
  }
  // Every kind of mutation was tried, many times.
  for (const name of names) assert.ok((used.get(name) ?? 0) > 500, `${name} used ${used.get(name) ?? 0} times`);
  console.log(`slowest: ${slowest.what}, ${slowest.ms.toFixed(1)} ms`);
});
