// Experiment files written to hurt: nesting deep enough to overflow a recursive parser,
// sweeps whose sizes would take forever to expand, huge strings, thousands of keys or
// syntax errors, a byte order mark. Each must give a few positioned diagnostics, never a
// crash, and the host's lens and diagnostic functions must take them as well.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countRuns, expandRuns } from '../../../src/experiment/expand.ts';
import { MAX_DIAGNOSTICS, MAX_NESTING, MAX_QUOTED } from '../../../src/experiment/limits.ts';
import { planLenses } from '../../../src/extension/lensPlan.ts';
import { ownDiagnostics } from '../../../src/extension/ownDiagnostics.ts';
import { find, lineColumn, messages, minimal, parse, parseValid } from './helpers.ts';

const examples = join(import.meta.dirname, '../../../examples');

/** The parse, and what the host makes of it, without throwing. */
function hostile(text: string) {
  const parsed = parse(text);
  return { parsed, lenses: planLenses(parsed, text).map((l) => l.title), own: ownDiagnostics(parsed) };
}

test('#4 nesting 5,000 levels deep is one syntax error at the bracket past the limit, not a stack overflow', () => {
  const depth = 5000;
  const text = `{\n  "title": "deep",\n  "model": ${'['.repeat(depth)}${']'.repeat(depth)}\n}`;
  const { parsed, lenses, own } = hostile(text);
  const d = find(parsed, `nested more than ${MAX_NESTING} levels deep`);
  // The top-level brace is level 1, so the bracket that makes level MAX_NESTING + 1 is the MAX_NESTING-th '['.
  assert.deepEqual(lineColumn(d), [3, 12 + MAX_NESTING - 1]);
  assert.equal(parsed.diagnostics.length, 1);
  assert.equal(parsed.experiment, undefined);
  assert.deepEqual(lenses, []);
  assert.deepEqual(own, []);
  // Brackets inside strings and comments are no nesting.
  parseValid(JSON.stringify({ ...minimal(), title: '['.repeat(depth) }).replace('{', `{ // ${'{'.repeat(depth)}\n`));
});

test('#3 logspace.count 1e10 or 1e8 is an error at the count, not an "Invalid array length" crash', () => {
  for (const count of [1e10, 1e8, 1e6, 1e308]) {
    const text = JSON.stringify({ ...minimal(), sweep: { over: 'regularization.weightDecay', logspace: { from: 1e-4, to: 1, count } } }, null, 2);
    const { parsed, lenses } = hostile(text);
    const d = find(parsed, 'sweep.logspace.count must be in [2, 1000]');
    assert.deepEqual(d.path, ['sweep', 'logspace', 'count']);
    assert.equal(lineColumn(d)[0], text.split('\n').findIndex((l) => l.includes('"count"')) + 1);
    assert.equal(lenses[0], '$(error) Fix the problems to run');
  }
});

test('#2 sweep.repeats of 1e6, 1e9 or 1e308 is an error at repeats', () => {
  for (const repeats of [1e6, 1e9, 1e308]) {
    const text = JSON.stringify({ ...minimal(), sweep: { over: 'regularization.weightDecay', values: [0, 1], repeats } }, null, 2);
    const d = find(hostile(text).parsed, 'sweep.repeats must be in [1, 1000]');
    assert.equal(lineColumn(d)[0], text.split('\n').findIndex((l) => l.includes('"repeats"')) + 1);
  }
});

test('#2 a sweep at the limits is counted, not expanded: 3 variants × 1,000 values × 1,000 seeds', () => {
  const experiment = parseValid(JSON.stringify({
    ...minimal(),
    variants: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
    sweep: { over: 'regularization.weightDecay', logspace: { from: 1e-6, to: 1, count: 1000 }, repeats: 1000 },
  }));
  assert.deepEqual(countRuns(experiment, { includeSweep: true }), { variant: 3, sweep: 3_000_000 });
  assert.deepEqual(countRuns(experiment), { variant: 3, sweep: 0 });
});

test('countRuns agrees with expandRuns: every example, an integer field whose rounded values repeat, a variant subset', () => {
  const files = [
    ...['01-tiny-regression-weight-decay', '06-lambda-sweep-u-shape', '07-moons-decision-boundary'].map((name) => readFileSync(join(examples, `${name}.reglab.json`), 'utf8')),
    JSON.stringify({ ...minimal(), sweep: { over: 'training.epochs', logspace: { from: 1, to: 4, count: 9 }, repeats: 3 } }),
    JSON.stringify({ ...minimal(), variants: [{ name: 'a' }, { name: 'b' }], sweep: { over: 'training.optimizer.lr', values: [0.1, 0.2], repeats: 2, variants: ['b'] } }),
  ];
  for (const text of files) {
    const experiment = parseValid(text);
    for (const options of [{}, { includeSweep: true }]) {
      const runs = expandRuns(experiment, options);
      assert.deepEqual(countRuns(experiment, options), {
        variant: runs.filter((r) => r.kind === 'variant').length,
        sweep: runs.filter((r) => r.kind === 'sweep').length,
      });
    }
  }
});

test('a log-space that leaves the swept field\'s range names its first value outside it, found without listing them', () => {
  const text = JSON.stringify({ ...minimal(), sweep: { over: 'regularization.dropout', logspace: { from: 1e-6, to: 10, count: 1000 } } });
  const d = find(parse(text), 'sweep.logspace gives');
  assert.match(d.message, /^sweep\.logspace gives 1\.0\d*, but regularization\.dropout must be in \[0, 1\)$/);
});

test('#6 a 3 MB string in an enum field or as a key is one short message', () => {
  const huge = 'r'.repeat(3_000_000);
  const inEnum = hostile(JSON.stringify({ ...minimal(), model: { activation: huge } })).parsed;
  assert.equal(inEnum.diagnostics.length, 1);
  assert.match(inEnum.diagnostics[0]!.message, /^model\.activation must be one of .*, got "r{37}\.\.\."$/);
  const asKey = hostile(JSON.stringify({ ...minimal(), [huge.slice(0, 1_000_000)]: 1, variants: [{ name: huge.slice(0, 1_000_000) }, { name: huge.slice(0, 1_000_000) }] })).parsed;
  assert.deepEqual(asKey.diagnostics.map((d) => d.message.length < 200 + MAX_QUOTED), [true, true]);
  assert.match(messages(asKey)[0]!, /^unknown property 'r{59}…' at the top level$/);
});

test('#6 100,000 unknown keys: the first 100 are listed, the rest counted at the next one', () => {
  const keys = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
  const text = JSON.stringify({ ...minimal(), ...keys }, null, 1);
  const { parsed, own } = hostile(text);
  assert.equal(parsed.diagnostics.length, MAX_DIAGNOSTICS + 1);
  assert.equal(messages(parsed)[0], "unknown property 'k0' at the top level");
  const last = parsed.diagnostics.at(-1)!;
  // Past 100 unknown keys in one object, one diagnostic counts the rest.
  assert.equal(last.message, 'and 99,900 more unknown properties at the top level');
  assert.equal(last.severity, 'error');
  assert.equal(lineColumn(last)[0], text.split('\n').findIndex((l) => l.includes('"k100"')) + 1);
  // VS Code's JSON service shows the schema's problems (the unknown keys) itself.
  assert.deepEqual(own, []);
});

test('#6 10,000 wrong items of a list: 100 listed, the rest counted', () => {
  const text = JSON.stringify({ ...minimal(), model: { hidden: Array.from({ length: 10_000 }, (_, i) => (i % 2 === 0 ? 'x' : 8)) } });
  const { parsed } = hostile(text);
  assert.equal(parsed.diagnostics.length, MAX_DIAGNOSTICS + 1);
  assert.equal(messages(parsed)[0], 'model.hidden[0] must be an integer ≥ 1, got "x"');
  assert.equal(parsed.diagnostics.at(-1)!.message, 'and 4,900 more wrong items in model.hidden');
});

test('#6 10,000 syntax errors: 100 listed, the rest counted', () => {
  const text = `{ "title": "x", "data": [${'1 '.repeat(10_000)}] }`;
  const { parsed } = hostile(text);
  assert.equal(parsed.diagnostics.length, MAX_DIAGNOSTICS + 1);
  assert.ok(parsed.syntaxError);
  assert.match(messages(parsed)[0]!, /^syntax error: expected ','/);
  assert.match(parsed.diagnostics.at(-1)!.message, /^and 9,899 more problems from here on/);
});

test('#8 a UTF-8 byte order mark is accepted, and positions stay those of the text given', () => {
  parseValid(`\uFEFF${JSON.stringify(minimal())}`);
  const text = `\uFEFF{\n  "title": 1,\n  "data": { "generator": "line" }, "training": { "optimizer": { "type": "sgd", "lr": 0.1 } } }`;
  assert.deepEqual(lineColumn(find(parse(text), 'title must be')), [2, 12]);
  const syntax = '\uFEFF{ "title": }';
  assert.deepEqual(lineColumn(find(parse(syntax), 'syntax error')), [1, 13]);
});

test('a file over 4 M characters is refused whole, at its start', () => {
  const text = JSON.stringify({ ...minimal(), description: 'x'.repeat(10_000_000) });
  const { parsed, lenses } = hostile(text);
  assert.deepEqual(messages(parsed), ['the file is 9.5 M characters long; an experiment file is at most 4 M (the lessons are about 3 K)']);
  assert.deepEqual(lineColumn(parsed.diagnostics[0]!), [1, 1]);
  assert.deepEqual(lenses, []);
});

test('more than 100 variants is an error at the list, and only the first 100 are checked one by one', () => {
  const variants = Array.from({ length: 5000 }, (_, i) => ({ name: `v${i}`, regularization: { dropout: i < 100 ? 0.1 : 2 } }));
  const result = parse(JSON.stringify({ ...minimal(), variants, sweep: { over: 'training.optimizer.lr', values: [0.1], variants: variants.map((v) => v.name) } }));
  assert.deepEqual(messages(result), ['variants must have at most 100 items, got 5000']);
});

test('"did you mean" still finds typos, and gives up on words no name is close to in length', () => {
  const typo = parse(JSON.stringify({ ...minimal(), model: { activaton: 'relu' } }));
  assert.match(messages(typo)[0]!, /did you mean 'activation'\?/);
  const long = parse(JSON.stringify({ ...minimal(), model: { activation: 'r'.repeat(500) } }));
  assert.doesNotMatch(messages(long)[0]!, /did you mean/);
});

test('an unknown "x" in a generator without x is reported as unknown, not read as a range (found by the fuzz test)', () => {
  for (const x of [{}, null, 'a', 3]) {
    const result = parse(JSON.stringify({ ...minimal(), data: { generator: 'moons', x } }));
    assert.match(messages(result)[0]!, /^unknown property 'x' in data: generator "moons" has no 'x'/);
  }
});
