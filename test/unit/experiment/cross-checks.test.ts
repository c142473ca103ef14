// The checks a schema alone cannot express, each reported at the right node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileWith, find, messages, parse } from './helpers.ts';

test('model.hidden sizes must be positive integers', () => {
  const result = parse(fileWith({ model: { hidden: [10, 0, 2.5, -1] } }));
  assert.deepEqual(messages(result), [
    'model.hidden[1] must be ≥ 1, got 0',
    'model.hidden[2] must be an integer ≥ 1, got 2.5',
    'model.hidden[3] must be ≥ 1, got -1',
  ]);
});

test('dropout is one p in [0, 1) or one per hidden layer', () => {
  assert.deepEqual(messages(parse(fileWith({ model: { hidden: [8, 8] }, regularization: { dropout: [0.5, 0.2] } }))), []);
  assert.deepEqual(messages(parse(fileWith({ model: { hidden: [8, 8] }, regularization: { dropout: 0.5 } }))), []);
  const result = parse(fileWith({ model: { hidden: [8, 8, 8] }, regularization: { dropout: [0.5, 0.2] } }));
  const d = find(result, 'regularization.dropout has 2 values but model.hidden has 3 hidden layers');
  assert.deepEqual(d.path, ['regularization', 'dropout']);
  assert.equal(messages(parse(fileWith({ regularization: { dropout: 1 } })))[0], 'regularization.dropout must be in [0, 1), got 1');
  assert.equal(messages(parse(fileWith({ regularization: { dropout: -0.1 } })))[0], 'regularization.dropout must be in [0, 1), got -0.1');
});

test('dropout on a model without hidden layers is a warning', () => {
  const result = parse(fileWith({ model: { hidden: [] }, regularization: { dropout: 0.5 } }));
  assert.deepEqual(messages(result, 'warning'), ['regularization.dropout has no effect: model.hidden is [], so there is no hidden layer to drop units from']);
  assert.ok(result.experiment, 'a warning does not stop the experiment');
});

test('model.freeze "first" needs a hidden layer', () => {
  assert.deepEqual(messages(parse(fileWith({ model: { hidden: [20], freeze: 'first' } }))), []);
  const result = parse(fileWith({ model: { hidden: [], freeze: 'first' } }));
  const d = find(result, 'model.freeze "first" needs a hidden layer');
  assert.deepEqual(d.path, ['model', 'freeze']);
  assert.equal(d.severity, 'error');
  assert.match(messages(parse(fileWith({ model: { freeze: 'last' } })))[0]!, /model\.freeze/);
});

test('decoupled: true needs adam or adamw, and says so', () => {
  const sgd = parse(fileWith({ regularization: { decoupled: true, weightDecay: 0.01 } }));
  assert.match(find(sgd, 'regularization.decoupled').message, /works only with the adam and adamw optimizers .* "sgd"/);
  assert.deepEqual(messages(parse(fileWith({ training: { optimizer: { type: 'adam' } }, regularization: { decoupled: true, weightDecay: 0.01 } }))), []);
  const adamw = parse(fileWith({ training: { optimizer: { type: 'adamw' } }, regularization: { decoupled: false } }));
  assert.match(find(adamw, 'adamw always decouples').message, /for coupled decay use type "adam"/);
  assert.equal(find(adamw, 'adamw').severity, 'warning');
});

test('an optimizer option the chosen type does not have is a warning at the option', () => {
  const text = fileWith({ training: { optimizer: { type: 'adam', momentum: 0.9, betas: [0.8, 0.99] } } });
  const result = parse(text);
  const d = find(result, 'momentum');
  assert.equal(d.severity, 'warning');
  assert.equal(d.message, 'training.optimizer.momentum does not apply to adam (it is an option of sgd and rmsprop); it is ignored');
  assert.deepEqual(d.path, ['training', 'optimizer', 'momentum']);
  assert.ok(result.experiment);
});

test('a variant that switches optimizer inherits the base\'s options silently; one it writes itself still warns', () => {
  const text = fileWith({
    training: { optimizer: { type: 'sgd', lr: 0.1, momentum: 0.9 } },
    variants: [
      { name: 'adam', training: { optimizer: { type: 'adam' } } },
      { name: 'slip', training: { optimizer: { type: 'adam', dampening: 0.1 } } },
    ],
  });
  assert.deepEqual(messages(parse(text)), [
    'variant "slip": training.optimizer.dampening does not apply to adam (it is an option of sgd); it is ignored',
  ]);
});

test('an invalid base does not make a valid sweep.over look unknown', () => {
  const text = fileWith({ training: { optimizer: { type: 'sgd', lr: -1 } }, sweep: { over: 'regularization.weightDecay', values: [0, 0.1] } });
  assert.deepEqual(messages(parse(text)), ['training.optimizer.lr must be > 0, got -1']);
});

test('a misspelt sweep.over is reported with the errors of an invalid base', () => {
  const text = fileWith({ training: { optimizer: { type: 'sgd', lr: -1 } }, sweep: { over: 'regularization.weightDecy', values: [0, 0.1] } });
  assert.deepEqual(messages(parse(text)), [
    'training.optimizer.lr must be > 0, got -1',
    'sweep.over "regularization.weightDecy" is not a numeric field of the run config; did you mean "regularization.weightDecay"?',
  ]);
});

test('nesterov needs momentum and no dampening, as PyTorch', () => {
  const result = parse(fileWith({ training: { optimizer: { nesterov: true } } }));
  assert.match(find(result, 'nesterov').message, /needs momentum > 0 and dampening 0 \(got momentum 0, dampening 0\)/);
  assert.deepEqual(messages(parse(fileWith({ training: { optimizer: { nesterov: true, momentum: 0.9 } } }))), []);
});

test('the loss must fit the task', () => {
  const mseOnMoons = parse(fileWith({ data: { generator: 'moons' }, training: { loss: 'mse' } }));
  assert.equal(
    find(mseOnMoons, 'training.loss').message,
    'training.loss "mse" is a regression loss, but data.generator "moons" is a classification data set: use "cross_entropy" (or "bce_with_logits" for two classes)',
  );
  const ceOnLine = parse(fileWith({ training: { loss: 'cross_entropy' } }));
  assert.match(find(ceOnLine, 'training.loss').message, /needs a classification data set, but data.generator "line" is regression: use one of "mse", "l1", "smooth_l1", "huber"$/);
  const csv = parse(fileWith({ data: { generator: 'csv', path: 'a.csv', features: ['x'], target: 'y', task: 'classification' }, training: { loss: 'huber' } }));
  assert.match(find(csv, 'training.loss').message, /data.generator "csv" with data.task "classification" is a classification data set/);
  const bceOnBlobs = parse(fileWith({ data: { generator: 'blobs', classes: 3 }, training: { loss: 'bce_with_logits' } }));
  assert.match(find(bceOnBlobs, 'bce_with_logits').message, /is for two classes \(one output logit\), but data.generator "blobs" has 3 classes: use "cross_entropy"/);
  assert.deepEqual(messages(parse(fileWith({ data: { generator: 'xor' }, training: { loss: 'bce_with_logits' } }))), []);
});

test('the default loss follows the task', () => {
  const classification = parse(fileWith({ data: { generator: 'spiral' } }));
  assert.equal(classification.experiment?.training.loss, 'cross_entropy');
  assert.equal(parse(fileWith({})).experiment?.training.loss, 'mse');
});

test('batchSize may not exceed the training set when its size is known', () => {
  const result = parse(fileWith({ data: { train: 20 }, training: { batchSize: 32 } }));
  const d = find(result, 'training.batchSize');
  assert.equal(d.message, 'training.batchSize 32 is larger than the training set (data.train = 20): use at most 20, or "full"');
  assert.deepEqual(d.path, ['training', 'batchSize']);
  assert.deepEqual(messages(parse(fileWith({ data: { train: 20 }, training: { batchSize: 20 } }))), []);
  const defaultSize = parse(fileWith({ training: { batchSize: 11 } }));
  assert.match(find(defaultSize, 'batchSize').message, /\(data.train = 10\)/, 'the default train size counts too');
  const mnist = { generator: 'mnist', images: 'a', labels: 'b', testImages: 'c', testLabels: 'd' };
  assert.deepEqual(messages(parse(fileWith({ data: mnist, training: { batchSize: 1000 } }))), [], 'unknown size: no check');
  assert.match(messages(parse(fileWith({ data: { ...mnist, limitTrain: 100 }, training: { batchSize: 1000 } })))[0]!, /\(data.limitTrain = 100\)/);
  // The bundled digits' 8,004 training digits are known.
  assert.deepEqual(messages(parse(fileWith({ data: { generator: 'mnist' }, training: { batchSize: 8004 } }))), []);
  assert.match(messages(parse(fileWith({ data: { generator: 'mnist' }, training: { batchSize: 9000 } })))[0]!, /\(data.limitTrain = 8004\)/);
  assert.match(messages(parse(fileWith({ data: { generator: 'mnist', limitTrain: 20000 }, training: { batchSize: 9000 } })))[0]!, /\(data.limitTrain = 8004\)/);
});

test('MNIST takes all four IDX files or none (the bundled digits); some of them is an error at the data block', () => {
  assert.deepEqual(messages(parse(fileWith({ data: { generator: 'mnist' }, model: {}, training: { loss: 'cross_entropy' } }))), []);
  const partial = parse(fileWith({ data: { generator: 'mnist', images: 'a', labels: 'b' }, training: { loss: 'cross_entropy' } }));
  const d = find(partial, 'missing');
  assert.equal(d.message, 'data.mnist: "testImages", "testLabels" are missing: name all four IDX files (images, labels, testImages, testLabels), or none to train on the 10,000 digits Reglab ships');
  assert.deepEqual(d.path, ['data']);
});

test('the x range must be increasing', () => {
  assert.equal(messages(parse(fileWith({ data: { x: [1, -1] } })))[0], 'data.x must be [low, high] with low < high, got [1, -1]');
});

test('options used only by another activation, init or loss are warnings', () => {
  const result = parse(fileWith({ model: { negativeSlope: 0.2, initStd: 0.1, initBias: 'normal' }, training: { beta: 0.5, delta: 2, loss: 'huber' } }));
  assert.deepEqual(messages(result, 'warning').sort(), [
    'model.initBias is used only with init "normal", not "default"; it is ignored',
    'model.initStd is used only with init "normal", not "default"; it is ignored',
    'model.negativeSlope is used only with activation "leaky_relu", not "relu"; it is ignored',
    'training.beta is used only with loss "smooth_l1", not "huber"; it is ignored',
  ]);
});

test('data.test with testAt "train" is a warning: the test set is the training x', () => {
  const result = parse(fileWith({ data: { generator: 'line', train: 10, test: 30, testAt: 'train' } }));
  assert.deepEqual(messages(result, 'warning'), ['data.test is ignored with testAt "train": the test set is the 10 training inputs with fresh noise']);
  assert.deepEqual(messages(parse(fileWith({ data: { generator: 'line', train: 10, testAt: 'train' } })), 'warning'), []);
});

test('a proximal l1Mode without any L1 term is a warning', () => {
  const result = parse(fileWith({ regularization: { l1Mode: 'proximal' } }));
  assert.match(messages(result, 'warning')[0]!, /l1Mode has no effect: there is no L1 term/);
  assert.deepEqual(messages(parse(fileWith({ regularization: { l1Mode: 'proximal', elasticNet: { lambda: 0.1 } } }))), []);
});

test('label smoothing with a loss other than cross-entropy is a warning', () => {
  const result = parse(fileWith({ regularization: { labelSmoothing: 0.1 } }));
  assert.deepEqual(messages(result, 'warning'), [
    'regularization.labelSmoothing is CrossEntropyLoss\'s label_smoothing and has no effect with training.loss "mse"; it is ignored',
  ]);
});

test('variant names must be unique', () => {
  const result = parse(fileWith({ variants: [{ name: 'a' }, { name: 'b' }, { name: 'a' }] }));
  const d = find(result, 'already the name');
  assert.equal(d.message, 'variants[2].name "a" is already the name of variants[0]: variant names must be unique');
  assert.deepEqual(d.path, ['variants', 2, 'name']);
});

test('a check runs even when another part of the file is invalid', () => {
  const result = parse(fileWith({ model: { activation: 'relux' }, data: { generator: 'moons' }, training: { loss: 'mse' } }));
  assert.equal(result.diagnostics.length, 2);
  assert.ok(find(result, 'model.activation must be one of'));
  assert.ok(find(result, 'training.loss "mse" is a regression loss'));
});

test('a check does not run on values that are themselves invalid', () => {
  const result = parse(fileWith({ data: { generator: 'moonz' }, training: { loss: 'mse' } }));
  assert.deepEqual(messages(result), [
    'data.generator must be one of "line", "sine", "polynomial", "d2l", "circles", "xor", "gaussian", "spiral", "moons", "blobs", "csv", "mnist", got "moonz"; did you mean "moons"?',
  ]);
});

test('a variant that breaks a check is named; the problem is placed in the variant when it wrote the value', () => {
  const text = fileWith({
    regularization: { dropout: [0.5, 0.5] },
    model: { hidden: [8, 8] },
    variants: [{ name: 'narrow', model: { hidden: [8] } }, { name: 'adam', regularization: { decoupled: true, weightDecay: 0.1 } }],
  });
  const result = parse(text);
  const narrow = find(result, 'variant "narrow"');
  assert.equal(narrow.message, 'variant "narrow": regularization.dropout has 2 values but model.hidden has 1 hidden layer: give one p per hidden layer, or a single p for all (the value comes from the base)');
  assert.deepEqual(narrow.path, ['variants', 0, 'name'], 'at the variant, which is what needs fixing');
  const adam = find(result, 'variant "adam"');
  assert.deepEqual(adam.path, ['variants', 1, 'regularization', 'decoupled']);
  assert.match(adam.message, /^variant "adam": regularization.decoupled: true works only with the adam and adamw optimizers/);
});

test('a variant changing the data set gets the loss default of its task', () => {
  const result = parse(fileWith({ variants: [{ name: 'moons', data: { generator: 'moons' } }] }));
  assert.deepEqual(messages(result), []);
  const written = parse(fileWith({ training: { loss: 'mse' }, variants: [{ name: 'moons', data: { generator: 'moons' } }] }));
  assert.match(find(written, 'variant "moons"').message, /training.loss "mse" is a regression loss/);
});

test('sweep.over must name an existing numeric field, with a suggestion', () => {
  const typo = parse(fileWith({ sweep: { over: 'regularization.weightdecay', values: [1] } }));
  assert.equal(find(typo, 'sweep.over').message, 'sweep.over "regularization.weightdecay" is not a field of the run config; did you mean "regularization.weightDecay"?');
  assert.deepEqual(find(typo, 'sweep.over').path, ['sweep', 'over']);
  const short = parse(fileWith({ sweep: { over: 'weightDecay', values: [1] } }));
  assert.match(find(short, 'sweep.over').message, /did you mean "regularization.weightDecay"\?$/);
  const notNumeric = parse(fileWith({ sweep: { over: 'model.activation', values: [1] } }));
  assert.match(find(notNumeric, 'sweep.over').message, /must name a numeric field, but it is one of "relu"/);
  const object = parse(fileWith({ sweep: { over: 'regularization.elasticNet', values: [1] } }));
  assert.match(find(object, 'sweep.over').message, /but it is an object$/);
  const seed = parse(fileWith({ sweep: { over: 'seed', values: [1, 2] } }));
  assert.match(find(seed, 'sweep.over').message, /repeats varies the seed/);
  assert.deepEqual(messages(parse(fileWith({ sweep: { over: 'regularization.elasticNet.lambda', values: [0, 1] } }))), []);
  assert.deepEqual(messages(parse(fileWith({ sweep: { over: 'data.trainNoise', values: [0, 1] } }))), []);
});

test('sweep.over must exist in every swept variant (a field of one generator only)', () => {
  const result = parse(fileWith({ variants: [{ name: 'line' }, { name: 'moons', data: { generator: 'moons' } }], sweep: { over: 'data.slope', values: [1, 2] } }));
  assert.equal(find(result, 'sweep.over').message, 'sweep.over "data.slope" is not a field of variant "moons" (its data.generator is "moons")');
  const onlyLine = parse(fileWith({ variants: [{ name: 'line' }, { name: 'moons', data: { generator: 'moons' } }], sweep: { over: 'data.slope', values: [1, 2], variants: ['line'] } }));
  assert.deepEqual(messages(onlyLine), []);
});

test('sweep values must suit the swept field; a log-space needs positive ends', () => {
  const values = parse(fileWith({ sweep: { over: 'regularization.dropout', values: [0, 0.5, 1] } }));
  assert.deepEqual(find(values, 'sweep.values[2] must be in [0, 1), got 1').path, ['sweep', 'values', 2]);
  const integers = parse(fileWith({ sweep: { over: 'training.epochs', values: [10, 20.5] } }));
  assert.ok(find(integers, 'sweep.values[1] must be an integer ≥ 1, got 20.5'));
  const from = parse(fileWith({ sweep: { over: 'regularization.l2', logspace: { from: 0, to: 1, count: 5 } } }));
  assert.ok(find(from, 'sweep.logspace.from must be > 0, got 0'));
  const to = parse(fileWith({ sweep: { over: 'regularization.l2', logspace: { from: 1e-3, to: -1, count: 5 } } }));
  assert.ok(find(to, 'sweep.logspace.to must be > 0, got -1'));
  const range = parse(fileWith({ sweep: { over: 'regularization.dropout', logspace: { from: 0.01, to: 10, count: 4 } } }));
  assert.equal(find(range, 'sweep.logspace').message, 'sweep.logspace gives 1, but regularization.dropout must be in [0, 1)');
});

test('a sweep needs exactly one of values and logspace', () => {
  assert.match(messages(parse(fileWith({ sweep: { over: 'regularization.l2' } })))[0]!, /sweep needs "values" \(a list\) or "logspace"/);
  const both = parse(fileWith({ sweep: { over: 'regularization.l2', values: [1], logspace: { from: 1, to: 2, count: 2 } } }));
  assert.match(messages(both)[0]!, /both "values" and "logspace"/);
});

test('sweep.variants must name variants', () => {
  const result = parse(fileWith({ variants: [{ name: 'plain' }, { name: 'decay' }], sweep: { over: 'regularization.l2', values: [1], variants: ['decay', 'decoy'] } }));
  assert.equal(find(result, 'sweep.variants').message, 'sweep.variants[1] "decoy" is not a variant; did you mean "decay"?');
  const none = parse(fileWith({ sweep: { over: 'regularization.l2', values: [1], variants: ['x'] } }));
  assert.match(find(none, 'sweep.variants').message, /the file has no variants/);
});

test('a swept variant that sets the swept field gets a warning at its value', () => {
  const result = parse(fileWith({ variants: [{ name: 'plain' }, { name: 'decay', regularization: { weightDecay: 0.01 } }], sweep: { over: 'regularization.weightDecay', values: [0, 1] } }));
  const d = find(result, 'the sweep replaces');
  assert.equal(d.severity, 'warning');
  assert.deepEqual(d.path, ['variants', 1, 'regularization', 'weightDecay']);
  const listed = parse(fileWith({ variants: [{ name: 'plain' }, { name: 'decay', regularization: { weightDecay: 0.01 } }], sweep: { over: 'regularization.weightDecay', values: [0, 1], variants: ['plain'] } }));
  assert.deepEqual(messages(listed), []);
});

test('sweep.normPath: no word where it is drawn (a linear model\'s L2 or weight-decay sweep), a warning at it elsewhere', () => {
  const linear = { model: { hidden: [] } };
  assert.deepEqual(messages(parse(fileWith({ ...linear, sweep: { over: 'regularization.l2', values: [0.1, 1], normPath: true } }))), []);
  assert.deepEqual(messages(parse(fileWith({ ...linear, sweep: { over: 'regularization.weightDecay', values: [0.1, 1], normPath: true } }))), []);
  const l1 = find(parse(fileWith({ ...linear, sweep: { over: 'regularization.l1', values: [0.1, 1], normPath: true } })), 'sweep.normPath');
  assert.equal(l1.severity, 'warning');
  assert.deepEqual(l1.path, ['sweep', 'normPath']);
  assert.equal(l1.message, 'sweep.normPath is not drawn: it compares early stopping with ridge, so it needs a sweep of regularization.l2 or regularization.weightDecay, not regularization.l1');
  const deep = parse(fileWith({ model: { hidden: [8] }, sweep: { over: 'regularization.l2', values: [0.1, 1], normPath: true } }));
  assert.equal(find(deep, 'sweep.normPath').message, 'sweep.normPath is not drawn: it needs a linear model (model.hidden: [])');
  const grid = parse(fileWith({ ...linear, sweep: { over: 'regularization.l2', values: [0.1, 1], grid: { over: 'training.optimizer.lr', values: [0.01, 0.1] }, normPath: true } }));
  assert.match(find(grid, 'sweep.normPath').message, /a grid varies two fields/);
  assert.deepEqual(messages(parse(fileWith({ model: { hidden: [8] }, sweep: { over: 'regularization.l1', values: [0.1, 1], normPath: false } }))), [], 'false asks for nothing');
});

test('validation data: a fraction or a whole count smaller than the training set, or folds, not both', () => {
  assert.deepEqual(messages(parse(fileWith({ data: { generator: 'line', train: 20, validation: 0.25 } }))), []);
  assert.deepEqual(messages(parse(fileWith({ data: { generator: 'line', train: 20, folds: 5 } }))), []);
  assert.deepEqual(messages(parse(fileWith({ data: { generator: 'line', train: 20, validation: 0.2, folds: 5 } }))), [
    'give data.validation (one held-out split) or data.folds (cross-validation), not both',
  ]);
  assert.deepEqual(messages(parse(fileWith({ data: { generator: 'line', train: 20, validation: 2.5 } }))), [
    'data.validation 2.5 must be a fraction below 1 (e.g. 0.2) or a whole number of samples (e.g. 20)',
  ]);
  const many = find(parse(fileWith({ data: { generator: 'line', train: 20, validation: 20 } })), 'data.validation holds out 20 samples');
  assert.deepEqual(many.path, ['data', 'validation']);
  find(parse(fileWith({ data: { generator: 'moons', train: 4, folds: 5 } })), "data.folds 5 is more than the training set's 4 samples (data.train)");
  assert.match(messages(parse(fileWith({ data: { generator: 'line', folds: 1 } })))[0]!, /data\.folds must be/);
});

test('a sweep grid needs a second numeric field with valid values, and not sweep.over again', () => {
  const grid = (g: Record<string, unknown>) => messages(parse(fileWith({ model: { hidden: [8] }, sweep: { over: 'regularization.weightDecay', values: [0, 1], grid: g } })));
  assert.deepEqual(grid({ over: 'regularization.dropout', values: [0, 0.5] }), []);
  assert.deepEqual(grid({ over: 'regularization.weightDecay', values: [0, 0.5] }), ['sweep.grid.over is "regularization.weightDecay", the same field as sweep.over: a grid needs a second field']);
  assert.deepEqual(grid({ over: 'regularization.dropout', values: [0, 1.5] }), ['sweep.grid.values[1] must be in [0, 1), got 1.5']);
  assert.match(grid({ over: 'regularization.dropuot', values: [0] })[0]!, /^sweep\.grid\.over "regularization\.dropuot" is not a field of the run config; did you mean "regularization\.dropout"\?/);
  assert.deepEqual(grid({ over: 'regularization.dropout' }), ['sweep.grid needs "values" (a list) or "logspace" ({ "from", "to", "count" })']);
});

test('a width sweep needs the hidden layer it names and whole sizes ≥ 1', () => {
  const sweep = (model: Record<string, unknown>, s: Record<string, unknown>) => messages(parse(fileWith({ model, sweep: s })));
  assert.deepEqual(sweep({ hidden: [8, 8] }, { over: 'model.hidden', values: [2, 16] }), []);
  assert.deepEqual(sweep({ hidden: [8, 8] }, { over: 'model.hidden.1', values: [2, 16] }), []);
  assert.deepEqual(sweep({ hidden: [8, 8] }, { over: 'model.hidden.2', values: [2] }), ['sweep.over "model.hidden.2": model.hidden has 2 layers (0 … 1)']);
  assert.deepEqual(sweep({ hidden: [] }, { over: 'model.hidden', values: [2] }), ['sweep.over "model.hidden" needs hidden layers, but model.hidden is [] (a linear model has no width to sweep)']);
  assert.deepEqual(sweep({ hidden: [8] }, { over: 'model.hidden', values: [0, 2.5] }), ['sweep.values[0] must be ≥ 1, got 0', 'sweep.values[1] must be an integer ≥ 1, got 2.5']);
});
