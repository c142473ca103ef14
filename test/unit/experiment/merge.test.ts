// Variants deep-merge over the base: objects key by key, arrays and scalars replaced,
// and a changed generator replaces the whole data block. Values and nodes agree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTree } from 'jsonc-parser';
import { nodeValue } from '../../../src/experiment/nodeValue.ts';
import { mergeNodes, mergeValues } from '../../../src/experiment/merge.ts';
import { runConfigSchema } from '../../../src/experiment/schema/experiment.ts';
import { expandRuns } from '../../../src/experiment/expand.ts';
import { fileWith, parseValid } from './helpers.ts';

const BASE = {
  data: { generator: 'line', slope: 2, trainNoise: 0.5 },
  model: { hidden: [100, 100], activation: 'tanh' },
  training: { optimizer: { type: 'sgd', lr: 0.01, momentum: 0.9 }, epochs: 50 },
  regularization: { elasticNet: { lambda: 0.1, l1Ratio: 0.3 }, dropout: [0.1, 0.2] },
};

test('objects merge key by key; arrays and scalars are replaced', () => {
  const merged = mergeValues(runConfigSchema, BASE, {
    model: { hidden: [5] },
    training: { optimizer: { lr: 0.1 } },
    regularization: { elasticNet: { l1Ratio: 1 }, dropout: 0.5 },
  });
  assert.deepEqual(merged, {
    data: { generator: 'line', slope: 2, trainNoise: 0.5 },
    model: { hidden: [5], activation: 'tanh' },
    training: { optimizer: { type: 'sgd', lr: 0.1, momentum: 0.9 }, epochs: 50 },
    regularization: { elasticNet: { lambda: 0.1, l1Ratio: 1 }, dropout: 0.5 },
  });
});

test('merging changes neither input', () => {
  const base = structuredClone(BASE);
  const override = { model: { hidden: [5] } };
  const merged = mergeValues(runConfigSchema, base, override) as typeof BASE;
  merged.model.hidden.push(1);
  merged.data.slope = 0;
  assert.deepEqual(base, BASE);
  assert.deepEqual(override, { model: { hidden: [5] } });
});

test('the same generator merges; another generator replaces the data block whole', () => {
  const same = mergeValues(runConfigSchema, BASE, { data: { generator: 'line', train: 5 } }) as typeof BASE;
  assert.deepEqual(same.data, { generator: 'line', slope: 2, trainNoise: 0.5, train: 5 });
  const other = mergeValues(runConfigSchema, BASE, { data: { generator: 'moons', noise: 0.2 } }) as typeof BASE;
  assert.deepEqual(other.data, { generator: 'moons', noise: 0.2 });
});

test('mergeNodes gives the same value as mergeValues', () => {
  const override = {
    data: { generator: 'moons' },
    model: { hidden: [5] },
    training: { optimizer: { lr: 0.1, betas: [0.8, 0.9] }, extra: { a: 1 } },
    regularization: { elasticNet: { l1Ratio: 1 } },
  };
  for (const o of [override, { data: { trainNoise: 1 } }, {}]) {
    const nodes = mergeNodes(runConfigSchema, parseTree(JSON.stringify(BASE))!, parseTree(JSON.stringify(o))!);
    assert.deepEqual(nodeValue(nodes), mergeValues(runConfigSchema, BASE, o));
  }
});

test('a merged node keeps the place of whichever side wrote each value', () => {
  const baseText = JSON.stringify(BASE);
  const overrideText = ' '.repeat(baseText.length) + JSON.stringify({ training: { optimizer: { lr: 0.1 } } });
  const merged = mergeNodes(runConfigSchema, parseTree(baseText)!, parseTree(overrideText)!);
  const optimizer = merged.children!.find((p) => p.children![0]!.value === 'training')!.children![1]!
    .children!.find((p) => p.children![0]!.value === 'optimizer')!.children![1]!;
  const offsetOf = (key: string) => optimizer.children!.find((p) => p.children![0]!.value === key)!.children![1]!.offset;
  assert.ok(offsetOf('lr') >= baseText.length, 'lr from the override');
  assert.ok(offsetOf('momentum') < baseText.length, 'momentum from the base');
});

test('a variant run has the base with the variant merged in, defaults filled', () => {
  const e = parseValid(fileWith({
    model: { hidden: [100, 100] },
    training: { optimizer: { momentum: 0.9 } },
    regularization: { elasticNet: { lambda: 0.1 } },
    variants: [
      { name: 'base' },
      { name: 'changed', model: { hidden: [5] }, training: { optimizer: { lr: 0.5 } }, regularization: { elasticNet: { l1Ratio: 1 } } },
    ],
  }));
  const [base, changed] = expandRuns(e);
  assert.deepEqual(changed!.config.model.hidden, [5]);
  assert.equal(changed!.config.training.optimizer.lr, 0.5);
  assert.equal(changed!.config.training.optimizer.momentum, 0.9, 'kept from the base');
  assert.deepEqual(changed!.config.regularization.elasticNet, { lambda: 0.1, l1Ratio: 1 });
  assert.deepEqual(base!.config.model.hidden, [100, 100]);
  assert.deepEqual(e.variants[1], {
    name: 'changed', model: { hidden: [5] }, training: { optimizer: { lr: 0.5 } }, regularization: { elasticNet: { l1Ratio: 1 } },
  }, 'the parsed variant keeps only its overrides');
});

test('derived defaults follow a variant: snapshotEvery, testNoise, loss, eps', () => {
  const e = parseValid(fileWith({
    data: { trainNoise: 0.5 },
    training: { epochs: 2000 },
    variants: [
      { name: 'base' },
      { name: 'short', training: { epochs: 100 } },
      { name: 'quiet', data: { trainNoise: 0.1 } },
      { name: 'moons', data: { generator: 'moons' } },
      { name: 'adagrad', training: { optimizer: { type: 'adagrad' } } },
    ],
  }));
  const [base, short, quiet, moons, adagrad] = expandRuns(e).map((r) => r.config);
  assert.equal(base!.training.snapshotEvery, 100);
  assert.equal(short!.training.snapshotEvery, 5);
  assert.equal((quiet!.data as { testNoise: number }).testNoise, 0.1);
  assert.equal(moons!.training.loss, 'cross_entropy');
  assert.deepEqual(moons!.data, { generator: 'moons', train: 200, test: 200, noise: 0.1 });
  assert.equal(adagrad!.training.optimizer.eps, 1e-10);
  assert.equal(base!.training.optimizer.eps, 1e-8);
});

test('a derived default written in the file is kept by every variant', () => {
  const e = parseValid(fileWith({ data: { trainNoise: 0.5, testNoise: 0.3 }, variants: [{ name: 'quiet', data: { trainNoise: 0.1 } }] }));
  assert.equal((expandRuns(e)[0]!.config.data as { testNoise: number }).testNoise, 0.3);
});
