// Parsing a file with mistakes: every problem is found, with its exact place, its field
// path and what was expected; syntax errors too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDiagnostic } from '../../../src/experiment/diagnostics.ts';
import { fileWith, find, lineColumn, messages, parse } from './helpers.ts';

const MISTAKES = [
  '{',
  '  // Weight decay on a tiny regression',
  '  "title": "positions",',
  '  /* the data:',
  '     ten noisy points */',
  '  "data": { "generator": "line", "train": 10 },',
  '  "training": {',
  '    "optimizer": {',
  '      "type": "sgd",',
  '      "lr": -0.1, // the sign is a slip',
  '      "momentun": 0.9',
  '    },',
  '    "batchSize": 0,',
  '  },',
  '  "regularization": { "dropout": 1 },',
  '  "model": { "hidden": [100, "wide"], "activation": "Relu" }',
  '}',
].join('\n');

test('each problem of a commented multi-line file is reported at its exact line and column', () => {
  const result = parse(MISTAKES);
  assert.equal(result.experiment, undefined);
  assert.deepEqual(lineColumn(find(result, 'training.optimizer.lr must be > 0, got -0.1')), [10, 13]);
  assert.deepEqual(lineColumn(find(result, "unknown property 'momentun'")), [11, 7]);
  assert.deepEqual(lineColumn(find(result, 'training.batchSize must be ≥ 1, got 0')), [13, 18]);
  assert.deepEqual(lineColumn(find(result, 'regularization.dropout must be in [0, 1), got 1')), [15, 34]);
  assert.deepEqual(lineColumn(find(result, 'model.hidden[1] must be an integer ≥ 1, got "wide"')), [16, 30]);
  assert.deepEqual(lineColumn(find(result, 'model.activation must be one of')), [16, 53]);
  assert.equal(result.diagnostics.length, 6, messages(result).join('\n'));
});

test('a diagnostic carries the 0-based range of the value and the path of the field', () => {
  const d = find(parse(MISTAKES), 'training.optimizer.lr');
  assert.deepEqual(d.range, { start: { line: 9, character: 12 }, end: { line: 9, character: 16 } });
  assert.deepEqual(d.path, ['training', 'optimizer', 'lr']);
  assert.equal(d.severity, 'error');
});

test('formatDiagnostic prints file:line:column: message, 1-based', () => {
  const d = find(parse(MISTAKES), 'training.optimizer.lr');
  assert.equal(formatDiagnostic('examples/a.reglab.json', d), 'examples/a.reglab.json:10:13: training.optimizer.lr must be > 0, got -0.1');
  const warning = { ...d, severity: 'warning' as const, message: 'careful' };
  assert.equal(formatDiagnostic('a.json', warning), 'a.json:10:13: warning: careful');
});

test('diagnostics come in the order of their positions', () => {
  const starts = parse(MISTAKES).diagnostics.map((d) => d.range.start.line * 1000 + d.range.start.character);
  assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
});

test('an unknown key suggests the closest known one, snake_case included', () => {
  assert.match(find(parse(MISTAKES), 'momentun').message, /unknown property 'momentun' in training\.optimizer; did you mean 'momentum'\?$/);
  const snake = parse(fileWith({ regularization: { weight_decay: 0.1 } }));
  assert.match(find(snake, 'weight_decay').message, /did you mean 'weightDecay'\?/);
  const far = parse(fileWith({ regularization: { banana: 1 } }));
  assert.equal(find(far, 'banana').message, "unknown property 'banana' in regularization");
  const top = parse(fileWith({ trainig: {} }));
  assert.equal(find(top, 'trainig').message, "unknown property 'trainig' at the top level; did you mean 'training'?");
});

test('a misspelt enum value suggests the right one', () => {
  assert.match(find(parse(MISTAKES), 'model.activation').message, /got "Relu"; did you mean "relu"\?$/);
  const generator = parse(fileWith({ data: { generator: 'sin' } }));
  assert.match(find(generator, 'data.generator').message, /must be one of "line", "sine", .*got "sin"; did you mean "sine"\?$/);
});

test("an option of another generator says whose it is", () => {
  const result = parse(fileWith({ data: { generator: 'moons', slope: 2 } }));
  assert.equal(find(result, 'slope').message, `unknown property 'slope' in data: generator "moons" has no 'slope' (it is an option of "line")`);
});

test('wrong types say what was expected and what was found', () => {
  const result = parse(fileWith({ seed: 'one', model: { hidden: 100 }, training: { shuffle: 'yes', batchSize: 'all' } }));
  assert.ok(find(result, 'seed must be an integer in [0, 4294967295], got "one"'));
  assert.ok(find(result, 'model.hidden must be an array of integers ≥ 1, got 100'));
  assert.ok(find(result, 'training.shuffle must be true or false, got "yes"'));
  assert.ok(find(result, 'training.batchSize must be an integer ≥ 1 or "full", got "all"'));
});

test('out-of-range values: negative lr, dropout 1, batchSize 0, a non-integer epoch count', () => {
  const result = parse(fileWith({ training: { optimizer: { lr: -0.5 }, batchSize: 0, epochs: 2.5 }, regularization: { dropout: [0.5, 1] }, model: { hidden: [4, 4] } }));
  assert.deepEqual(messages(result).sort(), [
    'regularization.dropout[1] must be in [0, 1), got 1',
    'training.batchSize must be ≥ 1, got 0',
    'training.epochs must be an integer ≥ 1, got 2.5',
    'training.optimizer.lr must be > 0, got -0.5',
  ]);
});

test('missing required fields name the field and what it should be, at the object lacking it', () => {
  const text = '{\n  "data": { "generator": "line" },\n  "training": {\n    "optimizer": { "type": "sgd" }\n  }\n}';
  const result = parse(text);
  const lr = find(result, 'training.optimizer.lr is required: a number > 0');
  assert.deepEqual(lineColumn(lr), [4, 5], 'at the "optimizer" key');
  assert.deepEqual(lr.path, ['training', 'optimizer', 'lr']);
  const title = find(result, 'title is required: a non-empty string');
  assert.deepEqual(lineColumn(title), [1, 1], 'at the opening brace');
  const generator = parse(fileWith({ data: { generator: undefined, train: 5 } }));
  assert.ok(find(generator, 'data.generator is required: one of "line", "sine"'));
});

test('a duplicate key is an error at the second one', () => {
  const result = parse('{ "title": "a", "title": "b", "data": { "generator": "line" }, "training": { "optimizer": { "type": "sgd", "lr": 1 } } }');
  assert.deepEqual(lineColumn(find(result, "duplicate property 'title' at the top level")), [1, 17]);
});

test('a missing comma is a syntax error at the next item, with its path', () => {
  const text = '{\n  "title": "x"\n  "seed": 1\n}';
  const result = parse(text);
  assert.equal(result.experiment, undefined);
  assert.equal(result.diagnostics.length, 1);
  const d = result.diagnostics[0]!;
  assert.match(d.message, /^syntax error: expected ','/);
  assert.deepEqual(lineColumn(d), [3, 3]);
});

test('every syntax error is reported, each once', () => {
  const result = parse('{\n  "title": "x",\n  "seed": ,\n  "dtype" "float32"\n}');
  assert.deepEqual(messages(result), ['syntax error: expected a value', "syntax error: expected ':' after the property name"]);
  assert.deepEqual(result.diagnostics.map(lineColumn), [[3, 11], [4, 11]]);
});

test('an unterminated comment or string, and text after the end, are syntax errors', () => {
  assert.match(messages(parse('{ "title": "x" /* oops'))[0]!, /unterminated comment/);
  assert.match(messages(parse('{ "title": "x }'))[0]!, /unterminated string/);
  assert.match(messages(parse('{} }'))[0]!, /after the end/);
});

test('comments and trailing commas are allowed', () => {
  const result = parse('// an experiment\n{ "title": "x", /* data */ "data": { "generator": "line", }, "training": { "optimizer": { "type": "sgd", "lr": 1, }, }, }');
  assert.deepEqual(messages(result), []);
  assert.ok(result.experiment);
});

test('an empty file, or one that is not an object, says what an experiment looks like', () => {
  for (const text of ['', '  // only a comment\n', '[1, 2]']) {
    const result = parse(text);
    assert.equal(result.diagnostics.length, 1);
    assert.match(result.diagnostics[0]!.message, /an experiment looks like \{ "title"/);
  }
});

test('errors in variants are reported in the variant, named after it', () => {
  const text = fileWith({ variants: [{ name: 'v', regularization: { dropout: 1.5, dropuot: 0.5 } }, { title: 'x' }] });
  const result = parse(text);
  const dropout = find(result, 'regularization.dropout must be');
  assert.equal(dropout.message, 'variant "v": regularization.dropout must be in [0, 1), got 1.5');
  assert.deepEqual(dropout.path, ['variants', 0, 'regularization', 'dropout']);
  assert.equal(find(result, 'dropuot').message, `variant "v": unknown property 'dropuot' in regularization; did you mean 'dropout'?`);
  assert.ok(find(result, 'variants[1].name is required'));
  assert.ok(find(result, "unknown property 'title' in variants[1]"));
});

test('a variant override of a key that does not exist is an error like any unknown key', () => {
  const result = parse(fileWith({ variants: [{ name: 'v', training: { optimizer: { learningRate: 0.1 } } }] }));
  assert.equal(find(result, 'learningRate').message, `variant "v": unknown property 'learningRate' in training.optimizer`);
  const section = parse(fileWith({ variants: [{ name: 'v', regularisation: { l2: 1 } }] }));
  assert.equal(find(section, 'regularisation').message, "unknown property 'regularisation' in variants[0]; did you mean 'regularization'?");
});

test('a problem of the base is reported once, not again for every variant', () => {
  const result = parse(fileWith({ training: { optimizer: { lr: 0 } }, variants: [{ name: 'a' }, { name: 'b', model: { hidden: [3] } }] }));
  assert.deepEqual(messages(result), ['training.optimizer.lr must be > 0, got 0']);
});

test('a "__proto__" key is an unknown property like any other, and changes no prototype', () => {
  const result = parse('{ "title": "x", "data": { "generator": "line", "__proto__": { "train": 3 } }, "training": { "optimizer": { "type": "sgd", "lr": 1 } } }');
  assert.deepEqual(messages(result), ["unknown property '__proto__' in data"]);
  assert.equal(({} as Record<string, unknown>).train, undefined);
});

test('the parsed experiment is made of ordinary objects', () => {
  const result = parse(fileWith({ variants: [{ name: 'v', model: { hidden: [3] } }] }));
  assert.equal(Object.getPrototypeOf(result.experiment!.variants[0]!.model), Object.prototype);
  assert.equal(Object.getPrototypeOf(result.experiment!.data), Object.prototype);
});
